import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';

describe('server configuration: which database', () => {
  it('uses the embedded SQLite file when DATABASE_URL is absent', () => {
    expect(readConfig({ DATA_DIR: 'var' }, '/srv/nrm').database).toEqual({ kind: 'sqlite', file: '/srv/nrm/var/nrm-field.sqlite' });
    expect(readConfig({ DATABASE_URL: '' }, '/srv/nrm').database.kind).toBe('sqlite');
  });

  it('uses PostgreSQL for a postgres:// URL, in the public schema with ten connections unless told otherwise', () => {
    expect(readConfig({ DATABASE_URL: 'postgres://nrm@db:5432/nrm' }, '/').database).toEqual({
      kind: 'postgres',
      url: 'postgres://nrm@db:5432/nrm',
      schema: 'public',
      poolMax: 10,
    });
    expect(readConfig({ DATABASE_URL: 'postgresql://db/nrm', DATABASE_SCHEMA: 'nrm_field', DATABASE_POOL_MAX: '4' }, '/').database).toMatchObject({
      schema: 'nrm_field',
      poolMax: 4,
    });
  });

  it('refuses a URL for another database, a schema name that needs quoting, and a pool of no connections', () => {
    expect(() => readConfig({ DATABASE_URL: 'mysql://db/nrm' }, '/')).toThrow(/postgres:\/\//);
    expect(() => readConfig({ DATABASE_URL: 'postgres://db/nrm', DATABASE_SCHEMA: 'NRM; drop' }, '/')).toThrow(/DATABASE_SCHEMA/);
    expect(() => readConfig({ DATABASE_URL: 'postgres://db/nrm', DATABASE_POOL_MAX: '0' }, '/')).toThrow(/DATABASE_POOL_MAX/);
  });
});
