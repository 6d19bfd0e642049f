import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../src/shared/accounts.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { DEVICE_KEY_ALGORITHM, signRequest, type DeviceSigningKey } from '../../src/shared/device-signature.ts';
import { createAccountService } from '../../src/server/services/accounts.ts';
import { TEST_SCRYPT_COST, type LoopbackServer } from './in-process-server.ts';

export interface TestAccount {
  email: string;
  password: string;
  role: Role;
}

/** An account made as an administrator would (a one-time code), with its password set through that code. */
export async function createAccount(server: Pick<LoopbackServer, 'storage'>, role: Role, organisation = 'Test Constabulary'): Promise<TestAccount> {
  const service = createAccountService({ ...server.storage, now: () => new Date(), scryptCost: TEST_SCRYPT_COST });
  if (!(await server.storage.accounts.findOrganisationByName(organisation))) await service.createOrganisation(organisation, 'test');
  const email = `${role}-${uuidv7()}@example.org`;
  const password = `correct horse ${uuidv7()}`;
  const { code } = await service.createUser({ email, role, organisation }, 'test');
  await service.setPassword(code.token, password);
  return { email, password, role };
}

/** The `name=value` part of the session cookie the server set. */
export function cookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

export async function signIn(baseUrl: string, account: Pick<TestAccount, 'email' | 'password'>): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return cookieFrom(response);
}

export interface TestDevice {
  id: string;
  privateKey: DeviceSigningKey;
  publicKey: string;
}

/** A P-256 key pair as the field app makes it: the private half non-extractable. */
export async function deviceKeys(): Promise<{ privateKey: DeviceSigningKey; publicKey: string }> {
  const pair = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
  return { privateKey: pair.privateKey, publicKey: toBase64Url(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey))) };
}

/** Enrols a new key for the signed-in responder whose cookie this is. */
export async function enrolDevice(baseUrl: string, cookie: string, label = 'Test phone'): Promise<TestDevice> {
  const keys = await deviceKeys();
  const response = await fetch(`${baseUrl}/api/v1/devices`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ publicKey: keys.publicKey, label }),
  });
  if (response.status !== 201) throw new Error(`enrolment failed: ${response.status} ${await response.text()}`);
  const { deviceId } = (await response.json()) as { deviceId: string };
  return { id: deviceId, ...keys };
}

export interface SignedRequestOptions {
  body?: string | Uint8Array<ArrayBuffer>;
  now?: Date;
  nonce?: string;
  headers?: Record<string, string>;
  /** Signs with this key instead of the device's own (a forgery). */
  key?: DeviceSigningKey;
}

/** A request signed as the field app will sign it, over exactly the body it sends. */
export async function signedFetch(baseUrl: string, device: TestDevice, method: string, target: string, options: SignedRequestOptions = {}): Promise<Response> {
  const signature = await signRequest(options.key ?? device.privateKey, { deviceId: device.id, method, target, body: options.body }, options.now ?? new Date(), options.nonce);
  return fetch(`${baseUrl}${target}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...signature, ...options.headers },
    body: options.body,
  });
}
