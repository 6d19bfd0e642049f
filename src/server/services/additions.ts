import { additionAad, type AdditionReceipt, type AdditionSubmission } from '../../shared/additions.ts';
import { responderActionSchema, type ResponderAction } from '../../shared/casework/responder-actions.ts';
import { dayOf } from '../../shared/casework/clock.ts';
import { transition, type RefusalCode } from '../../shared/casework/machine.ts';
import { progressOf } from '../../shared/casework/progress-of.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import type { FieldError } from '../../shared/protocol.ts';
import { openJson } from '../../shared/sealing.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import type { AdditionEffect, AdditionRecord, AdditionStore } from '../storage/addition-store.ts';
import type { CaseStore } from '../storage/case-store.ts';
import type { CaseSealing } from './case-sealing.ts';
import { canonicalJson, sha256Hex } from './digest.ts';
import { openAdditionEvidence } from './evidence.ts';

export type AdditionOutcome =
  | { kind: 'created' | 'repeat'; receipt: AdditionReceipt }
  /** No such referral, or not one this device sent: the same answer, so a device learns nothing of others'. */
  | { kind: 'not-found' }
  | { kind: 'conflict' }
  /** Its files are not all on the server yet, as uploaded by the sending device: it uploads them, then sends again. */
  | { kind: 'files-incomplete'; files: { fileId: string; missing: number[] }[] }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'refused'; code: RefusalCode | 'no-case'; reason: string };

export interface AdditionDeps {
  additions: AdditionStore;
  cases: CaseStore;
  keyring: IntakeKeyring;
  sealing: CaseSealing;
  now: () => Date;
  independentReview: boolean;
}

/** The enrolled device that signed the request, and the account it belongs to. */
export interface SendingDevice {
  id: string;
  userId: string;
}

/** A case that moved between reading it and writing is read again; after this many, the device tries later. */
const ATTEMPTS = 3;

const receiptOf = (record: AdditionRecord): AdditionReceipt => ({ id: record.id, referralId: record.referralId, receivedAt: record.receivedAt });

/**
 * Takes what a responder adds to their delivered referral, exactly once: the id is the idempotency key and
 * the digest tells a repeat from a change, as for referrals. The sealed body is opened, checked against
 * the shared schema and given to the case's state machine as the responder's own action; an answer that
 * arrives after the case has moved on (the caseworker recorded the information by phone) is kept as a
 * note, so nothing the responder wrote is lost.
 */
