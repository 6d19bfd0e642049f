import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { postgresMigrations } from '../../src/server/storage/migrations/postgres/index.ts';
import { sqliteMigrations } from '../../src/server/storage/migrations/sqlite/index.ts';

const folder = (dialect: string) => fileURLToPath(new URL(`../../src/server/storage/migrations/${dialect}/`, import.meta.url));

/** Migration files in a folder, by name without `.ts`, in the order Kysely applies them (by name). */
function filesIn(dialect: string): string[] {
  return readdirSync(folder(dialect))
    .filter((file) => file !== 'index.ts')
    .map((file) => file.replace(/\.ts$/, ''))
    .sort();
}

describe('paired migrations', () => {
  it('has the same migration names, in the same order, for SQLite and PostgreSQL', () => {
    expect(Object.keys(postgresMigrations)).toEqual(Object.keys(sqliteMigrations));
  });

  it('lists every file of each folder in its index, in order', () => {
    expect(Object.keys(sqliteMigrations)).toEqual(filesIn('sqlite'));
    expect(Object.keys(postgresMigrations)).toEqual(filesIn('postgres'));
  });

  it('numbers the migrations 0001, 0002, … without gaps', () => {
    const numbers = Object.keys(sqliteMigrations).map((name) => name.slice(0, 5));
    expect(numbers).toEqual(numbers.map((_, i) => `${String(i + 1).padStart(4, '0')}-`));
  });
});
