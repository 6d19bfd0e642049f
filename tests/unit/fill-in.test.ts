import { describe, expect, it } from 'vitest';
import { fillIn } from '../../src/shared/form/fill-in.ts';
import { pageById } from '../../src/shared/form/journey.ts';

const rule = pageById('current-location')?.fields.find((def) => def.name === 'currentTown')?.fillsIn;

describe('a town fills in its region', () => {
  it('is the rule of the page where they are staying now', () => {
    expect(rule?.field).toBe('currentRegion');
  });

  it('fills a blank region, and follows the town while the region is still the one it filled in', () => {
    if (!rule) throw new Error('no rule');
    expect(fillIn(rule, '', 'Leeds', undefined)).toBe('West Yorkshire');
    expect(fillIn(rule, 'Leeds', 'Sheffield', 'West Yorkshire')).toBe('South Yorkshire');
    // A town it does not know takes back the guess it made for the one before, rather than leave it wrong.
    expect(fillIn(rule, 'Leeds', 'Otley', 'West Yorkshire')).toBe('');
    expect(fillIn(rule, '', 'Otley', undefined)).toBeUndefined();
  });

  it('never changes a region the responder chose', () => {
    if (!rule) throw new Error('no rule');
    expect(fillIn(rule, '', 'Leeds', 'North Yorkshire')).toBeUndefined();
    expect(fillIn(rule, 'Leeds', 'Sheffield', 'North Yorkshire')).toBeUndefined();
  });
});
