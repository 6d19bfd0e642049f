import { v7 as uuidv7 } from 'uuid';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { SCHEMA_VERSION, pathFor, type Referral, type ReferralAnswers } from '../../src/shared/referral.ts';
import type { CurrentSubmission } from '../../src/shared/protocol.ts';
import { FieldDatabase } from '../../src/store/db.ts';

/** A referral on the path its age answer decides; overrides may make it invalid on purpose. */
export function validReferral(overrides: ReferralAnswers = {}): Referral {
  const answers = { ageGroup: 'adult' as const, account: 'Recruited with a promise of work; made to work without pay; documents taken.', ...overrides };
  return { path: pathFor(answers.ageGroup), ...answers } as Referral; // overrides may break the path's rules on purpose
}

export function submissionFor(referral: Referral = validReferral(), id: string = uuidv7()): CurrentSubmission {
  return { id, schemaVersion: SCHEMA_VERSION, submittedAt: '2026-11-29T09:30:00.000Z', envelope: { format: 'plain', referral } };
}

let databases = 0;
/** A Dexie database on fake-indexeddb, fresh for each call. */
export function freshDatabase(): FieldDatabase {
  databases += 1;
  return new FieldDatabase(`test-${databases}-${uuidv7()}`, { indexedDB, IDBKeyRange });
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.parse('2026-11-29T09:00:00.000Z')) {
  let now = start;
  return {
    now: () => new Date(now),
    advance(ms: number) {
      now += ms;
    },
  };
}
