import { describe, expect, it } from 'vitest';
import { suppressColumn } from '../../src/server/services/figures/suppression.ts';
import { deriveStatistics } from '../../src/shared/figures/derive-statistics.ts';
import { bandOf, encounterOf, encounterSizeBands, placeRecurrenceBands, placesOf } from '../../src/shared/figures/encounters-and-places.ts';
import { statisticalRecordSchema } from '../../src/shared/figures/statistical-record.ts';

const ENCOUNTER = '0b7c7f5e-3c1a-4f7e-9a51-2d7c1f9b6a10';
const FAMILY = '5d1e0c2b-8a7f-4b3e-9c6d-1a2b3c4d5e6f';

describe('encounters and places in the statistical record', () => {
  it('keeps the encounter a referral was made at, and none for an anonymous Duty to Notify report', () => {
    expect(encounterOf({ encounterId: ENCOUNTER, family: [FAMILY] }, { path: 'adult-nrm', underAge: 'no', consent: 'yes' })).toBe(ENCOUNTER);
    expect(encounterOf({ encounterId: ENCOUNTER }, { path: 'dtn', underAge: 'no', consent: 'no', cooperation: 'yes' })).toBe(ENCOUNTER);
    expect(encounterOf({ encounterId: ENCOUNTER }, { path: 'dtn', underAge: 'no', consent: 'no', cooperation: 'no' })).toBeNull();
    expect(encounterOf(undefined, { path: 'adult-nrm' })).toBeNull();
  });

  it('keeps the UK towns chosen from the list, each once, without “Unknown”, and none when it happened only overseas', () => {
    expect(placesOf({ whereExploited: 'uk', ukTowns: ['Leeds', 'Bradford', 'Leeds', 'Unknown'], ukOtherLocation: 'A car wash on Hyde Street' })).toEqual(['Leeds', 'Bradford']);
    expect(placesOf({ whereExploited: 'uk-and-overseas', ukTowns: ['Unknown'] })).toEqual([]);
    expect(placesOf({ whereExploited: 'overseas', ukTowns: ['Leeds'], countries: ['Albania'] })).toEqual([]);
    expect(placesOf({})).toEqual([]);
  });

  it('puts both in the record, which never carries the family, a street or a name', () => {
    const answers = { path: 'adult-nrm', underAge: 'no', childAtTime: 'no', whereExploited: 'uk', ukTowns: ['Leeds'], ukOtherLocation: 'Flat 2, 14 Hyde Street', firstName: 'Anh' };
    const record = statisticalRecordSchema.parse(deriveStatistics({ id: 'r1', path: 'adult-nrm', answers, ageNotSure: false, receivedAt: '2026-03-02T10:00:00.000Z', links: { encounterId: ENCOUNTER, family: [FAMILY] } }));
    expect([record.encounterId, record.places]).toEqual([ENCOUNTER, ['Leeds']]);
    expect(JSON.stringify(record)).not.toMatch(new RegExp(`${FAMILY}|Hyde|Anh`));
  });

  it('bands encounter sizes as 1, 2, 3 to 5 and 6 or more, and places as named once, 2 to 4 times and 5 or more', () => {
    expect([1, 2, 3, 5, 6, 40].map((n) => bandOf(encounterSizeBands, n)?.key)).toEqual(['1', '2', '3-5', '3-5', '6-or-more', '6-or-more']);
    expect([0, 1, 2, 4, 5, 99].map((n) => bandOf(placeRecurrenceBands, n)?.key)).toEqual([undefined, '1', '2-4', '2-4', '5-or-more', '5-or-more']);
  });
});

describe('suppression of a single column with its total', () => {
  it('hides the counts below the threshold, and one more when a lone hidden count could be worked out from the total', () => {
    expect(suppressColumn([12, 3, 40, 55], 5)).toEqual([true, true, false, false]);
    expect(suppressColumn([2, 3, 40, 45], 5)).toEqual([true, true, false, false]);
    expect(suppressColumn([0, 3, 40, 43], 5)).toEqual([false, true, true, false]);
    expect(suppressColumn([0, 3, 0, 3], 5)).toEqual([true, true, false, false]);
    expect(suppressColumn([3, 3], 5)).toEqual([true, true]);
    expect(suppressColumn([12, 40, 52], 5)).toEqual([false, false, false]);
    expect(suppressColumn([12, 3, 40, 55], 0)).toEqual([false, false, false, false]);
  });

  it('never leaves exactly one hidden count among those the total adds up', () => {
    for (let a = 0; a < 8; a += 1) {
      for (let b = 0; b < 8; b += 1) {
        for (let c = 0; c < 8; c += 1) {
          const hidden = suppressColumn([a, b, c, a + b + c], 5);
          const hiddenDetails = hidden.slice(0, 3).filter(Boolean).length;
          expect(hiddenDetails === 1 && !hidden[3], `${a} ${b} ${c}`).toBe(false);
          [a, b, c].forEach((value, i) => expect(value > 0 && value < 5 ? hidden[i] : true, `${a} ${b} ${c}`).toBe(true));
        }
      }
    }
  });
});
