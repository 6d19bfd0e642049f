import { z } from 'zod/mini';
import { API_BASE } from '../protocol.ts';
import { referralPaths } from '../referral.ts';
import { caseActionTypes } from './actions.ts';
import { responderActionTypes } from './responder-actions.ts';
import { stages } from './stages.ts';

/** The desk's API (session cookie; roles in src/shared/casework/roles.ts). */
export const CASEWORK_PATHS = {
  queue: `${API_BASE}/cases`,
  actions: `${API_BASE}/cases/:id/actions`,
  notes: `${API_BASE}/cases/:id/notes`,
  sameness: `${API_BASE}/cases/:id/possible-matches/:otherId`,
  caseworkers: `${API_BASE}/caseworkers`,
  dtnReports: `${API_BASE}/dtn-reports`,
  /** Only when the server was started with TEST_CLOCK=true on loopback; never in production. */
  testClock: `${API_BASE}/test-clock`,
} as const;

export const QUEUE_PAGE_SIZE = 25;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

/** Filters of the queue, as the console sends them in the query string (nothing personal in it). */
export const queueQuerySchema = z.strictObject({
  stage: z.optional(z.enum(stages)),
  due: z.optional(z.enum(['overdue', 'due-today'])),
  held: z.optional(z.enum(['me', 'nobody'])),
  path: z.optional(z.enum(['adult-nrm', 'child'])),
  organisation: z.optional(z.string().check(z.maxLength(100))),
  /** A reference typed any case, with or without its dash. */
  reference: z.optional(z.string().check(z.maxLength(20))),
  sort: z.optional(z.enum(['due', 'received'])),
  page: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000))),
});
export type QueueQuery = z.infer<typeof queueQuerySchema>;

export const personRefSchema = z.strictObject({ id: z.string(), email: z.string() });
export type PersonRef = z.infer<typeof personRefSchema>;

export const queueRowSchema = z.strictObject({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  path: z.enum(referralPaths),
  ageGroup: z.enum(['under-18', '18-or-over', 'not-known']),
  organisation: z.nullable(z.string()),
  stage: z.enum(stages),
  heldBy: z.nullable(personRefSchema),
  /** The date the case is next due by: reasonable grounds target, or conclusive grounds' earliest day. */
  dueOn: z.nullable(day),
  dueKind: z.nullable(z.enum(['rg-due', 'cg-not-before'])),
});
export type QueueRow = z.infer<typeof queueRowSchema>;

export const queueResponseSchema = z.strictObject({
  rows: z.array(queueRowSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The server's day (UK): what "overdue" and "due today" are measured against. */
  today: day,
  organisations: z.array(z.string()),
});
export type QueueResponse = z.infer<typeof queueResponseSchema>;

const decisionSchema = z.strictObject({ outcome: z.enum(['positive', 'negative']), on: day, by: z.string() });

export const caseStateSchema = z.strictObject({
  stage: z.enum(stages),
  version: z.number(),
  path: z.enum(referralPaths),
  heldBy: z.nullable(z.string()),
  receivedOn: day,
  rgDueOn: day,
  rg: z.nullable(decisionSchema),
  cg: z.nullable(decisionSchema),
  cgNotBefore: z.nullable(day),
  proposal: z.nullable(z.strictObject({ ...decisionSchema.shape, kind: z.enum(['rg', 'cg']) })),
  resumeStage: z.nullable(z.enum(stages)),
  heldSince: z.nullable(day),
  servedNegativeOn: z.nullable(day),
  countyLines: z.optional(z.boolean()),
});

/** One line of the history: who moved the case, when, from where to where, and what they wrote. */
export const caseEventSchema = z.strictObject({
  at: z.string(),
  actor: personRefSchema,
  action: z.enum([...caseActionTypes, ...responderActionTypes, 'received']),
  from: z.nullable(z.enum(stages)),
  to: z.enum(stages),
  /** The action's own fields (reasons, verdict, dates), as the form sent them. */
  detail: z.record(z.string(), z.unknown()),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export const caseNoteSchema = z.strictObject({ at: z.string(), author: personRefSchema, text: z.string() });
export type CaseNote = z.infer<typeof caseNoteSchema>;

export const matchReasonSchema = z.strictObject({ feature: z.string(), strength: z.string(), detail: z.string() });

/** Another referral that may be the same person; never shown to responders, never merged. */
export const possibleMatchSchema = z.strictObject({
  otherId: z.string(),
  otherReference: z.string(),
  score: z.number(),
  reasons: z.array(matchReasonSchema),
  verdict: z.nullable(z.enum(['same-person', 'not-same'])),
  decidedBy: z.nullable(personRefSchema),
});
export type PossibleMatch = z.infer<typeof possibleMatchSchema>;

export const samenessRequestSchema = z.strictObject({ verdict: z.enum(['same-person', 'not-same'], 'Choose whether this is the same person') });

export const caseDetailSchema = z.strictObject({
  id: z.string(),
  reference: z.string(),
  receivedAt: z.string(),
  organisation: z.nullable(z.string()),
  state: caseStateSchema,
  heldBy: z.nullable(personRefSchema),
  /** The referral's answers, opened on the server for this reader (the reading is audited). */
  answers: z.record(z.string(), z.unknown()),
  linked: z.array(z.strictObject({ id: z.string(), reference: z.string(), relation: z.enum(['same-encounter', 'family', 'same-person']) })),
  possibleMatches: z.array(possibleMatchSchema),
  events: z.array(caseEventSchema),
  notes: z.array(caseNoteSchema),
  /** What the reader may do now (each is checked again when taken). */
  actions: z.array(z.enum(caseActionTypes)),
  /** The deployment's INDEPENDENT_REVIEW switch. */
  independentReview: z.boolean(),
  today: day,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/** 200 to an action: the case as it now stands, the line the action added to its history, and what the actor may do next. */
export const caseActionResponseSchema = z.strictObject({
  state: caseStateSchema,
  event: caseEventSchema,
  actions: z.array(z.enum(caseActionTypes)),
});
export type CaseActionResponse = z.infer<typeof caseActionResponseSchema>;

/** 409: the case changed since the actor loaded it; nothing was written. */
export const caseChangedSchema = z.object({
  code: z.literal('case-changed'),
  current: caseStateSchema,
  since: z.array(caseEventSchema),
});

export const caseworkersResponseSchema = z.strictObject({ people: z.array(z.strictObject({ ...personRefSchema.shape, role: z.string() })) });

export const dtnReportsResponseSchema = z.strictObject({
  rows: z.array(z.strictObject({ id: z.string(), reference: z.string(), receivedAt: z.string(), policeForceArea: z.nullable(z.string()), nation: z.nullable(z.string()) })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export type DtnReportsResponse = z.infer<typeof dtnReportsResponseSchema>;
