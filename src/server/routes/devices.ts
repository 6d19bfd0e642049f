import type { FastifyInstance } from 'fastify';
import { enrolDeviceRequestSchema, type DeviceSummary, type EnrolDeviceResponse } from '../../shared/accounts.ts';
import { toFieldErrors } from '../../shared/issues.ts';
import { API_PATHS } from '../../shared/protocol.ts';
import { requireRole } from '../auth/session-guard.ts';
import type { SessionService } from '../auth/sessions.ts';
import { problem, sendProblem } from '../problem.ts';
import type { Device, DeviceService } from '../services/devices.ts';
import { signedInUser, UUID } from './signed-in.ts';

function summary({ publicKey: _key, ...device }: Device): DeviceSummary {
  return device;
}

const NOT_FOUND = problem(404, 'not-found', 'There is no such device');

/** Enrolment by a signed-in responder; listing and revocation by the owner or an admin. */
export function deviceRoutes(app: FastifyInstance, { sessions, devices }: { sessions: SessionService; devices: DeviceService }): void {
  app.post(API_PATHS.devices, { onRequest: requireRole(sessions, ['responder']) }, async (request, reply) => {
    const parsed = enrolDeviceRequestSchema.safeParse(request.body);
    if (!parsed.success) return sendProblem(reply, problem(400, 'bad-request', 'The enrolment is not complete', { errors: toFieldErrors(parsed.error) }));
    const outcome = await devices.enrol(signedInUser(request), parsed.data);
    if (outcome.kind === 'invalid-key') return sendProblem(reply, problem(422, 'invalid-device-key', 'The device key must be an ECDSA P-256 public key'));
    if (outcome.kind === 'key-taken') return sendProblem(reply, problem(409, 'device-key-taken', 'This key belongs to another device: make a new key and enrol again'));
    const body: EnrolDeviceResponse = { deviceId: outcome.device.id, enrolledAt: outcome.device.enrolledAt };
    return reply.code(outcome.kind === 'enrolled' ? 201 : 200).send(body);
  });

  app.get(API_PATHS.devices, { onRequest: requireRole(sessions, ['responder', 'admin']) }, async (request) => ({
    devices: (await devices.list(signedInUser(request))).map(summary),
  }));

  app.delete<{ Params: { id: string } }>(API_PATHS.device, { onRequest: requireRole(sessions, ['responder', 'admin']) }, async (request, reply) => {
    const { id } = request.params;
    if (!UUID.test(id) || !(await devices.revoke({ user: signedInUser(request) }, id))) return sendProblem(reply, NOT_FOUND);
    return reply.code(204).send();
  });
}
