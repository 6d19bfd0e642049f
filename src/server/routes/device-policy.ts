import type { FastifyInstance } from 'fastify';
import { API_PATHS, type DevicePolicy } from '../../shared/protocol.ts';
import { fromThisMachine } from '../auth/device-guard.ts';

/** Public: whether a device must be enrolled before its referrals are taken, as the device guard decides it for this caller. */
export function devicePolicyRoutes(app: FastifyInstance, { allowUnsignedFromLoopback }: { allowUnsignedFromLoopback: boolean }): void {
  app.get(API_PATHS.devicePolicy, async (request): Promise<DevicePolicy> => ({
    enrolment: allowUnsignedFromLoopback && fromThisMachine(request) ? 'not-required-from-this-machine' : 'required',
  }));
}
