import { createHashingGate, type HashingGate } from './auth/hashing-gate.ts';
import type { ScryptCost } from './auth/passwords.ts';
import { createSessionService, type SessionService } from './auth/sessions.ts';
import type { IntakeKeyring } from './crypto/intake-keys.ts';
import { DEFAULT_FIGURES_THRESHOLD } from './config.ts';
import { createFiguresService, type FiguresService } from './services/figures/figures.ts';
import type { MatchingKey } from './crypto/matching-key.ts';
import { createAccountService, type AccountService } from './services/accounts.ts';
import { createAdminService, type AdminService } from './services/admin.ts';
import { createAdditionService, type AdditionService } from './services/additions.ts';
import { createCaseFileService, type CaseFileService } from './services/case-files.ts';
import { createCaseSealing } from './services/case-sealing.ts';
import { createCaseworkService, type CaseworkService } from './services/casework.ts';
import { createDeviceQuotas, DEFAULT_DEVICE_QUOTAS, type DeviceQuotas, type DeviceQuotaService } from './services/device-quotas.ts';
import { createDeviceRequests, type DeviceRequests } from './services/device-requests.ts';
import { createDeviceService, type DeviceService } from './services/devices.ts';
import { createEvidenceUploads, type EvidenceUploads } from './services/evidence-uploads.ts';
import { createHealthService, type HealthService } from './services/health.ts';
import { createIntake } from './services/intake.ts';
import { createPersonMatcher } from './services/person-matching.ts';
import { createReceiptService, type ReceiptService } from './services/receipts.ts';
import { listLookupOf, shippedReferenceLists, type ReferenceLists } from './services/reference-lists.ts';
import { createSignInAttempts, ephemeralKeyedHash, type SignInAttempts } from './services/sign-in-attempts.ts';
import { createSignInNotices, type SignInNotices } from './services/sign-in-notices.ts';
import { DEFAULT_SERVER_LIMITS } from './server-limits.ts';
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
  /** FIGURES_SUPPRESSION_THRESHOLD (config.ts); 5 unless given. */
  figuresThreshold?: number;
  /** TEST_CLOCK (loopback only): the clock `now` reads, which the test-clock route moves. */
  testClock?: TestClock;
  /** Told of failures that must not fail a request (never given personal data). */
  warn?: (message: string) => void;
  randomInt: (n: number) => number;
  /** The cost of new password hashes; tests lower it to stay quick, servers keep the default. */
  scryptCost?: ScryptCost;
  /** Bounds the password hashes run at once (PASSWORD_HASH_CONCURRENCY, PASSWORD_HASH_QUEUE); the defaults of server-limits.ts unless given. */
  passwordHashing?: HashingGate;
  /** The reference lists to serve; by default the ones shipped in src/shared/reference/lists. */
  referenceLists?: ReferenceLists;
  /** DEVICE_REFERRALS_PER_HOUR, DEVICE_EVIDENCE_QUOTA_MB; the defaults of services/device-quotas.ts unless given. */
  deviceQuotas?: DeviceQuotas;
  /** Health fails below this much free disk beside the SQLite file; services/health.ts's default unless given. */
  minFreeDiskBytes?: number;
}

/** Everything the HTTP layer (app.ts) calls: it never reaches the stores itself. */
export interface Services {
  /** Devices are given its current public key, to seal referrals to. */
  keyring: IntakeKeyring;
  referenceLists: ReferenceLists;
  health: HealthService;
  intake: ReturnType<typeof createIntake>;
  receipts: ReceiptService;
  /** What responders add to their delivered referrals: answers and reconsideration requests. */
  additions: AdditionService;
  evidenceUploads: EvidenceUploads;
  deviceRequests: DeviceRequests;
  /** What each enrolled device may send: referrals an hour, evidence not yet claimed. */
  deviceQuotas: DeviceQuotaService;
  signInAttempts: SignInAttempts;
  /** Failed sign-ins since the previous one, told to the account holder as they sign in. */
  signInNotices: SignInNotices;
  accounts: AccountService;
  sessions: SessionService;
  devices: DeviceService;
  /** The Figures section: tables counted from the statistical records, suppressed, every read audited. */
  figures: FiguresService;
  /** Evidence files of a case, listed and downloaded decrypted by its readers. */
  caseFiles: CaseFileService;
  /** The decision unit's queue, cases, actions, notes and Duty to Notify list. */
  casework: CaseworkService;
  /** The administrator's console: accounts, their devices, the audit log. */
  admin: AdminService;
  /** The bound on password hashes at once, shared by sign-in and password setting. */
  passwordHashing: HashingGate;
  /** Only under TEST_CLOCK. */
  testClock?: TestClock;
}

