import type { DeploymentKeysTable } from './schema.ts';

export type RecordedKeyKind = DeploymentKeysTable['kind'];

/** A key the stored data was made with, by fingerprint: never the key itself. */
export interface RecordedKey {
  kind: RecordedKeyKind;
  keyId: string;
  fingerprint: string;
  recordedAt: string;
}

/** The fingerprints of the deployment's keys, kept with its data (migration 0011). */
export interface DeploymentKeyStore {
  list(): Promise<RecordedKey[]>;
  /** Records the key unless one of that kind and id is recorded already; true when this call recorded it. */
  record(key: RecordedKey): Promise<boolean>;
  hasReferrals(): Promise<boolean>;
  /**
   * The ids of the intake keys the oldest and the newest stored referral were sealed to: enough to tell
   * whether a keyring fits a database whose keys were never recorded (one older than migration 0011).
   */
  envelopeKeyIdsOfOldestAndNewest(): Promise<string[]>;
}
