/**
 * The deepest nesting of arrays and objects the service reads. Its own bodies nest at most four deep
 * (an evidence manifest's chunk list); JSON.parse of 1 MiB of `[[[…` holds the event loop for a quarter
 * of a second, so deeper bodies are refused before they are parsed.
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON (its UTF-8 bytes) nests arrays and objects more than `limit` deep, found by one pass
 * over the bytes that skips strings, without parsing: about 2 ms a MiB. It stops at the first level
 * too deep. Brackets, quotes and backslashes are ASCII, which never occurs inside a multi-byte character.
 */
export function nestsDeeperThan(json: Uint8Array, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i += 1) {
    const c = json[i];
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth -= 1;
    }
  }
  return false;
}
