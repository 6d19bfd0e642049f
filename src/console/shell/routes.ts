import { useEffect, useState } from 'preact/hooks';
import { caseActionTypes, type CaseActionType } from '../../shared/casework/actions.ts';

/**
 * The console's addresses, as small as the field app's route table (src/app/shell/routes.ts): the
 * server answers every page under /console/ with the console's own page, so each is a deep link.
 */

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

/** Changes page without a reload on a plain click; new-tab and modified clicks behave as usual. */
export function followInConsole(href: string) {
  return (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  };
}

const ID = '[0-9a-f-]{36}';

/** Read in order: a fixed address comes before the pattern that would also take it. */
const ROUTES = {
  home: { path: '/console/' },
  homeBare: { path: '/console' },
  homeFile: { path: '/console/index.html' },
  account: { path: '/console/account' },
  figures: { path: '/console/figures' },
  cases: { path: '/console/cases' },
  case: { path: '/console/cases/:id', params: { id: ID } },
  caseAction: { path: '/console/cases/:id/act/:action', params: { id: ID, action: caseActionTypes.join('|') } },
  dtn: { path: '/console/dtn' },
  adminUsers: { path: '/console/admin/users' },
  adminInvite: { path: '/console/admin/users/invite' },
  adminUser: { path: '/console/admin/users/:id', params: { id: ID } },
  adminAudit: { path: '/console/admin/audit' },
  /** For anyone with a one-time code from an administrator; no session needed. */
  setPassword: { path: '/console/set-password' },
} as const;

type Routes = typeof ROUTES;
export type RouteName = keyof Routes;
type ParamsOf<N extends RouteName> = Routes[N] extends { params: infer P } ? { [K in keyof P]: string } : Record<never, string>;

/** A matched address: the route's name and its parameters, typed by the table. */
export type MatchedRoute = { [N in RouteName]: { name: N; params: ParamsOf<N> } }[RouteName];

const matchers = (Object.keys(ROUTES) as RouteName[]).map((name) => {
  const route: { path: string; params?: Record<string, string> } = ROUTES[name];
  const names: string[] = [];
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

function href<N extends RouteName>(name: N, params: ParamsOf<N>, query?: URLSearchParams): string {
  const values: Record<string, string> = params;
  const path = ROUTES[name].path.replace(/:([a-zA-Z]+)/g, (_, param: string) => encodeURIComponent(values[param] ?? ''));
  const search = query?.toString() ?? '';
  return search ? `${path}?${search}` : path;
}

/** The addresses screens link to, built from the table. Nothing personal ever goes in a query. */
export const paths = {
  home: href('home', {}),
  account: href('account', {}),
  figures: href('figures', {}),
  /** The figures, with the period, the view and its choices as the query (names of tables and rows only). */
  figuresWith: (query: URLSearchParams) => href('figures', {}, query),
  /** The queue, with its filters, sort and page as the query. */
  cases: (query?: URLSearchParams) => href('cases', {}, query),
  case: (id: string) => href('case', { id }),
  caseAction: (id: string, action: CaseActionType) => href('caseAction', { id, action }),
  dtn: (page = 1) => href('dtn', {}, page > 1 ? new URLSearchParams({ page: String(page) }) : undefined),
  /** Users, with the list's filters and page as the query (ids only). */
  adminUsers: (query?: URLSearchParams) => href('adminUsers', {}, query),
  adminInvite: href('adminInvite', {}),
  adminUser: (id: string) => href('adminUser', { id }),
  /** The audit log, with its filters and page as the query (ids, references, actions, days). */
  adminAudit: (query?: URLSearchParams) => href('adminAudit', {}, query),
  setPassword: href('setPassword', {}),
} as const;
