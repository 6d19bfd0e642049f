import { describe, expect, it } from 'vitest';
import { pathOf } from '../../src/shared/form/journey.ts';
import { referralListErrors } from '../../src/shared/form/list-rules.ts';
import { referralFromAnswers, referralSchema } from '../../src/shared/referral.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { demoPerson, metAgain } from '../../src/server/demo/demo-people.ts';
import { demoPlaces } from '../../src/server/demo/demo-places.ts';
import { demoAnswers } from '../../src/server/demo/demo-referrals.ts';
import { listLookupOf, shippedReferenceLists } from '../../src/server/services/reference-lists.ts';

describe('the demo set', () => {
  const lists = listLookupOf(shippedReferenceLists());
  const today = new Date('2026-12-04T10:00:00Z');

  it('makes referrals of every path that the form and the server accept', () => {
    const random = seededRandom(7);
    for (const kind of ['child', 'adult-nrm', 'dtn'] as const) {
      for (const place of demoPlaces) {
        const { answers, countyLines } = demoAnswers(random, kind, demoPerson(random, kind === 'child', today), place, today);
        // Only the story of drugs carried between cities is one the decision unit marks as county lines.
        expect(countyLines).toBe(String(answers['requiredToDo']).includes('(county lines)'));
        expect(pathOf(answers)).toBe(kind);
        const parsed = referralSchema.safeParse(referralFromAnswers(answers));
        expect(parsed.success, `${kind} in ${place.town}: ${parsed.error?.message ?? ''}`).toBe(true);
        expect(referralListErrors(answers, lists), `${kind} in ${place.town}`).toEqual([]);
      }
    }
  });

  it('is the same on every run', () => {
    const a = seededRandom(3);
    const b = seededRandom(3);
    expect(demoPerson(a, false, today)).toEqual(demoPerson(b, false, today));
  });

  it('meets some people again under another spelling', () => {
    const random = seededRandom(11);
    const person = { firstName: 'Mohammed', lastName: 'Ali', gender: 'male' as const, nationality: 'Sudanese', language: 'Arabic', dateOfBirth: '1990-02-03', phone: '07700 900123' };
    const names = new Set(Array.from({ length: 20 }, () => metAgain(random, person).firstName));
    expect(names.size).toBeGreaterThan(1);
    expect([...names].every((name) => ['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad'].includes(name))).toBe(true);
  });
});
