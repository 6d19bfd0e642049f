import type { ScryptCost } from './auth/passwords.ts';
import { createSessionService, type SessionService } from './auth/sessions.ts';
import type { IntakeKeyring } from './crypto/intake-keys.ts';
import { createAccountService, type AccountService } from './services/accounts.ts';
import { createCaseService, type CaseService } from './services/cases.ts';
import { createDeviceRequests, type DeviceRequests } from './services/device-requests.ts';
import { createDeviceService, type DeviceService } from './services/devices.ts';
import { createEvidenceUploads, type EvidenceUploads } from './services/evidence-uploads.ts';
import { createHealthService, type HealthService } from './services/health.ts';
import { createIntake } from './services/intake.ts';
import { createReceiptService, type ReceiptService } from './services/receipts.ts';
import { listLookupOf, shippedReferenceLists, type ReferenceLists } from './services/reference-lists.ts';
import { createSignInAttempts, type SignInAttempts } from './services/sign-in-attempts.ts';
import type { Storage } from './storage/storage.ts';

export interface ServiceOptions {
  keyring: IntakeKeyring;
  now: () => Date;
  randomInt: (n: number) => number;
  /** The cost of new password hashes; tests lower it to stay quick, servers keep the default. */
  scryptCost?: ScryptCost;
  /** The reference lists to serve; by default the ones shipped in src/shared/reference/lists. */
  referenceLists?: ReferenceLists;
}

/** Everything the HTTP layer (app.ts) calls: it never reaches the stores itself. */
export interface Services {
  /** Devices are given its current public key, to seal referrals to. */
  keyring: IntakeKeyring;
  referenceLists: ReferenceLists;
  health: HealthService;
  intake: ReturnType<typeof createIntake>;
  receipts: ReceiptService;
  evidenceUploads: EvidenceUploads;
  deviceRequests: DeviceRequests;
  signInAttempts: SignInAttempts;
  accounts: AccountService;
  sessions: SessionService;
  devices: DeviceService;
  cases: CaseService;
}

/**
 * Builds every service from the stores and the configuration, once: the step main.ts, the tests' in-process
 * server and the benches share. Closing the storage stays with whoever opened it.
 */
export function createServices(storage: Omit<Storage, 'close'>, { keyring, now, randomInt, scryptCost, referenceLists = shippedReferenceLists() }: ServiceOptions): Services {
  return {
    keyring,
    referenceLists,
    health: createHealthService(storage),
    intake: createIntake({ referrals: storage.referrals, keyring, lists: listLookupOf(referenceLists), now, randomInt }),
    receipts: createReceiptService(storage),
    evidenceUploads: createEvidenceUploads({ evidence: storage.evidence, now }),
    deviceRequests: createDeviceRequests({ devices: storage.devices, now }),
    signInAttempts: createSignInAttempts({ rateLimits: storage.rateLimits, now }),
    accounts: createAccountService({ accounts: storage.accounts, audit: storage.audit, now, scryptCost }),
    sessions: createSessionService({ accounts: storage.accounts, now, scryptCost }),
    devices: createDeviceService({ devices: storage.devices, audit: storage.audit, now }),
    cases: createCaseService({ referrals: storage.referrals, audit: storage.audit, now }),
  };
}
