import type { FastifyInstance } from 'fastify';
import { API_PATHS, type IntakeKeyResponse } from '../../shared/protocol.ts';
import { INTAKE_SUITE } from '../../shared/sealing.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';

/** The public key devices seal referrals to; they keep it, so sealing works offline afterwards. */
export function intakeKeyRoutes(app: FastifyInstance, { keyring }: { keyring: IntakeKeyring }): void {
  app.get(API_PATHS.intakeKey, async (): Promise<IntakeKeyResponse> => ({ ...keyring.current, suite: INTAKE_SUITE }));
}
