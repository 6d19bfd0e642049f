import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { sharedAnswers, type EncounterDetails } from '../../src/shared/encounter.ts';
import { pageErrors } from '../../src/shared/form/page-schema.ts';
import { pageById } from '../../src/shared/form/journey.ts';
import {
  isProfileComplete,
  pastProfilePages,
  prefillAnswers,
  profileErrors,
  profileFields,
  profileFrom,
  showsYourDetails,
  type ResponderProfile,
} from '../../src/shared/form/responder-profile.ts';
import { box } from '../../src/store/box.ts';
import { createProfileStore, PROFILE_DATABASE } from '../../src/store/responder-profile.ts';
import { SETTINGS_DATABASE } from '../../src/store/settings.ts';
import { deviceKey } from '../support/fixtures.ts';

const profile: ResponderProfile = {
  organisation: 'West Yorkshire Police',
  responderNation: 'england',
  responderFirstName: 'Sam',
  responderLastName: 'Okafor',
  responderRole: 'Detective Constable',
  responderPhone: '07700900982',
  alternativeEmail: 'msu@westyorkshire.example.gov.uk',
};
const now = new Date(2026, 10, 29, 9, 30);
let stores = 0;
const freshStore = () => createStore(`profile-test-${Date.now()}-${(stores += 1)}`, 'settings');

function bytesAsText(value: unknown): string {
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
    const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
    return new TextDecoder().decode(bytes);
  }
  if (value && typeof value === 'object') return Object.values(value).map(bytesAsText).join('\n');
  return String(value);
}

describe('the responder profile schema', () => {
  it('is the form’s own questions of the responder: organisation, nation, name, job title, phone and team email', () => {
    expect(profileFields.map((def) => def.name)).toEqual(['organisation', 'responderNation', 'responderFirstName', 'responderLastName', 'responderRole', 'responderPhone', 'alternativeEmail']);
    expect(isProfileComplete(profile)).toBe(true);
    // Checked by the form's own rules, with its own messages.
    expect(profileErrors({ ...profile, responderPhone: 'call me' }).responderPhone).toBe(pageErrors(pageById('responder')!, { ...profile, responderPhone: 'call me' }).responderPhone);
    expect(isProfileComplete({ ...profile, alternativeEmail: '' })).toBe(false);
    expect(isProfileComplete(undefined)).toBe(false);
  });

  it('keeps only the profile’s answers from a draft, trimmed', () => {
    expect(profileFrom({ ...profile, responderRole: '  Detective Constable ', underAge: 'no', familyName: 'Nowak' })).toEqual(profile);
  });
});

describe('pre-filling a draft', () => {
  it('fills the responder’s details, today as the consent date and the responder as who explained it, only where the draft holds nothing', () => {
    expect(prefillAnswers({}, profile, now)).toEqual({ ...profile, consentDate: '2026-11-29', consentExplainedBy: 'Sam Okafor, Detective Constable' });
    expect(prefillAnswers({ consentExplainedBy: '' }, profile, now)).not.toHaveProperty('consentExplainedBy');
    expect(prefillAnswers({}, { ...profile, responderRole: '' }, now).consentExplainedBy).toBe('Sam Okafor');
    // A blank left on purpose, or an answer of the responder's own, stays.
    const added = prefillAnswers({ responderPhone: '', responderRole: 'Sergeant', consentDate: '2026-11-28' }, profile, now);
    expect(added).not.toHaveProperty('responderPhone');
    expect(added).not.toHaveProperty('responderRole');
    expect(added).not.toHaveProperty('consentDate');
    expect(added.organisation).toBe('West Yorkshire Police');
    // Nothing more to add: nothing to write.
    expect(prefillAnswers({ ...profile, consentDate: '2026-11-29', consentExplainedBy: 'DC Okafor' }, profile, now)).toEqual({});
    expect(prefillAnswers({ consentDate: '2026-11-29' }, undefined, now)).toEqual({});
  });

  it('carries the interpreter’s language from quick capture into the consent record', () => {
    expect(prefillAnswers({ interpreter: 'yes', interpreterLanguage: ' Polish ', consentDate: '2026-11-29' }, undefined, now)).toEqual({ consentInterpreterLanguage: 'Polish' });
    expect(prefillAnswers({ interpreter: 'no', interpreterLanguage: 'Polish', consentDate: '2026-11-29' }, undefined, now)).toEqual({});
    expect(prefillAnswers({ interpreter: 'yes', interpreterLanguage: 'Polish', consentInterpreterLanguage: '', consentDate: '2026-11-29' }, undefined, now)).toEqual({});
  });

  it('keeps the encounter’s date as the consent date of its people: only a draft without one gets today', () => {
    const details: EncounterDetails = { kind: 'outreach', operation: 'Tuesday outreach', date: '2026-11-27', time: '21:00', place: 'Outside 14 Harbour Street, Leeds', policeForce: '', crimeReference: '', officers: '' };
    const answers = sharedAnswers(details, 0);
    expect(prefillAnswers(answers, undefined, now)).toEqual({});
    expect(answers.consentDate).toBe('2026-11-27');
  });

  it('shows "Your details" once a complete profile is saved and the draft answers it well, and goes on past those pages', () => {
    expect(showsYourDetails(profile, profile)).toBe(true);
    expect(showsYourDetails({ ...profile, responderPhone: '' }, profile)).toBe(false);
    expect(showsYourDetails(profile, undefined)).toBe(false);
    expect(showsYourDetails(profile, { ...profile, alternativeEmail: '' })).toBe(false);
    expect(pastProfilePages('organisation', profile)).toBe('under-18');
    expect(pastProfilePages('responder', profile)).toBe('evidence');
  });
});

describe('the responder profile on the device', () => {
  it('is kept in the settings database, so wiping the device takes it', () => {
    expect(PROFILE_DATABASE).toBe(SETTINGS_DATABASE);
  });

  it('is sealed with the device key, bound to its place, and read back', async () => {
    const key = await deviceKey;
    const store = freshStore();
    const profiles = createProfileStore(key, store);
    expect(await profiles.load()).toEqual({ declined: false });
    await profiles.save({ ...profile, underAge: 'no' });
    expect(await profiles.load()).toEqual({ profile, declined: false });

    const raw = await get<unknown>('responderProfile', store);
    for (const secret of ['Okafor', 'West Yorkshire', '07700', 'msu@']) expect(bytesAsText(raw)).not.toContain(secret);

    // A ciphertext sealed for something else (a draft) does not open as the profile.
    await set('responderProfile', { sealed: await box(key, profile, 'draft:someone') }, store);
    await expect(profiles.load()).rejects.toThrow();
  });

  it('remembers "ask me each time", and forgets the details when asked', async () => {
    const key = await deviceKey;
    const profiles = createProfileStore(key, freshStore());
    await profiles.decline();
    expect(await profiles.load()).toEqual({ declined: true });
    await profiles.save(profile);
    expect(await profiles.load()).toEqual({ profile, declined: false });
    await profiles.forget();
    expect(await profiles.load()).toEqual({ declined: false });
  });
});
