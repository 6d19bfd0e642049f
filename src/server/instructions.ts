import { CASEWORK_PATHS } from '../shared/casework/protocol.ts';
import { API_PATHS } from '../shared/protocol.ts';
import type { ServerConfig } from './config.ts';
import type { OneTimeCode } from './services/accounts.ts';

/** Until the console has its own screens, a one-time code is used with one JSON request; this shows it ready to run. */
function request(publicUrl: string, path: string, body: Record<string, string>): string {
  return `curl -X POST ${publicUrl}${path} -H 'content-type: application/json' -d '${JSON.stringify(body)}'`;
}

const until = (code: OneTimeCode) => new Date(code.expiresAt).toUTCString();

export function setupInstructions(publicUrl: string, code: OneTimeCode): string {
  return [
    'There is no administrator yet. Create the first one with this one-time setup code',
    `(it works once, until ${until(code)}; restart the server for a new one):`,
    '',
    `  ${code.token}`,
    '',
    `  ${request(publicUrl, API_PATHS.setup, { token: code.token, email: 'you@example.org', password: 'a long passphrase of your own' })}`,
    '',
    `Then sign in: POST ${publicUrl}${API_PATHS.session} {"email", "password"}.`,
    '',
  ].join('\n');
}

export function setPasswordInstructions(publicUrl: string, email: string, code: OneTimeCode): string {
  return [
    `Give ${email} this one-time code, by a different channel from the email address (it works once, until ${until(code)}):`,
    '',
    `  ${code.token}`,
    '',
    'They choose their password with it (12 characters or more):',
    '',
    `  ${request(publicUrl, API_PATHS.password, { token: code.token, password: 'their own long passphrase' })}`,
    '',
  ].join('\n');
}

/** The switches that change what the service does, printed at every start so nobody has to guess. */
export function settingsNotice(config: Pick<ServerConfig, 'independentReview' | 'allowUnsignedFromLoopback' | 'deviceQuotas'>): string {
  const { referralsPerHour, unclaimedEvidenceBytes } = config.deviceQuotas;
  return [
    `Independent review panel: ${config.independentReview ? 'on — negative conclusive grounds go to the panel after the second caseworker' : 'off — a negative conclusive grounds decision is served once a second caseworker agrees'} (INDEPENDENT_REVIEW)`,
    `Device signatures: ${config.allowUnsignedFromLoopback ? 'NOT required from this machine — a try-out only' : 'required'} (ALLOW_UNSIGNED_FROM_LOOPBACK)`,
    `Per device: ${referralsPerHour} referrals an hour (DEVICE_REFERRALS_PER_HOUR), ${unclaimedEvidenceBytes / 1_000_000} MB of files not yet claimed by a referral (DEVICE_EVIDENCE_QUOTA_MB)`,
    '',
  ].join('\n');
}

/** Said loudly: referrals from no enrolled device belong to nobody, so this must never be a real deployment. */
export function unsignedWarning(): string {
  const line = '!'.repeat(78);
  return [
    line,
    '!! ALLOW_UNSIGNED_FROM_LOOPBACK is on: referrals and files sent from THIS machine are',
    '!! accepted without an enrolled device’s signature, and belong to no device or organisation.',
    '!! For trying the service out only (npm start). Every other address must sign, and the server',
    '!! refuses to start like this unless HOST is loopback. A deployment runs `npm run serve`.',
    line,
  ].join('\n');
}

/** The first start of an embedded deployment made its key files: losing them loses every referral. */
export function keysMadeNotice(files: readonly string[]): string {
  return [
    `Made ${files.join(' and ')} (mode 0600). Back them up now, apart from the database backups:`,
    'without the intake keyring nothing stored can ever be read again (docs/operations.md, "Backups").',
    '',
  ].join('\n');
}

/** Said loudly: a moved clock makes every case's dates wrong, so this must never be a real deployment. */
export function testClockWarning(publicUrl: string): string {
  const line = '!'.repeat(78);
  return [
    line,
    '!! TEST_CLOCK is on: this server’s clock can be moved forward by anyone on this machine',
    `!! (POST ${publicUrl}${CASEWORK_PATHS.testClock} {"days": n}). Dates recorded from now on are not real.`,
    '!! For tests only. Never run a real deployment like this: unset TEST_CLOCK.',
    line,
  ].join('\n');
}
