import type { Answers } from '../../shared/form/model.ts';
import { upgradeAnswers } from '../../shared/form/upgrade-answers.ts';
import { PREVIOUS_SCHEMA_VERSION } from '../../shared/protocol.ts';
import { openJson, sealJson, sealingAad, type SealedParts } from '../../shared/sealing.ts';
import type { IntakeKeyring } from '../crypto/intake-keys.ts';
import type { CaseRecord, Sealed } from '../storage/case-store.ts';

/** What free text of a case is sealed as; each kind and case has its own AAD, so nothing moves between them. */
export type SealedKind = 'case-event' | 'case-note';

const aad = (kind: SealedKind, referralId: string) => new TextEncoder().encode(`nrm-field ${kind} ${referralId}`);

function keyFor(keyring: IntakeKeyring, keyId: string) {
  const key = keyring.privateKey(keyId);
  // Keys are only ever added to the keyring; a missing one means the wrong keyring file was deployed.
  if (!key) throw new Error(`Intake key ${keyId} is not in the keyring: deploy the keyring file that holds every key ever used`);
  return key;
}

/**
 * Free text written at the desk (reasons, notes) names people, so it is sealed at rest to the intake
 * key, as referrals are: a stolen database does not give it away. Only the server opens it, for a
 * permitted reader.
 */
export function createCaseSealing(keyring: IntakeKeyring) {
  return {
    async seal(kind: SealedKind, referralId: string, value: unknown): Promise<Sealed> {
      return JSON.stringify(await sealJson(keyring.current, value, aad(kind, referralId)));
    },

    async open(kind: SealedKind, referralId: string, sealed: Sealed): Promise<unknown> {
      const parts = JSON.parse(sealed) as SealedParts;
      return openJson(keyFor(keyring, parts.keyId), parts, aad(kind, referralId));
    },

    /**
     * The referral's answers as the form holds them: the current version without its links (the case
     * lists those itself), the previous one upgraded as the device upgrades a draft.
     */
    async answersOf(record: CaseRecord): Promise<Record<string, unknown>> {
      const envelope = JSON.parse(record.envelope) as SealedParts;
      const opened = (await openJson(keyFor(keyring, envelope.keyId), envelope, sealingAad(record.id, record.schemaVersion))) as Record<string, unknown>;
      if (record.schemaVersion === PREVIOUS_SCHEMA_VERSION) {
        const { path, ...rest } = opened;
        return { path, ...upgradeAnswers(rest as Answers) };
      }
      const { links: _links, ...answers } = opened;
      return answers;
    },
  };
}

export type CaseSealing = ReturnType<typeof createCaseSealing>;
