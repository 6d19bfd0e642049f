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

describe('server configuration: accounts and devices', () => {
  it('requires device signatures, sets Secure cookies by the request, and trusts no proxy unless told', () => {
    expect(readConfig({}, '/')).toMatchObject({ allowUnsignedFromLoopback: false, secureCookies: 'auto', trustProxy: false, publicUrl: 'http://localhost:8080' });
    // Deployments that set it before it became the default keep starting.
    expect(readConfig({ REQUIRE_DEVICE_SIGNATURES: 'true' }, '/').allowUnsignedFromLoopback).toBe(false);
  });

  it('allows unsigned requests only as a try-out on loopback, and says what to do otherwise', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(readConfig({ ALLOW_UNSIGNED_FROM_LOOPBACK: 'true', HOST: host }, '/').allowUnsignedFromLoopback).toBe(true);
    expect(() => readConfig({ ALLOW_UNSIGNED_FROM_LOOPBACK: 'true', HOST: '0.0.0.0' }, '/')).toThrow(/only on loopback: set HOST to 127\.0\.0\.1.*enrol each device/);
    expect(() => readConfig({ REQUIRE_DEVICE_SIGNATURES: 'false' }, '/')).toThrow(/always required.*ALLOW_UNSIGNED_FROM_LOOPBACK=true/);
  });

  it('reads the switches and the public address', () => {
    const config = readConfig({ SECURE_COOKIES: 'always', TRUST_PROXY: '10.0.0.0/8, 127.0.0.1, fd00::/8, loopback', PUBLIC_URL: 'https://nrm.example/' }, '/');
    expect(config).toMatchObject({ secureCookies: 'always', trustProxy: ['10.0.0.0/8', '127.0.0.1', 'fd00::/8', 'loopback'], publicUrl: 'https://nrm.example' });
    const hops = readConfig({ TRUST_PROXY: '1' }, '/').trustProxy;
    expect(typeof hops === 'function' && [hops('10.0.0.1', 0), hops('10.0.0.2', 1)]).toEqual([true, false]);
  });

  it('refuses TRUST_PROXY=true, which believes any client, saying what to write instead', () => {
    expect(() => readConfig({ TRUST_PROXY: 'true' }, '/')).toThrow(/TRUST_PROXY=1 for one load balancer.*10\.0\.0\.0\/8/);
    expect(() => readConfig({ TRUST_PROXY: 'proxy.internal' }, '/')).toThrow(/"proxy\.internal" is none of these/);
    expect(() => readConfig({ TRUST_PROXY: '10.0.0.0/33' }, '/')).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: '0' }, '/')).toThrow(/from 1 to 10/);
  });

  it('suppresses figures below 5 unless the deployment says otherwise (0 turns it off)', () => {
    expect(readConfig({}, '/').figuresThreshold).toBe(5);
    expect(readConfig({ FIGURES_SUPPRESSION_THRESHOLD: '10' }, '/').figuresThreshold).toBe(10);
    expect(readConfig({ FIGURES_SUPPRESSION_THRESHOLD: '0' }, '/').figuresThreshold).toBe(0);
    expect(() => readConfig({ FIGURES_SUPPRESSION_THRESHOLD: '-1' }, '/')).toThrow(/FIGURES_SUPPRESSION_THRESHOLD/);
  });

  it('has per-device quotas, which a deployment may change', () => {
    expect(readConfig({}, '/').deviceQuotas).toEqual({ referralsPerHour: 100, unclaimedEvidenceBytes: 500_000_000 });
    expect(readConfig({ DEVICE_REFERRALS_PER_HOUR: '250', DEVICE_EVIDENCE_QUOTA_MB: '2000' }, '/').deviceQuotas).toEqual({ referralsPerHour: 250, unclaimedEvidenceBytes: 2_000_000_000 });
    expect(() => readConfig({ DEVICE_REFERRALS_PER_HOUR: '0' }, '/')).toThrow(/DEVICE_REFERRALS_PER_HOUR/);
    expect(() => readConfig({ DEVICE_EVIDENCE_QUOTA_MB: 'lots' }, '/')).toThrow(/DEVICE_EVIDENCE_QUOTA_MB/);
  });

  it('reads keys from secrets in the environment, but not from a secret and a file at once', () => {
    expect(readConfig({ INTAKE_KEYRING: '{"keys":[]}', MATCHING_KEY: '{"key":"x"}' }, '/')).toMatchObject({ intakeKeyringSecret: '{"keys":[]}', matchingKeySecret: '{"key":"x"}' });
    expect(readConfig({}, '/').intakeKeyringSecret).toBeUndefined();
    expect(() => readConfig({ INTAKE_KEYRING: '{}', INTAKE_KEY_FILE: '/k.json' }, '/')).toThrow(/INTAKE_KEYRING or INTAKE_KEY_FILE, not both/);
    expect(() => readConfig({ MATCHING_KEY: '{}', MATCHING_KEY_FILE: '/m.json' }, '/')).toThrow(/not both/);
  });

  it('refuses a switch it cannot read', () => {
    expect(() => readConfig({ REQUIRE_DEVICE_SIGNATURES: 'maybe' }, '/')).toThrow(/REQUIRE_DEVICE_SIGNATURES/);
    expect(() => readConfig({ ALLOW_UNSIGNED_FROM_LOOPBACK: 'maybe', HOST: '127.0.0.1' }, '/')).toThrow(/ALLOW_UNSIGNED_FROM_LOOPBACK/);
    expect(() => readConfig({ SECURE_COOKIES: 'never' }, '/')).toThrow(/SECURE_COOKIES/);
  });
});

describe('server configuration: casework', () => {
  it('has the independent review panel off and the clock real unless told, and keeps the matching key beside the intake keyring', () => {
    expect(readConfig({}, '/srv')).toMatchObject({ independentReview: false, testClock: false, matchingKeyFile: '/srv/data/matching-key.json' });
    expect(readConfig({ INTAKE_KEY_FILE: '/secrets/intake.json' }, '/srv').matchingKeyFile).toBe('/secrets/matching-key.json');
    expect(readConfig({ MATCHING_KEY_FILE: 'keys/m.json' }, '/srv').matchingKeyFile).toBe('/srv/keys/m.json');
    expect(readConfig({ INDEPENDENT_REVIEW: 'true' }, '/').independentReview).toBe(true);
  });

  it('moves the clock only on loopback', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1']) expect(readConfig({ TEST_CLOCK: 'true', HOST: host }, '/').testClock).toBe(true);
    expect(() => readConfig({ TEST_CLOCK: 'true', HOST: '0.0.0.0' }, '/')).toThrow(/TEST_CLOCK.*loopback/);
    expect(() => readConfig({ TEST_CLOCK: 'true', HOST: 'nrm.example' }, '/')).toThrow(/HOST/);
    expect(() => readConfig({ INDEPENDENT_REVIEW: 'sometimes' }, '/')).toThrow(/INDEPENDENT_REVIEW/);
  });
});
