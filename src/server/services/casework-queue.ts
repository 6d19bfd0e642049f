import type { SignedInUser } from '../../shared/accounts.ts';
import type { Day } from '../../shared/casework/clock.ts';
import { QUEUE_PAGE_SIZE, type QueueQuery } from '../../shared/casework/protocol.ts';
import { REFERENCE_PATTERN } from '../../shared/reference-number.ts';
import type { QueueFilter } from '../storage/case-store.ts';

/**
 * A reference as someone typed it from a letter or a phone call — any case, with or without its
 * dashes or spaces ("nrm 7k3f9q", "7K3F-9Q") — as stored (NRM-7K3F-9Q); undefined when it cannot be one.
 */
export function normaliseReference(typed: string): string | undefined {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '').replace(/^NRM/, '');
  const reference = `NRM-${bare.slice(0, 4)}-${bare.slice(4)}`;
  return REFERENCE_PATTERN.test(reference) ? reference : undefined;
}

/** The panel sees only the cases awaiting it; everyone else the whole queue. */
export const PANEL_STAGE = 'cg-panel';

/**
 * The store's filter for one page of the queue as `reader` asked for it, or undefined when nothing can
 * match (a reference that cannot be one, a panel member asking for another stage).
 */
export function queueFilter(reader: SignedInUser, query: QueueQuery, today: Day): QueueFilter | undefined {
  if (reader.role === 'panel' && query.stage !== undefined && query.stage !== PANEL_STAGE) return undefined;
  const typed = query.reference?.trim();
  const reference = typed ? normaliseReference(typed) : undefined;
  if (typed && !reference) return undefined;
  const organisation = query.organisation?.trim();
  return {
    stage: reader.role === 'panel' ? PANEL_STAGE : query.stage,
    due: query.due === 'overdue' ? { before: today } : query.due === 'due-today' ? { on: today } : undefined,
    heldBy: query.held === 'me' ? reader.id : query.held === 'nobody' ? null : undefined,
    path: query.path,
    organisation: organisation || undefined,
    reference,
    sort: query.sort ?? 'due',
    offset: ((query.page ?? 1) - 1) * QUEUE_PAGE_SIZE,
    limit: QUEUE_PAGE_SIZE,
  };
}
