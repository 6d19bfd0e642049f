import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/shared/accounts.ts';
import { createAccount, deviceKeys, enrolDevice, signIn, signedFetch, type TestAccount, type TestDevice } from '../support/accounts.ts';
import { sealedSubmissionFor } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

/** Who is calling: nobody, a signed-in user of each role (session cookie), or an enrolled device (signature). */
interface Caller {
  name: string;
  account?: TestAccount;
  cookie?: string;
  device?: TestDevice;
}

interface Route {
  name: string;
  /** Makes the request as this caller; state a cell needs (a device to revoke, a case to read) is made here. */
  call(caller: Caller): Promise<Response>;
}

let server: LoopbackServer;
const callers: Caller[] = [];
let responderCookie = '';
let caseId = '';
/** A second case, of the same person as the first (so a possible match), that the matrix acts on. */
let workedCaseId = '';
/** The account the administrator's routes change (never one of the callers), and an organisation to invite into. */
let targetId = '';
let targetEmail = '';
let organisationId = '';

async function request(caller: Caller, method: string, target: string, body?: unknown): Promise<Response> {
  const text = body === undefined ? undefined : JSON.stringify(body);
  if (caller.device) return signedFetch(server.baseUrl, caller.device, method, target, { body: text });
  const headers: Record<string, string> = { ...(text === undefined ? {} : { 'content-type': 'application/json' }), ...(caller.cookie ? { cookie: caller.cookie } : {}) };
  return fetch(`${server.baseUrl}${target}`, { method, headers, body: text });
}

const EVIDENCE_FILE = crypto.randomUUID();
const CHUNK = new Uint8Array(crypto.getRandomValues(new Uint8Array(512)));

const randomCode = () => Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');

