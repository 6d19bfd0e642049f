import type { Answers } from '../../src/shared/form/model.ts';
import { checkQuality } from '../../src/shared/quality/check.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { examples } from '../../tests/support/referral-examples.ts';
import { budgets } from '../budgets.ts';
import type { Figure } from '../lib/figure.ts';
import { percentile, summarise } from '../lib/stats.ts';

const WORDS = ('he she they worked washed cars every day night boss debt owed money passport kept locked room house farm factory paid never ' +
  'threatened family home beaten told would hurt phone taken van drove early morning late evening sister brother cousin cannabis ' +
  'cleaned cooked children hours week month winter summer travelled lorry coach ferry border documents papers bank card account').split(' ');
const ACCOUNT_CHARS = 15_000;
const FIELDS = ['howStarted', 'journeyDetails', 'requiredToDo', 'livingConditions', 'treatment'] as const;
const CHECKS = 40;
const ROUNDS = 5;

/** About `chars` characters of sentences drawn from a small vocabulary: as long as the form allows, in plausible words. */
function prose(random: () => number, chars: number): string {
  let out = '';
  while (out.length < chars) {
    const length = 6 + Math.floor(random() * 14);
    const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'and');
    out += `${words.join(' ').replace(/^./, (first) => first.toUpperCase())}. `;
  }
  return out.slice(0, chars);
}

function referralOf(random: () => number): Answers {
  const account = Object.fromEntries(FIELDS.map((name) => [name, prose(random, ACCOUNT_CHARS / FIELDS.length)]));
  return { ...examples['adult-nrm'], ...account, exploitationTypes: ['forced-to-work', 'wages-taken', 'forced-to-commit-crime', 'unpaid-household-work'] };
}

/**
 * The referral-quality check (src/shared/quality/check.ts) on a 15,000-character account with three
 * other people of the same encounter to compare against, as check your answers runs it. Measured in
 * Node (the V8 of Chromium) on this machine; a cheap phone is several times slower, which the budget allows for.
 */
export async function measureQuality(): Promise<Figure[]> {
  const random = seededRandom(17);
  const own = referralOf(random);
  const others = [1, 2, 3].map((n) => ({ caseLabel: `Person ${n}`, answers: referralOf(random) }));
  const time = (task: () => void) => {
    const start = performance.now();
    task();
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i += 1) checkQuality(own, others);
  const rounds: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const checks = Array.from({ length: CHECKS }, () => time(() => checkQuality(own, others)));
    const splits = Array.from({ length: CHECKS }, () => time(() => [own, ...others.map((other) => other.answers)].forEach((answers) => FIELDS.forEach((name) => String(answers[name]).toLowerCase().split(/\s+/)))));
    rounds.push(percentile(checks, 95));
    bare.push(percentile(splits, 95));
  }
  const p95 = summarise(rounds);
  return [
    {
      name: 'quality.p95',
      label: 'Referral-quality check, 15,000-char account and 3 others to compare, p95',
      unit: 'ms',
      ...p95,
      budget: budgets.qualityCheckP95,
      baseline: summarise(bare).value,
      baselineLabel: '(splitting the same text into words)',
      note: `${CHECKS} checks a round, ${ROUNDS} rounds, in Node on this machine; spread is across rounds`,
    },
  ];
}
