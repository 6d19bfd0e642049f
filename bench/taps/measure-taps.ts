import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { budgets } from '../budgets.ts';
import type { Figure } from '../lib/figure.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';

interface Counts {
  taps: number;
  keystrokes: number;
  screens: number;
}

interface TapWalk {
  outreach: Counts & { checkScreens: number };
  raidEncounter: Counts;
  raidReferral: Counts & { responderKeystrokes: number };
  anonymous: Counts;
}

/** What issue 16 started from, measured on the app before it: the baseline each figure is read against. */
const BEFORE = { raidReferralTaps: 120, outreachTaps: 141 };

/**
 * The responder's journeys in taps (issue 16): walks tests/e2e/tap-walk.test.ts in Chromium against a
 * fresh build (the e2e suite serves a copy of dist/, so the build goes there, as `npm run test:e2e` does)
 * and reads the counts it writes. A count is the same on any machine, so one walk is enough.
 */
export function measureTaps(): Figure[] {
  const dir = mkdtempSync(join(tmpdir(), 'nrm-bench-taps-'));
  const out = join(dir, 'tap-walk.json');
  try {
    const run = (args: string[], env: NodeJS.ProcessEnv = process.env) => execFileSync('npx', args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    run(['vite', 'build']);
    run(['vitest', 'run', '-c', 'vitest.e2e.config.ts', 'tests/e2e/tap-walk.test.ts'], { ...process.env, TAP_WALK_OUT: out });
    const walk = JSON.parse(readFileSync(out, 'utf8')) as TapWalk;
    const journey = (key: string, label: string, counts: Counts): Figure[] => [
      { name: `taps.${key}.keystrokes`, label: `${label}: keystrokes`, value: counts.keystrokes, unit: 'count', budget: null, baseline: null },
      { name: `taps.${key}.screens`, label: `${label}: screens`, value: counts.screens, unit: 'count', budget: null, baseline: null },
    ];
    return [
      { name: 'taps.raid-referral.taps', label: 'Taps: a raid’s full adult referral, after the encounter', value: walk.raidReferral.taps, unit: 'count', budget: budgets.raidReferralTaps, baseline: BEFORE.raidReferralTaps, baselineLabel: 'before issue 16' },
      ...journey('raid-referral', 'Raid referral', walk.raidReferral),
      { name: 'taps.raid-referral.responder-keystrokes', label: 'Raid referral: keystrokes on the responder’s own details', value: walk.raidReferral.responderKeystrokes, unit: 'count', budget: budgets.responderKeystrokesAfterFirst, baseline: null },
      { name: 'taps.outreach.taps', label: 'Taps: an outreach adult referral with an interpreter and a photo (the first)', value: walk.outreach.taps, unit: 'count', budget: budgets.outreachTaps, baseline: BEFORE.outreachTaps, baselineLabel: 'before issue 16' },
      ...journey('outreach', 'Outreach referral', walk.outreach),
      { name: 'taps.check-screens', label: '"Accept and send": screens from the top of check your answers (360 × 740)', value: walk.outreach.checkScreens, unit: 'count', budget: budgets.checkScreensToSend, baseline: null },
      { name: 'taps.raid-encounter.taps', label: 'Taps: a raid encounter and three quick captures', value: walk.raidEncounter.taps, unit: 'count', budget: null, baseline: null },
      { name: 'taps.anonymous.taps', label: 'Taps: an anonymous Duty to Notify report', value: walk.anonymous.taps, unit: 'count', budget: null, baseline: null },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
