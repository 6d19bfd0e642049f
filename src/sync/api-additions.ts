import { ADDITIONS_PATH, additionReceiptSchema, type AdditionReceipt, type AdditionSubmission } from '../shared/additions.ts';
import { apiPath } from '../shared/api-path.ts';
import { answerOf, jsonBody, type ApiClient, type ApiResult } from './api-client.ts';

/** An answer or a reconsideration request for a referral this device delivered (signed once enrolled). */
export function submitAddition(api: ApiClient, referralId: string, addition: AdditionSubmission, signal?: AbortSignal): Promise<ApiResult<AdditionReceipt>> {
  return api.call({ method: 'POST', target: apiPath(ADDITIONS_PATH, { id: referralId }), ...jsonBody(addition), read: answerOf(additionReceiptSchema), signal });
}

export type SubmitAddition = typeof submitAddition;
