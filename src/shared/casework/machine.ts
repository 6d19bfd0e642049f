import { format, parseISO } from 'date-fns';
import type { Role } from '../accounts.ts';
import type { ReferralPath } from '../referral.ts';
import { caseActionTypes, type CaseAction, type CaseActionType } from './actions.ts';
import type { ResponderAction, ResponderActionType } from './responder-actions.ts';
import {
  addWorkingDays,
  conclusiveGroundsNotBefore,
  reasonableGroundsDue,
  reconsiderationLastDay,
  workingDaysBetween,
  RG_TARGET_WORKING_DAYS,
  type Day,
} from './clock.ts';
import { DECISION_MAKERS } from './roles.ts';
import { finalStages, isHold, type HoldStage, type Stage } from './stages.ts';

export interface Decision {
  outcome: 'positive' | 'negative';
  on: Day;
  /** The decision maker; for a negative decision, the second person who agreed is in the history. */
  by: string;
}

/** Everything the rules need to know about a case; the server keeps it beside the sealed referral. */
export interface CaseState {
  stage: Stage;
  /** Goes up by one with every change; an action names the version it was taken on. */
  version: number;
  path: ReferralPath;
  heldBy: string | null;
  receivedOn: Day;
  /** Reasonable grounds target; moves later by the working days the clock was paused. */
  rgDueOn: Day;
  rg: Decision | null;
  cg: Decision | null;
  cgNotBefore: Day | null;
  /** A negative decision awaiting its second person (and, for conclusive grounds, the panel). */
  proposal: (Decision & { kind: 'rg' | 'cg' }) | null;
  /** The stage a hold or a reconsideration interrupted. */
  resumeStage: Stage | null;
  /** When the current hold began: the clock is paused from here. */
  heldSince: Day | null;
  /** The day the last negative decision was served: the reconsideration window counts from it. */
  servedNegativeOn: Day | null;
  /** Marked by a decision maker as county lines, for the statistics; absent on a case opened before the mark existed. */
  countyLines?: boolean;
}

export interface Actor {
  id: string;
  role: Role;
}

export interface MachineContext {
  today: Day;
  /** The deployment's switch (INDEPENDENT_REVIEW): negative conclusive grounds go to the panel. */
  independentReview: boolean;
}

export type RefusalCode = 'not-allowed' | 'wrong-stage' | 'not-holder' | 'own-decision' | 'too-early' | 'future-date' | 'late-without-reason' | 'held-by-someone-else';

/** Anything that moves a case: an action at the desk, or an addition the responder sent from the field app. */
export type AnyAction = CaseAction | ResponderAction;
export type AnyActionType = CaseActionType | ResponderActionType;

/** One line of the case's history; the reasons themselves travel with the action. */
export interface Transition {
  action: AnyActionType;
  from: Stage;
  to: Stage;
}

export type Outcome = { ok: true; state: CaseState; transition: Transition } | { ok: false; code: RefusalCode; reason: string };

/** A new case as it arrives: reasonable grounds due in 5 working days. */
export function openCase(path: ReferralPath, receivedOn: Day): CaseState {
  return {
    stage: 'rg-pending',
    version: 1,
    path,
    heldBy: null,
    receivedOn,
    rgDueOn: reasonableGroundsDue(receivedOn),
    rg: null,
    cg: null,
    cgNotBefore: null,
    proposal: null,
    resumeStage: null,
    heldSince: null,
    servedNegativeOn: null,
    countyLines: false,
  };
}

export function inWords(day: Day): string {
  return format(parseISO(day), 'd MMMM yyyy');
}

const refuse = (code: RefusalCode, reason: string): Outcome => ({ ok: false, code, reason });

/** The stages each action may be taken from. */
const from: Record<AnyActionType, readonly Stage[] | 'any-open'> = {
  'decide-rg': ['rg-pending'],
  'decide-cg': ['cg-pending'],
  review: ['rg-negative-proposed', 'cg-negative-proposed'],
  'panel-review': ['cg-panel'],
  'record-reconsideration': ['rg-negative', 'cg-negative'],
  'decide-reconsideration': ['reconsideration'],
  'ask-information': ['rg-pending', 'cg-pending'],
  'information-received': ['more-information'],
  'answer-information': ['more-information'],
  'ask-reconsideration': ['rg-negative', 'cg-negative'],
  suspend: ['rg-pending', 'cg-pending'],
  'lift-suspension': ['suspended'],
  'record-turned-18': ['rg-pending', 'cg-pending'],
  'record-consent': ['turned-18'],
  'flag-county-lines': 'any-open',
  withdraw: 'any-open',
  take: 'any-open',
  'take-over': 'any-open',
  assign: 'any-open',
  release: 'any-open',
};

