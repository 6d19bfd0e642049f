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

export const paths = {
  home: '/',
  newReferral: '/referral/new',
  step: (id: string, step: string, change = false) => `/referral/${id}/${step}${change ? '?change=1' : ''}`,
  /** Opens a draft where it was left: the first page still to answer, or check your answers. */
  resume: (id: string) => `/referral/${id}/resume`,
  rename: (id: string) => `/referral/${id}/case-label?rename=1`,
  check: (id: string) => `/referral/${id}/check`,
  /** `dtn`: the report is a Duty to Notify, which has its own wording (not personal data). */
  sent: (id: string, dtn = false) => `/referral/${id}/sent${dtn ? '?kind=dtn' : ''}`,
  encounters: '/encounters',
  newEncounter: '/encounter/new',
  encounter: (id: string) => `/encounter/${id}`,
  /** `action`: details (change them), close, delete. */
  encounterAction: (id: string, action: 'details' | 'close' | 'delete') => `/encounter/${id}/${action}`,
  /** A person of an encounter: quick capture, their family links, or removing them. */
  person: (encounterId: string, personId: string, action: 'quick' | 'family' | 'remove' = 'quick') => `/encounter/${encounterId}/person/${personId}/${action}`,
  outbox: '/outbox',
  settings: '/settings',
  wipe: '/settings/wipe',
} as const;
