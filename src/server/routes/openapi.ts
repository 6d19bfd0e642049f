import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import {
  devicesResponseSchema,
  enrolDeviceRequestSchema,
  enrolDeviceResponseSchema,
  sessionResponseSchema,
  setPasswordRequestSchema,
  setupRequestSchema,
  signInRequestSchema,
} from '../../shared/accounts.ts';
import { auditQuerySchema, auditResponseSchema } from '../../shared/admin/audit.ts';
import {
  ADMIN_PATHS,
  adminDeviceSchema,
  adminUserSchema,
  codeResponseSchema,
  findUserRequestSchema,
  findUserResponseSchema,
  inviteRequestSchema,
  roleRequestSchema,
  userDetailSchema,
  usersQuerySchema,
  usersResponseSchema,
} from '../../shared/admin/protocol.ts';
import { caseActionRequestSchema, caseNoteRequestSchema } from '../../shared/casework/actions.ts';
import { FIGURES_PATHS, figuresAnswerSchema, trendAnswerSchema } from '../../shared/figures/figures-contract.ts';
import {
  CASEWORK_PATHS,
  caseActionResponseSchema,
  caseChangedSchema,
  caseDetailSchema,
  caseNoteSchema,
  caseworkersResponseSchema,
  dtnReportsResponseSchema,
  possibleMatchSchema,
  queueQuerySchema,
  queueResponseSchema,
  samenessRequestSchema,
} from '../../shared/casework/protocol.ts';
import { DEVICE_SIGNATURE_HEADERS } from '../../shared/device-signature.ts';
import { MAX_JSON_DEPTH } from '../../shared/json-depth.ts';
import {
  API_PATHS,
  intakeKeyResponseSchema,
  devicePolicySchema,
  problemSchema,
  receiptSchema,
  statusesResponseSchema,
  submissionSchema,
} from '../../shared/protocol.ts';
import { CHUNK_HASH_HEADER, heldChunksSchema } from '../../shared/evidence-protocol.ts';
import { referenceListNames, referenceListSchema } from '../../shared/reference-lists.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../auth/session-cookie.ts';
import { sealedPlaintextSchemas, sealingExtension, sealingSummary } from './openapi-sealing.ts';

