import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import {
  caseResponseSchema,
  devicesResponseSchema,
  enrolDeviceRequestSchema,
  enrolDeviceResponseSchema,
  referralsByPathResponseSchema,
  sessionResponseSchema,
  setPasswordRequestSchema,
  setupRequestSchema,
  signInRequestSchema,
} from '../../shared/accounts.ts';
import { DEVICE_SIGNATURE_HEADERS } from '../../shared/device-signature.ts';
import {
  API_PATHS,
  intakeKeyResponseSchema,
  problemSchema,
  receiptSchema,
  statusesResponseSchema,
  submissionSchema,
} from '../../shared/protocol.ts';
import { CHUNK_HASH_HEADER, heldChunksSchema } from '../../shared/evidence-protocol.ts';
import { referenceListNames, referenceListSchema } from '../../shared/reference-lists.ts';
import { SESSION_COOKIE } from '../auth/session-cookie.ts';

const json = (schema: z.core.$ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const problem = { 'application/problem+json': { schema: z.toJSONSchema(problemSchema) } };
const refused = (description: string) => ({ description, content: problem });
/** OpenAPI writes path parameters as {id}; Fastify as :id. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const fileIdParameter = { name: 'fileId', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

const deviceSigned = [{ deviceSignature: [] }];
const signedIn = [{ session: [] }];
const deviceRefusals = {
  401: refused('Device signature required (when the server requires them), invalid, stale (device-clock-skew), replayed, or from an unknown or revoked device'),
};
const sessionRefusals = { 401: refused('Not signed in, or the session has ended'), 403: refused('The role does not allow this') };
const codeRefusals = { 400: refused('Incomplete or invalid (field errors)'), 401: refused('The code is wrong, used or expired'), 429: refused('Too many attempts; see Retry-After') };

/** The API description, made from the very schemas the routes validate with, so it cannot drift. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'NRM Field sync API', version: '1' },
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'Set by POST /api/v1/session; HttpOnly, SameSite=Strict; ends after 30 minutes idle or 12 hours' },
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
          requestBody: { required: true, content: json(submissionSchema) },
          responses: {
            201: { description: 'Received and durably stored', content: json(receiptSchema) },
            200: { description: 'Already received with the same content: the same receipt', content: json(receiptSchema) },
            400: refused('Unreadable request'),
            ...deviceRefusals,
            409: refused('Different content already received under this id, or (files-incomplete) evidence chunks the manifest names are not all held yet: upload them, then send again'),
            413: refused('Too large'),
            415: refused('Not JSON'),
            422: refused('Not a valid referral, or the sealed body could not be opened'),
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
      [API_PATHS.intakeKey]: {
        get: { summary: 'The public key devices seal referrals to', responses: { 200: { description: 'The current key', content: json(intakeKeyResponseSchema) } } },
      },
      [API_PATHS.health]: { get: { summary: 'Reachability probe', responses: { 200: { description: 'The server is up' } } } },
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
            429: refused('Too many attempts on this account or from this address; see Retry-After'),
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
      [openApiPath(API_PATHS.case)]: {
        get: {
          summary: 'One case: its index and the sealed body as received (caseworkers, reviewers); every read is audited',
          security: signedIn,
          parameters: [idParameter],
          responses: { 200: { description: 'The case', content: json(caseResponseSchema) }, ...sessionRefusals, 404: refused('No such case') },
        },
      },
      [API_PATHS.referralsByPath]: {
        get: {
          summary: 'Referrals by path (analysts); counts below 5 are null',
          security: signedIn,
          responses: { 200: { description: 'Counts', content: json(referralsByPathResponseSchema) }, ...sessionRefusals },
        },
      },
      [openApiPath(API_PATHS.evidenceFile)]: {
        get: {
          summary: 'Which sealed chunks of one evidence file the server holds, so an interrupted upload resumes where it stopped',
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
