import { dueState, reconsiderationLastDay } from '../../shared/casework/clock.ts';
import type { CaseDetail, CaseEvent } from '../../shared/casework/protocol.ts';
import { reasonLabels, reconsiderationGrounds } from '../../shared/casework/reasons.ts';
import { isHold } from '../../shared/casework/stages.ts';
import { formatDayLong } from '../shell/format.ts';
import { caseContent, fieldLabels, valueLabels } from './content.ts';

const clock = caseContent.clock;

/** Where the case's clock stands, in words, with "overdue" or "due today" where it applies. */
export function clockInWords(state: CaseDetail['state'], today: string): { text: string; due: 'overdue' | 'due-today' | undefined } {
  if (isHold(state.stage) && state.heldSince) return { text: clock.paused(formatDayLong(state.heldSince)), due: undefined };
  if (state.stage === 'rg-pending') {
    const due = dueState(state.rgDueOn, today);
    const base = clock.rgDue(formatDayLong(state.rgDueOn));
    if (due === 'overdue') return { text: `${base} (${clock.overdue})`, due };
    if (due === 'due-today') return { text: `${base} (${clock.dueToday})`, due };
    return { text: base, due: undefined };
  }
  if (state.stage === 'cg-pending' && state.cgNotBefore) return { text: clock.cgNotBefore(formatDayLong(state.cgNotBefore)), due: undefined };
  if ((state.stage === 'rg-negative' || state.stage === 'cg-negative') && state.servedNegativeOn) {
    const last = reconsiderationLastDay(state.servedNegativeOn);
    return { text: last >= today ? clock.reconsider(formatDayLong(last)) : clock.reconsiderPassed(formatDayLong(last)), due: undefined };
  }
  return { text: clock.stopped, due: undefined };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** One field of an event's detail as it reads: labels for codes, days in words; undefined for what is not shown. */
export function detailInWords(name: string, value: unknown, people: ReadonlyMap<string, string>): { label: string; value: string } | undefined {
  if (name === 'type' || value === undefined || value === null || value === '') return undefined;
  const label = fieldLabels[name] ?? name;
  if (name === 'reasonCodes' && Array.isArray(value)) return { label, value: value.map((code) => reasonLabels[code as keyof typeof reasonLabels] ?? String(code)).join('\n') };
  if (name === 'grounds' && typeof value === 'string') return { label, value: reconsiderationGrounds[value as keyof typeof reconsiderationGrounds] ?? value };
  if (name === 'to' && typeof value === 'string') return { label, value: people.get(value) ?? value };
  if (typeof value === 'string' && DAY.test(value)) return { label, value: formatDayLong(value) };
  if (typeof value === 'string') return { label, value: valueLabels[value] ?? value };
  if (Array.isArray(value)) return { label, value: value.map(String).join('\n') };
  return { label, value: JSON.stringify(value) };
}

/** The people a case names, by id: whoever acted on it, wrote on it, or holds it. */
export function peopleOf(detail: Pick<CaseDetail, 'events' | 'notes' | 'heldBy'>, extra: readonly CaseEvent[] = []): Map<string, string> {
  const people = new Map<string, string>();
  for (const event of [...detail.events, ...extra]) people.set(event.actor.id, event.actor.email);
  for (const note of detail.notes) people.set(note.author.id, note.author.email);
  if (detail.heldBy) people.set(detail.heldBy.id, detail.heldBy.email);
  return people;
}
