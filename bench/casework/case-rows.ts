import type { Insertable } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import { addCalendarDays, dayOf, type Day } from '../../src/shared/casework/clock.ts';
import { openCase, type CaseState, type Decision } from '../../src/shared/casework/machine.ts';
import { progressOf } from '../../src/shared/casework/progress-of.ts';
import type { Stage } from '../../src/shared/casework/stages.ts';
import { REFERENCE_ALPHABET } from '../../src/shared/reference-number.ts';
import { SCHEMA_VERSION, type ReferralPath } from '../../src/shared/referral.ts';
import { ageGroupOf, stateColumns } from '../../src/server/storage/case-columns.ts';
import { INTAKE_ACTOR } from '../../src/server/storage/case-backfill.ts';
import { sha256Hex } from '../../src/server/services/digest.ts';
import type { CaseEventsTable, CasesTable, DevicesTable, OrganisationsTable, ReferralsTable, UsersTable } from '../../src/server/storage/schema.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';

const DAY_MS = 24 * 3600 * 1000;

/** Picks from weighted choices. */
function weighted<T>(random: () => number, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let left = random() * total;
  for (const [value, weight] of choices) {
    left -= weight;
    if (left < 0) return value;
  }
  return (choices[choices.length - 1] as readonly [T, number])[0];
}

