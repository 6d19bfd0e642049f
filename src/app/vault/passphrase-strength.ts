/** Minimum passphrase length; a deployment may raise it at build time (VITE_MIN_PASSPHRASE_LENGTH). */
export const MIN_PASSPHRASE_LENGTH = Math.max(8, Number(import.meta.env.VITE_MIN_PASSPHRASE_LENGTH ?? 8) || 8);

/**
 * A rough hint, not a guarantee: length counts most, then mixing kinds of character. A long phrase of
 * ordinary words rates strong, which is the advice we give.
 */
export function passphraseStrength(passphrase: string): 'weak' | 'fair' | 'strong' {
  const kinds = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((kind) => kind.test(passphrase)).length;
  const distinct = new Set(passphrase).size;
  if (passphrase.length >= 16 && distinct >= 8) return 'strong';
  if (passphrase.length >= 12 && kinds >= 2 && distinct >= 6) return 'fair';
  if (passphrase.length >= 10 && kinds >= 3 && distinct >= 7) return 'fair';
  return 'weak';
}
