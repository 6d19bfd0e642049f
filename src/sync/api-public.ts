import { apiPath } from '../shared/api-path.ts';
import { API_PATHS, devicePolicySchema, intakeKeyResponseSchema, type DevicePolicy, type IntakeKeyResponse } from '../shared/protocol.ts';
import { referenceListSchema, type ReferenceList, type ReferenceListData, type ReferenceListName } from '../shared/reference-lists.ts';
import { answerOf, type ApiClient, type ApiResult } from './api-client.ts';

/** Public routes any device may read without signing in: nothing in them is personal. */

export function intakeKey(api: ApiClient): Promise<ApiResult<IntakeKeyResponse>> {
  return api.call({ method: 'GET', target: API_PATHS.intakeKey, read: answerOf(intakeKeyResponseSchema) });
}

export function devicePolicy(api: ApiClient): Promise<ApiResult<DevicePolicy>> {
  return api.call({ method: 'GET', target: API_PATHS.devicePolicy, read: answerOf(devicePolicySchema) });
}

export type ReferenceListAnswer =
  | { kind: 'not-modified' }
  /** `data` is the list as sent, to keep (labels only where they differ); `list` is it parsed. */
  | { kind: 'modified'; etag: string; list: ReferenceList; data: ReferenceListData };

/** One reference list, unless the copy tagged `etag` is still current (If-None-Match, then 304). */
export function referenceList(api: ApiClient, name: ReferenceListName, etag?: string): Promise<ApiResult<ReferenceListAnswer>> {
  return api.call<ReferenceListAnswer>({
    method: 'GET',
    target: apiPath(API_PATHS.reference, { list: name }),
    headers: etag ? { 'if-none-match': etag } : {},
    conditional: true,
    async read(response) {
      if (response.status === 304) return { ok: true, value: { kind: 'not-modified' } };
      // Without its tag a copy could never be asked about again, so it is not worth keeping.
      const tag = response.headers.get('etag');
      if (response.status !== 200 || !tag) return { ok: false, readable: true };
      const data: unknown = await response.json();
      const parsed = referenceListSchema.safeParse(data);
      if (!parsed.success || parsed.data.name !== name) return { ok: false, readable: true };
      return { ok: true, value: { kind: 'modified', etag: tag, list: parsed.data, data: data as ReferenceListData } };
    },
  });
}
