import { SIGNATURE_MAX_SKEW_MS } from '../../shared/device-signature.ts';
import type { ProblemCode } from '../../shared/protocol.ts';
import type { Device, DeviceStore } from '../storage/device-store.ts';

export type SignedRequestVerdict = 'accepted' | Extract<ProblemCode, 'device-clock-skew' | 'device-signature-replayed'>;

/** What the device guard (auth/device-guard.ts) asks of the stored devices and the clock. */
export function createDeviceRequests({ devices, now }: { devices: DeviceStore; now: () => Date }) {
  return {
    /** The device enrolled under this id, revoked or not. */
    find(id: string): Promise<Device | undefined> {
      return devices.findDevice(id);
    },

    /**
     * For a request whose signature checks out: refused when signed too far from the server's time, or
     * with a nonce the device used before; otherwise accepted, and the contact recorded.
     */
    async accept(deviceId: string, signedAt: number, nonce: string): Promise<SignedRequestVerdict> {
      const at = now().getTime();
      if (Math.abs(at - signedAt) > SIGNATURE_MAX_SKEW_MS) return 'device-clock-skew';
      // Past this moment the timestamp alone refuses the request, so the nonce need not be kept longer.
      const forgetAt = new Date(Math.max(at, signedAt) + SIGNATURE_MAX_SKEW_MS).toISOString();
      if (!(await devices.rememberNonce(deviceId, nonce, forgetAt))) return 'device-signature-replayed';
      await devices.touch(deviceId, new Date(at).toISOString());
      return 'accepted';
    },
  };
}

export type DeviceRequests = ReturnType<typeof createDeviceRequests>;
