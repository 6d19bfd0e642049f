import { parseArgs } from 'node:util';
import { normaliseEmail, roles, UNPRINTABLE, type Role } from '../shared/accounts.ts';
import { setPasswordInstructions } from './instructions.ts';
import { AccountError, type AccountService } from './services/accounts.ts';
import type { DeviceService } from './services/devices.ts';
import { AlreadyExistsError, type AccountsStore } from './storage/accounts-store.ts';

export const ADMIN_USAGE = `Usage: npm run admin -- <command> [options]

  create-organisation <name>
  create-user --email <address> --role <${roles.join('|')}> --organisation <name>
      prints a one-time code with which the person sets their own password
  reset-password --email <address>
      the old password stops working, every session of the account ends, and its devices send
      nothing until the person signs in again on each; prints a new code
  list-devices [--email <address>]
  revoke-device <device id>
      its next contact with the server is refused, and the app wipes itself
  seed-demo
      a demo organisation with one account per role and random passwords, printed once
      (npm run demo does this and also fills a fresh database with made-up cases)
  create-keys
      makes a new deployment's intake keyring and matching key (INTAKE_KEY_FILE, MATCHING_KEY_FILE),
      mode 0600; needed once before the first start on PostgreSQL. Back them up
  rotate-intake-key
      adds a new current intake key to the keyring (stop every instance first; see docs/operations.md)
  backfill-statistics
      derives the statistical record of every stored referral that has none (those received before
      the figures were kept); safe to run again, and while the server runs (docs/figures.md)
`;

/** A mistake in how the command was called: the usage is printed with it. */
export class UsageError extends Error {}

export interface AdminDeps {
  accounts: AccountService;
  devices: DeviceService;
  accountsStore: AccountsStore;
  publicUrl: string;
}

const ACTOR = 'admin-cli';

function option(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

function role(value: string): Role {
  if (!(roles as readonly string[]).includes(value)) throw new UsageError(`--role must be one of ${roles.join(', ')}`);
  return value as Role; // checked against the list just above
}

const UNPRINTABLE_ALL = new RegExp(UNPRINTABLE.source, 'gu');

/**
 * Text from the database as it may be printed on a terminal: a control character or direction mark
 * (refused at enrolment, but a name may predate that) is shown as its code, such as `\u{202E}`.
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE_ALL, (character) => `\\u{${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`);
}

async function listDevices(deps: AdminDeps, email: string | undefined): Promise<string> {
  const owner = email === undefined ? undefined : await deps.accountsStore.findUserByEmail(normaliseEmail(email));
  if (email !== undefined && !owner) throw new AccountError(`There is no account for ${email}`);
  const devices = (await deps.devices.listAll()).filter((device) => !owner || device.userId === owner.id);
  if (devices.length === 0) return 'No devices.\n';
  const emails = new Map<string, string>();
  for (const device of devices) if (!emails.has(device.userId)) emails.set(device.userId, (await deps.accountsStore.findUser(device.userId))?.email ?? '?');
  const rows = devices.map((d) => [d.id, d.label, emails.get(d.userId) ?? '?', d.enrolledAt, d.lastSeenAt ?? '-', d.revokedAt ? `revoked ${d.revokedAt}` : 'active'].map(printable));
  const header = ['device', 'label', 'owner', 'enrolled', 'last seen', 'state'];
  const widths = header.map((_, i) => Math.max(...[header, ...rows].map((row) => (row[i] ?? '').length)));
  return `${[header, ...rows].map((row) => row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd()).join('\n')}\n`;
}

/** Runs one administrator command and returns what to print. */
export async function runAdminCommand(argv: string[], deps: AdminDeps): Promise<string> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { email: { type: 'string' }, role: { type: 'string' }, organisation: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { positionals, values } = parsed;
  const [command, ...rest] = positionals;
  try {
    switch (command) {
      case 'create-organisation': {
        const name = rest.join(' ').trim();
        if (!name) throw new UsageError('Name the organisation');
        const organisation = await deps.accounts.createOrganisation(name, ACTOR);
        return `Created organisation "${organisation.name}" (${organisation.id}).\n`;
      }
      case 'create-user': {
        const input = { email: option(values, 'email'), role: role(option(values, 'role')), organisation: option(values, 'organisation') };
        const { user, code } = await deps.accounts.createUser(input, ACTOR);
        return `Created ${user.role} ${user.email} in ${input.organisation} (${user.id}); no password yet.\n\n${setPasswordInstructions(deps.publicUrl, user.email, code)}`;
      }
      case 'reset-password': {
        const { user, code } = await deps.accounts.resetPassword(option(values, 'email'), ACTOR);
        return `The password of ${user.email} no longer works, their sessions have ended, and their devices send nothing until they sign in again on each.\n\n${setPasswordInstructions(deps.publicUrl, user.email, code)}`;
      }
      case 'list-devices':
        return listDevices(deps, typeof values.email === 'string' ? values.email : undefined);
      case 'revoke-device': {
        const [id] = rest;
        if (!id) throw new UsageError('Give the id of the device (see list-devices)');
        if (!(await deps.devices.revoke({ cli: true }, id))) throw new AccountError(`There is no device ${id}`);
        return `Revoked device ${id}: its next contact is refused and the app wipes what it holds.\n`;
      }
      case 'seed-demo': {
        const seeded = await deps.accounts.seedDemo(ACTOR);
        const lines = seeded.map(({ role: r, email, password }) => `  ${r.padEnd(10)}  ${email.padEnd(38)}  ${password}`);
        return `Demo accounts (for trying the service, never for real cases). The passwords are shown this once:\n\n${lines.join('\n')}\n`;
      }
      default:
        throw new UsageError(command ? `Unknown command "${command}"` : 'Name a command');
    }
  } catch (error) {
    if (error instanceof AlreadyExistsError) throw new AccountError(error.message);
    throw error;
  }
}