const json = (schema: z.core.$ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const problem = { 'application/problem+json': { schema: z.toJSONSchema(problemSchema) } };
const refused = (description: string) => ({ description, content: problem });
/** OpenAPI writes path parameters as {id}; Fastify as :id. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const periodParameter = { name: 'period', in: 'query', required: true, schema: { type: 'string', examples: ['2022-Q4', '2022', '2022-01-01..2022-06-30'] } };
const fileIdParameter = { name: 'fileId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

/** Each member of a query schema as an optional query parameter. */
function queryParameters(schema: z.ZodMiniObject) {
  const shape = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.entries(shape.properties ?? {}).map(([name, property]) => ({ name, in: 'query', required: false, schema: property }));
}

const deviceSigned = [{ deviceSignature: [] }];
const signedIn = [{ session: [] }];
const DEVICE_REFUSED =
  'Device signature required (when the server requires them), invalid, stale (device-clock-skew), replayed, or from an unknown or revoked device, or one held since its owner’s password was reset or account disabled (device-needs-sign-in)';
const deviceRefusals = { 401: refused(DEVICE_REFUSED) };
const sessionRefusals = {
  401: refused('Not signed in, or the session has ended'),
  403: refused('The role does not allow this, or (cross-site-request) a write sent from another site: Sec-Fetch-Site must be same-origin, or Origin this host'),
};
const busy = { 503: refused('server-busy: too many sign-ins are being checked at once; see Retry-After') };
const DATABASE_DOWN = 'unavailable: the database cannot take it just now (unreachable, read-only, disk full); nothing was stored, send again after Retry-After';
const overQuota = (what: string) => ({
  429: refused(`device-quota-exceeded: this device has sent more ${what} than the deployment allows (the title says so, for the person); send again after Retry-After`),
  503: refused(DATABASE_DOWN),
});
const codeRefusals = { 400: refused('Incomplete or invalid (field errors)'), 401: refused('The code is wrong, used or expired'), 429: refused('Too many attempts; see Retry-After'), ...busy };

/** The API description, made from the very schemas the routes validate with, so it cannot drift. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'NRM Field sync API', version: '1', description: sealingSummary },
    'x-nrm-sealing': sealingExtension,
    components: {
      schemas: sealedPlaintextSchemas,
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Set by POST /api/v1/session; HttpOnly, SameSite=Strict; ends after 30 minutes idle or 12 hours. Named ${SECURE_SESSION_COOKIE} (Path=/, Secure) whenever it is Secure (HTTPS), ${SESSION_COOKIE} (Path=/api) over plain HTTP. Writes from another site are refused (403 cross-site-request).`,
        },
        deviceSignature: {
          type: 'apiKey',
          in: 'header',
          name: DEVICE_SIGNATURE_HEADERS.signature,
          description:
            `With ${Object.values(DEVICE_SIGNATURE_HEADERS).join(', ')}: an ECDSA P-256/SHA-256 signature (IEEE P1363, base64url) by an enrolled device ` +
            'over the canonical request of src/shared/device-signature.ts (method, path and query, device, timestamp, nonce, SHA-256 of the body).',
        },
      },
    },
    paths: {
      [API_PATHS.referrals]: {
        post: {
          summary: 'Send one sealed referral; the id is the idempotency key',
          security: deviceSigned,
          requestBody: {
            required: true,
            description: 'envelope is sealed as x-nrm-sealing.referral says; its plaintext is #/components/schemas/SealedReferral',
            content: json(submissionSchema),
          },
          responses: {
            201: { description: 'Received and durably stored', content: json(receiptSchema) },
            200: { description: 'Already received with the same content from this same device: the same receipt', content: json(receiptSchema) },
            400: refused(`Unreadable request, or JSON nested more than ${MAX_JSON_DEPTH} deep`),
            401: refused(`${DEVICE_REFUSED}; and device-signature-required for a referral of the previous version sent unsigned`),
            409: refused(
              'id-conflict: different content already received under this id, or this referral received from another device; or (files-incomplete) evidence chunks the manifest names are not all held yet: upload them, then send again',
            ),
            413: refused('Too large'),
            415: refused('Not JSON'),
            422: refused('Not a valid referral (an id not in lower case, times outside x-nrm-sealing.window, the previous version after its end), or the sealed body could not be opened'),
            ...overQuota('new referrals in the last hour (DEVICE_REFERRALS_PER_HOUR)'),
          },
        },
      },
      [API_PATHS.receipts]: {
        get: {
          summary: 'Status changes of the named referrals (no personal data); a signed request learns only of its own device’s referrals',
          security: deviceSigned,
          parameters: [
            { name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
            { name: 'id', in: 'query', required: true, schema: { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 100 }, style: 'form', explode: true },
          ],
          responses: { 200: { description: 'Statuses', content: json(statusesResponseSchema) }, 400: refused('Bad query'), ...deviceRefusals },
        },
      },
      [API_PATHS.devicePolicy]: {
        get: { summary: 'Whether referrals from this caller must come from an enrolled device', responses: { 200: { description: 'The policy', content: json(devicePolicySchema) } } },
      },
      [API_PATHS.intakeKey]: {
        get: { summary: 'The public key devices seal referrals to', responses: { 200: { description: 'The current key', content: json(intakeKeyResponseSchema) } } },
      },
      [API_PATHS.health]: {
        get: {
          summary: 'Reachability probe: whether this instance can store a referral now',
          responses: { 200: { description: 'The database answers and takes writes, with disk to spare' }, 503: refused(`${DATABASE_DOWN}; a load balancer should send elsewhere`) },
        },
      },
      [API_PATHS.setup]: {
        post: {
          summary: 'Create the first administrator with the one-time code the server printed on its first start',
          requestBody: { required: true, content: json(setupRequestSchema) },
          responses: { 204: { description: 'Created: sign in next' }, ...codeRefusals, 409: refused('There is an administrator already (setup-done), or an account with this email (account-exists)') },
        },
      },
      [API_PATHS.password]: {
        post: {
          summary: 'Choose a password with the one-time code an administrator gave out (new account or reset)',
          requestBody: { required: true, content: json(setPasswordRequestSchema) },
          responses: { 204: { description: 'Set: sign in next' }, ...codeRefusals },
        },
      },
      [API_PATHS.session]: {
        post: {
          summary: 'Sign in: sets the session cookie',
          requestBody: { required: true, content: json(signInRequestSchema) },
          responses: {
            200: { description: 'Signed in', content: json(sessionResponseSchema) },
            400: refused('Incomplete'),
            401: refused('Wrong email or password (sign-in-failed)'),
            403: refused('cross-site-request: sent from another site'),
            429: refused('Too many attempts on this account or from this address; see Retry-After'),
            ...busy,
          },
        },
        get: { summary: 'Who is signed in', security: signedIn, responses: { 200: { description: 'The session', content: json(sessionResponseSchema) }, 401: refused('Not signed in') } },
        delete: { summary: 'Sign out (also when not signed in)', responses: { 204: { description: 'Signed out; the cookie is cleared' } } },
      },
      [API_PATHS.devices]: {
        post: {
          summary: 'Enrol this device’s public signing key (responders); sending the same key again answers with the same device',
          security: signedIn,
          requestBody: { required: true, content: json(enrolDeviceRequestSchema) },
          responses: {
            201: { description: 'Enrolled', content: json(enrolDeviceResponseSchema) },
            200: { description: 'Already enrolled by this user', content: json(enrolDeviceResponseSchema) },
            400: refused('Incomplete'),
            ...sessionRefusals,
            409: refused('The key belongs to another device, or was revoked'),
            422: refused('Not an ECDSA P-256 public key'),
          },
        },
        get: {
          summary: 'Devices: a responder’s own, or every device for an admin',
          security: signedIn,
          responses: { 200: { description: 'Devices', content: json(devicesResponseSchema) }, ...sessionRefusals },
        },
      },
      [openApiPath(API_PATHS.device)]: {
        delete: {
          summary: 'Revoke a device (its owner or an admin); its next contact is refused with device-revoked',
          security: signedIn,
          parameters: [idParameter],
          responses: { 204: { description: 'Revoked' }, ...sessionRefusals, 404: refused('No such device of yours') },
        },
      },
      [CASEWORK_PATHS.queue]: {
        get: {
          summary: 'The casework queue, one page of 25 (caseworkers, reviewers; panel members see only cases awaiting the panel)',
          security: signedIn,
          parameters: queryParameters(queueQuerySchema),
          responses: { 200: { description: 'One page of cases', content: json(queueResponseSchema) }, 400: refused('Filters not valid'), ...sessionRefusals },
        },
      },
      [openApiPath(API_PATHS.case)]: {
        get: {
          summary: 'One case, its referral opened on the server, with history, notes, links and possible matches; every read is audited before it is answered',
          security: signedIn,
          parameters: [idParameter],
          responses: {
            200: { description: 'The case', content: json(caseDetailSchema) },
            ...sessionRefusals,
            403: refused('Not your role, or (panel) the case is not awaiting the panel'),
            404: refused('No such case (a Duty to Notify report is not a case)'),
          },
        },
      },
      [openApiPath(CASEWORK_PATHS.actions)]: {
        post: {
          summary: 'Act on a case at the version the actor saw; the state machine of src/shared/casework decides whether this person may, now',
          security: signedIn,
          parameters: [idParameter],
          requestBody: { required: true, content: json(caseActionRequestSchema) },
          responses: {
            200: { description: 'Done: the case as it now stands', content: json(caseActionResponseSchema) },
            ...sessionRefusals,
            404: refused('No such case'),
            409: { description: 'case-changed: the case moved on since that version; nothing was written', content: { 'application/problem+json': { schema: z.toJSONSchema(caseChangedSchema) } } },
            422: refused('Field errors (bad-request), or action-refused: the rules refuse it now (the reason in detail, the refusal code in `refusal`)'),
          },
        },
      },
      [openApiPath(CASEWORK_PATHS.notes)]: {
        post: {
          summary: 'Add a note to a case (sealed at rest)',
          security: signedIn,
          parameters: [idParameter],
          requestBody: { required: true, content: json(caseNoteRequestSchema) },
          responses: { 201: { description: 'Noted', content: json(caseNoteSchema) }, ...sessionRefusals, 404: refused('No such case'), 422: refused('Field errors') },
        },
      },
      [openApiPath(CASEWORK_PATHS.sameness)]: {
        put: {
          summary: 'A decision maker’s verdict on a possible same person, recorded on the pair both ways (never a merge)',
          security: signedIn,
          parameters: [idParameter, { ...idParameter, name: 'otherId' }],
          requestBody: { required: true, content: json(samenessRequestSchema) },
          responses: { 200: { description: 'Recorded', content: json(possibleMatchSchema) }, ...sessionRefusals, 404: refused('No such pair'), 422: refused('Field errors') },
        },
      },
      [CASEWORK_PATHS.caseworkers]: {
        get: {
          summary: 'Caseworkers and reviewers, for a reviewer assigning a case',
          security: signedIn,
          responses: { 200: { description: 'People', content: json(caseworkersResponseSchema) }, ...sessionRefusals },
        },
      },
      [CASEWORK_PATHS.dtnReports]: {
        get: {
          summary: 'Duty to Notify reports, newest first, 25 a page (reviewers, analysts): no decision path, nothing that identifies',
          security: signedIn,
          parameters: [{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } }],
          responses: { 200: { description: 'One page', content: json(dtnReportsResponseSchema) }, 400: refused('Page not valid'), ...sessionRefusals },
        },
      },
      [ADMIN_PATHS.users]: {
        get: {
          summary: 'Administrators: every account, with role, organisation, status and devices, 50 a page; and every organisation',
          security: signedIn,
          parameters: queryParameters(usersQuerySchema),
          responses: { 200: { description: 'One page of accounts', content: json(usersResponseSchema) }, 400: refused('Filters not valid'), ...sessionRefusals },
        },
        post: {
          summary: 'Administrators: invite a person — an account without a password, and the one-time code (shown in this answer only) with which they set one',
          security: signedIn,
          requestBody: { required: true, content: json(inviteRequestSchema) },
          responses: { 201: { description: 'Invited', content: json(codeResponseSchema) }, ...sessionRefusals, 409: refused('account-exists'), 422: refused('Field errors') },
        },
      },
      [ADMIN_PATHS.findUser]: {
        post: {
          summary: 'Administrators: the id of the account with this email (a POST, so that no address holds an email)',
          security: signedIn,
          requestBody: { required: true, content: json(findUserRequestSchema) },
          responses: { 200: { description: 'Found', content: json(findUserResponseSchema) }, ...sessionRefusals, 404: refused('No such account'), 422: refused('Field errors') },
        },
      },
      [openApiPath(ADMIN_PATHS.user)]: {
        get: {
          summary: 'Administrators: one account and its devices, with their last contact',
          security: signedIn,
          parameters: [idParameter],
          responses: { 200: { description: 'The account', content: json(userDetailSchema) }, ...sessionRefusals, 404: refused('No such account') },
        },
      },
      [openApiPath(ADMIN_PATHS.role)]: {
        put: {
          summary: 'Administrators: change the role of another account; its sessions end, and a responder’s devices are held',
          security: signedIn,
          parameters: [idParameter],
          requestBody: { required: true, content: json(roleRequestSchema) },
          responses: { 200: { description: 'Changed', content: json(adminUserSchema) }, ...sessionRefusals, 404: refused('No such account'), 422: refused('Field errors, or action-refused: your own account') },
        },
      },
      ...Object.fromEntries(
        (
          [
            [ADMIN_PATHS.disable, 'disable another account: no sign-in, its sessions and codes end, its devices are held until signed in on again'],
            [ADMIN_PATHS.enable, 'enable another account again (its devices stay held until signed in on again)'],
          ] as const
        ).map(([path, summary]) => [
          openApiPath(path),
          {
            post: {
              summary: `Administrators: ${summary}`,
              security: signedIn,
              parameters: [idParameter],
              responses: { 200: { description: 'Done', content: json(adminUserSchema) }, ...sessionRefusals, 404: refused('No such account'), 422: refused('action-refused: your own account') },
            },
          },
        ]),
      ),
      [openApiPath(ADMIN_PATHS.resetPassword)]: {
        post: {
          summary: 'Administrators: reset another account’s password — the old one, earlier codes and sessions end, devices are held; the new one-time code is in this answer only',
          security: signedIn,
          parameters: [idParameter],
          responses: { 200: { description: 'Reset', content: json(codeResponseSchema) }, ...sessionRefusals, 404: refused('No such account'), 422: refused('action-refused: your own account') },
        },
      },
      [openApiPath(ADMIN_PATHS.revokeDevice)]: {
        post: {
          summary: 'Administrators: revoke any device; its next contact is refused (device-revoked) and the field app wipes itself',
          security: signedIn,
          parameters: [idParameter],
          responses: { 200: { description: 'Revoked', content: json(adminDeviceSchema) }, ...sessionRefusals, 404: refused('No such device') },
        },
      },
      [ADMIN_PATHS.audit]: {
        get: {
          summary: 'Administrators: the audit log, newest first, 50 a page, filtered by person (id), case (reference or id), action or group of actions, and UK days',
          security: signedIn,
          parameters: queryParameters(auditQuerySchema),
          responses: { 200: { description: 'One page of entries', content: json(auditResponseSchema) }, 400: refused('Filters not valid'), ...sessionRefusals },
        },
      },
      [ADMIN_PATHS.auditCsv]: {
        get: {
          summary: 'Administrators: every matching entry as CSV (streamed; formula-like cells prefixed with an apostrophe); the export is itself audited',
          security: signedIn,
          parameters: queryParameters(auditQuerySchema),
          responses: { 200: { description: 'The entries', content: { 'text/csv': { schema: { type: 'string' } } } }, 400: refused('Filters not valid'), ...sessionRefusals },
        },
      },
      [FIGURES_PATHS.tables]: {
        get: {
          summary: 'Analysts: every figures table for a period, suppressed below the deployment threshold in breakdowns finer than the nation; audited',
          security: signedIn,
          parameters: [periodParameter],
          responses: { 200: { description: 'The tables', content: json(figuresAnswerSchema) }, 400: refused('Not a period: a quarter (2022-Q4), a year (2022) or two dates (2022-01-01..2022-06-30)'), ...sessionRefusals },
        },
      },
      [FIGURES_PATHS.trend]: {
        get: {
          summary: 'Analysts: one cell of one table, quarter by quarter across the period (row=total for tables whose rows are quarters); audited',
          security: signedIn,
          parameters: [periodParameter, ...['table', 'row', 'column'].map((name) => ({ name, in: 'query', required: true, schema: { type: 'string' } }))],
          responses: { 200: { description: 'The series', content: json(trendAnswerSchema) }, 400: refused('Not a period, or a parameter missing'), 404: refused('No such table, row or column'), ...sessionRefusals },
        },
      },
      [openApiPath(API_PATHS.evidenceFile)]: {
        get: {
          summary: 'Which sealed chunks of one evidence file the server holds from this device, so an interrupted upload resumes where it stopped',
          security: deviceSigned,
          parameters: [idParameter, fileIdParameter],
          responses: { 200: { description: 'The chunks held (index and SHA-256)', content: json(heldChunksSchema) }, ...deviceRefusals, 404: refused('Not a referral or file id') },
        },
      },
      [openApiPath(API_PATHS.evidenceChunk)]: {
        put: {
          summary: 'Upload one sealed chunk (at most 1 MiB and 28 bytes) of an evidence file; a chunk already held is a no-op',
          security: deviceSigned,
          parameters: [
            idParameter,
            fileIdParameter,
            { name: 'index', in: 'path', required: true, schema: { type: 'integer', minimum: 0 } },
            { name: CHUNK_HASH_HEADER, in: 'header', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{64}$' }, description: 'SHA-256 (hex) of the body' },
          ],
          requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
          responses: {
            201: { description: 'Stored' },
            200: { description: 'Already held: nothing stored twice' },
            400: refused('No SHA-256 named'),
            ...deviceRefusals,
            404: refused('Not a referral id, file id or chunk index'),
            413: refused('Larger than one sealed chunk'),
            415: refused('Not application/octet-stream'),
            422: refused('The body does not match the SHA-256 named (chunk-hash-mismatch)'),
            ...overQuota('evidence that no stored referral has claimed (DEVICE_EVIDENCE_QUOTA_MB)'),
          },
        },
      },
      [openApiPath(API_PATHS.reference)]: {
        get: {
          summary: 'A reference list (public): its version and items; an item has a label only where it differs from its value',
          parameters: [
            { name: 'list', in: 'path', required: true, schema: { type: 'string', enum: [...referenceListNames] } },
            { name: 'If-None-Match', in: 'header', required: false, schema: { type: 'string' }, description: 'The ETag of the copy the device holds' },
          ],
          responses: {
            200: { description: 'The list, with a strong ETag (SHA-256 of the body) and Cache-Control: no-cache', content: json(referenceListSchema) },
            304: { description: 'The copy named by If-None-Match is current' },
            404: refused('No list of that name'),
          },
        },
      },
    },
  };
}

export function openApiRoutes(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
