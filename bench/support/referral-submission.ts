import { sealSubmission } from '../../src/app/outbox/seal.ts';
import { demoPerson, type DemoPerson } from '../../src/server/demo/demo-people.ts';
import { API_PATHS, currentSubmissionSchema, intakeKeyResponseSchema, type CurrentSubmission } from '../../src/shared/protocol.ts';
import { referralFromAnswers, referralSchema, type Referral, type ReferralAnswers } from '../../src/shared/referral.ts';
import { seededRandom } from '../../src/shared/seeded-random.ts';
import { examples } from '../../tests/support/referral-examples.ts';
import { intakeCipherSuite, type IntakePublicKey } from '../../src/shared/sealing.ts';
import { toBase64Url } from '../../src/shared/base64url.ts';
import { narrative } from './narrative.ts';

/** The day the made-up people's ages count from: fixed, so every run sends the same people. */
const AGES_FROM = new Date('2026-12-01T12:00:00Z');

/** The potential victim's answers for `person`, in place of the example's own (tests/support/referral-examples.ts). */
function personAnswers(person: DemoPerson): ReferralAnswers {
  const interpreted = person.language !== 'English';
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    gender: person.gender,
    nationality: person.nationality,
    interpreter: interpreted ? 'yes' : 'no',
    ...(interpreted ? { interpreterLanguage: person.language, consentInterpreterLanguage: person.language } : {}),
    // As the form writes a date: without leading zeros.
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth.split('-').map(Number).join('-') } : {}),
    phoneChoice: person.phone ? 'yes' : 'no',
    ...(person.phone ? { phone: person.phone } : { noPhoneReason: 'Their phone was taken by the exploiters.' }),
  };
}

/** The example's answers that describe its one person (Arben Hoxha), left out so that a person without them has none. */
const EXAMPLE_PERSON = ['dateOfBirth', 'interpreterLanguage', 'consentInterpreterLanguage', 'phone'] as const;

/**
 * Complete adult referrals with one full-length narrative, as in the earlier runs of this bench, each for
 * a different made-up person (src/server/demo/demo-people.ts), seeded so every run sends the same ones in
 * the same order. One person in every referral would make each newcomer share every blocking key with
 * every referral before it, so the same-person finder would always compare the most it may (50): not what
 * a server meets.
 */
export function benchReferrals(seed = 18): () => Referral {
  const random = seededRandom(seed);
  const example = Object.entries(examples['adult-nrm']).filter(([answer]) => !(EXAMPLE_PERSON as readonly string[]).includes(answer));
  const base: ReferralAnswers = { ...Object.fromEntries(example), howStarted: narrative(1) };
  return () => {
    const referral = referralFromAnswers({ ...base, ...personAnswers(demoPerson(random, false, AGES_FROM)) });
    const parsed = referralSchema.safeParse(referral);
    if (!parsed.success) throw new Error(`bench/support/referral-submission.ts makes referrals the schema refuses: ${parsed.error.message}`);
    return referral as Referral;
  };
}

const nextReferral = benchReferrals();

/**
 * The body a device sends for one referral, sealed to `key` by the app's own code (src/app/outbox/seal.ts).
 * The one place that knows the wire format: the seal binds the id, so every id needs its own seal.
 * Each call is for the next made-up person, unless `referral` is given.
 */
export async function referralSubmission(key: IntakePublicKey, id: string, referral: Referral = nextReferral()): Promise<CurrentSubmission> {
  const submission = await sealSubmission(key, referral, id, new Date().toISOString());
  const parsed = currentSubmissionSchema.safeParse(submission);
  if (!parsed.success) throw new Error(`bench/support/referral-submission.ts makes bodies the protocol refuses: ${parsed.error.message}`);
  return submission;
}

/** The server's intake key, fetched as the app fetches it. */
export async function fetchIntakeKey(baseUrl: string): Promise<IntakePublicKey> {
  const response = await fetch(`${baseUrl}${API_PATHS.intakeKey}`);
  const parsed = intakeKeyResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${baseUrl} answered its intake key with something unexpected: ${parsed.error.message}`);
  return { keyId: parsed.data.keyId, publicKey: parsed.data.publicKey };
}

/** A key nobody holds the private half of, for sealed bytes that are stored but never opened (pre-filled rows). */
export async function throwawayIntakeKey(): Promise<IntakePublicKey> {
  const suite = intakeCipherSuite();
  const pair = await suite.kem.generateKeyPair();
  return { keyId: 'bench-prefill', publicKey: toBase64Url(new Uint8Array(await suite.kem.serializePublicKey(pair.publicKey))) };
}
