import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, safeFilename } from '../../src/server/services/admin-csv.ts';
import { auditActionGroups, auditQuerySchema, isAuditActionGroup, nextDay, startOfUkDay } from '../../src/shared/admin/audit.ts';
import { inviteRequestSchema, roleRequestSchema, usersQuerySchema } from '../../src/shared/admin/protocol.ts';

const issues = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.success ? [] : (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);

describe('CSV cells', () => {
  it('defuses anything a spreadsheet would run as a formula, with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}SUM(A1:A9)`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+2')).toBe("'=1+2");
    expect(csvCell('@admin')).toBe("'@admin");
    expect(csvCell('-cmd|calc')).toBe("'-cmd|calc");
  });

  it('quotes cells with commas, quotes or line breaks, doubling the quotes', () => {
    expect(csvCell('Team 3, north')).toBe('"Team 3, north"');
    expect(csvCell('the "spare" phone')).toBe('"the ""spare"" phone"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
  });

  it('leaves ordinary cells alone, writes nothing for null, and ends each line with CRLF', () => {
    expect(csvCell('case-read')).toBe('case-read');
    expect(csvCell('2026-06-10T09:00:00.000Z')).toBe('2026-06-10T09:00:00.000Z');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
    expect(csvLine(['a', null, 'b,c'])).toBe('a,,"b,c"\r\n');
  });

  it('makes file names of letters, digits, dots and dashes only', () => {
    expect(safeFilename('audit-log-2026-06-10.csv')).toBe('audit-log-2026-06-10.csv');
    expect(safeFilename('../../etc/passwd"\r\nSet-Cookie: x')).toBe('etc-passwd-Set-Cookie-x');
    expect(safeFilename('"";')).toBe('download');
  });
});

describe('the audit log’s filters', () => {
  it('takes ids, references, actions, groups, days and pages from the query string', () => {
    const parsed = auditQuerySchema.parse({ person: '0190a3c4-0000-7000-8000-000000000000', case: ' nrm 7k3f 9q ', action: 'case-read', from: '2026-03-01', to: '2026-03-31', page: '2' });
    expect(parsed).toEqual({ person: '0190a3c4-0000-7000-8000-000000000000', case: 'nrm 7k3f 9q', action: 'case-read', from: '2026-03-01', to: '2026-03-31', page: 2 });
    expect(isAuditActionGroup('sign-ins')).toBe(true);
    expect(isAuditActionGroup('case-read')).toBe(false);
    expect(isAuditActionGroup('constructor')).toBe(false);
    expect(auditActionGroups['case-reads'].exact).toContain('case-read');
  });

  it('refuses what is not an id, an action, a real day, or a range that ends before it starts', () => {
    expect(issues(auditQuerySchema.safeParse({ person: 'someone@example.org' }))).toEqual([['person', 'Choose a person from the list']]);
    expect(issues(auditQuerySchema.safeParse({ action: 'DROP TABLE' }))).toEqual([['action', 'Choose an action from the list']]);
    expect(issues(auditQuerySchema.safeParse({ from: '2026-02-30' }))).toEqual([['from', 'Enter the first day as a real date']]);
    expect(issues(auditQuerySchema.safeParse({ from: '2026-03-02', to: '2026-03-01' }))).toEqual([['to', 'The last day must be the same as or after the first day']]);
    expect(issues(auditQuerySchema.safeParse({ page: '0' }))).toHaveLength(1);
    expect(issues(auditQuerySchema.safeParse({ email: 'x@example.org' }))).toHaveLength(1);
  });

  it('begins a UK day at midnight in London, in winter and in summer', () => {
    expect(startOfUkDay('2026-01-15')).toBe('2026-01-15T00:00:00.000Z');
    expect(startOfUkDay('2026-06-10')).toBe('2026-06-09T23:00:00.000Z');
    // The clocks go forward at 01:00 on 29 March 2026 and back at 02:00 on 25 October 2026.
    expect(startOfUkDay('2026-03-29')).toBe('2026-03-29T00:00:00.000Z');
    expect(startOfUkDay('2026-03-30')).toBe('2026-03-29T23:00:00.000Z');
    expect(startOfUkDay('2026-10-25')).toBe('2026-10-24T23:00:00.000Z');
    expect(startOfUkDay('2026-10-26')).toBe('2026-10-26T00:00:00.000Z');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});

describe('account requests', () => {
  it('asks for an email, a role and an organisation to invite someone', () => {
    expect(issues(inviteRequestSchema.safeParse({}))).toEqual([
      ['email', 'Enter an email address, like name@example.org'],
      ['role', 'Choose a role'],
      ['organisation', 'Choose an organisation'],
    ]);
    expect(inviteRequestSchema.safeParse({ email: 'sam@example.org', role: 'panel', organisation: '0190a3c4-0000-7000-8000-000000000000' }).success).toBe(true);
    expect(issues(roleRequestSchema.safeParse({ role: 'owner' }))).toEqual([['role', 'Choose a role']]);
    expect(issues(usersQuerySchema.safeParse({ status: 'asleep' }))).toHaveLength(1);
  });
});
