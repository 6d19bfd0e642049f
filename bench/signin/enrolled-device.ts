import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { RunningServer } from '../../tests/support/server-process.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { DEVICE_KEY_ALGORITHM, type DeviceSigningKey } from '../../src/shared/device-signature.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';

const run = promisify(execFile);

export interface BenchDevice {
  id: string;
  privateKey: DeviceSigningKey;
}

async function post(url: string, body: unknown, cookie = ''): Promise<Response> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response;
}

/**
 * A responder made as an operator makes one (`npm run admin`, then the printed code), signed in, with
 * `count` devices enrolled: what sends referrals to a server that requires signatures. Its password
 * hashes at the server's real cost. `databaseEnv` points the admin command at the server's PostgreSQL
 * (DATABASE_URL, DATABASE_SCHEMA); without it, at the server's SQLite file.
 */
export async function enrolBenchDevices(server: RunningServer, count: number, databaseEnv: Record<string, string> = {}): Promise<BenchDevice[]> {
  const { DATABASE_URL: _inherited, ...env } = process.env;
  const admin = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/server/admin-cli.ts', ...args], { cwd: PROJECT_ROOT, env: { ...env, DATA_DIR: server.dataDir, ...databaseEnv } });
  await admin('create-organisation', 'Bench Constabulary');
  const email = 'bench.responder@example.org';
  const created = await admin('create-user', '--email', email, '--role', 'responder', '--organisation', 'Bench Constabulary');
  const token = /^ {2}([A-Za-z0-9_-]{43})$/m.exec(created.stdout)?.[1];
  if (!token) throw new Error(`npm run admin printed no code:\n${created.stdout}`);
  const password = 'a bench passphrase of some length';
  await post(`${server.baseUrl}/api/v1/password`, { token, password });
  const cookie = ((await post(`${server.baseUrl}/api/v1/session`, { email, password })).headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const devices: BenchDevice[] = [];
  for (let i = 0; i < count; i += 1) {
    const pair = await crypto.subtle.generateKey(DEVICE_KEY_ALGORITHM, false, ['sign', 'verify']);
    const publicKey = toBase64Url(new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey)));
    const { deviceId } = (await (await post(`${server.baseUrl}/api/v1/devices`, { publicKey, label: `Bench phone ${i + 1}` }, cookie)).json()) as { deviceId: string };
    devices.push({ id: deviceId, privateKey: pair.privateKey });
  }
  return devices;
}

/** One enrolled device (see enrolBenchDevices). */
export async function enrolBenchDevice(server: RunningServer): Promise<BenchDevice> {
  const [device] = await enrolBenchDevices(server, 1);
  if (!device) throw new Error('No device was enrolled');
  return device;
}