export function createAdditionService({ additions, cases, keyring, sealing, now, independentReview }: AdditionDeps) {
  async function open(referralId: string, submission: AdditionSubmission): Promise<{ kind: 'opened'; action: ResponderAction } | Extract<AdditionOutcome, { kind: 'unreadable' | 'invalid' }>> {
    const key = keyring.privateKey(submission.envelope.keyId);
    if (!key) return { kind: 'unreadable', detail: 'It was sealed to a key this server does not hold. Update the app, then write it again.' };
    let opened: unknown;
    try {
      opened = await openJson(key, submission.envelope, additionAad(referralId, submission.id));
    } catch {
      return { kind: 'unreadable', detail: 'It could not be opened: it was damaged on the way. Write it again.' };
    }
    const parsed = responderActionSchema.safeParse(opened);
    if (!parsed.success) return { kind: 'invalid', errors: toFieldErrors(parsed.error).map((error) => ({ ...error, path: `envelope.addition.${error.path}` })) };
    return { kind: 'opened', action: parsed.data };
  }

  async function repeatOrConflict(id: string, referralId: string, digest: string): Promise<AdditionOutcome | undefined> {
    const existing = await additions.find(id);
    if (!existing) return undefined;
    return existing.referralId === referralId && existing.digest === digest ? { kind: 'repeat', receipt: receiptOf(existing) } : { kind: 'conflict' };
  }

  async function effectOf(addition: AdditionRecord, action: ResponderAction, userId: string): Promise<AdditionEffect | Extract<AdditionOutcome, { kind: 'refused' }>> {
    const record = await cases.find(addition.referralId);
    if (!record) return { kind: 'refused', code: 'no-case', reason: 'A Duty to Notify report has no decision to answer or reconsider.' };
    const at = addition.receivedAt;
    const actor = { id: userId, role: 'responder' as const };
    const outcome = transition(record.state, action, actor, { today: dayOf(now()), independentReview });
    if (!outcome.ok) {
      if (action.type === 'answer-information' && outcome.code === 'wrong-stage') {
        const note = { at, author: actor.id, body: await sealing.seal('case-note', record.id, { text: action.answer }) };
        return { kind: 'note', note, audit: { at, actor: actor.id, action: 'case-answer-information' } };
      }
      return { kind: 'refused', code: outcome.code, reason: outcome.reason };
    }
    const { type, ...fields } = action;
    const after = progressOf(outcome.state);
    const changed = after.stage !== record.progress.stage || after.on !== record.progress.on || after.reconsiderUntil !== record.progress.reconsiderUntil;
    return {
      kind: 'change',
      change: {
        id: record.id,
        fromVersion: record.state.version,
        state: outcome.state,
        event: { at, actor: actor.id, action: type, from: outcome.transition.from, to: outcome.transition.to, detail: await sealing.seal('case-event', record.id, fields) },
        audit: { at, actor: actor.id, action: `case-${type}` },
        ...(changed ? { progress: { value: after, at } } : {}),
      },
    };
  }

  return {
    async take(referralId: string, submission: AdditionSubmission, device: SendingDevice): Promise<AdditionOutcome> {
      const sender = await additions.senderOf(referralId);
      if (!sender || sender.deviceId !== device.id) return { kind: 'not-found' };
      const digest = sha256Hex(canonicalJson({ referralId, ...submission }));
      const before = await repeatOrConflict(submission.id, referralId, digest);
      if (before) return before;
      const opened = await open(referralId, submission);
      if (opened.kind !== 'opened') return opened;
      const files = await openAdditionEvidence(referralId, submission, keyring);
      if (files.kind !== 'opened') return files;
      const { envelope } = submission;
      const addition: AdditionRecord = {
        id: submission.id,
        referralId,
        deviceId: device.id,
        kind: opened.action.type,
        receivedAt: now().toISOString(),
        digest,
        // Kept sealed as received: only the server, reading the case for a permitted reader, opens it again.
        ...(envelope.evidence ? { evidence: JSON.stringify({ keyId: envelope.keyId, ...envelope.evidence }) } : {}),
      };
      for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
        const effect = await effectOf(addition, opened.action, device.userId);
        if (effect.kind === 'refused') return effect;
        const taken = await additions.take(addition, effect, files.files);
        switch (taken.kind) {
          case 'taken':
            return { kind: 'created', receipt: receiptOf(addition) };
          case 'taken-before':
            return (await repeatOrConflict(submission.id, referralId, digest)) ?? { kind: 'conflict' };
          case 'missing':
            return { kind: 'files-incomplete', files: taken.files };
          case 'file-taken':
            return { kind: 'invalid', errors: [{ path: 'envelope.evidence', message: 'A file it names was already sent with the referral or an earlier addition' }] };
          case 'moved':
            break;
        }
      }
      throw new Error('The case kept changing while an addition was taken');
    },

    /** The question asked of the responder on each referral now waiting for more information. */
    async questions(referralIds: readonly string[]): Promise<Map<string, string>> {
      const found = new Map<string, string>();
      for (const { referralId, detail } of await additions.questions(referralIds)) {
        const opened = (await sealing.open('case-event', referralId, detail)) as { question?: unknown };
        if (typeof opened.question === 'string') found.set(referralId, opened.question);
      }
      return found;
    },
  };
}

export type AdditionService = ReturnType<typeof createAdditionService>;