/** Who may take each action; decision makers must also hold the case (see `holderOnly`). */
const allowed: Record<AnyActionType, readonly Role[]> = {
  'decide-rg': DECISION_MAKERS,
  'decide-cg': DECISION_MAKERS,
  review: ['reviewer'],
  'panel-review': ['panel'],
  'record-reconsideration': DECISION_MAKERS,
  'decide-reconsideration': DECISION_MAKERS,
  'ask-information': DECISION_MAKERS,
  'information-received': DECISION_MAKERS,
  // The server lets only the device that sent the referral act as its responder (routes/additions.ts).
  'answer-information': ['responder'],
  'ask-reconsideration': ['responder'],
  suspend: DECISION_MAKERS,
  'lift-suspension': DECISION_MAKERS,
  'record-turned-18': DECISION_MAKERS,
  'record-consent': DECISION_MAKERS,
  'flag-county-lines': DECISION_MAKERS,
  withdraw: DECISION_MAKERS,
  take: DECISION_MAKERS,
  'take-over': DECISION_MAKERS,
  assign: ['reviewer'],
  release: DECISION_MAKERS,
};

const holderOnly: ReadonlySet<AnyActionType> = new Set([
  'decide-rg',
  'decide-cg',
  'record-reconsideration',
  'decide-reconsideration',
  'ask-information',
  'information-received',
  'suspend',
  'lift-suspension',
  'record-turned-18',
  'record-consent',
  'flag-county-lines',
  'withdraw',
  'release',
]);

const roleNames: Record<Role, string> = {
  responder: 'a first responder',
  caseworker: 'a caseworker',
  reviewer: 'a reviewer',
  panel: 'a panel member',
  analyst: 'an analyst',
  admin: 'an administrator',
};

function allowedFromStage(type: AnyActionType, stage: Stage): boolean {
  const stagesFrom = from[type];
  return stagesFrom === 'any-open' ? !(finalStages as readonly Stage[]).includes(stage) : stagesFrom.includes(stage);
}

/** Whether `actor` may take `type` now, before looking at what the form says. */
export function check(state: CaseState, type: AnyActionType, actor: Actor): { ok: true } | { ok: false; code: RefusalCode; reason: string } {
  const roles = allowed[type];
  if (!roles.includes(actor.role)) {
    return { ok: false, code: 'not-allowed', reason: `This is not something ${roleNames[actor.role]} can do: it is for ${roles.map((role) => roleNames[role]).join(' or ')}.` };
  }
  if (!allowedFromStage(type, state.stage)) return { ok: false, code: 'wrong-stage', reason: 'The case is not at a stage where this can be done. Reload the case to see where it stands.' };
  if (holderOnly.has(type) && state.heldBy !== actor.id) {
    return state.heldBy === null
      ? { ok: false, code: 'not-holder', reason: 'Nobody holds this case: take it first, then try again.' }
      : { ok: false, code: 'held-by-someone-else', reason: 'Someone else holds this case: take it over (with a reason) first, or ask them.' };
  }
  if ((type === 'review' || type === 'panel-review') && state.proposal?.by === actor.id) {
    return { ok: false, code: 'own-decision', reason: 'You made this decision: a second person must review it.' };
  }
  if (type === 'take' && state.heldBy !== null) {
    return state.heldBy === actor.id
      ? { ok: false, code: 'wrong-stage', reason: 'You hold this case already.' }
      : { ok: false, code: 'held-by-someone-else', reason: 'Someone else holds this case: take it over with a reason instead.' };
  }
  if (type === 'take-over' && (state.heldBy === null || state.heldBy === actor.id)) {
    return { ok: false, code: 'wrong-stage', reason: state.heldBy === null ? 'Nobody holds this case: take it instead.' : 'You hold this case already.' };
  }
  return { ok: true };
}

/** The actions the console offers `actor` now (each still checked again when taken). */
export function availableActions(state: CaseState, actor: Actor): CaseActionType[] {
  return caseActionTypes.filter((type) => check(state, type, actor).ok);
}

function hold(state: CaseState, stage: HoldStage, today: Day): CaseState {
  return { ...state, stage, resumeStage: state.stage, heldSince: today };
}

/** Back from a hold: the reasonable grounds target moves on by the working days the clock stood still. */
function resume(state: CaseState, today: Day): CaseState {
  const back = state.resumeStage ?? 'rg-pending';
  const paused = state.heldSince ? workingDaysBetween(state.heldSince, today) : 0;
  return {
    ...state,
    stage: back,
    resumeStage: null,
    heldSince: null,
    rgDueOn: back === 'rg-pending' && paused > 0 ? addWorkingDays(state.rgDueOn, paused) : state.rgDueOn,
  };
}

function serveNegative(state: CaseState, kind: 'rg' | 'cg', today: Day): CaseState {
  const decision = state.proposal ? { outcome: state.proposal.outcome, on: state.proposal.on, by: state.proposal.by } : null;
  return { ...state, stage: kind === 'rg' ? 'rg-negative' : 'cg-negative', [kind]: decision, proposal: null, servedNegativeOn: today };
}

