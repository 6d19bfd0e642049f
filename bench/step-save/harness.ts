import { narrative } from '../support/narrative.ts';
import { openBarePut } from './bare-put.ts';
import type { StepSaveBench } from './bench-api.ts';
import { openStepSaver } from './save-path.ts';

let seed = 0;

async function timeEach(save: (account: string) => Promise<void>, count: number, length: number): Promise<number[]> {
  const durations: number[] = [];
  for (let i = 0; i < count; i += 1) {
    // Made before the clock starts: the figure is the save, not the typing.
    const account = narrative((seed += 1), length);
    const start = performance.now();
    await save(account);
    durations.push(performance.now() - start);
  }
  return durations;
}

const bench: StepSaveBench = {
  async storeSaves(count, length) {
    return timeEach(await openStepSaver(), count, length);
  },
  async barePuts(count, length) {
    return timeEach(await openBarePut(), count, length);
  },
};
window.stepSaveBench = bench;
