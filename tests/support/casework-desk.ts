import type { CaseAction } from '../../src/shared/casework/actions.ts';
import { caseDetailSchema, queueResponseSchema, type CaseDetail, type QueueResponse } from '../../src/shared/casework/protocol.ts';
import { statusesResponseSchema, type ReferralStatus } from '../../src/shared/protocol.ts';
import type { Referral } from '../../src/shared/referral.ts';
import { signedFetch, type TestDevice } from './accounts.ts';
import { sealedSubmissionFor, validReferral } from './fixtures.ts';
import type { IntakePublicKey } from '../../src/shared/sealing.ts';

export interface Answer {
  status: number;
  body: Record<string, unknown> & { code?: string; detail?: string; refusal?: string };
}

/** A signed-in person at the desk, talking to one server instance with their session cookie. */
export function deskFor(baseUrl: string, cookie: string) {
  async function call(method: string, path: string, body?: unknown): Promise<Answer> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }
  return {
    call,
    async queue(query: Record<string, string | number> = {}): Promise<QueueResponse> {
      const search = new URLSearchParams(Object.entries(query).map(([name, value]) => [name, String(value)]));
      const answer = await call('GET', `/api/v1/cases?${search}`);
      if (answer.status !== 200) throw new Error(`queue: ${answer.status} ${JSON.stringify(answer.body)}`);
      return queueResponseSchema.parse(answer.body);
    },
    async read(id: string): Promise<CaseDetail> {
      const answer = await call('GET', `/api/v1/cases/${id}`);
      if (answer.status !== 200) throw new Error(`read: ${answer.status} ${JSON.stringify(answer.body)}`);
      return caseDetailSchema.parse(answer.body);
    },
    act: (id: string, version: number, action: CaseAction) => call('POST', `/api/v1/cases/${id}/actions`, { version, action }),
    note: (id: string, text: string) => call('POST', `/api/v1/cases/${id}/notes`, { text }),
  };
}
export type Desk = ReturnType<typeof deskFor>;

/** A referral sent from an enrolled device, as the field app sends it; returns its id and reference. */
export async function sendReferral(baseUrl: string, intakeKey: IntakePublicKey, device: TestDevice, referral: Referral = validReferral()): Promise<{ id: string; reference: string }> {
  const submission = await sealedSubmissionFor(intakeKey, referral);
  const response = await signedFetch(baseUrl, device, 'POST', '/api/v1/referrals', { body: JSON.stringify(submission) });
  if (response.status !== 201) throw new Error(`referral refused: ${response.status} ${await response.text()}`);
  const receipt = (await response.json()) as { reference: string };
  return { id: submission.id, reference: receipt.reference };
}

/** What the device that sent the referral is told by GET /receipts. */
export async function receiptOf(baseUrl: string, device: TestDevice, id: string, since = '2000-01-01T00:00:00Z'): Promise<ReferralStatus | undefined> {
  const response = await signedFetch(baseUrl, device, 'GET', `/api/v1/receipts?since=${encodeURIComponent(since)}&id=${id}`);
  if (response.status !== 200) throw new Error(`receipts: ${response.status} ${await response.text()}`);
  return statusesResponseSchema.parse(await response.json()).statuses.find((status) => status.id === id);
}
