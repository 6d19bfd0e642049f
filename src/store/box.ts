/** A value encrypted at rest with the device's data key (AES-GCM-256). */
export interface Boxed {
  iv: Uint8Array<ArrayBuffer>;
  data: ArrayBuffer;
}

/**
 * `context` (for example "draft:<id>") is bound in as additional data, so a ciphertext copied into
 * another record does not decrypt there.
 */
export async function box(key: CryptoKey, value: unknown, context: string): Promise<Boxed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(value));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) }, key, plaintext);
  return { iv, data };
}

export async function unbox<T>(key: CryptoKey, boxed: Boxed, context: string): Promise<T> {
  const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: boxed.iv, additionalData: new TextEncoder().encode(context) }, key, boxed.data);
  return JSON.parse(new TextDecoder().decode(plaintext)) as T;
}
