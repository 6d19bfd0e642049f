import type { CaseEvent, CaseNote, CaseDetail, PersonRef, PossibleMatch } from '../../shared/casework/protocol.ts';
import type { MatchingKey } from '../crypto/matching-key.ts';
import type { MatchReason } from '../matching/similarity.ts';
import { INTAKE_ACTOR } from '../storage/case-backfill.ts';
import type { CaseEventRecord, CaseNoteRecord, CaseRecord, CaseStore, MatchRecord } from '../storage/case-store.ts';
import type { ReferralStore } from '../storage/referral-store.ts';
import type { CaseSealing } from './case-sealing.ts';
import { reasonsAad } from './person-matching.ts';

type Linked = CaseDetail['linked'][number];

/** Who a history line names when no account did it: the server itself, taking in an unsigned referral. */
const INTAKE_REF: PersonRef = { id: INTAKE_ACTOR, email: 'NRM Field intake (unsigned device)' };

/**
 * Turns what the store holds into what the console reads: people as id and email, sealed text opened,
 * links with their references. Only called once the reader's permission is checked and the read audited.
 */
export function createCaseViews({ cases, referrals, sealing, matchingKey }: { cases: CaseStore; referrals: ReferralStore; sealing: CaseSealing; matchingKey?: MatchingKey }) {
  /** Every id named, as a reference to a person; an account since removed shows as its id. */
  async function people(ids: readonly (string | null)[]): Promise<(id: string) => PersonRef> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null && id !== INTAKE_ACTOR))];
    const known = new Map((await cases.people(wanted)).map((person) => [person.id, { id: person.id, email: person.email }]));
    return (id) => (id === INTAKE_ACTOR ? INTAKE_REF : (known.get(id) ?? { id, email: id }));
  }

  async function events(id: string, records: readonly CaseEventRecord[]): Promise<CaseEvent[]> {
    const person = await people(records.map((record) => record.actor));
    return Promise.all(
      records.map(async (record) => ({
        at: record.at,
        actor: person(record.actor),
        action: record.action as CaseEvent['action'],
        from: record.from,
        to: record.to,
        detail: record.detail === null ? {} : ((await sealing.open('case-event', id, record.detail)) as Record<string, unknown>),
      })),
    );
  }

  async function notes(id: string, records: readonly CaseNoteRecord[]): Promise<CaseNote[]> {
    const person = await people(records.map((record) => record.author));
    return Promise.all(
      records.map(async (record) => ({ at: record.at, author: person(record.author), text: ((await sealing.open('case-note', id, record.body)) as { text: string }).text })),
    );
  }

  /** Pairs found by the same-person finder; a server without the matching key cannot open them, so shows none. */
  async function matches(id: string, records: readonly MatchRecord[]): Promise<PossibleMatch[]> {
    if (!matchingKey) return [];
    const person = await people(records.map((record) => record.decidedBy));
    return records.map((record) => ({
      otherId: record.otherId,
      otherReference: record.otherReference,
      score: record.score,
      reasons: matchingKey.open(record.reasons, reasonsAad(id, record.otherId)) as MatchReason[],
      verdict: record.verdict,
      decidedBy: record.decidedBy === null ? null : person(record.decidedBy),
    }));
  }

  /**
   * The other referrals to read with this one: family (links are mutual, but a link made after a
   * referral was sealed travels only with the other one, so both directions are read), the same person
   * as decided by a caseworker, and the people met at the same encounter. Duty to Notify reports are
   * never listed: a link to a named referral would point at the person who did not consent.
   */
  async function linked(record: CaseRecord, records: readonly MatchRecord[]): Promise<Linked[]> {
    const together = record.encounterId ? (await referrals.findByEncounter(record.encounterId)).filter((other) => other.id !== record.id) : [];
    const relations = new Map<string, Linked['relation']>();
    const add = (id: string, relation: Linked['relation']) => {
      if (!relations.has(id) && id !== record.id) relations.set(id, relation);
    };
    for (const id of record.family ?? []) add(id, 'family');
    for (const other of together) if (other.family?.includes(record.id)) add(other.id, 'family');
    for (const match of records) if (match.verdict === 'same-person') add(match.otherId, 'same-person');
    for (const other of together) add(other.id, 'same-encounter');
    const held = new Map((await cases.referencesOf([...relations.keys()])).map((row) => [row.id, row]));
    return [...relations].flatMap(([id, relation]) => {
      const row = held.get(id);
      return row && row.path !== 'dtn' ? [{ id, reference: row.reference, relation }] : [];
    });
  }

  return { people, events, notes, matches, linked };
}

export type CaseViews = ReturnType<typeof createCaseViews>;
