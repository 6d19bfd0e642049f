import type { SignedInUser } from '../../shared/accounts.ts';
import { dayOf } from '../../shared/casework/clock.ts';
import { availableActions, transition, type Actor, type CaseState, type RefusalCode } from '../../shared/casework/machine.ts';
import { progressOf } from '../../shared/casework/progress-of.ts';
import type { Progress } from '../../shared/casework/progress.ts';
import {
  QUEUE_PAGE_SIZE,
  type CaseActionResponse,
  type CaseDetail,
  type CaseEvent,
  type CaseNote,
  type DtnReportsResponse,
  type PossibleMatch,
  type QueueQuery,
  type QueueResponse,
} from '../../shared/casework/protocol.ts';
import type { CaseActionRequest } from '../../shared/casework/actions.ts';
import { DECISION_MAKERS, isOneOf } from '../../shared/casework/roles.ts';
import type { FieldError } from '../../shared/protocol.ts';
import type { MatchingKey } from '../crypto/matching-key.ts';
import type { AuditLog } from '../storage/audit-log.ts';
import type { CaseRecord, CaseStore, Verdict } from '../storage/case-store.ts';
import type { ReferralStore } from '../storage/referral-store.ts';
import type { CaseSealing } from './case-sealing.ts';
import { createCaseViews } from './casework-views.ts';
import { PANEL_STAGE, queueFilter } from './casework-queue.ts';

export interface CaseworkDeps {
  cases: CaseStore;
  referrals: ReferralStore;
  audit: AuditLog;
  sealing: CaseSealing;
  /** Absent: the same-person finder is off, and cases show no possible matches. */
  matchingKey?: MatchingKey;
  now: () => Date;
  /** The deployment's INDEPENDENT_REVIEW switch: negative conclusive grounds go to the panel. */
  independentReview: boolean;
}

/** A panel member may read, note and act on a case only while it awaits the panel. */
type Unreadable = { kind: 'not-found' } | { kind: 'not-for-panel' };

export type CaseRead = { kind: 'found'; detail: CaseDetail } | Unreadable;

export type ActOutcome =
  | { kind: 'done'; response: CaseActionResponse }
  | Unreadable
  /** The case moved on since the version the actor saw: nothing was written. */
  | { kind: 'changed'; current: CaseState; since: CaseEvent[] }
  | { kind: 'refused'; code: RefusalCode; reason: string }
  | { kind: 'invalid'; errors: FieldError[] };

function sameProgress(a: Progress, b: Progress): boolean {
  return a.stage === b.stage && a.on === b.on && a.reconsiderUntil === b.reconsiderUntil;
}

const actorOf = (user: SignedInUser): Actor => ({ id: user.id, role: user.role });

/**
 * The decision unit's work on cases: the queue, reading a case (audited before anything is handed out),
 * and acting on it through the state machine of src/shared/casework — version-checked, so of two people
 * (or two servers) acting on one version, one wins and the other is told what changed.
 */
