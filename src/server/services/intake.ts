import { isAnonymousReport } from '../../shared/anonymous-report.ts';
import { dayOf } from '../../shared/casework/clock.ts';
import { openCase } from '../../shared/casework/machine.ts';
import { progressOf } from '../../shared/casework/progress-of.ts';
import { deriveStatistics } from '../../shared/figures/derive-statistics.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { referralListErrors } from '../../shared/form/list-rules.ts';
import type { ListLookup } from '../../shared/form/model.ts';
import type { Answers } from '../../shared/form/model.ts';
import { PREVIOUS_SCHEMA_VERSION, type FieldError, type Receipt, type Submission } from '../../shared/protocol.ts';
import { PREVIOUS_SCHEMA_VERSION_ENDS } from '../../shared/schema-version.ts';
import { aheadOfClock } from '../../shared/submission-time.ts';
import { makeReference } from '../../shared/reference-number.ts';
import type { ReferralLinks } from '../../shared/links.ts';
import { referralSchema, type ReferralPath } from '../../shared/referral.ts';
import { referralV2Schema } from '../../shared/versions/v2.ts';
import { openJson, sealingAad } from '../../shared/sealing.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import { openEvidence } from './evidence.ts';
import { ageGroupOf } from '../storage/case-columns.ts';
import { ReferenceTakenError, type IntakeIndex, type ReferralStore, type StoredReferral } from '../storage/referral-store.ts';
import { canonicalJson, sha256Hex } from './digest.ts';
import type { FindPossibleMatches } from './person-matching.ts';

export type IntakeOutcome =
  | { kind: 'created'; receipt: Receipt }
  | { kind: 'repeat'; receipt: Receipt }
  /** Another referral under this id, or this one received from another device (whose receipt is not told). */
  | { kind: 'conflict' }
  /** A referral of the previous version without a device signature: only enrolled devices may still send those. */
  | { kind: 'unsigned-previous-version' }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'unreadable'; detail: string }
  /** The sealed manifest names chunks the server does not hold: nothing was stored. */
  | { kind: 'files-incomplete'; files: { fileId: string; missing: number[] }[] };

export interface IntakeDeps {
  /** Stores a referral together with claiming its files, only once every chunk of them is held. */
  referrals: ReferralStore;
  /** Answers that must come from a reference list are checked against the server's own copy. */
  lists: ListLookup;
  keyring: IntakeKeyring;
  /** The service's time: when a referral is received, and until when the previous version is taken. */
  now: () => Date;
  /** Real time, that devices' clocks are checked against (differs from `now` only under TEST_CLOCK); `now` unless given. */
  realNow?: () => Date;
  randomInt: (n: number) => number;
  /** Run once a new case is stored, outside its transaction; absent when the deployment has no matching key. */
  findPossibleMatches?: FindPossibleMatches;
  /** The name of the organisation whose account enrolled the device; absent where no accounts are kept (tests of intake alone). */
  organisationOfDevice?: (deviceId: string) => Promise<string | undefined>;
}

const REFERENCE_ATTEMPTS = 8;

function receiptOf(row: StoredReferral): Receipt {
  return { id: row.id, reference: row.reference, receivedAt: row.receivedAt, digest: row.digest };
}

interface Readable {
  kind: 'opened';
  path: ReferralPath;
  links?: ReferralLinks;
  evidenceFiles?: readonly string[];
  /** The current version's answers (without links), for the same-person finder; the previous version holds no person. */
  answers?: Answers;
  /** "Not sure" whether the person is under 18. */
  ageNotSure: boolean;
}

export type Opened = Readable | Extract<IntakeOutcome, { kind: 'invalid' | 'unreadable' }>;

const text = (answers: Answers, name: string): string | null => {
  const value = answers[name];
  return typeof value === 'string' && value !== '' ? value : null;
};

/**
 * What is kept beside the row: a Duty to Notify report's list columns (a force and a nation, nothing
 * that identifies), or the case any other referral opens, its reasonable grounds clock started on the
 * UK day it was received.
 */
function indexOf(opened: Readable, id: string, receivedAt: string): IntakeIndex {
  const statistics = deriveStatistics({ id, path: opened.path, answers: opened.answers ?? {}, ageNotSure: opened.ageNotSure, receivedAt, links: opened.links });
  if (opened.path === 'dtn') {
    const answers = opened.answers ?? {};
    return { kind: 'dtn', policeForceArea: text(answers, 'policeForce'), nation: text(answers, 'responderNation'), statistics };
  }
  const state = openCase(opened.path, dayOf(receivedAt));
  return { kind: 'case', opening: { state, progress: progressOf(state), ageGroup: ageGroupOf(opened.path, opened.ageNotSure) }, statistics };
}

/** Opens the sealed referral to check it against the same schema the form used; only the index is kept in the clear. */
export async function openReferral(submission: Submission, keyring: IntakeKeyring, lists: ListLookup): Promise<Opened> {
  const { envelope } = submission;
  const key = keyring.privateKey(envelope.keyId);
  if (!key) return { kind: 'unreadable', detail: 'It was sealed to a key this server does not hold. Update the app, then open the referral and send it again.' };
  let opened: unknown;
  try {
    opened = await openJson(key, envelope, sealingAad(submission.id, submission.schemaVersion));
  } catch {
    return { kind: 'unreadable', detail: 'It could not be opened: it was damaged on the way. Open the referral and send it again.' };
  }
  const atFault = (errors: FieldError[]): Opened => ({ kind: 'invalid', errors: errors.map((error) => ({ ...error, path: `envelope.referral.${error.path}` })) });
  if (submission.schemaVersion === PREVIOUS_SCHEMA_VERSION) {
    const previous = referralV2Schema.safeParse(opened);
    return previous.success ? { kind: 'opened', path: previous.data.path, ageNotSure: previous.data.ageGroup === 'not-sure' } : atFault(toFieldErrors(previous.error));
  }
  const parsed = referralSchema.safeParse(opened);
  if (!parsed.success) return atFault(toFieldErrors(parsed.error));
  const { links, ...answers } = parsed.data;
  const offList = referralListErrors(answers as Answers, lists);
  if (offList.length > 0) return atFault(offList);
  const named = (answers as Answers)['evidenceFiles'];
  return {
    kind: 'opened',
    path: parsed.data.path,
    links,
    evidenceFiles: Array.isArray(named) ? named : [],
    answers: answers as Answers,
    ageNotSure: (answers as Answers)['underAge'] === 'not-sure',
  };
}

