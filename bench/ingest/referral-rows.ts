import { v7 as uuidv7 } from 'uuid';
import { REFERENCE_ALPHABET } from '../../src/shared/reference-number.ts';
import { SCHEMA_VERSION } from '../../src/shared/referral.ts';
import { canonicalJson, sha256Hex } from '../../src/server/services/digest.ts';
import { referralSubmission, throwawayIntakeKey } from '../support/referral-submission.ts';

/** A row of `referrals` as the server stores one (src/server/storage/kysely-referral-store.ts). */
export interface ReferralRow {
  id: string;
  reference: string;
  path: string;
  schema_version: number;
  submitted_at: string;
  received_at: string;
  digest: string;
  envelope: string;
  status: string;
  status_changed_at: string;
}

export const INSERT_ROW = `insert into referrals (id, reference, path, schema_version, submitted_at, received_at, digest, envelope, status, status_changed_at)
  values (@id, @reference, @path, @schema_version, @submitted_at, @received_at, @digest, @envelope, @status, @status_changed_at)`;

/** Distinct references in the real format, counted in the reference alphabet (the server draws them at random). */
export function referenceFor(n: number): string {
  const base = REFERENCE_ALPHABET.length;
  let chars = '';
  for (let rest = n, i = 0; i < 6; i += 1, rest = Math.floor(rest / base)) chars = REFERENCE_ALPHABET.charAt(rest % base) + chars;
  return `NRM-${chars.slice(0, 4)}-${chars.slice(4)}`;
}

/** The envelope column of a stored referral: a full-length referral sealed as devices seal it. */
export async function storedEnvelope(): Promise<string> {
  return canonicalJson((await referralSubmission(await throwawayIntakeKey(), uuidv7())).envelope);
}

/** Rows as the server would store them, received at `at(i)`, all with the same (sealed) envelope bytes. */
export function referralRows(count: number, at: (i: number) => number, envelope: string, firstReference = 0): ReferralRow[] {
  return Array.from({ length: count }, (_, i) => {
    const ms = at(i);
    const id = uuidv7({ msecs: ms });
    const time = new Date(ms).toISOString();
    return {
      id,
      reference: referenceFor(firstReference + i),
      path: 'adult-nrm',
      schema_version: SCHEMA_VERSION,
      submitted_at: time,
      received_at: time,
      // Distinct per row without hashing 20 KB per row; nothing compares these digests.
      digest: sha256Hex(id),
      envelope,
      status: 'received',
      status_changed_at: time,
    };
  });
}
