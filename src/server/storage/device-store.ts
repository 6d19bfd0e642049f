export interface Device {
  id: string;
  userId: string;
  label: string;
  /** SPKI DER of the P-256 public key, base64url. */
  publicKey: string;
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  /** Since its owner's password was reset or account disabled: refused until they sign in again on it. */
  suspendedAt: string | null;
}

/** A device as enrolled: never suspended yet. */
export type NewDevice = Omit<Device, 'suspendedAt'>;

/** Enrolled devices and the nonces of their signed requests. Times are ISO 8601 strings. */
export interface DeviceStore {
  /**
   * Stores the device unless its public key is enrolled already, and returns the device that holds
   * the key now: a re-sent enrolment finds the device it made.
   */
  enrol(device: NewDevice): Promise<{ enrolled: boolean; device: Device }>;
  findDevice(id: string): Promise<Device | undefined>;
  /** Every device, or those of one user; newest first. */
  listDevices(userId?: string): Promise<Device[]>;
  /** Marks it revoked (once: a second revocation keeps the first time); false if there is no such device. */
  revoke(id: string, now: string): Promise<boolean>;
  /** Suspends every device of the user not revoked (kept as `suspendedAt`) until they sign in again on it. */
  suspendAllOf(userId: string, now: string): Promise<void>;
  /**
   * Lifts the suspension of this user's device, not revoked, if the user has a session begun since it
   * was suspended (they signed in again); false if there was nothing to lift or they have not.
   */
  resume(id: string, userId: string): Promise<boolean>;
  /** Records contact, at most once a minute per device, so a burst of requests is not a burst of writes. */
  touch(id: string, now: string): Promise<void>;
  /** Remembers the nonce; false if this device used it before (a replay). */
  rememberNonce(deviceId: string, nonce: string, expiresAt: string): Promise<boolean>;
  /** Forgets nonces that no request could carry any more without being refused as stale. */
  deleteExpired(now: string): Promise<void>;
}
