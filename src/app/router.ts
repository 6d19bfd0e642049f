import { useEffect, useState } from 'preact/hooks';
import type { Place } from './journey.ts';

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
  check: (id: string) => `/referral/${id}/check`,
  sent: (id: string) => `/referral/${id}/sent`,
  outbox: '/outbox',
  settings: '/settings',
  wipe: '/settings/wipe',
} as const;

export function placePath(draftId: string, place: Place): string {
  return place.kind === 'check' ? paths.check(draftId) : paths.step(draftId, place.step);
}
