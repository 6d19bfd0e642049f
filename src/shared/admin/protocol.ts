import { z } from 'zod/mini';
import { roles, signInRequestSchema } from '../accounts.ts';
import { API_BASE } from '../protocol.ts';

/**
 * The administrator's API (session cookie, the admin role only): accounts, their devices and the audit
 * log. Nothing here carries case content. Staff email addresses never go in a path or a query (they
 * would reach the server's log): a person is found by a POST, then named by id.
 */
export const ADMIN_PATHS = {
  users: `${API_BASE}/admin/users`,
  findUser: `${API_BASE}/admin/users/find`,
  user: `${API_BASE}/admin/users/:id`,
  role: `${API_BASE}/admin/users/:id/role`,
  disable: `${API_BASE}/admin/users/:id/disable`,
  enable: `${API_BASE}/admin/users/:id/enable`,
  resetPassword: `${API_BASE}/admin/users/:id/reset-password`,
  revokeDevice: `${API_BASE}/admin/devices/:id/revoke`,
  audit: `${API_BASE}/admin/audit`,
  auditCsv: `${API_BASE}/admin/audit.csv`,
} as const;

export const USERS_PAGE_SIZE = 50;

const id = z.string().check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Expected an id'));
export const pageSchema = z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100_000)));

/** Active: may sign in. No password: invited or reset, waiting for the person to use their one-time code. */
export const userStatuses = ['active', 'no-password', 'disabled'] as const;
export type UserStatus = (typeof userStatuses)[number];

export const organisationRefSchema = z.strictObject({ id: z.string(), name: z.string() });

export const adminUserSchema = z.strictObject({
  id: z.string(),
  email: z.string(),
  role: z.enum(roles),
  organisation: organisationRefSchema,
  status: z.enum(userStatuses),
  createdAt: z.string(),
  disabledAt: z.nullable(z.string()),
  /** Devices enrolled and not revoked (suspended ones included). */
  devices: z.number(),
  /** The latest contact of any of the person's devices. */
  lastContactAt: z.nullable(z.string()),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const usersQuerySchema = z.strictObject({
  organisation: z.optional(id),
  status: z.optional(z.enum(userStatuses)),
  page: pageSchema,
});
export type UsersQuery = z.infer<typeof usersQuerySchema>;

export const usersResponseSchema = z.strictObject({
  users: z.array(adminUserSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Every organisation, for the filter and the invitation form. */
  organisations: z.array(organisationRefSchema),
});
export type UsersResponse = z.infer<typeof usersResponseSchema>;

export const adminDeviceSchema = z.strictObject({
  id: z.string(),
  label: z.string(),
  enrolledAt: z.string(),
  lastSeenAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
  suspendedAt: z.nullable(z.string()),
});
export type AdminDevice = z.infer<typeof adminDeviceSchema>;

export const userDetailSchema = z.strictObject({ user: adminUserSchema, devices: z.array(adminDeviceSchema) });
export type UserDetail = z.infer<typeof userDetailSchema>;

export const inviteRequestSchema = z.strictObject({
  email: signInRequestSchema.shape.email,
  role: z.enum(roles, 'Choose a role'),
  organisation: z.string('Choose an organisation').check(z.minLength(1, 'Choose an organisation'), z.maxLength(40, 'Choose an organisation')),
});
export type InviteRequest = z.infer<typeof inviteRequestSchema>;

/** A code with which the person chooses their own password: shown to the administrator once, never stored readable. */
export const oneTimeCodeSchema = z.strictObject({ token: z.string(), expiresAt: z.string() });
export type OneTimeCodeAnswer = z.infer<typeof oneTimeCodeSchema>;

export const codeResponseSchema = z.strictObject({ user: adminUserSchema, code: oneTimeCodeSchema });
export type CodeResponse = z.infer<typeof codeResponseSchema>;

export const roleRequestSchema = z.strictObject({ role: z.enum(roles, 'Choose a role') });
export type RoleRequest = z.infer<typeof roleRequestSchema>;

export const findUserRequestSchema = z.strictObject({ email: signInRequestSchema.shape.email });
export type FindUserRequest = z.infer<typeof findUserRequestSchema>;
export const findUserResponseSchema = z.strictObject({ id: z.string() });