const previousVersionEnds = Date.parse(PREVIOUS_SCHEMA_VERSION_ENDS);
const PREVIOUS_VERSION_ENDED = `This referral was made with a version of the form that is no longer accepted (since ${PREVIOUS_SCHEMA_VERSION_ENDS.slice(0, 10)}): open it, check the answers in the current form, and send it again`;

/** What is refused before anything is opened: times no honest device writes, and the previous version past its end or unsigned. */
function refusedUnopened(submission: Submission, deviceId: string | null, at: Date, realAt: Date): IntakeOutcome | undefined {
  const ahead = aheadOfClock(submission, realAt);
  if (ahead.length > 0) return { kind: 'invalid', errors: ahead };
  if (submission.schemaVersion !== PREVIOUS_SCHEMA_VERSION) return undefined;
  if (at.getTime() >= previousVersionEnds) return { kind: 'invalid', errors: [{ path: 'schemaVersion', message: PREVIOUS_VERSION_ENDED }] };
  return deviceId === null ? { kind: 'unsigned-previous-version' } : undefined;
}

/** Receives a validated submission exactly once: the id is the idempotency key, the digest tells a repeat from a change. */
/**
 * A Duty to Notify report from an enrolled device: the organisation picked in the form is the
 * responder's word, the account's organisation is the service's, so that one must be a Duty to Notify
 * authority too.
 */
async function refusedAuthority(opened: Readable, deviceId: string | null, lists: ListLookup, organisationOfDevice: IntakeDeps['organisationOfDevice']): Promise<IntakeOutcome | undefined> {
  if (opened.path !== 'dtn' || deviceId === null || !organisationOfDevice) return undefined;
  const organisation = await organisationOfDevice(deviceId);
  if (organisation !== undefined && lists.isDutyToNotifyAuthority(organisation)) return undefined;
  return { kind: 'invalid', errors: [{ path: 'envelope.referral.organisation', message: NOT_DTN_ACCOUNT(organisation) }] };
}

const NOT_DTN_ACCOUNT = (organisation: string | undefined) =>
  `Only a public authority with a Duty to Notify (police, councils, the Home Office) can send a Duty to Notify report, and this device is enrolled to ${organisation ?? 'an organisation the service does not know'}. Keep the draft; if your organisation should have the Duty, ask your administrator to correct it.`;

export function createIntake({ referrals, keyring, lists, now, realNow = now, randomInt, findPossibleMatches, organisationOfDevice }: IntakeDeps) {
  /** `deviceId`: the enrolled device that signed the request, when it was signed. */
  return async function receive(submission: Submission, deviceId: string | null = null): Promise<IntakeOutcome> {
    const refused = refusedUnopened(submission, deviceId, now(), realNow());
    if (refused) return refused;
    const opened = await openReferral(submission, keyring, lists);
    if (opened.kind !== 'opened') return opened;
    const notAuthority = await refusedAuthority(opened, deviceId, lists, organisationOfDevice);
    if (notAuthority) return notAuthority;
    const files = await openEvidence(submission, keyring, opened.evidenceFiles ?? []);
    if (files.kind !== 'opened') return files;
    const envelope = canonicalJson(submission.envelope);
    const digest = sha256Hex(canonicalJson(submission));
    for (let attempt = 0; attempt < REFERENCE_ATTEMPTS; attempt += 1) {
      try {
        const row: StoredReferral = {
          id: submission.id,
          reference: makeReference(randomInt),
          path: opened.path,
          schemaVersion: submission.schemaVersion,
          submittedAt: submission.submittedAt,
          receivedAt: now().toISOString(),
          digest,
          envelope,
          deviceId,
          // In the clear index, so a case shows the people met with it: ids only, nothing personal. An
          // anonymous report keeps none, even from apps that still send its encounter's id.
          encounterId: isAnonymousReport(opened.answers ?? {}) ? null : (opened.links?.encounterId ?? null),
          family: opened.links && 'family' in opened.links && opened.links.family?.length ? opened.links.family : null,
        };
        const index = indexOf(opened, row.id, row.receivedAt);
        const result = await referrals.insertIfAbsent(row, files.files, index);
        if (result.kind === 'missing') return { kind: 'files-incomplete', files: result.files };
        const { inserted, stored } = result;
        if (inserted) {
          if (index.kind === 'case' && opened.answers && findPossibleMatches) await findPossibleMatches(stored.id, opened.answers);
          return { kind: 'created', receipt: receiptOf(stored) };
        }
        // The receipt goes back only to the device that sent the referral: another that has its body learns nothing.
        return stored.digest === digest && stored.deviceId === deviceId ? { kind: 'repeat', receipt: receiptOf(stored) } : { kind: 'conflict' };
      } catch (error) {
        if (!(error instanceof ReferenceTakenError)) throw error;
      }
    }
    throw new Error('Could not draw a free receipt reference');
  };
}
