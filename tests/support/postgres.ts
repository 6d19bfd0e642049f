import { randomBytes } from 'node:crypto';
import { Client, type QueryResultRow } from 'pg';

/** The machine's PostgreSQL (trust auth on loopback, as .ci/run starts it); TEST_DATABASE_URL points elsewhere. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestSchema {
  url: string;
  /** A fresh, randomly named schema for this run; the code under test creates it (and its tables). */
  schema: string;
  /** Runs SQL with the schema on the search path, for checking what the server really stored. */
  query<Row extends QueryResultRow>(text: string, values?: unknown[]): Promise<Row[]>;
  drop(): Promise<void>;
}

/**
 * Connects to the test PostgreSQL and names a schema no other run uses. Fails — never skips — when the
 * server cannot be reached: the PostgreSQL adapter is only proven if these tests actually run.
 */
export async function freshTestSchema(): Promise<TestSchema> {
  const schema = `nrm_test_${randomBytes(6).toString('hex')}`;
  const client = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is not reachable at ${TEST_DATABASE_URL} (${(error as Error).message}). The PostgreSQL tests do not skip: ` +
        'start it (e.g. `pg_ctlcluster 15 main start`, which .ci/run does) or set TEST_DATABASE_URL.',
      { cause: error },
    );
  }
  await client.query(`set search_path to ${schema}`);
  return {
    url: TEST_DATABASE_URL,
    schema,
    async query(text, values) {
      return (await client.query(text, values)).rows;
    },
    async drop() {
      try {
        await client.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await client.end();
      }
    },
  };
}
