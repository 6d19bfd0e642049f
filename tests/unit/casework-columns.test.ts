import { describe, expect, it } from 'vitest';
import { openCase, type CaseState } from '../../src/shared/casework/machine.ts';
import { normaliseReference } from '../../src/server/services/casework-queue.ts';
import { ageGroupOf, dueOf } from '../../src/server/storage/case-columns.ts';

const received = openCase('adult-nrm', '2026-03-02');
const recovering: CaseState = { ...received, stage: 'cg-pending', rg: { outcome: 'positive', on: '2026-03-04', by: 'cw' }, cgNotBefore: '2026-04-03' };

describe('the date the queue sorts a case by', () => {
  it('is the reasonable grounds target while that decision is open, a hold counting as the stage it interrupted', () => {
    expect(dueOf(received)).toEqual({ dueOn: '2026-03-09', dueKind: 'rg-due' });
    expect(dueOf({ ...received, stage: 'rg-negative-proposed' })).toEqual({ dueOn: '2026-03-09', dueKind: 'rg-due' });
    expect(dueOf({ ...received, stage: 'more-information', resumeStage: 'rg-pending', heldSince: '2026-03-03' })).toEqual({ dueOn: '2026-03-09', dueKind: 'rg-due' });
  });

  it('is the first day conclusive grounds may be decided during the recovery period, and nothing once a decision is served', () => {
    expect(dueOf(recovering)).toEqual({ dueOn: '2026-04-03', dueKind: 'cg-not-before' });
    expect(dueOf({ ...recovering, stage: 'suspended', resumeStage: 'cg-pending' })).toEqual({ dueOn: '2026-04-03', dueKind: 'cg-not-before' });
    for (const stage of ['cg-negative-proposed', 'cg-panel', 'cg-positive', 'cg-negative', 'rg-negative', 'reconsideration', 'withdrawn'] as const) {
      expect(dueOf({ ...recovering, stage })).toEqual({ dueOn: null, dueKind: null });
    }
  });
});

describe('the age group the queue shows', () => {
  it('follows the path, and says "not known" when the responder was not sure', () => {
    expect([ageGroupOf('child'), ageGroupOf('child', true), ageGroupOf('adult-nrm')]).toEqual(['under-18', 'not-known', '18-or-over']);
  });
});

describe('a reference typed into the search', () => {
  it('is found however it was typed', () => {
    for (const typed of ['NRM-7K3F-9Q', 'nrm-7k3f-9q', 'nrm 7k3f 9q', '7K3F9Q', '7k3f-9q', ' NRM7K3F9Q ']) expect(normaliseReference(typed.trim())).toBe('NRM-7K3F-9Q');
  });

  it('is nothing when it cannot be a reference (look-alike letters, wrong length)', () => {
    for (const typed of ['NRM-7K3F-9', 'NRM-7K3F-9QQ', 'NRM-0K3F-9Q', 'Arben Hoxha', '']) expect(normaliseReference(typed)).toBeUndefined();
  });
});
