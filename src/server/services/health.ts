import type { Storage } from '../storage/storage.ts';

/** Whether this instance can store a referral now, for devices and load balancers. */
export function createHealthService({ ping }: Pick<Storage, 'ping'>) {
  return {
    /** True while the database answers. */
    ready(): Promise<boolean> {
      return ping();
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