const routes: Route[] = [
  { name: 'GET /api/v1/health', call: (c) => request(c, 'GET', '/api/v1/health') },
  { name: 'GET /api/v1/intake-key', call: (c) => request(c, 'GET', '/api/v1/intake-key') },
  { name: 'GET /api/v1/device-policy', call: (c) => request(c, 'GET', '/api/v1/device-policy') },
  { name: 'GET /api/openapi.json', call: (c) => request(c, 'GET', '/api/openapi.json') },
  { name: 'GET /api/v1/reference/:list', call: (c) => request(c, 'GET', '/api/v1/reference/organisations') },
  { name: 'POST /api/v1/referrals', call: async (c) => request(c, 'POST', '/api/v1/referrals', await sealedSubmissionFor(server.intakeKey)) },
  { name: 'GET /api/v1/receipts', call: (c) => request(c, 'GET', `/api/v1/receipts?since=2000-01-01T00%3A00%3A00Z&id=${caseId}`) },
  { name: 'POST /api/v1/setup (a wrong code)', call: (c) => request(c, 'POST', '/api/v1/setup', { token: randomCode(), email: 'x@example.org', password: 'long enough passphrase' }) },
  { name: 'POST /api/v1/password (a wrong code)', call: (c) => request(c, 'POST', '/api/v1/password', { token: randomCode(), password: 'long enough passphrase' }) },
  {
    name: 'POST /api/v1/session (own password)',
    async call(c) {
      const response = await request(c, 'POST', '/api/v1/session', { email: c.account?.email ?? 'nobody@example.org', password: c.account?.password ?? 'not a password' });
      // Signing in again replaces the caller's session: carry on with the new one.
      if (response.status === 200) c.cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
      return response;
    },
  },
  { name: 'GET /api/v1/session', call: (c) => request(c, 'GET', '/api/v1/session') },
  { name: 'POST /api/v1/devices', call: async (c) => request(c, 'POST', '/api/v1/devices', { publicKey: (await deviceKeys()).publicKey, label: 'Matrix phone' }) },
  { name: 'GET /api/v1/devices', call: (c) => request(c, 'GET', '/api/v1/devices') },
  {
    name: 'DELETE /api/v1/devices/:id (a responder’s)',
    call: async (c) => request(c, 'DELETE', `/api/v1/devices/${(await enrolDevice(server.baseUrl, responderCookie, 'Spare')).id}`),
  },
  { name: 'GET /api/v1/cases/:id', call: (c) => request(c, 'GET', `/api/v1/cases/${caseId}`) },
  { name: 'GET /api/v1/figures/tables', call: (c) => request(c, 'GET', '/api/v1/figures/tables?period=2026-Q4') },
  { name: 'GET /api/v1/figures/trend', call: (c) => request(c, 'GET', '/api/v1/figures/trend?period=2026&table=duty-to-notify-by-quarter&row=total&column=total') },
  { name: 'GET /api/v1/referrals/:id/files/:fileId', call: (c) => request(c, 'GET', `/api/v1/referrals/${caseId}/files/${EVIDENCE_FILE}`) },
  {
    name: 'PUT /api/v1/referrals/:id/files/:fileId/chunks/:index',
    async call(c) {
      const target = `/api/v1/referrals/${caseId}/files/${EVIDENCE_FILE}/chunks/0`;
      const headers = { 'content-type': 'application/octet-stream', 'nrm-chunk-sha256': createHash('sha256').update(CHUNK).digest('hex') };
      if (c.device) return signedFetch(server.baseUrl, c.device, 'PUT', target, { body: CHUNK, headers });
      return fetch(`${server.baseUrl}${target}`, { method: 'PUT', headers: { ...headers, ...(c.cookie ? { cookie: c.cookie } : {}) }, body: CHUNK });
    },
  },
  { name: 'GET /api/v1/cases', call: (c) => request(c, 'GET', '/api/v1/cases?held=nobody&sort=received') },
  {
    name: 'POST /api/v1/cases/:id/actions (take)',
    async call(c) {
      const version = (await server.storage.cases.find(workedCaseId))?.state.version;
      return request(c, 'POST', `/api/v1/cases/${workedCaseId}/actions`, { version, action: { type: 'take' } });
    },
  },
  { name: 'POST /api/v1/cases/:id/notes', call: (c) => request(c, 'POST', `/api/v1/cases/${workedCaseId}/notes`, { text: 'Called the responder.' }) },
  {
    name: 'PUT /api/v1/cases/:id/possible-matches/:otherId',
    call: (c) => request(c, 'PUT', `/api/v1/cases/${workedCaseId}/possible-matches/${caseId}`, { verdict: 'not-same' }),
  },
  { name: 'GET /api/v1/caseworkers', call: (c) => request(c, 'GET', '/api/v1/caseworkers') },
  { name: 'GET /api/v1/dtn-reports', call: (c) => request(c, 'GET', '/api/v1/dtn-reports?page=1') },
  { name: 'POST /api/v1/test-clock', call: (c) => request(c, 'POST', '/api/v1/test-clock', { days: 30 }) },
  { name: 'GET /api/v1/admin/users', call: (c) => request(c, 'GET', '/api/v1/admin/users') },
  {
    name: 'POST /api/v1/admin/users (invite)',
    call: (c) => request(c, 'POST', '/api/v1/admin/users', { email: `invited-${crypto.randomUUID()}@example.org`, role: 'analyst', organisation: organisationId }),
  },
  { name: 'POST /api/v1/admin/users/find', call: (c) => request(c, 'POST', '/api/v1/admin/users/find', { email: targetEmail }) },
  { name: 'GET /api/v1/admin/users/:id', call: (c) => request(c, 'GET', `/api/v1/admin/users/${targetId}`) },
  { name: 'PUT /api/v1/admin/users/:id/role', call: (c) => request(c, 'PUT', `/api/v1/admin/users/${targetId}/role`, { role: 'reviewer' }) },
  { name: 'POST /api/v1/admin/users/:id/disable', call: (c) => request(c, 'POST', `/api/v1/admin/users/${targetId}/disable`) },
  { name: 'POST /api/v1/admin/users/:id/enable', call: (c) => request(c, 'POST', `/api/v1/admin/users/${targetId}/enable`) },
  { name: 'POST /api/v1/admin/users/:id/reset-password', call: (c) => request(c, 'POST', `/api/v1/admin/users/${targetId}/reset-password`) },
  {
    name: 'POST /api/v1/admin/devices/:id/revoke (a responder’s)',
    call: async (c) => request(c, 'POST', `/api/v1/admin/devices/${(await enrolDevice(server.baseUrl, responderCookie, 'Spare')).id}/revoke`),
  },
  { name: 'GET /api/v1/admin/audit', call: (c) => request(c, 'GET', `/api/v1/admin/audit?person=${targetId}&action=accounts`) },
  { name: 'GET /api/v1/admin/audit.csv', call: (c) => request(c, 'GET', '/api/v1/admin/audit.csv?action=sign-ins') },
  { name: 'DELETE /api/v1/session', call: (c) => request(c, 'DELETE', '/api/v1/session') },
];

