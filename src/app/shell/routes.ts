import { useEffect, useState } from 'preact/hooks';

/** Changes page without a reload; listeners hear it as a popstate, like the browser's own back button. */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function useLocation(): URL {
  const [href, setHref] = useState(location.href);
  useEffect(() => {
    const onChange = () => setHref(location.href);
    addEventListener('popstate', onChange);
    return () => removeEventListener('popstate', onChange);
  }, []);
  return new URL(href);
}

const ID = '[0-9a-f-]{36}';

/**
 * Every screen's address, once: `:name` is a parameter, matched by the pattern beside it. The table is
 * read in order, so a fixed address (`/encounter/new`) comes before the pattern that would also take it.
 */
const ROUTES = {
  home: { path: '/' },
  homeFile: { path: '/index.html' },
  newReferral: { path: '/referral/new' },
  referralSent: { path: '/referral/:id/sent', params: { id: ID } },
  referralPage: { path: '/referral/:id/:page', params: { id: ID, page: '[a-z0-9-]+' } },
  encounters: { path: '/encounters' },
  newEncounter: { path: '/encounter/new' },
  encounter: { path: '/encounter/:id', params: { id: ID } },
  encounterAction: { path: '/encounter/:id/:action', params: { id: ID, action: 'details|close|delete' } },
  person: { path: '/encounter/:encounterId/person/:personId/:action', params: { encounterId: ID, personId: ID, action: 'quick|family|remove' } },
  outbox: { path: '/outbox' },
  outboxAddition: { path: '/outbox/:id/:action', params: { id: ID, action: 'answer|reconsider|delete' } },
  settings: { path: '/settings' },
  wipe: { path: '/settings/wipe' },
} as const;

type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
type ParamsOf<N extends RouteName> = Routes[N] extends { params: infer P } ? { [K in keyof P]: string } : Record<never, string>;

/** A matched address: the route's name and its parameters, typed by the table. */
export type MatchedRoute = { [N in RouteName]: { name: N; params: ParamsOf<N> } }[RouteName];

const matchers = (Object.keys(ROUTES) as RouteName[]).map((name) => {
  const route: { path: string; params?: Record<string, string> } = ROUTES[name];
  const names: string[] = [];
  // The fixed parts are matched as written (the `.` of /index.html is a dot), the parameters by their patterns.
  const source = route.path
    .split(/(:[a-zA-Z]+)/)
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const param = part.slice(1);
      names.push(param);
      return `(${route.params?.[param] ?? '[^/]+'})`;
    })
    .join('');
  return { name, names, pattern: new RegExp(`^${source}$`) };
});

/** The route an address shows, or undefined for an address no screen has. */
export function matchRoute(pathname: string): MatchedRoute | undefined {
  for (const { name, names, pattern } of matchers) {
    const found = pattern.exec(pathname);
    if (!found) continue;
    const params = Object.fromEntries(names.map((param, index) => [param, found[index + 1] ?? '']));
    return { name, params } as MatchedRoute;
  }
  return undefined;
}

/** Builds a route's address from its parameters (and an optional query). */
export function href<N extends RouteName>(name: N, params: ParamsOf<N>, query?: Record<string, string>): string {
  const values: Record<string, string> = params;
  const path = ROUTES[name].path.replace(/:([a-zA-Z]+)/g, (_, param: string) => encodeURIComponent(values[param] ?? ''));
  const search = query ? new URLSearchParams(query).toString() : '';
  return search ? `${path}?${search}` : path;
}

/** The addresses screens link to, built from the table. */
export const DELETE_PAGE = 'delete';
/** The task list of a draft (no page of the form is called this either). */
export const SECTIONS_PAGE = 'sections';

export const paths = {
  home: href('home', {}),
  newReferral: href('newReferral', {}),
  step: (id: string, page: string, change = false) => href('referralPage', { id, page }, change ? { change: '1' } : undefined),
  /** Opens a draft where it was left: the first page still to answer, or check your answers. */
  resume: (id: string) => href('referralPage', { id, page: 'resume' }),
  rename: (id: string) => href('referralPage', { id, page: 'case-label' }, { rename: '1' }),
  check: (id: string) => href('referralPage', { id, page: 'check' }),
  /** The confirmation page for deleting a draft (no page of the form is called this). */
  deleteDraft: (id: string) => href('referralPage', { id, page: DELETE_PAGE }),
  /** A draft's task list: every section, where it stands, and a way into each. */
  sections: (id: string) => href('referralPage', { id, page: SECTIONS_PAGE }),
  /** `dtn`: the report is a Duty to Notify, which has its own wording (not personal data). */
  sent: (id: string, dtn = false) => href('referralSent', { id }, dtn ? { kind: 'dtn' } : undefined),
  encounters: href('encounters', {}),
  newEncounter: href('newEncounter', {}),
  encounter: (id: string) => href('encounter', { id }),
  /** `action`: details (change them), close, delete. */
  encounterAction: (id: string, action: 'details' | 'close' | 'delete') => href('encounterAction', { id, action }),
  /** A person of an encounter: quick capture, their family links, or removing them. */
  person: (encounterId: string, personId: string, action: 'quick' | 'family' | 'remove' = 'quick') => href('person', { encounterId, personId, action }),
  outbox: href('outbox', {}),
  /** Answering the decision unit's question on a delivered referral, or asking it to reconsider. */
  addition: (id: string, action: 'answer' | 'reconsider') => href('outboxAddition', { id, action }),
  settings: href('settings', {}),
  /** The first run's sign-in step, where the server takes referrals only from enrolled devices. */
  firstRun: href('settings', {}, { 'first-run': '1' }),
  wipe: href('wipe', {}),
} as const;
