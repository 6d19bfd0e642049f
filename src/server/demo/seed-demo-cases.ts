import { v7 as uuidv7 } from 'uuid';
import type { SignedInUser } from '../../shared/accounts.ts';
import type { CaseAction } from '../../shared/casework/actions.ts';
import { addCalendarDays, addWorkingDays, dayOf, type Day } from '../../shared/casework/clock.ts';
import type { CaseState } from '../../shared/casework/machine.ts';
import { SCHEMA_VERSION, referralFromAnswers } from '../../shared/referral.ts';
import { toBase64Url } from '../../shared/base64url.ts';
import { sealJson, sealingAad } from '../../shared/sealing.ts';
import type { Services } from '../compose.ts';
import type { Random } from '../../shared/seeded-random.ts';
import { demoPerson, metAgain, pick, type DemoPerson } from './demo-people.ts';
import { demoPlaces } from './demo-places.ts';
import { demoAnswers, type DemoKind } from './demo-referrals.ts';

/** The people who work the demo cases: two decision makers and a reviewer, as a small unit has. */
export interface DemoDesk {
  caseworkers: readonly SignedInUser[];
  reviewer: SignedInUser;
  panel?: SignedInUser;
}

export interface DemoClock {
  /** Sets the time the services see (they were built with a clock that reads it). */
  set(at: Date): void;
}

export interface DemoSummary {
  referrals: number;
  dtnReports: number;
  byStage: Record<string, number>;
}

function atWorkingHour(day: Day, random: Random): Date {
  return new Date(`${day}T${String(9 + Math.floor(random() * 8)).padStart(2, '0')}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00Z`);
}

/**
 * Fills the database the services stand on with a realistic set of referrals received over the last
 * `days` days, each worked as far as its age allows: most decided on time, some overdue, some
 * negative and reviewed, some waiting for more information, a few withdrawn, and about one in ten a
 * person met before under another spelling (so the same-person finder has something to show).
 */
export async function seedDemoCases(services: Services, clock: DemoClock, desk: DemoDesk, random: Random, { count = 300, days = 150, today = new Date() } = {}): Promise<DemoSummary> {
  const todayDay = dayOf(today);
  const senders = demoSenders(services);
  const met: DemoPerson[] = [];
  const byStage: Record<string, number> = {};
  let dtnReports = 0;
  const arrivals = Array.from({ length: count }, () => Math.floor(days * random() ** 1.6)).sort((a, b) => b - a);

  for (const ageInDays of arrivals) {
    const receivedOn = addCalendarDays(todayDay, -ageInDays);
    const roll = random();
    const kind: DemoKind = roll < 0.45 ? 'adult-nrm' : roll < 0.85 ? 'child' : 'dtn';
    const again = kind !== 'dtn' && met.length > 10 && random() < 0.1;
    const person = again ? metAgain(random, pick(random, met)) : demoPerson(random, kind === 'child', today);
    if (!again && kind !== 'dtn') met.push(person);
    const receivedAt = atWorkingHour(receivedOn, random);
    clock.set(receivedAt);
    const id = uuidv7({ msecs: receivedAt.getTime() });
    const { answers, countyLines } = demoAnswers(random, kind, person, pick(random, demoPlaces), receivedAt);
    const referral = referralFromAnswers(answers);
    const sealed = await sealJson(services.keyring.current, referral, sealingAad(id, SCHEMA_VERSION));
    const deviceId = await senders.deviceOf(String(answers['organisation']));
    const outcome = await services.intake({ id, schemaVersion: SCHEMA_VERSION, submittedAt: receivedAt.toISOString(), envelope: { format: 'hpke', ...sealed } }, deviceId);
    if (outcome.kind !== 'created') throw new Error(`A demo referral was not taken in (${outcome.kind}); nothing more was added`);
    if (kind === 'dtn') {
      dtnReports += 1;
      continue;
    }
    const stage = await work(services, clock, desk, random, { id, receivedOn, countyLines }, todayDay);
    byStage[stage] = (byStage[stage] ?? 0) + 1;
  }
  clock.set(today);
  return { referrals: count - dtnReports, dtnReports, byStage };
}

/**
 * One responder with an enrolled device per referring organisation, so each case shows who referred
 * it (the queue takes the organisation from the device that sent the referral). Nobody signs in as them.
 */
function demoSenders(services: Services) {
  const devices = new Map<string, string>();
  return {
    async deviceOf(organisation: string): Promise<string> {
      const known = devices.get(organisation);
      if (known) return known;
      const slug = organisation.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
      await services.accounts.createOrganisation(organisation, 'demo');
      const { user } = await services.accounts.createUser({ email: `responder.${slug}@demo.nrm-field.invalid`, role: 'responder', organisation }, 'demo');
      const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
      const signedIn: SignedInUser = { id: user.id, email: user.email, role: 'responder', organisation: { id: user.organisationId, name: organisation } };
      const enrolled = await services.devices.enrol(signedIn, { publicKey, label: 'Demo phone' });
      if (enrolled.kind !== 'enrolled') throw new Error(`The demo device of ${organisation} could not be enrolled (${enrolled.kind})`);
      devices.set(organisation, enrolled.device.id);
      return enrolled.device.id;
    },
  };
}

