import { z } from 'zod/mini';
import { canonicalRequest, DEVICE_SIGNATURE_HEADERS } from '../../shared/device-signature.ts';
import { chunkAad, evidenceAad, evidenceManifestSchema, EVIDENCE_FORMAT } from '../../shared/evidence.ts';
import { CHUNK_BYTES, IV_BYTES, TAG_BYTES } from '../../shared/evidence-limits.ts';
import { MAX_JSON_DEPTH } from '../../shared/json-depth.ts';
import { referralSchema } from '../../shared/referral.ts';
import { PREVIOUS_SCHEMA_VERSION, PREVIOUS_SCHEMA_VERSION_ENDS, SCHEMA_VERSION } from '../../shared/schema-version.ts';
import { INTAKE_SUITE, sealingAad } from '../../shared/sealing.ts';
import { EARLIEST_SUBMISSION, MAX_AHEAD_MS } from '../../shared/submission-time.ts';
import { referralV2Schema } from '../../shared/versions/v2.ts';

// Each string below is made by the very function the app and the server use, from placeholders, so it cannot drift.
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const referralAad = text(sealingAad('{id}', SCHEMA_VERSION)).replace(`v${SCHEMA_VERSION}`, 'v{schemaVersion}');
const manifestAad = text(evidenceAad('{referralId}'));
const chunkAadText = text(chunkAad('{fileId}', 0)).replace(/ 0$/, ' {index}');
const canonicalText = canonicalRequest({ method: '{METHOD}', target: '{path and query}', deviceId: '{deviceId}', timestamp: '{timestamp}', nonce: '{nonce}', bodySha256: '{bodySha256}' });

const plaintextSchema = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });

/** The plaintexts that travel sealed, as JSON Schemas made from the shared zod schemas the server checks them with. */
export const sealedPlaintextSchemas = {
  SealedReferral: { ...plaintextSchema(referralSchema), description: `What envelope.ct holds for schemaVersion ${SCHEMA_VERSION}, as UTF-8 JSON. The server also walks the form: every page the answers visit is answered and no other answer is present.` },
  SealedReferralV2: { ...plaintextSchema(referralV2Schema), description: `What envelope.ct holds for schemaVersion ${PREVIOUS_SCHEMA_VERSION} (accepted from enrolled devices until ${PREVIOUS_SCHEMA_VERSION_ENDS}).` },
  EvidenceManifest: { ...plaintextSchema(evidenceManifestSchema), description: 'What envelope.evidence.ct holds, as UTF-8 JSON, when files are attached.' },
};

/** How a body is sealed and a request signed, precisely enough to write another client (docs/protocol.md says the same at length). */
export const sealingExtension = {
  encodings: 'Binary values in JSON and headers are base64url without padding (RFC 4648 §5). SHA-256 digests that name content are lower-case hex; the body hash in a signature is base64url. Times are ISO 8601 with an offset; the signature timestamp is milliseconds since the Unix epoch, in decimal. Ids are UUIDs in lower case.',
  intakeKey: 'GET /api/v1/intake-key: publicKey is the HPKE serialisation of a P-256 public key (the 65-byte uncompressed SEC1 point 0x04‖x‖y), base64url; its keyId goes into envelope.keyId.',
  hpke: { rfc: 'RFC 9180', mode: 'base, single-shot', suite: INTAKE_SUITE, kem: '0x0010', kdf: '0x0001', aead: '0x0002', info: '(empty)' },
  referral: {
    aad: referralAad,
    aadExample: text(sealingAad('0193c7e2-5b1a-7c3d-9e8f-1234567890ab', SCHEMA_VERSION)),
    plaintext: `UTF-8 JSON of the referral: #/components/schemas/SealedReferral (schemaVersion ${SCHEMA_VERSION}) or SealedReferralV2; at most ${MAX_JSON_DEPTH} levels deep`,
    envelope: `{ format: "hpke", keyId, enc: the encapsulated key (65 bytes), ct: ciphertext and tag } — enc and ct base64url`,
  },
  evidenceManifest: {
    aad: manifestAad,
    plaintext: `UTF-8 JSON: #/components/schemas/EvidenceManifest (format ${EVIDENCE_FORMAT}); sealed to the same key as the referral, into envelope.evidence { enc, ct }`,
  },
  evidenceChunk: {
    cipher: "AES-256-GCM under the file's own random 256-bit key (the manifest's `key`, base64url)",
    layout: `iv (${IV_BYTES} random bytes) ‖ ciphertext ‖ tag (${TAG_BYTES} bytes); plaintext chunks of ${CHUNK_BYTES} bytes, the last shorter`,
    aad: chunkAadText,
    name: "the SHA-256 (hex) of the sealed bytes, in the manifest's `chunks` and the NRM-Chunk-SHA256 header",
  },
  signing: {
    headers: Object.values(DEVICE_SIGNATURE_HEADERS),
    canonicalRequest: canonicalText,
    signature: 'ECDSA P-256 / SHA-256 over the UTF-8 bytes of the canonical request, IEEE P1363 (r‖s, 64 bytes), base64url',
    bodySha256: 'base64url of the SHA-256 of the body bytes exactly as sent (of no bytes when there is no body)',
  },
  window: `submittedAt and the time in the UUIDv7 id must be after ${EARLIEST_SUBMISSION} and at most ${MAX_AHEAD_MS / 3_600_000} hours ahead of the server's clock`,
};

export const sealingSummary = [
  `Referrals are sealed on the device with HPKE (${INTAKE_SUITE}, base mode, empty info) to the key of GET /api/v1/intake-key, with the UTF-8 bytes of \`${referralAad}\` as additional data;`,
  `the evidence manifest the same way with \`${manifestAad}\`; evidence chunks with AES-256-GCM and \`${chunkAadText}\`.`,
  'Binary values are base64url without padding. Sync requests are signed by an enrolled device (see x-nrm-sealing.signing).',
  'The details, with the plaintext schemas, are in x-nrm-sealing and components.schemas.',
].join(' ');
