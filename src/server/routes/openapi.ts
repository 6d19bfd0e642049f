import type { FastifyInstance } from 'fastify';
import { z } from 'zod/mini';
import {
  API_PATHS,
  intakeKeyResponseSchema,
  problemSchema,
  receiptSchema,
  statusesResponseSchema,
  submissionSchema,
} from '../../shared/protocol.ts';

const json = (schema: z.core.$ZodType) => ({ 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } });
const problem = { 'application/problem+json': { schema: z.toJSONSchema(problemSchema) } };

/** The API description, made from the very schemas the routes validate with, so it cannot drift. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'NRM Field sync API', version: '1' },
    paths: {
      [API_PATHS.referrals]: {
        post: {
          summary: 'Send one sealed referral; the id is the idempotency key',
          requestBody: { required: true, content: json(submissionSchema) },
          responses: {
            201: { description: 'Received and durably stored', content: json(receiptSchema) },
            200: { description: 'Already received with the same content: the same receipt', content: json(receiptSchema) },
            400: { description: 'Unreadable request', content: problem },
            409: { description: 'Different content already received under this id', content: problem },
            413: { description: 'Too large', content: problem },
            415: { description: 'Not JSON', content: problem },
            422: { description: 'Not a valid referral, or the sealed body could not be opened', content: problem },
          },
        },
      },
      [API_PATHS.receipts]: {
        get: {
          summary: 'Status changes of the named referrals (no personal data)',
          parameters: [
            { name: 'since', in: 'query', required: true, schema: { type: 'string', format: 'date-time' } },
            { name: 'id', in: 'query', required: true, schema: { type: 'array', items: { type: 'string', format: 'uuid' }, maxItems: 100 }, style: 'form', explode: true },
          ],
          responses: { 200: { description: 'Statuses', content: json(statusesResponseSchema) }, 400: { description: 'Bad query', content: problem } },
        },
      },
      [API_PATHS.intakeKey]: {
        get: { summary: 'The public key devices seal referrals to', responses: { 200: { description: 'The current key', content: json(intakeKeyResponseSchema) } } },
      },
      [API_PATHS.health]: { get: { summary: 'Reachability probe', responses: { 200: { description: 'The server is up' } } } },
    },
  };
}

export function openApiRoutes(app: FastifyInstance): void {
  const document = openApiDocument();
  app.get('/api/openapi.json', async () => document);
}
