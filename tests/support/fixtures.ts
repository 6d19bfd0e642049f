import { v7 as uuidv7 } from 'uuid';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { SCHEMA_VERSION, referralFromAnswers, type Referral } from '../../src/shared/referral.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { PREVIOUS_SCHEMA_VERSION, type CurrentSubmission, type Submission } from '../../src/shared/protocol.ts';
import type { ReferralV2 } from '../../src/shared/versions/v2.ts';
import { sealJson, sealingAad, type IntakePublicKey } from '../../src/shared/sealing.ts';
import { FieldDatabase } from '../../src/store/db.ts';
import { examples } from './referral-examples.ts';

export type ExampleName = keyof typeof examples;

/** A complete referral of one path, as the form sends it; overrides may make it invalid on purpose. */
export function validReferral(example: ExampleName = 'adult-nrm', overrides: Record<string, unknown> = {}): Referral {
  return { ...(referralFromAnswers(examples[example]) as Referral), ...overrides };
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

/** A referral as version 2 of the app sealed it (age and one account), for the previous-version path. */
export async function sealedPreviousSubmissionFor(key: IntakePublicKey, referral: ReferralV2, id: string = uuidv7()): Promise<Submission> {
  const sealed = await sealJson(key, referral, sealingAad(id, PREVIOUS_SCHEMA_VERSION));
  return { id, schemaVersion: PREVIOUS_SCHEMA_VERSION, submittedAt: SUBMITTED_AT, envelope: { format: 'hpke', ...sealed } };
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
