import { DEVICE_KEY_ALGORITHM, signRequest } from '../shared/device-signature.ts';
import type { DeviceIdentityRecord, FieldDatabase } from './db.ts';

/**
 * The device's own signing key (ECDSA P-256), made once and kept in IndexedDB. After enrolment every
 * sync request is signed with it, so no bearer secret ever sits readable on the device.
 */
export function createDeviceIdentity(db: FieldDatabase) {
  async function ensure(): Promise<DeviceIdentityRecord> {
    const existing = await db.device.get('device');
    if (existing) return existing;
    const pair = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
    const record: DeviceIdentityRecord = { id: 'device', privateKey: pair.privateKey, publicKey: await crypto.subtle.exportKey('jwk', pair.publicKey) };
    await db.device.add(record);
    return record;
  }

  return {
    /** The public half, as the server's enrolment route takes it. */
    async publicKey(): Promise<{ kty: 'EC'; crv: 'P-256'; x: string; y: string }> {
      const { publicKey } = await ensure();
      return { kty: 'EC', crv: 'P-256', x: publicKey.x ?? '', y: publicKey.y ?? '' };
    },
    async enrolment(): Promise<{ deviceId: string; enrolledAt: string } | undefined> {
      const record = await db.device.get('device');
      return record?.deviceId && record.enrolledAt ? { deviceId: record.deviceId, enrolledAt: record.enrolledAt } : undefined;
    },
    async recordEnrolment(deviceId: string, enrolledAt: string): Promise<void> {
      await ensure();
      await db.device.update('device', { deviceId, enrolledAt });
    },
    /** Signature headers for one request; none while the device is not enrolled. */
    async sign(request: { method: string; target: string; body?: string | Uint8Array<ArrayBuffer> }, now: Date): Promise<Record<string, string>> {
      const record = await db.device.get('device');
      if (!record?.deviceId) return {};
      return signRequest(record.privateKey, { deviceId: record.deviceId, ...request }, now);
    },
  };
}

export type DeviceIdentity = ReturnType<typeof createDeviceIdentity>;