/** A request for reconsideration, from the desk or the field: late ones need the exceptional reason. */
function reconsider(state: CaseState, requestedOn: Day, lateReason: string | undefined, today: Day): CaseState | Outcome {
  if (requestedOn > today) return refuse('future-date', 'The date of the request cannot be in the future.');
  const lastDay = state.servedNegativeOn ? reconsiderationLastDay(state.servedNegativeOn) : null;
  if (lastDay && requestedOn > lastDay && !lateReason) {
    return refuse('late-without-reason', `The request is late: the last day was ${inWords(lastDay)}. Give the exceptional reason to accept it late.`);
  }
  return { ...state, stage: 'reconsideration', resumeStage: state.stage };
}

function next(state: CaseState, action: AnyAction, actor: Actor, { today, independentReview }: MachineContext): Outcome {
  switch (action.type) {
    case 'decide-rg':
    case 'decide-cg': {
      const kind = action.type === 'decide-rg' ? 'rg' : 'cg';
      if (action.decidedOn > today) return refuse('future-date', 'The date of the decision cannot be in the future.');
      if (kind === 'cg' && state.cgNotBefore && (today < state.cgNotBefore || action.decidedOn < state.cgNotBefore)) {
        return refuse('too-early', `Conclusive grounds can be decided from ${inWords(state.cgNotBefore)}, 30 days after reasonable grounds.`);
      }
      if (kind === 'rg' && action.decidedOn < state.receivedOn) return refuse('future-date', 'The decision cannot be dated before the referral was received.');
      const decision: Decision = { outcome: action.outcome, on: action.decidedOn, by: actor.id };
      if (action.outcome === 'negative') return done({ ...state, stage: kind === 'rg' ? 'rg-negative-proposed' : 'cg-negative-proposed', proposal: { ...decision, kind } });
      return kind === 'rg'
        ? done({ ...state, stage: 'cg-pending', rg: decision, cgNotBefore: conclusiveGroundsNotBefore(action.decidedOn) })
        : done({ ...state, stage: 'cg-positive', cg: decision });
    }
    case 'review': {
      const kind = state.stage === 'rg-negative-proposed' ? 'rg' : 'cg';
      if (action.verdict === 'disagree') return done({ ...state, stage: kind === 'rg' ? 'rg-pending' : 'cg-pending', proposal: null });
      if (kind === 'cg' && independentReview) return done({ ...state, stage: 'cg-panel' });
      return done(serveNegative(state, kind, today));
    }
    case 'panel-review':
      return done(action.verdict === 'agree' ? serveNegative(state, 'cg', today) : { ...state, stage: 'cg-pending', proposal: null });
    case 'record-reconsideration':
    case 'ask-reconsideration': {
      const after = reconsider(state, action.type === 'record-reconsideration' ? action.requestedOn : today, action.lateReason, today);
      return 'ok' in after ? after : done(after);
    }
    case 'decide-reconsideration': {
      const served = state.resumeStage ?? 'rg-negative';
      if (action.outcome === 'refused') return done({ ...state, stage: served, resumeStage: null });
      return served === 'rg-negative'
        ? done({ ...state, stage: 'rg-pending', resumeStage: null, rg: null, servedNegativeOn: null, rgDueOn: addWorkingDays(today, RG_TARGET_WORKING_DAYS) })
        : done({ ...state, stage: 'cg-pending', resumeStage: null, cg: null, servedNegativeOn: null });
    }
    case 'ask-information':
      return done(hold(state, 'more-information', today));
    case 'suspend':
      return done(hold(state, 'suspended', today));
    case 'record-turned-18':
      if (state.path !== 'child') return refuse('wrong-stage', 'Only a child referral can record turning 18.');
      return done(hold(state, 'turned-18', today));
    case 'information-received':
    case 'answer-information':
    case 'lift-suspension':
      return done(resume(state, today));
    case 'record-consent':
      return done(action.consent === 'given' ? resume(state, today) : { ...state, stage: 'withdrawn', resumeStage: null, heldSince: null });
    case 'flag-county-lines': {
      const countyLines = action.countyLines === 'yes';
      if ((state.countyLines === true) === countyLines) {
        return refuse('wrong-stage', countyLines ? 'The case is marked as county lines already.' : 'The case is not marked as county lines.');
      }
      return done({ ...state, countyLines });
    }
    case 'withdraw':
      return done({ ...state, stage: 'withdrawn', resumeStage: null, heldSince: null, proposal: null });
    case 'take':
    case 'take-over':
      return done({ ...state, heldBy: actor.id });
    case 'assign':
      return done({ ...state, heldBy: action.to });
    case 'release':
      return done({ ...state, heldBy: null });
  }

  function done(after: CaseState): Outcome {
    return { ok: true, state: { ...after, version: state.version + 1 }, transition: { action: action.type, from: state.stage, to: after.stage } };
  }
}

/**
 * The one place the rules live: what `actor` asks, on the case as it stands, becomes the next state
 * or a refusal with a reason a caseworker can act on. Pure, so server and console agree.
 */
export function transition(state: CaseState, action: AnyAction, actor: Actor, context: MachineContext): Outcome {
  const checked = check(state, action.type, actor);
  if (!checked.ok) return checked;
  return next(state, action, actor, context);
}

/** A hold's stage is never final; exported for screens that explain a paused clock. */
export { isHold };