/** Takes one case as far as a real unit would have by today; returns the stage it is left at. */
async function work(services: Services, clock: DemoClock, desk: DemoDesk, random: Random, { id, receivedOn, countyLines }: { id: string; receivedOn: Day; countyLines: boolean }, today: Day): Promise<string> {
  const worker = pick(random, desk.caseworkers);
  let state: CaseState | undefined;
  let version = 1;

  const act = async (actor: SignedInUser, on: Day, action: CaseAction): Promise<boolean> => {
    if (on > today) return false;
    clock.set(atWorkingHour(on, random));
    const outcome = await services.casework.act(actor, id, { version, action });
    if (outcome.kind !== 'done') throw new Error(`A demo case could not be moved on (${outcome.kind}: ${'reason' in outcome ? outcome.reason : ''})`);
    state = outcome.response.state;
    version = state.version;
    return true;
  };
  const stageNow = () => state?.stage ?? 'rg-pending';

  // A third of the newest cases nobody has picked up yet; the rest are taken within a day or two.
  if (random() < 0.3 && receivedOn > addCalendarDays(today, -10)) return stageNow();
  const takenOn = addWorkingDays(receivedOn, Math.floor(random() * 2));
  await act(worker, takenOn, { type: 'take' });
  if (countyLines) await act(worker, takenOn, { type: 'flag-county-lines', countyLines: 'yes', note: 'Drugs carried between cities and sold from a flat: a county lines case.' });

  if (random() < 0.08) {
    const askedOn = addWorkingDays(receivedOn, 2);
    if (!(await act(worker, askedOn, { type: 'ask-information', question: 'Please say where the work took place and for how long.' }))) return stageNow();
    if (random() < 0.5) return stageNow();
    await act(worker, addWorkingDays(askedOn, 3), { type: 'information-received', summary: 'The responder replied by phone with the addresses and dates.' });
  }
  if (random() < 0.03) {
    await act(worker, addWorkingDays(receivedOn, 2), { type: 'withdraw', reason: 'The adult withdrew consent to the referral.' });
    return stageNow();
  }

  // Most reasonable grounds decisions come within the 5-day target; some slip, a few are still overdue.
  const rgOn = addWorkingDays(state?.rgDueOn ?? addWorkingDays(receivedOn, 5), Math.floor(random() * 6) - 3);
  const negative = random() < 0.12;
  const rg: CaseAction = negative
    ? { type: 'decide-rg', outcome: 'negative', reasonCodes: ['no-indicators'], reasonText: 'The account does not describe the means or purpose of exploitation.', decidedOn: rgOn }
    : { type: 'decide-rg', outcome: 'positive', reasonCodes: ['indicators', 'credible-account'], reasonText: 'Several indicators and a consistent account.', decidedOn: rgOn };
  if (random() < 0.06 || !(await act(worker, rgOn, rg))) return stageNow();
  if (negative) {
    // Some negative decisions still wait for their second person: a reviewer's work.
    if (random() < 0.3) return stageNow();
    if (!(await act(desk.reviewer, addWorkingDays(rgOn, 1), { type: 'review', verdict: 'agree' }))) return stageNow();
    if (random() < 0.25) {
      await act(worker, addCalendarDays(rgOn, 12), { type: 'record-reconsideration', requestedOn: addCalendarDays(rgOn, 12), grounds: 'new-evidence', detail: 'A support worker sent a report with new information.' });
    }
    return stageNow();
  }

  // Conclusive grounds: at least 30 days on, and in practice often much later.
  const cgOn = addWorkingDays(addCalendarDays(rgOn, 30), Math.floor(random() * 40));
  if (random() < 0.5) return stageNow();
  const cgNegative = random() < 0.15;
  const cg: CaseAction = cgNegative
    ? { type: 'decide-cg', outcome: 'negative', reasonCodes: ['not-credible'], reasonText: 'Material parts of the account are contradicted by the evidence gathered.', decidedOn: cgOn }
    : { type: 'decide-cg', outcome: 'positive', reasonCodes: ['elements-met'], reasonText: 'On the balance of probabilities the person is a victim of modern slavery.', decidedOn: cgOn };
  if (!(await act(worker, cgOn, cg))) return stageNow();
  if (cgNegative && random() < 0.7) await act(desk.reviewer, addWorkingDays(cgOn, 2), { type: 'review', verdict: 'agree' });
  return stageNow();
}
