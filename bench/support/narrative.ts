import { NARRATIVE_MAX } from '../../src/shared/referral.ts';

const WORDS = ['he', 'she', 'was', 'told', 'the', 'work', 'paid', 'passport', 'kept', 'by', 'boss', 'house', 'van', 'each', 'morning',
  'debt', 'owed', 'travel', 'could', 'not', 'leave', 'phone', 'taken', 'slept', 'in', 'room', 'with', 'six', 'others', 'car', 'wash',
  'farm', 'hours', 'threatened', 'family', 'home', 'money', 'sent', 'never', 'arrived', 'and', 'a', 'of', 'to', 'for', 'no'];

/**
 * A narrative of exactly `length` characters (the longest the form allows by default), made of words
 * so it looks like text to anything that compresses it. `seed` varies it so no two saves are equal.
 */
export function narrative(seed: number, length: number = NARRATIVE_MAX): string {
  let state = (seed * 2654435761) >>> 0;
  const parts: string[] = [`${seed}.`];
  let size = parts[0]?.length ?? 0;
  while (size < length) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const word = WORDS[state % WORDS.length] as string;
    parts.push(word);
    size += word.length + 1;
  }
  return parts.join(' ').slice(0, length);
}
