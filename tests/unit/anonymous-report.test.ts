import { describe, expect, it } from 'vitest';
import { isAnonymousReport, isSettledAnonymousReport } from '../../src/shared/anonymous-report.ts';

describe('an anonymous Duty to Notify report', () => {
  it('is treated as anonymous from the refusal, but forgets its encounter trail only once co-operation is refused too', () => {
    const refused = { underAge: 'no', consent: 'no' };
    expect(isAnonymousReport(refused)).toBe(true);
    expect(isSettledAnonymousReport(refused)).toBe(false);
    expect(isSettledAnonymousReport({ ...refused, cooperation: 'no' })).toBe(true);
    expect(isAnonymousReport({ ...refused, cooperation: 'yes' })).toBe(false);
    expect(isSettledAnonymousReport({ ...refused, cooperation: 'yes' })).toBe(false);
    expect(isSettledAnonymousReport({ underAge: 'yes', consent: 'no', cooperation: 'no' })).toBe(false);
  });
});
