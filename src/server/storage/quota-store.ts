/** What the per-device quotas (services/device-quotas.ts) read; both adapters answer it from the stored rows. */
export interface QuotaStore {
  /** Whether a referral is stored under this id: sending it again is a repeat, never over quota. */
  hasReferral(id: string): Promise<boolean>;
  /** When this device's referrals received after `since` (ISO time) arrived, oldest first, at most `limit`. */
  referralTimesOf(deviceId: string, since: string, limit: number): Promise<string[]>;
  /** Bytes of the evidence chunks this device uploaded after `since` (ISO time) that nothing has claimed yet: no referral stored before them, no addition taken with their file. */
  unclaimedEvidenceBytesOf(deviceId: string, since: string): Promise<number>;
  /** Whether this very chunk (place and SHA-256) is held: storing it again takes no room. */
  hasChunk(chunk: { referralId: string; fileId: string; index: number; sha256: string }): Promise<boolean>;
}