const between = (random: () => number, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/**
 * Where 100,000 cases of a decision unit stand: most waiting for a reasonable grounds decision or in the
 * recovery period before conclusive grounds, a few with a second person or the panel, on hold, or decided.
 */
const STAGE_WEIGHTS: readonly (readonly [Stage, number])[] = [
  ['rg-pending', 30],
  ['cg-pending', 40],
  ['rg-negative-proposed', 2],
  ['cg-negative-proposed', 2],
  ['cg-panel', 1],
  ['more-information', 4],
  ['suspended', 2],
  ['turned-18', 0.5],
  ['reconsideration', 1],
  ['rg-negative', 3],
  ['cg-positive', 10],
  ['cg-negative', 3],
  ['withdrawn', 1.5],
];

/** First responder organisations: many referrals from a few big forces and councils, a long tail of others. */
const ORGANISATION_NAMES = [
  'Metropolitan Police Service', 'West Midlands Police', 'Greater Manchester Police', 'West Yorkshire Police', 'Home Office Immigration Enforcement',
  'Merseyside Police', 'Birmingham City Council', 'Salvation Army', 'Kent Police', 'Thames Valley Police', 'Lancashire Police', 'Manchester City Council',
  'Leeds City Council', 'Police Scotland', 'Essex Police', 'Hampshire and Isle of Wight Constabulary', 'Border Force', 'South Yorkshire Police',
  'Northumbria Police', 'Barnardo\u2019s', 'Kent County Council', 'Nottinghamshire Police', 'Avon and Somerset Constabulary', 'Police Service of Northern Ireland',
  'Sussex Police', 'Bristol City Council', 'Cardiff Council', 'Devon and Cornwall Police', 'Hertfordshire Constabulary', 'Medaille Trust',
  'Liverpool City Council', 'Sheffield City Council', 'Cheshire Constabulary', 'Glasgow City Council', 'Unseen UK', 'Staffordshire Police',
  'Leicestershire Police', 'Newcastle City Council', 'Migrant Help', 'Gwent Police',
] as const;

export const DECISION_UNIT = 'Single Competent Authority';
const CASEWORKERS = 24;
const REVIEWERS = 6;
const RESPONDERS_PER_ORGANISATION = 3;

export type OrganisationRow = Insertable<OrganisationsTable>;
export type UserRow = Insertable<UsersTable> & { role: 'responder' | 'caseworker' | 'reviewer' };
export type DeviceRow = Insertable<DevicesTable>;

/** The accounts a unit has: the decision unit's 30 decision makers, and responders with an enrolled device in each organisation. */
export interface Unit {
  organisations: OrganisationRow[];
  users: UserRow[];
  devices: DeviceRow[];
  /** Caseworkers and reviewers, those holding the most cases first. */
  decisionMakers: UserRow[];
  /** Each sending organisation with its responders' devices and its weight. */
  senders: { organisation: OrganisationRow; devices: { id: string; userId: string }[]; weight: number }[];
}

export function makeUnit(now: Date): Unit {
  const created = new Date(now.getTime() - 800 * DAY_MS).toISOString();
  const organisation = (name: string): OrganisationRow => ({ id: uuidv7(), name, created_at: created });
  const unitOrganisation = organisation(DECISION_UNIT);
  const user = (organisationId: string, email: string, role: UserRow['role']): UserRow => ({
    id: uuidv7(),
    organisation_id: organisationId,
    email,
    role,
    // A real scrypt hash's shape; nobody signs in with it.
    password_hash: `scrypt$16384$8$1$${sha256Hex(email).slice(0, 22)}$${sha256Hex(`${email}#`)}`,
    created_at: created,
  });
  const decisionMakers = [
    ...Array.from({ length: CASEWORKERS }, (_, i) => user(unitOrganisation.id, `caseworker${i + 1}@sca.example.gov.uk`, 'caseworker')),
    ...Array.from({ length: REVIEWERS }, (_, i) => user(unitOrganisation.id, `reviewer${i + 1}@sca.example.gov.uk`, 'reviewer')),
  ];
  const users = [...decisionMakers];
  const devices: DeviceRow[] = [];
  const senders = ORGANISATION_NAMES.map((name, rank) => {
    const org = organisation(name);
    const own = Array.from({ length: RESPONDERS_PER_ORGANISATION }, (_, i) => {
      const responder = user(org.id, `responder${i + 1}@org${rank + 1}.example.org.uk`, 'responder');
      users.push(responder);
      const device: DeviceRow = {
        id: uuidv7(),
        user_id: responder.id,
        label: `Phone ${i + 1}`,
        public_key: `MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE${sha256Hex(responder.id)}${sha256Hex(`${responder.id}#`).slice(0, 23)}`,
        enrolled_at: created,
        revoked_at: null,
        last_seen_at: now.toISOString(),
      };
      devices.push(device);
      return { id: device.id, userId: responder.id };
    });
    return { organisation: org, devices: own, weight: 1 / (rank + 1) ** 0.9 };
  });
  return { organisations: [unitOrganisation, ...senders.map((sender) => sender.organisation)], users, devices, decisionMakers, senders };
}

/** Rows as the server's stores insert them (kysely-referral-store.ts, kysely-case-store.ts openCaseRow). */
export type ReferralRow = Insertable<ReferralsTable>;
export type CaseRow = Insertable<CasesTable>;
export type CaseEventRow = Insertable<CaseEventsTable>;

export interface FilledCase {
  referral: ReferralRow;
  case: CaseRow;
  event: CaseEventRow;
}

const atNoon = (day: Day, minute: number) => `${day}T${String(9 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;

/**
 * Days from today a case is next due: about one in ten overdue (up to 60 days), a few due today, the
 * rest within the next 60 days. A conclusive grounds date is at most 30 days ahead (the recovery
 * period counts from a decision already taken).
 */
function dueOffset(random: () => number, horizon: number): number {
  const roll = random();
  if (roll < 0.1) return -between(random, 1, 60);
  if (roll < 0.12) return 0;
  return between(random, 1, horizon);
}

/**
 * Makes cases for one unit. Each case's state is a CaseState the machine could have reached (openCase,
 * then decisions, holds and proposals as the stage needs), and its columns come from stateColumns and
 * progressOf, exactly as the server derives them.
 */
export function caseMaker(unit: Unit, now: Date, seed = 13) {
  const random = seededRandom(seed);
  const today = dayOf(now);
  const nowMs = now.getTime();
  const twoYearsAgo = nowMs - 730 * DAY_MS;
  const references = new Set<string>();
  const holderWeights = unit.decisionMakers.map((person, i) => [person.id, 1 / (i + 1) ** 0.5] as const);
  const senderWeights = unit.senders.map((sender) => [sender, sender.weight] as const);

  function reference(): string {
    for (;;) {
      const chars = Array.from({ length: 6 }, () => REFERENCE_ALPHABET.charAt(Math.floor(random() * REFERENCE_ALPHABET.length))).join('');
      const made = `NRM-${chars.slice(0, 4)}-${chars.slice(4)}`;
      if (!references.has(made)) {
        references.add(made);
        return made;
      }
    }
  }

  /** A received time uniformly over two years, and no later than `latest` (a day something was decided). */
  function receivedBefore(latest: Day | null): number {
    const cap = latest === null ? nowMs : Math.min(nowMs, Date.parse(`${latest}T00:00:00Z`) - DAY_MS);
    return twoYearsAgo + random() * Math.max(DAY_MS, cap - twoYearsAgo);
  }

  const dayAfter = (from: Day, spread: number): Day => {
    const day = addCalendarDays(from, between(random, 5, spread));
    return day > today ? today : day;
  };

  function stateFor(stage: Stage, path: ReferralPath, heldBy: string | null): { state: CaseState; receivedMs: number } {
    const holder = heldBy ?? (unit.decisionMakers[0] as UserRow).id;
    const decision = (outcome: Decision['outcome'], on: Day): Decision => ({ outcome, on, by: holder });
    const hold: Stage[] = ['more-information', 'suspended', 'turned-18'];
    const resumeTo: Stage = hold.includes(stage) ? (random() < 0.6 ? 'rg-pending' : 'cg-pending') : stage;
    let receivedMs: number;
    let state: CaseState;
    if (resumeTo === 'rg-pending' || stage === 'rg-negative-proposed') {
      // Reasonable grounds still open: due on the target (moved by the days any hold paused the clock).
      const due = addCalendarDays(today, dueOffset(random, 60));
      receivedMs = receivedBefore(null);
      state = { ...openCase(path, dayOf(new Date(receivedMs))), rgDueOn: due };
      if (stage === 'rg-negative-proposed') state = { ...state, proposal: { ...decision('negative', addCalendarDays(today, -between(random, 0, 10))), kind: 'rg' } };
    } else if (resumeTo === 'cg-pending') {
      // In the recovery period: conclusive grounds from 30 days after a positive reasonable grounds decision.
      const cgNotBefore = addCalendarDays(today, dueOffset(random, 30));
      const rgOn = addCalendarDays(cgNotBefore, -30);
      receivedMs = receivedBefore(rgOn);
      const receivedOn = dayOf(new Date(receivedMs));
      state = { ...openCase(path, receivedOn), rg: decision('positive', rgOn), cgNotBefore };
    } else {
      // Past the recovery period, or decided: reasonable grounds were positive unless served negative.
      receivedMs = receivedBefore(addCalendarDays(today, -45));
      const receivedOn = dayOf(new Date(receivedMs));
      const rgOn = dayAfter(receivedOn, 20);
      const rgNegative = stage === 'rg-negative' || (stage === 'reconsideration' && random() < 0.5) || (stage === 'withdrawn' && random() < 0.3);
      state = openCase(path, receivedOn);
      if (rgNegative) {
        state = { ...state, rg: decision('negative', rgOn), servedNegativeOn: rgOn };
      } else {
        const cgNotBefore = addCalendarDays(rgOn, 30);
        const cgOn = dayAfter(cgNotBefore, 300);
        state = { ...state, rg: decision('positive', rgOn), cgNotBefore };
        if (stage === 'cg-positive') state = { ...state, cg: decision('positive', cgOn) };
        if (stage === 'cg-negative' || stage === 'reconsideration') state = { ...state, cg: decision('negative', cgOn), servedNegativeOn: cgOn };
        if (stage === 'cg-negative-proposed' || stage === 'cg-panel') state = { ...state, proposal: { ...decision('negative', cgOn), kind: 'cg' } };
      }
      if (stage === 'reconsideration') state = { ...state, resumeStage: state.cg ? 'cg-negative' : 'rg-negative' };
    }
    if (hold.includes(stage)) state = { ...state, resumeStage: resumeTo, heldSince: addCalendarDays(today, -between(random, 1, 40)) };
    // Each action moved the version on: taking the case, decisions, proposals, holds.
    const version = 1 + (heldBy ? 1 : 0) + (state.rg ? 1 : 0) + (state.cg ? 1 : 0) + (state.proposal ? 1 : 0) + (state.resumeStage ? 1 : 0) + (stage === 'cg-panel' ? 1 : 0);
    return { state: { ...state, stage, heldBy, version }, receivedMs };
  }

  return function make(envelope: string): FilledCase {
    const stage = weighted(random, STAGE_WEIGHTS);
    const path: ReferralPath = random() < 0.35 ? 'child' : 'adult-nrm';
    // Closed cases keep whoever decided them; about half of the open ones are waiting for someone to take them.
    const heldBy = random() < 0.5 ? weighted(random, holderWeights) : null;
    const { state, receivedMs } = stateFor(stage, path, heldBy);
    // One in twenty came unsigned (before devices signed): no organisation.
    const sender = random() < 0.05 ? undefined : weighted(random, senderWeights);
    const device = sender ? sender.devices[Math.floor(random() * sender.devices.length)] : undefined;
    const received = new Date(receivedMs).toISOString();
    // Most reach the server within a minute; some were queued offline for up to two days.
    const submitted = new Date(receivedMs - (random() < 0.7 ? random() * 60_000 : random() * 2 * DAY_MS)).toISOString();
    const id = uuidv7({ msecs: Date.parse(submitted) });
    const progress = progressOf(state);
    const progressAt = progress.stage === 'received' || !progress.on ? received : atNoon(progress.on, between(random, 0, 479));
    const columns = stateColumns(state);
    return {
      referral: {
        id,
        reference: reference(),
        path,
        schema_version: SCHEMA_VERSION,
        submitted_at: submitted,
        received_at: received,
        digest: sha256Hex(id),
        envelope,
        // `apply` moves the status with the progress the responder's device is told.
        status: progress.stage,
        status_changed_at: progressAt,
        device_id: device?.id ?? null,
        encounter_id: null,
        family: null,
      },
      case: {
        referral_id: id,
        ...columns,
        organisation_id: sender?.organisation.id ?? null,
        age_group: ageGroupOf(path, path === 'child' && random() < 0.1),
        path,
        received_at: received,
        progress: JSON.stringify(progress),
        progress_changed_at: progressAt,
      },
      event: { referral_id: id, version: 1, at: received, actor: device?.userId ?? INTAKE_ACTOR, action: 'received', from_stage: null, to_stage: 'rg-pending', detail: null },
    };
  };
}
