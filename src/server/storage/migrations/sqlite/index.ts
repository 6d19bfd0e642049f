import type { Migration } from 'kysely';
import * as referrals from './0001-referrals.ts';

/** Append-only: a new migration gets the next number; a released one is never edited. */
export const sqliteMigrations: Record<string, Migration> = {
  '0001-referrals': referrals,
};
