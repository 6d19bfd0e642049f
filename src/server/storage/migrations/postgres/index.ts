import type { Migration } from 'kysely';
import * as referrals from './0001-referrals.ts';

/** Append-only and paired with migrations/sqlite/ (same names, same order; a unit test checks). */
export const postgresMigrations: Record<string, Migration> = {
  '0001-referrals': referrals,
};
