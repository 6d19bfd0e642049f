import { z } from 'zod/mini';
import { dayOf } from '../casework/clock.ts';
import { pageSchema } from './protocol.ts';

export const AUDIT_PAGE_SIZE = 50;

/**
 * Kinds of entry an administrator looks for together, as one choice of the action filter; any other
 * value of the filter is one action as written in the log (`case-read`, `device-revoked`, …).
 */
export const auditActionGroups = {
  'case-reads': { exact: ['case-read', 'case-files-listed', 'case-file-read'] },
  casework: { prefixes: ['case-'], except: ['case-read', 'case-files-listed', 'case-file-read'] },
  'sign-ins': { exact: ['sign-in', 'sign-in-failed', 'sign-in-disabled'] },
  accounts: { prefixes: ['user-', 'password-', 'role-', 'organisation-'] },
  devices: { prefixes: ['device-'] },
  exports: { prefixes: ['audit-'] },
} as const satisfies Record<string, { exact?: readonly string[]; prefixes?: readonly string[]; except?: readonly string[] }>;
export type AuditActionGroup = keyof typeof auditActionGroups;

export function isAuditActionGroup(value: string): value is AuditActionGroup {
  return Object.hasOwn(auditActionGroups, value);
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const realDay = (value: string) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
const day = (what: string) => z.string().check(z.regex(DAY, `Enter the ${what} as a real date`), z.refine(realDay, `Enter the ${what} as a real date`));

/** The audit log's filters, as the console sends them in the query string (ids and references only). */
export const auditQuerySchema = z
  .strictObject({
    /** A user's id: what they did, and what was done to their account. */
    person: z.optional(z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Choose a person from the list'))),
    /** A case's reference as typed (any case, with or without dashes), or its id. */
    case: z.optional(z.string().check(z.trim(), z.maxLength(40, 'Enter a case reference, like NRM-7K3F-9Q'))),
    /** One action as the log writes it, or a group of them (auditActionGroups). */
    action: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,60}$/, 'Choose an action from the list'))),
    /** UK days, both included. */
    from: z.optional(day('first day')),
    to: z.optional(day('last day')),
    page: pageSchema,
  })
  .check(
    z.refine((query) => !query.from || !query.to || query.from <= query.to, {
      message: 'The last day must be the same as or after the first day',
      path: ['to'],
    }),
  );
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditSubjectKinds = ['case', 'user', 'device', 'organisation', 'other'] as const;
export type AuditSubjectKind = (typeof auditSubjectKinds)[number];

export const auditEntrySchema = z.strictObject({
  id: z.number(),
  at: z.string(),
  /** Who: a user (their email if the account exists), or the server's own operators (`admin-cli`, `setup`). */
  actor: z.strictObject({ id: z.string(), email: z.nullable(z.string()) }),
  action: z.string(),
  /** What it was done to, named as an administrator knows it: a case's reference, an email, a device's name. */
  subject: z.strictObject({ id: z.string(), kind: z.enum(auditSubjectKinds), label: z.nullable(z.string()) }),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditResponseSchema = z.strictObject({
  entries: z.array(auditEntrySchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The person filtered by, named; null when none (or no such account). */
  person: z.nullable(z.strictObject({ id: z.string(), email: z.string() })),
  /** The case filtered by, as found; null when none was asked for or none matched. */
  case: z.nullable(z.strictObject({ id: z.string(), reference: z.string() })),
});
export type AuditResponse = z.infer<typeof auditResponseSchema>;

const ukHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The instant a UK day begins (midnight in London: 00:00 UTC in winter, 23:00 UTC the day before in summer). */
export function startOfUkDay(day: string): string {
  const midnightUtc = Date.parse(`${day}T00:00:00Z`);
  for (const hoursAhead of [1, 0]) {
    const candidate = new Date(midnightUtc - hoursAhead * 3_600_000);
    if (dayOf(candidate) === day && ukHour.format(candidate) === '00') return candidate.toISOString();
  }
  return new Date(midnightUtc).toISOString();
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