export function createCaseworkService({ cases, referrals, audit, sealing, matchingKey, now, independentReview }: CaseworkDeps) {
  const views = createCaseViews({ cases, referrals, sealing, matchingKey });
  const today = () => dayOf(now());

  async function readable(reader: SignedInUser, id: string): Promise<{ kind: 'readable'; record: CaseRecord } | Unreadable> {
    const record = await cases.find(id);
    if (!record) return { kind: 'not-found' };
    if (reader.role === 'panel' && record.state.stage !== PANEL_STAGE) return { kind: 'not-for-panel' };
    return { kind: 'readable', record };
  }

  async function recordRead(reader: SignedInUser, id: string): Promise<void> {
    await audit.append({ at: now().toISOString(), actor: reader.id, action: 'case-read', subject: id });
  }

  async function changedSince(reader: SignedInUser, id: string, version: number): Promise<ActOutcome> {
    const record = await cases.find(id);
    if (!record) return { kind: 'not-found' };
    // The history handed back holds the reasons people wrote: that is a read of the case.
    await recordRead(reader, id);
    return { kind: 'changed', current: record.state, since: await views.events(id, await cases.events(id, version)) };
  }

  async function match(id: string, otherId: string): Promise<PossibleMatch | undefined> {
    const records = (await cases.matches(id)).filter((record) => record.otherId === otherId);
    return (await views.matches(id, records))[0];
  }

  return {
    async queue(reader: SignedInUser, query: QueueQuery): Promise<QueueResponse> {
      const day = today();
      const filter = queueFilter(reader, query, day);
      const { rows, total } = filter ? await cases.queue(filter) : { rows: [], total: 0 };
      return { rows, total, page: query.page ?? 1, pageSize: QUEUE_PAGE_SIZE, today: day, organisations: await cases.organisations() };
    },

    async detail(reader: SignedInUser, id: string): Promise<CaseRead> {
      const found = await readable(reader, id);
      if (found.kind !== 'readable') return found;
      const { record } = found;
      await recordRead(reader, id);
      const [answers, eventRecords, noteRecords, matchRecords] = await Promise.all([sealing.answersOf(record), cases.events(id), cases.notes(id), cases.matches(id)]);
      const person = await views.people([record.state.heldBy]);
      return {
        kind: 'found',
        detail: {
          id: record.id,
          reference: record.reference,
          receivedAt: record.receivedAt,
          organisation: record.organisation,
          state: record.state,
          heldBy: record.state.heldBy === null ? null : person(record.state.heldBy),
          answers,
          linked: await views.linked(record, matchRecords),
          possibleMatches: await views.matches(id, matchRecords),
          events: await views.events(id, eventRecords),
          notes: await views.notes(id, noteRecords),
          actions: availableActions(record.state, actorOf(reader)),
          independentReview,
          today: today(),
        },
      };
    },

    async act(actor: SignedInUser, id: string, { version, action }: CaseActionRequest): Promise<ActOutcome> {
      const found = await readable(actor, id);
      if (found.kind !== 'readable') return found;
      const { state, progress } = found.record;
      if (version !== state.version) return changedSince(actor, id, version);
      const outcome = transition(state, action, actorOf(actor), { today: today(), independentReview });
      if (!outcome.ok) return { kind: 'refused', code: outcome.code, reason: outcome.reason };
      if (action.type === 'assign') {
        const [holder] = await cases.people([action.to]);
        if (!holder || !isOneOf(holder.role, DECISION_MAKERS)) return { kind: 'invalid', errors: [{ path: 'action.to', message: 'Choose a caseworker or reviewer to hold the case' }] };
      }
      const at = now().toISOString();
      const { type, ...fields } = action;
      const detail = Object.keys(fields).length > 0 ? await sealing.seal('case-event', id, fields) : null;
      const after = progressOf(outcome.state);
      const applied = await cases.apply({
        id,
        fromVersion: state.version,
        state: outcome.state,
        event: { at, actor: actor.id, action: type, from: outcome.transition.from, to: outcome.transition.to, detail },
        audit: { at, actor: actor.id, action: `case-${type}` },
        ...(sameProgress(after, progress) ? {} : { progress: { value: after, at } }),
      });
      if (!applied) return changedSince(actor, id, version);
      const person = await views.people([actor.id]);
      return {
        kind: 'done',
        response: {
          state: outcome.state,
          event: { at, actor: person(actor.id), action: type, from: outcome.transition.from, to: outcome.transition.to, detail: fields },
          actions: availableActions(outcome.state, actorOf(actor)),
        },
      };
    },

    async note(author: SignedInUser, id: string, text: string): Promise<{ kind: 'noted'; note: CaseNote } | Unreadable> {
      const found = await readable(author, id);
      if (found.kind !== 'readable') return found;
      const at = now().toISOString();
      await cases.addNote(id, { at, author: author.id, body: await sealing.seal('case-note', id, { text }) }, { at, actor: author.id, action: 'case-note' });
      const person = await views.people([author.id]);
      return { kind: 'noted', note: { at, author: person(author.id), text } };
    },

    /** A caseworker's verdict on a possible same person, recorded on the pair both ways; undefined when there is no such pair. */
    async markSameness(actor: SignedInUser, id: string, otherId: string, verdict: Verdict): Promise<PossibleMatch | undefined> {
      if (!(await cases.decideMatch(id, otherId, verdict, { at: now().toISOString(), actor: actor.id, action: 'case-sameness' }))) return undefined;
      return match(id, otherId);
    },

    async caseworkers() {
      return { people: await cases.decisionMakers() };
    },

    async dtnReports(page: number): Promise<DtnReportsResponse> {
      const { rows, total } = await cases.dtnReports((page - 1) * QUEUE_PAGE_SIZE, QUEUE_PAGE_SIZE);
      return { rows, total, page, pageSize: QUEUE_PAGE_SIZE };
    },
  };
}

export type CaseworkService = ReturnType<typeof createCaseworkService>;
