import type { QuotaStore } from '../storage/quota-store.ts';
import { UNCLAIMED_EVIDENCE_DAYS } from './housekeeping.ts';

/** Per-device limits on what an enrolled device may send, so that a stolen or broken phone cannot fill the disk. */
export interface DeviceQuotas {
  /** DEVICE_REFERRALS_PER_HOUR: new referrals one device may send in any hour. */
  referralsPerHour: number;
  /** DEVICE_EVIDENCE_QUOTA_MB (in bytes here): evidence one device may have on the server that no stored referral has claimed yet. */
  unclaimedEvidenceBytes: number;
}

/**
 * Well above what a responder sends after a raid (tens of referrals, a few photos each), far below
 * what fills a disk: 100 referrals an hour, and 500 MB of files waiting for their referral (twenty
 * files of the largest size a referral may carry).
 */
export const DEFAULT_DEVICE_QUOTAS: DeviceQuotas = { referralsPerHour: 100, unclaimedEvidenceBytes: 500 * 1_000_000 };

export type QuotaVerdict = { kind: 'within' } | { kind: 'over'; title: string; detail: string; retryAfterSeconds: number };

const HOUR_MS = 60 * 60 * 1000;
/** Evidence is claimed when its referral arrives, or forgotten after days: the device asks again in an hour. */
const EVIDENCE_RETRY_SECONDS = 60 * 60;
const WITHIN: QuotaVerdict = { kind: 'within' };

const megabytes = (bytes: number) => `${Math.floor(bytes / 1_000_000).toLocaleString('en-GB')} MB`;
const clock = (at: Date) => `${at.toISOString().slice(11, 16)} UTC`;

export function createDeviceQuotas({ store, quotas, now }: { store: QuotaStore; quotas: DeviceQuotas; now: () => Date }) {
  return {
    quotas,

    /** A referral this device sends: over quota when the device sent `referralsPerHour` new ones in the last hour. */
    async referral(deviceId: string, referralId: string): Promise<QuotaVerdict> {
      const at = now().getTime();
      const times = await store.referralTimesOf(deviceId, new Date(at - HOUR_MS).toISOString(), quotas.referralsPerHour);
      if (times.length < quotas.referralsPerHour || (await store.hasReferral(referralId))) return WITHIN;
      // The window frees a place when the oldest referral in it is an hour old.
      const freeAt = new Date(Date.parse(times[0] ?? new Date(at).toISOString()) + HOUR_MS);
      return {
        kind: 'over',
        title: `This device has sent more than ${quotas.referralsPerHour} referral${quotas.referralsPerHour === 1 ? '' : 's'} in an hour; ask your administrator`,
        detail: `Nothing was lost: the referral stays on the device, which sends it by itself after ${clock(freeAt)}. If this device really needs to send more, an administrator can raise DEVICE_REFERRALS_PER_HOUR.`,
        retryAfterSeconds: Math.max(1, Math.ceil((freeAt.getTime() - at) / 1000)),
      };
    },

    /** An evidence chunk this device uploads: over quota when it would take the device's unclaimed evidence past the limit. */
    async evidenceChunk(deviceId: string, chunk: { referralId: string; fileId: string; index: number; sha256: string; size: number }): Promise<QuotaVerdict> {
      // Older chunks no referral claimed are deleted by the housekeeping: they need not be read.
      const since = new Date(now().getTime() - UNCLAIMED_EVIDENCE_DAYS * 24 * HOUR_MS).toISOString();
      const held = await store.unclaimedEvidenceBytesOf(deviceId, since);
      if (held + chunk.size <= quotas.unclaimedEvidenceBytes || (await store.hasChunk(chunk))) return WITHIN;
      return {
        kind: 'over',
        title: `This device has sent more than ${megabytes(quotas.unclaimedEvidenceBytes)} of files that are not yet part of a delivered referral; ask your administrator`,
        detail: `Nothing was lost: the files stay on the device, which tries again in an hour. An administrator can raise DEVICE_EVIDENCE_QUOTA_MB.`,
        retryAfterSeconds: EVIDENCE_RETRY_SECONDS,
      };
    },
  };
}

export type DeviceQuotaService = ReturnType<typeof createDeviceQuotas>;
