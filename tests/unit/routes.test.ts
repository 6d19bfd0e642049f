import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from '../../src/app/shell/routes.ts';

const ID = '0192f1a0-0000-7000-8000-000000000001';
const OTHER = '0192f1a0-0000-7000-8000-000000000002';

describe('the route table', () => {
  it('matches every address the app builds, with its parameters', () => {
    expect(matchRoute(paths.home)).toEqual({ name: 'home', params: {} });
    expect(matchRoute('/index.html')).toEqual({ name: 'homeFile', params: {} });
    expect(matchRoute(paths.newReferral)).toEqual({ name: 'newReferral', params: {} });
    expect(matchRoute(new URL(paths.sent(ID, true), 'http://x').pathname)).toEqual({ name: 'referralSent', params: { id: ID } });
    expect(matchRoute(new URL(paths.step(ID, 'under-18', true), 'http://x').pathname)).toEqual({ name: 'referralPage', params: { id: ID, page: 'under-18' } });
    expect(matchRoute(paths.check(ID))).toEqual({ name: 'referralPage', params: { id: ID, page: 'check' } });
    expect(matchRoute(paths.encounters)).toEqual({ name: 'encounters', params: {} });
    expect(matchRoute(paths.newEncounter)).toEqual({ name: 'newEncounter', params: {} });
    expect(matchRoute(paths.encounter(ID))).toEqual({ name: 'encounter', params: { id: ID } });
    expect(matchRoute(paths.encounterAction(ID, 'close'))).toEqual({ name: 'encounterAction', params: { id: ID, action: 'close' } });
    expect(matchRoute(paths.person(ID, OTHER, 'family'))).toEqual({ name: 'person', params: { encounterId: ID, personId: OTHER, action: 'family' } });
    expect(matchRoute(paths.outbox)).toEqual({ name: 'outbox', params: {} });
    expect(matchRoute(paths.settings)).toEqual({ name: 'settings', params: {} });
    expect(matchRoute(paths.wipe)).toEqual({ name: 'wipe', params: {} });
  });

  it('builds the query a screen reads', () => {
    expect(paths.step(ID, 'under-18', true)).toBe(`/referral/${ID}/under-18?change=1`);
    expect(paths.rename(ID)).toBe(`/referral/${ID}/case-label?rename=1`);
    expect(paths.sent(ID, true)).toBe(`/referral/${ID}/sent?kind=dtn`);
    expect(paths.sent(ID)).toBe(`/referral/${ID}/sent`);
  });

  it('matches no address that no screen has', () => {
    for (const address of ['/index_html', '/indexXhtml', '/encounters/', '/referral/not-an-id/check', `/referral/${ID}/Check`, `/encounter/${ID}/open`, `/encounter/${ID}/person/${OTHER}/edit`, '/settings/other']) {
      expect(matchRoute(address), address).toBeUndefined();
    }
  });
});
