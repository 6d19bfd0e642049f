const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The server's clock when started with TEST_CLOCK=true (loopback only): real time, moved forward by
 * whole days on request, so a test can walk a case past its 30-day recovery period in seconds.
 */
export interface TestClock {
  now(): Date;
  /** Moves the clock `days` forward (never back: times already recorded stay in order); returns the new now. */
  forward(days: number): Date;
}

export function createTestClock(real: () => Date): TestClock {
  let offsetMs = 0;
  return {
    now: () => new Date(real().getTime() + offsetMs),
    forward(days) {
      offsetMs += days * DAY_MS;
      return new Date(real().getTime() + offsetMs);
    },
  };
}
