import { v7 as uuidv7 } from 'uuid';
import type { EnrolDeviceRequest, SignedInUser } from '../../shared/accounts.ts';
import { normaliseDevicePublicKey } from '../auth/device-keys.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { Device, DeviceStore } from '../storage/device-store.ts';

export type { Device };

export type EnrolOutcome = { kind: 'enrolled' | 'already-enrolled'; device: Device } | { kind: 'invalid-key' } | { kind: 'key-taken' };

/** Who revokes: a signed-in user (an admin, or the responder who owns the device) or the admin command line. */
export type RevokingActor = { user: SignedInUser } | { cli: true };

/** Enrolling, listing and revoking the devices responders send from. */
export function createDeviceService({ devices, audit, now }: { devices: DeviceStore; audit: AuditLog; now: () => Date }) {
  return {
    /** Enrols the key for the user; sending the same enrolment again answers with the same device. */
    async enrol(user: SignedInUser, request: EnrolDeviceRequest): Promise<EnrolOutcome> {
      const publicKey = normaliseDevicePublicKey(request.publicKey);
      if (!publicKey) return { kind: 'invalid-key' };
      const at = now().toISOString();
      const { enrolled, device } = await devices.enrol({ id: uuidv7(), userId: user.id, label: request.label, publicKey, enrolledAt: at, revokedAt: null, lastSeenAt: null });
      if (enrolled) {
        await audit.append({ at, actor: user.id, action: 'device-enrolled', subject: device.id });
        return { kind: 'enrolled', device };
      }
      // A revoked key never comes back, and nobody takes over another person's device.
      if (device.userId !== user.id || device.revokedAt) return { kind: 'key-taken' };
      // Its owner signed in again on it: a suspension (password reset, account disabled) ends here.
      if (device.suspendedAt && (await devices.resume(device.id, user.id))) {
        await audit.append({ at, actor: user.id, action: 'device-resumed', subject: device.id });
        return { kind: 'already-enrolled', device: { ...device, suspendedAt: null } };
      }
      return { kind: 'already-enrolled', device };
    },

    /** An admin sees every device; anyone else only their own. */
    list(user: SignedInUser): Promise<Device[]> {
      return devices.listDevices(user.role === 'admin' ? undefined : user.id);
    },

    listAll(): Promise<Device[]> {
      return devices.listDevices();
    },

    /** False when there is no such device that this actor may revoke (others' devices are not revealed). */
    async revoke(actor: RevokingActor, deviceId: string): Promise<boolean> {
      const device = await devices.findDevice(deviceId);
      if (!device) return false;
      if ('user' in actor && actor.user.role !== 'admin' && actor.user.id !== device.userId) return false;
      const at = now().toISOString();
      await devices.revoke(device.id, at);
      await audit.append({ at, actor: 'user' in actor ? actor.user.id : 'admin-cli', action: 'device-revoked', subject: device.id });
      return true;
    },
  };
}

export type DeviceService = ReturnType<typeof createDeviceService>;
