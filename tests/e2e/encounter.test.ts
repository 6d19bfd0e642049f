import AxeBuilder from '@axe-core/playwright';
import BetterSqlite3 from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answers } from '../../src/shared/form/model.ts';
import { useE2eStack, walkInSteps } from '../support/e2e-stack.ts';
import { completeForm, personRow, quickCapture, restOf, startEncounter, type FilePayload } from '../support/encounter-app.ts';
import { fillForm, openApp, sendFromCheck, unlockOrSetUp, waitForServiceWorker } from '../support/field-app.ts';
import { examples } from '../support/referral-examples.ts';
import { readEverythingStored } from '../support/stored-data.ts';
import { photo, receivedFiles, receivedReferral, sha256 } from '../support/evidence.ts';

const stack = useE2eStack();

const encounter = {
  operation: 'Operation Kestrel',
  place: 'Kestrel Hand Car Wash, Wharf Street',
  policeForce: 'West Yorkshire Police',
  crimeReference: 'KES-2026-118',
  officers: 'DC Priya Raman 5521',
};
const label = (n: number) => `${encounter.operation} – person ${n}`;

/** Five people met at one raid: a child, three adults who agree to be referred, one who does not (Duty to Notify). */
const people: { answers: Answers; account: string; path: string }[] = [
  { answers: examples.child, account: 'Brought from Tirana at 15 to wash cars, told he owed for the journey.', path: 'child' },
  { answers: examples['adult-nrm'], account: 'Promised a job in a restaurant; made to wash cars for no pay.', path: 'adult-nrm' },
  { answers: { ...examples['adult-nrm'], gender: 'female', nationality: 'Romanian', interpreterLanguage: 'Romanian' }, account: 'Came for cleaning work; her passport was taken on arrival.', path: 'adult-nrm' },
  { answers: { ...examples['adult-nrm'], nationality: 'Vietnamese', interpreterLanguage: 'Vietnamese' }, account: 'Recruited online with a promise of nail bar work.', path: 'adult-nrm' },
  { answers: examples.dtn, account: 'Says he owes money to the men who brought him and will not say more.', path: 'dtn' },
];

/** Nothing of this may be readable anywhere on the device. */
const SECRETS = [encounter.operation, 'Kestrel Hand Car Wash', 'Priya Raman', 'KES-2026-118', 'Hoxha', 'Okafor', 'tattoo of an eagle', ...people.map((person) => person.account)];

async function backToEncounter(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'NRM Field' }).click();
  await page.getByRole('link', { name: encounter.operation, exact: true }).click();
  await page.getByRole('heading', { name: encounter.operation, exact: true }).waitFor();
}