/** Device → its account → the account's organisation, by name (as the reference lists name organisations). */
function organisationOfDevice(storage: Pick<Storage, 'devices' | 'accounts'>) {
  return async (deviceId: string): Promise<string | undefined> => {
    const device = await storage.devices.findDevice(deviceId);
    const user = device && (await storage.accounts.findUser(device.userId));
    return user ? (await storage.accounts.findOrganisation(user.organisationId))?.name : undefined;
  };
}

/**
 * Builds every service from the stores and the configuration, once: the step main.ts, the tests' in-process
 * server and the benches share. Closing the storage stays with whoever opened it.
 */
export function createServices(storage: Omit<Storage, 'close'>, options: ServiceOptions): Services {
  const { keyring, now, randomInt, scryptCost, referenceLists = shippedReferenceLists(), matchingKey, testClock } = options;
  const realNow = options.realNow ?? now;
  const passwordHashing =
    options.passwordHashing ?? createHashingGate({ concurrency: DEFAULT_SERVER_LIMITS.passwordHashConcurrency, maxWaiting: DEFAULT_SERVER_LIMITS.passwordHashQueue });
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const sealing = createCaseSealing(keyring);
  const independentReview = options.independentReview ?? false;
  const additions = createAdditionService({ additions: storage.additions, cases: storage.cases, keyring, sealing, now, independentReview });
  const devices = createDeviceService({ devices: storage.devices, audit: storage.audit, now });
  const accounts = createAccountService({ accounts: storage.accounts, audit: storage.audit, now, realNow, scryptCost, hashing: passwordHashing });
  const findPossibleMatches = matchingKey ? createPersonMatcher({ cases: storage.cases, matchingKey, now, warn }) : undefined;
  return {
    keyring,
    referenceLists,
    health: createHealthService({ ...storage, now: realNow, minFreeDiskBytes: options.minFreeDiskBytes }),
    intake: createIntake({ referrals: storage.referrals, keyring, lists: listLookupOf(referenceLists), now, realNow, randomInt, findPossibleMatches, organisationOfDevice: organisationOfDevice(storage) }),
    receipts: createReceiptService({ referrals: storage.referrals, questions: additions.questions }),
    additions,
    evidenceUploads: createEvidenceUploads({ evidence: storage.evidence, now }),
    deviceRequests: createDeviceRequests({ devices: storage.devices, now: realNow }),
    deviceQuotas: createDeviceQuotas({ store: storage.quotas, quotas: options.deviceQuotas ?? DEFAULT_DEVICE_QUOTAS, now: realNow }),
    // Under the deployment's shared secret, so every instance counts the same keys; a process of its own without one (tests, tools).
    signInAttempts: createSignInAttempts({ rateLimits: storage.rateLimits, now: realNow, keyOf: matchingKey?.rateLimitKey ?? ephemeralKeyedHash() }),
    signInNotices: createSignInNotices({ history: storage.signInHistory }),
    accounts,
    sessions: createSessionService({ accounts: storage.accounts, audit: storage.audit, now: realNow, scryptCost, hashing: passwordHashing }),
    devices,
    figures: createFiguresService({ statistics: storage.statistics, audit: storage.audit, threshold: options.figuresThreshold ?? DEFAULT_FIGURES_THRESHOLD, now: realNow }),
    caseFiles: createCaseFileService({
      referrals: storage.referrals,
      cases: storage.cases,
      additions: storage.additions,
      evidence: storage.evidence,
      audit: storage.audit,
      keyring,
      now,
    }),
    casework: createCaseworkService({
      cases: storage.cases,
      referrals: storage.referrals,
      audit: storage.audit,
      sealing,
      matchingKey,
      now,
      independentReview,
    }),
    admin: createAdminService({ accounts, devices, accountsStore: storage.accounts, deviceStore: storage.devices, adminStore: storage.admin, audit: storage.audit, now, realNow }),
    passwordHashing,
    ...(testClock ? { testClock } : {}),
  };
}