const columns = ['anonymous', ...roles, 'revoked device', 'valid device'] as const;
const OK = '200';
const NO_SESSION = '401 signed-out';
const WRONG_ROLE = '403 forbidden';
const UNSIGNED = '401 device-signature-required';
const REVOKED = '401 device-revoked';
/** A panel member reads and acts on a case only while it awaits the panel. */
const NOT_AT_PANEL = '403 forbidden';
/** The administrator's console: the admin role alone, whoever else asks. */
const ADMIN_ONLY = (allowed: string) => [NO_SESSION, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, allowed, NO_SESSION, NO_SESSION];

/** The specification, one row per route, cells in the order of `columns`. */
const expected: Record<string, string[]> = {
  'GET /api/v1/health': [OK, OK, OK, OK, OK, OK, OK, OK, OK],
  'GET /api/v1/intake-key': [OK, OK, OK, OK, OK, OK, OK, OK, OK],
  'GET /api/v1/device-policy': [OK, OK, OK, OK, OK, OK, OK, OK, OK],
  'GET /api/openapi.json': [OK, OK, OK, OK, OK, OK, OK, OK, OK],
  // Public data, needed before a device is enrolled: nobody is refused, not even a revoked device.
  'GET /api/v1/reference/:list': [OK, OK, OK, OK, OK, OK, OK, OK, OK],
  'POST /api/v1/referrals': [UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, REVOKED, '201'],
  'GET /api/v1/receipts': [UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, REVOKED, OK],
  'POST /api/v1/setup (a wrong code)': Array(9).fill('401 token-invalid'),
  'POST /api/v1/password (a wrong code)': Array(9).fill('401 token-invalid'),
  'POST /api/v1/session (own password)': ['401 sign-in-failed', OK, OK, OK, OK, OK, OK, '401 sign-in-failed', '401 sign-in-failed'],
  'GET /api/v1/session': [NO_SESSION, OK, OK, OK, OK, OK, OK, NO_SESSION, NO_SESSION],
  'POST /api/v1/devices': [NO_SESSION, '201', WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/devices': [NO_SESSION, OK, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, OK, NO_SESSION, NO_SESSION],
  'DELETE /api/v1/devices/:id (a responder’s)': [NO_SESSION, '204', WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, '204', NO_SESSION, NO_SESSION],
  'GET /api/v1/cases/:id': [NO_SESSION, WRONG_ROLE, OK, OK, NOT_AT_PANEL, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/figures/tables': [NO_SESSION, WRONG_ROLE, WRONG_ROLE, OK, WRONG_ROLE, OK, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/figures/trend': [NO_SESSION, WRONG_ROLE, WRONG_ROLE, OK, WRONG_ROLE, OK, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/referrals/:id/files/:fileId': [UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, REVOKED, OK],
  'PUT /api/v1/referrals/:id/files/:fileId/chunks/:index': [UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, UNSIGNED, REVOKED, '201'],
  'GET /api/v1/cases': [NO_SESSION, WRONG_ROLE, OK, OK, OK, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  // The caseworker takes the case first; the reviewer is then refused by the rules (someone holds it).
  'POST /api/v1/cases/:id/actions (take)': [NO_SESSION, WRONG_ROLE, OK, '422 action-refused', NOT_AT_PANEL, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'POST /api/v1/cases/:id/notes': [NO_SESSION, WRONG_ROLE, '201', '201', NOT_AT_PANEL, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'PUT /api/v1/cases/:id/possible-matches/:otherId': [NO_SESSION, WRONG_ROLE, OK, OK, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/caseworkers': [NO_SESSION, WRONG_ROLE, WRONG_ROLE, OK, WRONG_ROLE, WRONG_ROLE, WRONG_ROLE, NO_SESSION, NO_SESSION],
  'GET /api/v1/dtn-reports': [NO_SESSION, WRONG_ROLE, WRONG_ROLE, OK, WRONG_ROLE, OK, WRONG_ROLE, NO_SESSION, NO_SESSION],
  // Only a server started with TEST_CLOCK=true on loopback has it.
  'POST /api/v1/test-clock': Array(9).fill('404 not-found'),
  'GET /api/v1/admin/users': ADMIN_ONLY(OK),
  'POST /api/v1/admin/users (invite)': ADMIN_ONLY('201'),
  'POST /api/v1/admin/users/find': ADMIN_ONLY(OK),
  'GET /api/v1/admin/users/:id': ADMIN_ONLY(OK),
  'PUT /api/v1/admin/users/:id/role': ADMIN_ONLY(OK),
  'POST /api/v1/admin/users/:id/disable': ADMIN_ONLY(OK),
  'POST /api/v1/admin/users/:id/enable': ADMIN_ONLY(OK),
  'POST /api/v1/admin/users/:id/reset-password': ADMIN_ONLY(OK),
  'POST /api/v1/admin/devices/:id/revoke (a responder’s)': ADMIN_ONLY(OK),
  'GET /api/v1/admin/audit': ADMIN_ONLY(OK),
  'GET /api/v1/admin/audit.csv': ADMIN_ONLY(OK),
  'DELETE /api/v1/session': Array(9).fill('204'),
};

async function cell(response: Response): Promise<string> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) return String(response.status);
  return `${response.status} ${((await response.json()) as { code: string }).code}`;
}

function printTable(rows: Record<string, string[]>): string {
  const header = ['route', ...columns];
  const body = Object.entries(rows).map(([route, cells]) => [route, ...cells]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((text, i) => text.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

beforeAll(async () => {
  server = await startLoopbackServer();
  const accounts = {} as Record<Role, TestAccount>;
  for (const role of roles) accounts[role] = await createAccount(server, role);
  responderCookie = await signIn(server.baseUrl, accounts.responder);
  const valid = await enrolDevice(server.baseUrl, responderCookie, 'Valid');
  const revoked = await enrolDevice(server.baseUrl, responderCookie, 'Revoked');
  await fetch(`${server.baseUrl}/api/v1/devices/${revoked.id}`, { method: 'DELETE', headers: { cookie: responderCookie } });
  const sent = await sealedSubmissionFor(server.intakeKey);
  const delivered = await signedFetch(server.baseUrl, valid, 'POST', '/api/v1/referrals', { body: JSON.stringify(sent) });
  if (delivered.status !== 201) throw new Error(`setup referral refused: ${delivered.status}`);
  caseId = sent.id;
  const another = await sealedSubmissionFor(server.intakeKey);
  if ((await signedFetch(server.baseUrl, valid, 'POST', '/api/v1/referrals', { body: JSON.stringify(another) })).status !== 201) throw new Error('second setup referral refused');
  workedCaseId = another.id;

  const target = await createAccount(server, 'analyst');
  targetEmail = target.email;
  targetId = (await server.storage.accounts.findUserByEmail(target.email))!.id;
  organisationId = (await server.storage.accounts.findOrganisationByName('Test Constabulary'))!.id;

  callers.push({ name: 'anonymous' });
  for (const role of roles) callers.push({ name: role, account: accounts[role], cookie: await signIn(server.baseUrl, accounts[role]) });
  callers.push({ name: 'revoked device', device: revoked }, { name: 'valid device', device: valid });
}, 60_000);

afterAll(async () => {
  await server.close();
});

describe('authorisation matrix (REQUIRE_DEVICE_SIGNATURES on)', () => {
  it('answers every route as specified for every role, anonymous, a revoked device and a valid device', { timeout: 60_000 }, async () => {
    const actual: Record<string, string[]> = {};
    for (const route of routes) {
      actual[route.name] = [];
      for (const caller of callers) actual[route.name]!.push(await cell(await route.call(caller)));
    }
    console.log(`authorisation matrix:\n${printTable(actual)}`);
    expect(actual).toEqual(expected);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
  });

  it('audits every case read in the matrix, and nothing else', async () => {
    const reads = await server.storage.audit.entriesFor(caseId);
    expect(reads.map((entry) => entry.action)).toEqual(['case-read', 'case-read']);
  });
});
