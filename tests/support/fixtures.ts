import { v7 as uuidv7 } from 'uuid';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { SCHEMA_VERSION, pathFor, type Referral, type ReferralAnswers } from '../../src/shared/referral.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import type { CurrentSubmission } from '../../src/shared/protocol.ts';
import { sealJson, sealingAad, type IntakePublicKey } from '../../src/shared/sealing.ts';
import { FieldDatabase } from '../../src/store/db.ts';

/** A referral on the path its age answer decides; overrides may make it invalid on purpose. */
export function validReferral(overrides: ReferralAnswers = {}): Referral {
  const answers = { ageGroup: 'adult' as const, account: 'Recruited with a promise of work; made to work without pay; documents taken.', ...overrides };
  return { path: pathFor(answers.ageGroup), ...answers } as Referral; // overrides may break the path's rules on purpose
}

const SUBMITTED_AT = '2026-11-29T09:30:00.000Z';

/**
 * A submission whose envelope only looks sealed (the referral is merely encoded): enough for the
 * device store and the sync engine, which never open bodies. The server needs `sealedSubmissionFor`.
 */
export function submissionFor(referral: Referral = validReferral(), id: string = uuidv7()): CurrentSubmission {
  const ct = toBase64Url(new TextEncoder().encode(JSON.stringify(referral)));
  return { id, schemaVersion: SCHEMA_VERSION, submittedAt: SUBMITTED_AT, envelope: { format: 'hpke', keyId: 'stand-in', enc: 'AAAA', ct } };
}

/** A submission sealed to the server's intake key, exactly as the field app makes it. */
export async function sealedSubmissionFor(key: IntakePublicKey, referral: Referral = validReferral(), id: string = uuidv7()): Promise<CurrentSubmission> {
  const sealed = await sealJson(key, referral, sealingAad(id, SCHEMA_VERSION));
  return { id, schemaVersion: SCHEMA_VERSION, submittedAt: SUBMITTED_AT, envelope: { format: 'hpke', ...sealed } };
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

/** A device data key, as the vault hands out once unlocked (non-extractable). */
export const deviceKey: Promise<CryptoKey> = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