describe('encounter mode', () => {
  describe('takes five people at one encounter offline, with two photos and a PDF for one, completes and sends them together, and delivers them linked', () => {
    // One walk on one phone, in steps (see walkInSteps).
    let context: BrowserContext;
    let page: Page;
    let evidence: FilePayload[];
    const rows = () => page.getByTestId('encounter-person');
    const walk = walkInSteps();

    beforeAll(async () => {
      ({ context, page } = await stack.newPage({ viewport: 'phone' }));
    });

    afterAll(async () => {
      await context?.close();
    });

    walk.step('takes the five by quick capture, offline, and links the child to his mother', async () => {
      await openApp(page, stack.server.baseUrl);
      await waitForServiceWorker(page);
      evidence = [
        { name: 'car-wash-rota.png', mimeType: 'image/png', buffer: await photo(page, 1000, 700) },
        { name: 'sleeping-room.png', mimeType: 'image/png', buffer: await photo(page, 800, 800) },
        { name: 'debt-ledger.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 3), Buffer.from('\n%%EOF\n')]) },
      ];
      await context.setOffline(true);
      await page.reload();
      await unlockOrSetUp(page);

      await startEncounter(page, encounter);
      await page.getByRole('button', { name: 'Add a person' }).click();
      for (const [index, person] of people.entries()) {
        await expect.poll(() => page.locator('#caseLabel').inputValue()).toBe(label(index + 1));
        await quickCapture(page, { ...person.answers, howStarted: person.account }, index < people.length - 1 ? 'add' : 'back');
      }
      await page.getByRole('heading', { name: encounter.operation, exact: true }).waitFor();
      await expect.poll(() => rows().count()).toBe(5);
      expect(await rows().evaluateAll((all) => all.map((row) => row.getAttribute('data-state')))).toEqual(['draft', 'draft', 'draft', 'draft', 'draft']);
      expect(await personRow(page, label(1)).innerText()).toContain('Child');
      expect(await personRow(page, label(5)).innerText()).toContain('Duty to Notify');

      // The child's mother is person 2: linked as family from her row.
      await personRow(page, label(2)).getByRole('link', { name: /^Family: link to/ }).click();
      await page.getByLabel(label(1)).check();
      await page.getByRole('button', { name: 'Save family links' }).click();
      await expect.poll(() => personRow(page, label(1)).getByTestId('person-family').innerText()).toBe(`Family: ${label(2)}`);
    });

    // Each person is completed later through the normal form, from where their quick capture left off.
    for (const [index, person] of people.entries()) {
      walk.step(`completes person ${index + 1} (${person.path}) through the normal form${index === 1 ? ', attaching the photos and the ledger' : ''}`, async () => {
        await personRow(page, label(index + 1)).getByRole('link', { name: /^Complete the referral/ }).click();
        await page.waitForURL((url) => !url.pathname.endsWith('/resume'));
        // Person 2 shows the officer photos on her phone and a ledger: attached to her referral.
        const files = index === 1 ? evidence : [];
        // An anonymous report keeps nothing the encounter wrote (where, when, which officers): the responder says it in their own words.
        const ownWords = person.path === 'dtn' ? { interview: examples.dtn.interview, otherVictimsDetails: 'Other people were working there too.' } : {};
        await completeForm(page, { ...restOf(person.answers), ...ownWords, ...(files.length ? { evidenceDescription: 'Photos of the rota and the room, and the debt ledger.' } : {}) }, files);
        if (person.path === 'dtn') {
          // Before sealing, the anonymous report's own words are shown together, with the reminder.
          const reminder = page.getByTestId('anonymous-reminder');
          await expect.poll(() => reminder.innerText()).toContain('take out anything that could identify them');
          expect(await reminder.innerText()).toContain(String(examples.dtn.interview));
          expect(await reminder.innerText()).not.toContain('Priya Raman');
          expect(await violations(page, 'check your answers of an anonymous report')).toEqual([]);
          await page.screenshot({ path: 'test-results/anonymous-reminder-360.png', fullPage: true });
        }
        await backToEncounter(page);
        await expect.poll(() => personRow(page, label(index + 1)).getAttribute('data-state')).toBe('ready');
      });
    }

    walk.step('sends the five together, delivers them linked with her files whole, and leaves nothing readable on the device', async () => {
      const { server } = stack;
      await page.getByRole('button', { name: 'Send 5 ready referrals' }).click();
      await page.getByText('5 referrals queued').waitFor();
      await expect.poll(() => rows().evaluateAll((all) => all.map((row) => row.getAttribute('data-state')))).toEqual(['queued', 'queued', 'queued', 'queued', 'queued']);
      const ids = await rows().evaluateAll((all) => all.map((row) => row.getAttribute('data-id') ?? ''));

      const queued = await readEverythingStored(page);
      expect(queued).toContain('[nrm-field/encounters: 1]');
      for (const secret of SECRETS) expect(queued, secret).not.toContain(secret);

      await context.setOffline(false);
      await expect.poll(() => rows().evaluateAll((all) => all.map((row) => row.getAttribute('data-state'))), { timeout: 60_000 }).toEqual(['delivered', 'delivered', 'delivered', 'delivered', 'delivered']);
      expect(await personRow(page, label(1)).innerText()).toMatch(/Reference NRM-/);

      const db = new BetterSqlite3(server.sqliteFile, { readonly: true });
      const stored = db.prepare('select id, path, encounter_id, family from referrals').all() as { id: string; path: string; encounter_id: string | null; family: string | null }[];
      db.close();
      expect(stored.map((row) => row.id).sort()).toEqual([...ids].sort());
      const byId = new Map(stored.map((row) => [row.id, row]));
      expect(ids.map((id) => byId.get(id)?.path)).toEqual(people.map((person) => person.path));
      const encounterIds = new Set(stored.filter((row) => row.path !== 'dtn').map((row) => row.encounter_id));
      expect(encounterIds.size).toBe(1);
      expect([...encounterIds][0]).toMatch(/^[0-9a-f-]{36}$/);
      // The man who did not agree to be referred: counted on the encounter only, with nothing that ties
      // him to the raid — no link, no place, no officers — and his account in the responder's own words.
      const anonymousId = ids[4]!;
      expect(byId.get(anonymousId)?.encounter_id).toBeNull();
      const anonymous = await receivedReferral(server, anonymousId);
      expect(anonymous).not.toHaveProperty('links');
      expect(anonymous.interview).toBe(examples.dtn.interview);
      for (const trail of ['Kestrel Hand Car Wash', 'Priya Raman', encounter.operation]) expect(JSON.stringify(anonymous), trail).not.toContain(trail);
      expect(JSON.parse(byId.get(ids[0]!)?.family ?? 'null')).toEqual([ids[1]]);
      expect(JSON.parse(byId.get(ids[1]!)?.family ?? 'null')).toEqual([ids[0]]);
      expect(stored.filter((row) => row.family !== null)).toHaveLength(2);
      // Her files arrived whole: what the server reassembles is byte for byte what was attached.
      expect(await receivedFiles(server, ids[1]!)).toEqual(evidence.map((file) => ({ name: file.name, type: file.mimeType, declared: sha256(file.buffer), received: sha256(file.buffer) })));
      for (const id of [ids[0]!, ...ids.slice(2)]) expect(await receivedFiles(server, id)).toEqual([]);

      const delivered = await readEverythingStored(page);
      expect(delivered).toContain('[nrm-field/drafts: 0]');
      expect(delivered).toContain('[nrm-field/fileChunks: 0]');
      expect(delivered).toContain('[nrm-field/envelopes: 0]');
      for (const secret of SECRETS) expect(delivered, secret).not.toContain(secret);
    });
  });

  it('uses the device’s location only after a tap, shows it, and lets it be cleared; a refusal says what to do', async () => {
    const { context, page } = await stack.newPage({ viewport: 'phone', geolocation: { latitude: 53.79551, longitude: -1.54791, accuracy: 18 } });
    let asked = 0;
    await context.exposeFunction('countLocationRequest', () => (asked += 1));
    await context.addInitScript(() => {
      const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
      navigator.geolocation.getCurrentPosition = (...args) => {
        void (window as unknown as { countLocationRequest: () => void }).countLocationRequest();
        original(...args);
      };
    });
    await openApp(page, stack.server.baseUrl);
    await page.getByRole('link', { name: 'Start an encounter' }).click();
    await page.getByRole('heading', { name: 'Start an encounter' }).waitFor();
    // Without permission the browser refuses, and the page says to type the place instead.
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByText('This app may not use your location').waitFor();
    await context.grantPermissions(['geolocation']);
    await page.getByRole('button', { name: 'Use my location' }).click();
    await expect.poll(() => page.getByTestId('captured-location').innerText()).toMatch(/53\.79551, -1\.54791 \(to within 18 metres/);
    expect(asked).toBe(2);
    await page.getByRole('button', { name: 'Clear location' }).click();
    await page.getByRole('button', { name: 'Use my location' }).waitFor();
    await page.getByRole('button', { name: 'Start the encounter' }).click();
    const placeMissing = page.locator('.govuk-error-summary').getByText('Enter where the encounter is, in words a caseworker can read, or add your location to each referral');
    await placeMissing.waitFor();
    await page.getByRole('button', { name: 'Use my location' }).click();
    await page.getByTestId('captured-location').waitFor();
    // Coordinates kept to the device do not stand for the place: a caseworker reads words.
    await page.getByRole('button', { name: 'Start the encounter' }).click();
    await placeMissing.waitFor();
    await page.getByLabel('Add these coordinates to each person’s referral').check();
    await page.locator('#operation').fill('Operation Wren');
    await page.locator('input[name="kind"][value="police"]').check();
    await page.locator('#policeForce').fill('West Yorkshire Police');
    await page.getByRole('option', { name: 'West Yorkshire Police', exact: true }).click();
    await page.getByRole('button', { name: 'Start the encounter' }).click();
    await page.getByRole('heading', { name: 'Operation Wren', exact: true }).waitFor();
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/the location 53\.79551, -1\.54791/);
    await context.close();
  });
});

describe('an outreach encounter, two people, the responder’s details typed once', () => {
  let context: BrowserContext;
  let page: Page;
  const walk = walkInSteps();
  const outreach = { kind: 'outreach', operation: 'Tuesday outreach', place: 'Outside 14 Harbour Street, Leeds', policeForce: '', crimeReference: '', officers: '' } as const;
  const outreachLabel = (n: number) => `${outreach.operation} – person ${n}`;
  const PROFILE = ['organisation', 'responderNation', 'responderFirstName', 'responderLastName', 'responderRole', 'responderPhone', 'alternativeEmail'];
  /** The rest of an adult's referral: without what quick capture, the encounter and (for `withoutDetails`) the saved details fill in. */
  const rest = (withoutDetails: boolean): Answers => {
    // Quick capture asked their age, consent and interpreter; the rest of its questions are answered in the form.
    const carried = ['underAge', 'consent', 'interpreter', 'interpreterLanguage', 'caseLabel', 'interview', 'consentDate', 'consentInterpreterLanguage', ...(withoutDetails ? PROFILE : [])];
    return Object.fromEntries(Object.entries(examples['adult-nrm']).filter(([name]) => !carried.includes(name)));
  };
  const today = new Date();

  beforeAll(async () => {
    ({ context, page } = await stack.newPage({ viewport: 'phone' }));
  });

  afterAll(async () => {
    await context?.close();
  });

  walk.step('starts as outreach (no police force asked) and carries the interpreter, the place in words and today into the first referral', async () => {
    await openApp(page, stack.server.baseUrl);
    await page.getByRole('link', { name: 'Start an encounter' }).click();
    await page.locator('input[name="kind"][value="outreach"]').check();
    expect(await page.locator('#policeForce').count()).toBe(0);
    await page.screenshot({ path: 'test-results/encounter-kind-360.png', fullPage: true });
    await page.getByRole('link', { name: 'Back' }).click();
    await startEncounter(page, outreach);
    expect(await page.locator('.govuk-summary-list').innerText()).toMatch(/Outreach/);

    await page.getByRole('button', { name: 'Add a person' }).click();
    await quickCapture(page, { underAge: 'no', consent: 'yes', interpreter: 'yes', interpreterLanguage: 'Polish' }, 'back');
    await personRow(page, outreachLabel(1)).getByRole('link', { name: /^Complete the referral/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/resume'));
    const seen: string[] = [];
    await fillForm(page, rest(false), {
      stopAt: 'save-details',
      onPage: async (pageId) => {
        seen.push(pageId);
        // One person met on outreach: nobody says there were others.
        if (pageId === 'other-victims') expect(await page.locator('input[name="otherVictims"]:checked').count()).toBe(0);
        if (pageId === 'consent-record') {
          expect(await page.locator('#consentInterpreterLanguage').inputValue()).toBe('Polish');
          expect(await page.locator('#consentDate').inputValue()).toBe(String(today.getDate()));
        }
        if (pageId === 'interview') expect(await page.locator('#interview').inputValue()).toMatch(/^At Outside 14 Harbour Street, Leeds, on /);
      },
    });
    expect(seen).toEqual(expect.arrayContaining(['organisation', 'responder-nation', 'responder', 'alternative-contact', 'other-victims', 'consent-record']));
    // Once the responder's own details are answered, keeping them on the device is offered.
    await page.getByRole('heading', { name: 'Save your details on this device?' }).waitFor();
    expect(await violations(page, 'the offer to save your details')).toEqual([]);
    await page.screenshot({ path: 'test-results/save-details-offer-360.png', fullPage: true });
    await completeForm(page, rest(false), [], { saveDetails: true });
  });

  walk.step('sends the first from check your answers, and the confirmation leads back to the encounter', async () => {
    await sendFromCheck(page);
    const back = page.getByRole('link', { name: 'Back to the encounter' });
    await back.waitFor();
    await page.screenshot({ path: 'test-results/confirmation-encounter-360.png', fullPage: true });
    await back.click();
    await page.getByRole('heading', { name: outreach.operation, exact: true }).waitFor();
  });

  walk.step('fills the second person’s referral with the saved details: one "Your details" summary, nothing typed', async () => {
    await page.getByRole('button', { name: 'Add a person' }).click();
    // A photo taken there and then, at quick capture: stored in their draft at once, described later.
    await page.getByRole('heading', { name: 'Quick capture' }).waitFor();
    const camera = page.waitForEvent('filechooser');
    await page.getByTestId('person-photos').getByRole('button', { name: 'Take a photo' }).click();
    await (await camera).setFiles([{ name: 'bruised-wrist.jpg', mimeType: 'image/jpeg', buffer: await photo(page, 900, 600) }]);
    await expect.poll(() => page.getByTestId('person-photo-list').locator('img.app-file-list__thumb').count(), { timeout: 20_000 }).toBe(1);
    await quickCapture(page, { underAge: 'no', consent: 'yes', interpreter: 'no' }, 'back');
    await personRow(page, outreachLabel(2)).getByRole('link', { name: /^Complete the referral/ }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/resume'));
    const seen: string[] = [];
    const described = { ...rest(true), evidenceDescription: 'A photo of a bruise on her left wrist, taken with her agreement.' };
    await fillForm(page, described, { stopAt: 'responder', onPage: async (pageId) => void seen.push(pageId) });
    // Organisation and nation were passed; a second person met, so others are said to have been there.
    expect(seen).not.toContain('organisation');
    expect(seen).not.toContain('responder-nation');
    const summary = page.getByTestId('your-details');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Okafor');
    expect(await summary.innerText()).toContain('msht-team@example.police.uk');
    expect(await violations(page, 'your details')).toEqual([]);
    await page.screenshot({ path: 'test-results/your-details-360.png', fullPage: true });
    // The rest of the referral, without one of the responder's details among the answers given: all came from the profile.
    let evidenceShown = '';
    await completeForm(page, described, [], {
      onPage: async (pageId) => {
        if (pageId === 'evidence') evidenceShown = await page.getByTestId('evidence-count').innerText();
      },
    });
    expect(evidenceShown).toBe('1 file attached');
  });

  walk.step('lists the person waiting with their encounter on the start page, not again among the drafts', async () => {
    await page.getByRole('link', { name: 'NRM Field' }).click();
    await page.getByRole('heading', { name: /^Refer a potential victim/ }).waitFor();
    await page.getByRole('link', { name: outreach.operation }).first().waitFor();
    expect(await page.locator('.app-drafts').getByText(outreachLabel(2)).count()).toBe(0);
  });

  walk.step('shows the saved details in Settings, where they can be changed', async () => {
    await page.getByRole('link', { name: 'Settings' }).first().click();
    const saved = page.getByTestId('saved-details');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('Okafor');
    await page.getByRole('button', { name: 'Change your details' }).click();
    await page.locator('#responderRole').fill('Detective Sergeant');
    await page.getByRole('button', { name: 'Save your details' }).click();
    await page.getByText('Your details are saved.').waitFor();
    expect(await saved.innerText()).toContain('Detective Sergeant');
    expect(await violations(page, 'settings with your details')).toEqual([]);
    await page.screenshot({ path: 'test-results/settings-details-360.png', fullPage: true });
  });
});

async function violations(page: Page, screen: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  return results.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`);
}

describe('encounter screens, accessibility (axe-core, WCAG 2.2 AA)', () => {
  // One walk per screen size, in one browser profile, in two steps (see walkInSteps).
  for (const [name, width] of [['320 px', 320], ['desktop', 1280]] as const) {
    describe(`at ${name}`, () => {
      let context: BrowserContext;
      let page: Page;
      const steps = walkInSteps();

      beforeAll(async () => {
        ({ context, page } = await stack.newPage({ viewport: { width, height: 800 } }));
      });

      afterAll(async () => {
        await context?.close();
      });

      steps.step('finds no violations on start, start with errors, the encounter empty, quick capture with errors and the encounter with people', async () => {
        const found: string[] = [];
        const check = async (screen: string) => found.push(...(await violations(page, screen)));
        await openApp(page, stack.server.baseUrl);
        await page.getByRole('link', { name: 'Start an encounter' }).click();
        await page.getByRole('heading', { name: 'Start an encounter' }).waitFor();
        await check('start');
        await page.locator('#time').fill('');
        await page.getByRole('button', { name: 'Start the encounter' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        await check('start with errors');
        await page.getByRole('link', { name: 'Back' }).click();
        await startEncounter(page, { ...encounter, operation: `Operation Axe ${width}` });
        await check('encounter, empty');
        await page.getByRole('button', { name: 'Add a person' }).click();
        await page.locator('#caseLabel').fill('');
        await page.locator('input[name="underAge"][value="no"]').check();
        await page.getByRole('button', { name: 'Save and go back to the encounter' }).click();
        await page.locator('.govuk-error-summary').waitFor();
        await page.locator('input[name="interpreter"][value="yes"]').check();
        await check('quick capture with errors');
        await page.locator('#caseLabel').fill('Axe – person 1');
        await quickCapture(page, { underAge: 'no', consent: 'yes', interpreter: 'no' }, 'add');
        await quickCapture(page, { underAge: 'yes' }, 'back');
        await page.getByTestId('encounter-tally').waitFor();
        await check('encounter with people');
        // Soft: the walk has still got where it should, so the next step goes on.
        expect.soft(found).toEqual([]);
      });

      steps.step('finds no violations on family, remove a person, change details, delete, close and all encounters', async () => {
        const found: string[] = [];
        const check = async (screen: string) => found.push(...(await violations(page, screen)));
        await personRow(page, 'Axe – person 1').getByRole('link', { name: /^Family: link to/ }).click();
        await page.getByRole('heading', { name: /^Family members of/ }).waitFor();
        await check('family');
        await page.getByRole('link', { name: 'Back' }).click();
        await personRow(page, 'Axe – person 1').getByRole('link', { name: /^Remove/ }).click();
        await page.getByRole('heading', { name: 'Remove this person from the encounter?' }).waitFor();
        await check('remove a person');
        await page.getByRole('link', { name: 'Cancel' }).click();
        await page.getByRole('link', { name: 'Change shared details' }).click();
        await page.getByRole('heading', { name: 'Change the encounter’s details' }).waitFor();
        await check('change details');
        await page.getByRole('link', { name: 'Back' }).click();
        await page.getByRole('link', { name: 'Delete this encounter' }).click();
        await page.getByRole('heading', { name: 'Delete this encounter?' }).waitFor();
        await check('delete');
        await page.getByRole('link', { name: 'Cancel' }).click();
        await page.getByRole('link', { name: 'Close this encounter' }).click();
        await page.getByRole('heading', { name: 'Close this encounter?' }).waitFor();
        await check('close');
        await page.getByRole('button', { name: 'Yes, close it' }).click();
        await page.getByRole('link', { name: 'All encounters, including closed ones' }).click();
        await page.getByRole('heading', { name: 'Encounters' }).waitFor();
        await check('all encounters');
        expect.soft(found).toEqual([]);
      });
    });
  }
});
