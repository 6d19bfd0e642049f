import { describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/shared/accounts.ts';
import { caseActionSchema, caseActionTypes, type CaseAction } from '../../src/shared/casework/actions.ts';
import { responderActionSchema, responderActionTypes } from '../../src/shared/casework/responder-actions.ts';
import { availableActions, openCase, transition, type Actor, type AnyAction, type AnyActionType, type CaseState, type MachineContext } from '../../src/shared/casework/machine.ts';
import { progressOf } from '../../src/shared/casework/progress-of.ts';
import { stages, type Stage } from '../../src/shared/casework/stages.ts';

const TODAY = '2026-12-04';
const context: MachineContext = { today: TODAY, independentReview: false };

/** A valid form for each action, as the console (or, for the responder's, the field app) would send it. */
const sample: { [K in AnyActionType]: Extract<AnyAction, { type: K }> } = {
  'decide-rg': { type: 'decide-rg', outcome: 'positive', reasonCodes: ['credible-account'], reasonText: 'Consistent account.', decidedOn: TODAY },
  'decide-cg': { type: 'decide-cg', outcome: 'positive', reasonCodes: ['elements-met'], reasonText: 'All elements met.', decidedOn: TODAY },
  review: { type: 'review', verdict: 'agree' },
  'panel-review': { type: 'panel-review', verdict: 'agree', reasons: 'The panel agrees.' },
  'record-reconsideration': { type: 'record-reconsideration', requestedOn: TODAY, grounds: 'new-evidence', detail: 'A medical report.' },
  'decide-reconsideration': { type: 'decide-reconsideration', outcome: 'accepted', reasons: 'New evidence.' },
  'ask-information': { type: 'ask-information', question: 'Where was the work?' },
  'information-received': { type: 'information-received', summary: 'Answered by phone.' },
  suspend: { type: 'suspend', reason: 'Criminal proceedings.' },
  'lift-suspension': { type: 'lift-suspension', note: 'Proceedings ended.' },
  'record-turned-18': { type: 'record-turned-18', note: 'Turned 18 on 1 December.' },
  'record-consent': { type: 'record-consent', consent: 'given', note: 'Signed form.' },
  'flag-county-lines': { type: 'flag-county-lines', countyLines: 'yes', note: 'Carried drugs from London to Margate on a deal line.' },
  withdraw: { type: 'withdraw', reason: 'Consent withdrawn.' },
  take: { type: 'take' },
  'take-over': { type: 'take-over', reason: 'Leave cover.' },
  assign: { type: 'assign', to: 'someone' },
  release: { type: 'release' },
  'answer-information': { type: 'answer-information', answer: 'The work was at a car wash in Leeds.' },
  'ask-reconsideration': { type: 'ask-reconsideration', grounds: 'new-evidence', detail: 'A GP letter.' },
};

const everyAction: readonly AnyActionType[] = [...caseActionTypes, ...responderActionTypes];

/** Who the issue says may take each action (restated here, not read from the machine). */
const permitted: Record<AnyActionType, readonly Role[]> = {
  'decide-rg': ['caseworker', 'reviewer'],
  'decide-cg': ['caseworker', 'reviewer'],
  review: ['reviewer'],
  'panel-review': ['panel'],
  'record-reconsideration': ['caseworker', 'reviewer'],
  'decide-reconsideration': ['caseworker', 'reviewer'],
  'ask-information': ['caseworker', 'reviewer'],
  'information-received': ['caseworker', 'reviewer'],
  suspend: ['caseworker', 'reviewer'],
  'lift-suspension': ['caseworker', 'reviewer'],
  'record-turned-18': ['caseworker', 'reviewer'],
  'record-consent': ['caseworker', 'reviewer'],
  'flag-county-lines': ['caseworker', 'reviewer'],
  withdraw: ['caseworker', 'reviewer'],
  take: ['caseworker', 'reviewer'],
  'take-over': ['caseworker', 'reviewer'],
  assign: ['reviewer'],
  release: ['caseworker', 'reviewer'],
  'answer-information': ['responder'],
  'ask-reconsideration': ['responder'],
};

/** The stages each action starts from. */
const startsFrom: Record<AnyActionType, readonly Stage[]> = {
  'decide-rg': ['rg-pending'],
  'decide-cg': ['cg-pending'],
  review: ['rg-negative-proposed', 'cg-negative-proposed'],
  'panel-review': ['cg-panel'],
  'record-reconsideration': ['rg-negative', 'cg-negative'],
  'decide-reconsideration': ['reconsideration'],
  'ask-information': ['rg-pending', 'cg-pending'],
  'information-received': ['more-information'],
  suspend: ['rg-pending', 'cg-pending'],
  'lift-suspension': ['suspended'],
  'record-turned-18': ['rg-pending', 'cg-pending'],
  'record-consent': ['turned-18'],
  'flag-county-lines': stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  withdraw: stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  take: stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  'take-over': stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  assign: stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  release: stages.filter((stage) => stage !== 'cg-positive' && stage !== 'withdrawn'),
  'answer-information': ['more-information'],
  'ask-reconsideration': ['rg-negative', 'cg-negative'],
};

/** A child's case at `stage`, held in the way `type` needs, with a proposal by someone else. */
function caseAt(stage: Stage, type: AnyActionType, actorId: string): CaseState {
  const heldBy = type === 'take' ? null : type === 'take-over' ? 'someone-else' : actorId;
  return {
    ...openCase('child', '2026-10-01'),
    stage,
    heldBy,
    rg: { outcome: 'positive', on: '2026-10-05', by: 'author' },
    cgNotBefore: '2026-11-04',
    proposal: { kind: stage.startsWith('rg') ? 'rg' : 'cg', outcome: 'negative', on: '2026-11-20', by: 'author' },
    resumeStage: stage === 'reconsideration' ? 'rg-negative' : 'rg-pending',
    heldSince: '2026-11-30',
    servedNegativeOn: '2026-11-25',
  };
}

describe('the casework state machine', () => {
  it('has a sample for every action, each valid against its shared schema', () => {
    expect(Object.keys(sample).sort()).toEqual([...everyAction].sort());
    for (const type of caseActionTypes) expect(caseActionSchema.safeParse(sample[type]).success, type).toBe(true);
    for (const type of responderActionTypes) expect(responderActionSchema.safeParse(sample[type]).success, type).toBe(true);
  });

  it('allows every action to exactly the roles that may take it, and refuses the others with a reason', () => {
    for (const type of everyAction) {
      for (const role of roles) {
        const actor: Actor = { id: `a-${role}`, role };
        const stage = startsFrom[type][0] as Stage;
        const outcome = transition(caseAt(stage, type, actor.id), sample[type], actor, context);
        const should = permitted[type].includes(role);
        expect(outcome.ok, `${role} ${type}`).toBe(should);
        if (!outcome.ok) {
          expect(outcome.code).toBe('not-allowed');
          expect(outcome.reason).toMatch(/not something/);
        }
      }
    }
  });

  it('allows every action only from its stages', () => {
    for (const type of everyAction) {
      const role = permitted[type][0] as Role;
      for (const stage of stages) {
        const actor: Actor = { id: 'me', role };
        const outcome = transition(caseAt(stage, type, actor.id), sample[type], actor, context);
        const should = startsFrom[type].includes(stage);
        expect(outcome.ok, `${type} from ${stage}`).toBe(should);
        if (!outcome.ok) expect(outcome.code).toBe('wrong-stage');
      }
    }
  });

  it('lets nobody review their own decision, on second-person review or the panel', () => {
    const own = (stage: Stage, role: Role, action: CaseAction) => {
      const state: CaseState = { ...caseAt(stage, action.type, 'me'), proposal: { kind: 'cg', outcome: 'negative', on: TODAY, by: 'me' } };
      return transition(state, action, { id: 'me', role }, context);
    };
    expect(own('rg-negative-proposed', 'reviewer', sample.review)).toMatchObject({ ok: false, code: 'own-decision' });
    expect(own('cg-panel', 'panel', sample['panel-review'])).toMatchObject({ ok: false, code: 'own-decision' });
  });

  it('makes decisions only on a case the actor holds', () => {
    const state = { ...caseAt('rg-pending', 'decide-rg', 'me'), heldBy: null };
    expect(transition(state, sample['decide-rg'], { id: 'me', role: 'caseworker' }, context)).toMatchObject({ ok: false, code: 'not-holder' });
    expect(transition({ ...state, heldBy: 'other' }, sample['decide-rg'], { id: 'me', role: 'caseworker' }, context)).toMatchObject({ ok: false, code: 'held-by-someone-else' });
  });

  it('walks a case: negative proposed, disagreed, positive, recovery period, conclusive grounds', () => {
    const worker: Actor = { id: 'cw', role: 'caseworker' };
    const reviewer: Actor = { id: 'rv', role: 'reviewer' };
    let state = openCase('adult-nrm', '2026-11-02');
    expect(state.rgDueOn).toBe('2026-11-09');
    const step = (action: CaseAction, actor: Actor, today = TODAY, independentReview = false) => {
      const outcome = transition(state, action, actor, { today, independentReview });
      if (!outcome.ok) throw new Error(outcome.reason);
      expect(outcome.state.version).toBe(state.version + 1);
      state = outcome.state;
      return outcome.transition;
    };
    step({ type: 'take' }, worker);
    expect(step({ type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: 'x', decidedOn: '2026-11-06' }, worker)).toEqual({ action: 'decide-rg', from: 'rg-pending', to: 'rg-negative-proposed' });
    expect(progressOf(state).stage).toBe('received'); // a proposal is not served: the responder is not told
    expect(step({ type: 'review', verdict: 'disagree', comment: 'Indicators are there: see page 3.' }, reviewer)).toMatchObject({ to: 'rg-pending' });
    step({ type: 'decide-rg', outcome: 'positive', reasonCodes: ['indicators'], reasonText: 'x', decidedOn: '2026-11-06' }, worker);
    expect(state).toMatchObject({ stage: 'cg-pending', cgNotBefore: '2026-12-06' });
    expect(progressOf(state)).toEqual({ stage: 'rg-positive', on: '2026-11-06', reconsiderUntil: null });

    const early = transition(state, { ...sample['decide-cg'], decidedOn: '2026-12-05' }, worker, { today: '2026-12-05', independentReview: false });
    expect(early).toMatchObject({ ok: false, code: 'too-early' });
    expect(early.ok ? '' : early.reason).toContain('6 December 2026');

    step({ type: 'decide-cg', outcome: 'negative', reasonCodes: ['not-credible'], reasonText: 'x', decidedOn: '2026-12-07' }, worker, '2026-12-07', true);
    step({ type: 'review', verdict: 'agree' }, reviewer, '2026-12-08', true);
    expect(state.stage).toBe('cg-panel');
    step({ type: 'panel-review', verdict: 'agree', reasons: 'Agreed.' }, { id: 'pm', role: 'panel' }, '2026-12-09', true);
    expect(state).toMatchObject({ stage: 'cg-negative', servedNegativeOn: '2026-12-09', cg: { outcome: 'negative', on: '2026-12-07', by: 'cw' } });
    expect(progressOf(state)).toEqual({ stage: 'cg-negative', on: '2026-12-07', reconsiderUntil: '2027-01-08' });
  });

  it('serves a negative conclusive grounds decision at review when the panel is switched off', () => {
    const state: CaseState = { ...caseAt('cg-negative-proposed', 'review', 'rv') };
    const outcome = transition(state, sample.review, { id: 'rv', role: 'reviewer' }, context);
    expect(outcome).toMatchObject({ ok: true, state: { stage: 'cg-negative', servedNegativeOn: TODAY } });
  });

  it('takes a reconsideration request on day 30, and on day 31 only with an exceptional reason', () => {
    const served: CaseState = { ...caseAt('rg-negative', 'record-reconsideration', 'cw'), servedNegativeOn: '2026-11-01' };
    const worker: Actor = { id: 'cw', role: 'caseworker' };
    const request = (requestedOn: string, lateReason?: string) =>
      transition(served, { type: 'record-reconsideration', requestedOn, grounds: 'new-evidence', detail: 'x', lateReason }, worker, { today: '2026-12-10', independentReview: false });
    expect(request('2026-12-01')).toMatchObject({ ok: true, state: { stage: 'reconsideration', resumeStage: 'rg-negative' } });
    const late = request('2026-12-02');
    expect(late).toMatchObject({ ok: false, code: 'late-without-reason' });
    expect(late.ok ? '' : late.reason).toContain('1 December 2026');
    expect(request('2026-12-02', 'In hospital for three weeks.')).toMatchObject({ ok: true });
  });

  it('takes the responder’s own reconsideration request dated today, late only with an exceptional reason, and never offers it at the desk', () => {
    const served: CaseState = { ...caseAt('cg-negative', 'ask-reconsideration', 'cw'), servedNegativeOn: '2026-11-01' };
    const responder: Actor = { id: 'r', role: 'responder' };
    const ask = (today: string, lateReason?: string) => transition(served, { ...sample['ask-reconsideration'], lateReason }, responder, { today, independentReview: false });
    expect(ask('2026-12-01')).toMatchObject({ ok: true, state: { stage: 'reconsideration', resumeStage: 'cg-negative' } });
    expect(ask('2026-12-02')).toMatchObject({ ok: false, code: 'late-without-reason' });
    expect(ask('2026-12-02', 'The letter reached me only today.')).toMatchObject({ ok: true });
    expect(availableActions(served, { id: 'cw', role: 'caseworker' })).not.toContain('ask-reconsideration');
    expect(availableActions(served, responder)).toEqual([]);
  });

  it('starts the clock again when the responder answers from their device', () => {
    const asked: CaseState = { ...openCase('adult-nrm', '2026-11-30'), heldBy: 'cw', stage: 'more-information', resumeStage: 'rg-pending', heldSince: '2026-12-01' };
    const answered = transition(asked, sample['answer-information'], { id: 'r', role: 'responder' }, { today: '2026-12-04', independentReview: false });
    expect(answered).toMatchObject({ ok: true, state: { stage: 'rg-pending', rgDueOn: '2026-12-10', heldBy: 'cw' }, transition: { action: 'answer-information' } });
  });

  it('reopens an accepted reconsideration at its stage and returns a refused one to the served decision', () => {
    const pending: CaseState = { ...caseAt('reconsideration', 'decide-reconsideration', 'cw'), resumeStage: 'rg-negative' };
    const worker: Actor = { id: 'cw', role: 'caseworker' };
    expect(transition(pending, sample['decide-reconsideration'], worker, context)).toMatchObject({ ok: true, state: { stage: 'rg-pending', rg: null, rgDueOn: '2026-12-11' } });
    expect(transition(pending, { type: 'decide-reconsideration', outcome: 'refused', reasons: 'x' }, worker, context)).toMatchObject({ ok: true, state: { stage: 'rg-negative' } });
  });

  it('pauses the reasonable grounds clock while more information is awaited', () => {
    const worker: Actor = { id: 'cw', role: 'caseworker' };
    const start: CaseState = { ...openCase('adult-nrm', '2026-11-30'), heldBy: 'cw' };
    expect(start.rgDueOn).toBe('2026-12-07');
    const asked = transition(start, sample['ask-information'], worker, { today: '2026-12-01', independentReview: false });
    if (!asked.ok) throw new Error(asked.reason);
    expect(progressOf(asked.state)).toEqual({ stage: 'more-information', on: '2026-12-01', reconsiderUntil: null });
    const answered = transition(asked.state, sample['information-received'], worker, { today: '2026-12-04', independentReview: false });
    expect(answered).toMatchObject({ ok: true, state: { stage: 'rg-pending', rgDueOn: '2026-12-10' } }); // 3 working days later
  });

  it('withdraws a child who turns 18 and does not consent, and goes on when they do', () => {
    const worker: Actor = { id: 'cw', role: 'caseworker' };
    const adult = transition({ ...openCase('adult-nrm', TODAY), heldBy: 'cw' }, sample['record-turned-18'], worker, context);
    expect(adult).toMatchObject({ ok: false, code: 'wrong-stage' });
    const turned = transition({ ...openCase('child', TODAY), heldBy: 'cw' }, sample['record-turned-18'], worker, context);
    if (!turned.ok) throw new Error(turned.reason);
    expect(transition(turned.state, { type: 'record-consent', consent: 'refused', note: 'x' }, worker, context)).toMatchObject({ ok: true, state: { stage: 'withdrawn' } });
    expect(transition(turned.state, sample['record-consent'], worker, context)).toMatchObject({ ok: true, state: { stage: 'rg-pending' } });
  });

  it('marks a case as county lines and takes the mark off, leaving its stage and clock alone', () => {
    const caseworker: Actor = { id: 'cw', role: 'caseworker' };
    const held = { ...openCase('adult-nrm', '2026-12-01'), heldBy: 'cw' };
    expect(held.countyLines).toBe(false);
    const marked = transition(held, sample['flag-county-lines'], caseworker, context);
    if (!marked.ok) throw new Error(marked.reason);
    expect(marked.state).toEqual({ ...held, countyLines: true, version: held.version + 1 });
    expect(marked.transition).toEqual({ action: 'flag-county-lines', from: 'rg-pending', to: 'rg-pending' });
    const again = transition(marked.state, sample['flag-county-lines'], caseworker, context);
    expect(again).toMatchObject({ ok: false, reason: 'The case is marked as county lines already.' });
    const off = transition(marked.state, { type: 'flag-county-lines', countyLines: 'no', note: 'Drugs were sold locally only.' }, caseworker, context);
    if (!off.ok) throw new Error(off.reason);
    expect(off.state.countyLines).toBe(false);
    // A case stored before the mark existed has no countyLines at all: it reads as not marked.
    const { countyLines: _, ...older } = held;
    expect(transition(older, { type: 'flag-county-lines', countyLines: 'no', note: 'x' }, caseworker, context)).toMatchObject({ ok: false, reason: 'The case is not marked as county lines.' });
    expect(caseActionSchema.safeParse({ type: 'flag-county-lines', countyLines: 'yes', note: '' }).success).toBe(false);
  });

  it('refuses a decision dated in the future', () => {
    const state = { ...openCase('adult-nrm', TODAY), heldBy: 'cw' };
    expect(transition(state, { ...sample['decide-rg'], decidedOn: '2026-12-05' }, { id: 'cw', role: 'caseworker' }, context)).toMatchObject({ ok: false, code: 'future-date' });
  });

  it('checks that reasons fit the outcome and a disagreement says why', () => {
    expect(caseActionSchema.safeParse({ ...sample['decide-rg'], reasonCodes: ['no-indicators'] }).success).toBe(false);
    expect(caseActionSchema.safeParse({ type: 'review', verdict: 'disagree' }).success).toBe(false);
    expect(caseActionSchema.safeParse({ ...sample['decide-rg'], decidedOn: '2026-02-30' }).success).toBe(false);
  });
});
