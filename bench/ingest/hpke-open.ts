import { v7 as uuidv7 } from 'uuid';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { SCHEMA_VERSION } from '../../src/shared/referral.ts';
import { intakeCipherSuite, openJson, sealingAad } from '../../src/shared/sealing.ts';
import { referralSubmission } from '../support/referral-submission.ts';

/**
 * What the server spends opening one sealed referral (src/shared/sealing.ts, as intake calls it), one
 * at a time in this process: the part of ingest that neither HTTP nor SQLite explains.
 */
export async function hpkeOpenTimes(count: number): Promise<number[]> {
  const suite = intakeCipherSuite();
  const pair = await suite.kem.generateKeyPair();
  const key = { keyId: 'bench', publicKey: toBase64Url(new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey))) };
  const sealed = await Promise.all(Array.from({ length: count }, () => referralSubmission(key, uuidv7())));
  const durations: number[] = [];
  for (const submission of sealed) {
    const start = performance.now();
    await openJson(pair.privateKey, submission.envelope, sealingAad(submission.id, SCHEMA_VERSION));
    durations.push(performance.now() - start);
  }
  return durations;
}
