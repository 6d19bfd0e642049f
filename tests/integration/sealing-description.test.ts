import { Aes256Gcm, CipherSuite, DhkemP256HkdfSha256, HkdfSha256 } from '@hpke/core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, enrolDevice, signIn, type TestDevice } from '../support/accounts.ts';
import { validReferral } from '../support/fixtures.ts';
import { startLoopbackServer, type LoopbackServer } from '../support/in-process-server.ts';

interface SealingDescription {
  encodings: string;
  hpke: { suite: string; kem: string; kdf: string; aead: string; info: string };
  referral: { aad: string; plaintext: string };
  evidenceManifest: { aad: string };
  evidenceChunk: { aad: string; layout: string };
  signing: { headers: string[]; canonicalRequest: string; signature: string };
}

const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
const fill = (template: string, values: Record<string, string>) => template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);

let server: LoopbackServer;
let device: TestDevice;
beforeAll(async () => {
  server = await startLoopbackServer();
  device = await enrolDevice(server.baseUrl, await signIn(server.baseUrl, await createAccount(server, 'responder')));
});
afterAll(async () => {
  await server.close();
});

describe('the sealing, as the OpenAPI document describes it', () => {
  it('names the suite, every additional-data string, the plaintexts and the encodings', async () => {
    const document = (await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { info: { description: string }; 'x-nrm-sealing': SealingDescription; components: { schemas: Record<string, { oneOf?: unknown[] }> } };
    const sealing = document['x-nrm-sealing'];
    expect(sealing.hpke).toMatchObject({ kem: '0x0010', kdf: '0x0001', aead: '0x0002', suite: 'DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM' });
    expect(sealing.referral.aad).toBe('nrm-field referral v{schemaVersion} {id}');
    expect(sealing.evidenceManifest.aad).toBe('nrm-field evidence v1 {referralId}');
    expect(sealing.evidenceChunk.aad).toBe('nrm-field evidence chunk v1 {fileId} {index}');
    expect(sealing.evidenceChunk.layout).toMatch(/iv \(12 random bytes\) ‖ ciphertext ‖ tag \(16 bytes\)/);
    expect(sealing.encodings).toMatch(/base64url without padding/);
    expect(document.components.schemas.SealedReferral?.oneOf).toHaveLength(3);
    expect(Object.keys(document.components.schemas)).toEqual(['SealedReferral', 'SealedReferralV2', 'EvidenceManifest']);
    expect(document.info.description).toContain('nrm-field referral v{schemaVersion} {id}');
  });

  it('is enough for a client written from it alone: sealed and signed by that description, the referral is received', async () => {
    const sealing = ((await (await fetch(`${server.baseUrl}/api/openapi.json`)).json()) as { 'x-nrm-sealing': SealingDescription })['x-nrm-sealing'];
    const intakeKey = (await (await fetch(`${server.baseUrl}/api/v1/intake-key`)).json()) as { keyId: string; publicKey: string };

    // Sealing, with the HPKE library directly and the strings from the document.
    const suite = new CipherSuite({ kem: new DhkemP256HkdfSha256(), kdf: new HkdfSha256(), aead: new Aes256Gcm() });
    const id = uuidv7();
    const schemaVersion = 3;
    const aad = new TextEncoder().encode(fill(sealing.referral.aad, { schemaVersion: String(schemaVersion), id }));
    const recipientPublicKey = await suite.kem.deserializePublicKey(new Uint8Array(Buffer.from(intakeKey.publicKey, 'base64url')).buffer);
    const plaintext = new TextEncoder().encode(JSON.stringify(validReferral('child')));
    const { enc, ct } = await suite.seal({ recipientPublicKey }, plaintext.buffer, aad.buffer);
    const body = JSON.stringify({ id, schemaVersion, submittedAt: new Date().toISOString(), envelope: { format: 'hpke', keyId: intakeKey.keyId, enc: b64url(enc), ct: b64url(ct) } });

    // Signing, from the canonical request the document spells out.
    const path = '/api/v1/referrals';
    const timestamp = String(Date.now());
    const nonce = b64url(crypto.getRandomValues(new Uint8Array(18)));
    const bodySha256 = b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)));
    const canonical = fill(sealing.signing.canonicalRequest, { METHOD: 'POST', 'path and query': path, deviceId: device.id, timestamp, nonce, bodySha256 });
    const signature = b64url(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, device.privateKey, new TextEncoder().encode(canonical)));
    const [deviceHeader = '', timestampHeader = '', nonceHeader = '', signatureHeader = ''] = sealing.signing.headers;

    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [deviceHeader]: device.id, [timestampHeader]: timestamp, [nonceHeader]: nonce, [signatureHeader]: signature },
      body,
    });
    expect(response.status).toBe(201);
    expect((await server.referrals.findById(id))?.path).toBe('child');
  });
});
