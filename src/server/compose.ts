import type { ScryptCost } from './auth/passwords.ts';
import { createSessionService, type SessionService } from './auth/sessions.ts';
import type { IntakeKeyring } from './crypto/intake-keys.ts';
import type { MatchingKey } from './crypto/matching-key.ts';
import { createAccountService, type AccountService } from './services/accounts.ts';
import { createCaseFileService, type CaseFileService } from './services/case-files.ts';
import { createCaseSealing } from './services/case-sealing.ts';
import { createCaseService, type CaseService } from './services/cases.ts';
import { createCaseworkService, type CaseworkService } from './services/casework.ts';
import { createDeviceRequests, type DeviceRequests } from './services/device-requests.ts';
import { createDeviceService, type DeviceService } from './services/devices.ts';
import { createEvidenceUploads, type EvidenceUploads } from './services/evidence-uploads.ts';
import { createHealthService, type HealthService } from './services/health.ts';
import { createIntake } from './services/intake.ts';
import { createPersonMatcher } from './services/person-matching.ts';
import { createReceiptService, type ReceiptService } from './services/receipts.ts';
import { listLookupOf, shippedReferenceLists, type ReferenceLists } from './services/reference-lists.ts';
import { createSignInAttempts, type SignInAttempts } from './services/sign-in-attempts.ts';
import type { Storage } from './storage/storage.ts';
import type { TestClock } from './test-clock.ts';

export interface ServiceOptions {
  keyring: IntakeKeyring;
  /** The service's time: what is recorded, and the days casework counts. TEST_CLOCK moves it forward. */
  now: () => Date;
  /**
   * Real time, for what is checked against other machines and people: device signatures' timestamps,
   * sessions, sign-in limits. Defaults to `now`; differs only under TEST_CLOCK.
   */
  realNow?: () => Date;
  /** The possible-same-person finder's secret; without it the finder is off. */
  matchingKey?: MatchingKey;
  /** INDEPENDENT_REVIEW: negative conclusive grounds go to the independent review panel. Off by default. */
  independentReview?: boolean;
  /** TEST_CLOCK (loopback only): the clock `now` reads, which the test-clock route moves. */
  testClock?: TestClock;
  /** Told of failures that must not fail a request (never given personal data). */
  warn?: (message: string) => void;
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
  /** Evidence files of a case, listed and downloaded decrypted by its readers. */
  caseFiles: CaseFileService;
  /** The decision unit's queue, cases, actions, notes and Duty to Notify list. */
  casework: CaseworkService;
  /** Only under TEST_CLOCK. */
  testClock?: TestClock;
}

/**
 * Builds every service from the stores and the configuration, once: the step main.ts, the tests' in-process
 * server and the benches share. Closing the storage stays with whoever opened it.
 */
export function createServices(storage: Omit<Storage, 'close'>, options: ServiceOptions): Services {
  const { keyring, now, randomInt, scryptCost, referenceLists = shippedReferenceLists(), matchingKey, testClock } = options;
  const realNow = options.realNow ?? now;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const findPossibleMatches = matchingKey ? createPersonMatcher({ cases: storage.cases, matchingKey, now, warn }) : undefined;
  return {
    keyring,
    referenceLists,
    health: createHealthService(storage),
    intake: createIntake({ referrals: storage.referrals, keyring, lists: listLookupOf(referenceLists), now, randomInt, findPossibleMatches }),
    receipts: createReceiptService(storage),
    evidenceUploads: createEvidenceUploads({ evidence: storage.evidence, now }),
    deviceRequests: createDeviceRequests({ devices: storage.devices, now: realNow }),
    signInAttempts: createSignInAttempts({ rateLimits: storage.rateLimits, now: realNow }),
    accounts: createAccountService({ accounts: storage.accounts, audit: storage.audit, now, scryptCost }),
    sessions: createSessionService({ accounts: storage.accounts, now: realNow, scryptCost }),
    devices: createDeviceService({ devices: storage.devices, audit: storage.audit, now }),
    cases: createCaseService({ referrals: storage.referrals }),
    caseFiles: createCaseFileService({ referrals: storage.referrals, cases: storage.cases, evidence: storage.evidence, audit: storage.audit, keyring, now }),
    casework: createCaseworkService({
      cases: storage.cases,
      referrals: storage.referrals,
      audit: storage.audit,
      sealing: createCaseSealing(keyring),
      matchingKey,
      now,
      independentReview: options.independentReview ?? false,
    }),
    ...(testClock ? { testClock } : {}),
  };
}
