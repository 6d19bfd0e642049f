import type { TagColour } from '../../govuk/Tag.tsx';
import { roles, type Role } from '../../shared/accounts.ts';
import type { AdminDevice, UserStatus } from '../../shared/admin/protocol.ts';
import { actionsTaken } from '../casework/content.ts';
import { content as shellContent } from '../shell/content.ts';
import { auditActions, type adminContent } from './content.ts';

export const roleName = (role: Role) => shellContent.roles[role].name;

/** Every role, named, in the order the service lists them. */
export const roleOptions = roles.map((role) => ({ value: role, text: roleName(role) }));

export const statusColours: Record<UserStatus, TagColour> = { active: 'green', 'no-password': 'yellow', disabled: 'grey' };

/** What the log's action means, in words: case actions by the casework screens' own names, a role change with its role. */
export function actionLabel(action: string): string {
  const known = auditActions[action];
  if (known) return known;
  const role = /^role-changed-to-(.+)$/.exec(action)?.[1];
  if (role && (roles as readonly string[]).includes(role)) return `Changed a role to ${roleName(role as Role)}`;
  const caseAction = /^case-(.+)$/.exec(action)?.[1];
  const taken = caseAction ? (actionsTaken as Record<string, string | undefined>)[caseAction] : undefined;
  if (taken) return `Case: ${taken}`;
  return action;
}

export type DeviceState = keyof typeof adminContent.devices.states;

export function deviceState(device: AdminDevice): DeviceState {
  if (device.revokedAt) return 'revoked';
  return device.suspendedAt ? 'held' : 'active';
}

export const deviceColours: Record<DeviceState, TagColour> = { active: 'green', held: 'yellow', revoked: 'grey' };
