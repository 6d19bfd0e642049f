import { useRef, useState } from 'preact/hooks';
import { encounterErrors, encounterPage, kindOf, type CapturedLocation, type EncounterDetails, type EncounterKind } from '../../shared/encounter.ts';
import { listErrors } from '../../shared/form/list-rules.ts';
import type { Answers, FieldDef } from '../../shared/form/model.ts';
import { type Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Button } from '../../govuk/Button.tsx';
import { ChoiceQuestion, DateQuestion, TextQuestion, TextareaQuestion } from '../form/question-fields.tsx';
import { TypeAhead } from '../form/TypeAhead.tsx';
import { encounterContent } from './content.ts';
import { useListLookup } from '../form/list-lookup.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useServices } from '../shell/services.ts';
import { useStepForm } from '../form/use-step-form.ts';
import { LocationCapture } from './LocationCapture.tsx';
import { useEncounters } from './use-encounters.ts';

const text = encounterContent;
const def = (name: string): FieldDef => encounterPage.fields.find((field) => field.name === name) ?? encounterPage.fields[0]!;

/** Today and now as the date and time questions hold them ("YYYY-M-D", "HH:MM"), on the device's own clock. */
function nowValues(now: Date): Answers {
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`, time: `${pad(now.getHours())}:${pad(now.getMinutes())}` };
}

/** Where the location stands on the form: captured or not, and whether each referral is to give it. */
interface LocationChoice {
  location?: CapturedLocation;
  share: boolean;
}

function detailsOf(values: Answers, { location, share }: LocationChoice): EncounterDetails {
  const get = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  const kind = get('kind') === 'outreach' ? 'outreach' : get('kind') === 'police' ? 'police' : undefined;
  return {
    ...(kind ? { kind } : {}),
    operation: get('operation'),
    date: get('date'),
    time: get('time'),
    place: get('place'),
    // Written even when cleared, so a change of details takes out what was there.
    location,
    shareLocation: location !== undefined && share,
    // Outreach names no police force: one typed before switching from a police operation is not kept.
    policeForce: kind === 'police' ? get('policeForce') : '',
    crimeReference: get('crimeReference'),
    officers: get('officers'),
  };
}

const initialOf = (encounter: Encounter): Answers => ({
  ...Object.fromEntries(encounterPage.fields.map(({ name }) => [name, encounter[name as keyof EncounterDetails] as string | undefined])),
  kind: kindOf(encounter) satisfies EncounterKind,
});

/** Starts an encounter, or changes its shared details (the people's drafts follow where they still hold them). */
export function EncounterDetailsForm({ encounter }: { encounter?: Encounter }) {
  const { clock } = useServices();
  const encounters = useEncounters();
  const [located, setLocated] = useState<LocationChoice>({ location: encounter?.location, share: encounter?.shareLocation === true });
  // The rules read the latest location, whatever has rendered (a tap on the button, then at once Continue).
  const latestLocation = useRef(located);
  const initial: Answers = encounter ? initialOf(encounter) : nowValues(clock.now());
  const listLookup = useListLookup();
  const form = useStepForm((values) => encounterErrors(detailsOf(values, latestLocation.current)), initial, () => undefined);
  const changeLocation = (next: LocationChoice) => {
    latestLocation.current = next;
    setLocated(next);
    // Checked again at once after a failed submit, as typing is: the place may now be given.
    form.set('place', form.values.place);
  };

  const onSubmit = form.handleSubmit(
    async (values) => {
      const details = detailsOf(values, latestLocation.current);
      if (encounter) {
        await encounters.saveDetails(encounter, details);
        return navigate(paths.encounter(encounter.id));
      }
      const made = await encounters.create(details);
      navigate(paths.encounter(made.id), { replace: true });
    },
    async (values) => listErrors(encounterPage, values, await listLookup(['police-forces'])),
  );

  const field = (name: string) => ({ id: name, label: def(name).label, hint: def(name).hint, error: form.errors[name], heading: false });
  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name}`, message }));
  const value = (name: string) => {
    const current = form.values[name];
    return typeof current === 'string' ? current : '';
  };

  return (
    <>
      <BackLink href={encounter ? paths.encounter(encounter.id) : paths.home} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <ErrorSummary errors={summary} attempt={form.attempts} />
          <h1 class="govuk-heading-l">{encounter ? text.editTitle : text.newTitle}</h1>
          <p class="govuk-body">{text.lead}</p>
          <form noValidate onSubmit={(event) => void onSubmit(event)}>
            <ChoiceQuestion
              {...field('kind')}
              kind="radios"
              options={(def('kind').options ?? []).map((option) => ({
                ...option,
                field: form.radio('kind', option.value),
                // The police force belongs to a police operation: asked under that answer only.
                conditional:
                  option.value === 'police' ? <TypeAhead {...field('policeForce')} name="policeForce" list="police-forces" value={value('policeForce')} onChange={(next) => form.set('policeForce', next)} /> : undefined,
              }))}
            />
            <TextQuestion {...field('operation')} kind="text" field={form.text('operation')} />
            <DateQuestion {...field('date')} value={value('date')} onChange={(next) => form.set('date', next)} />
            <TextQuestion {...field('time')} kind="text" field={form.text('time')} />
            <TextQuestion {...field('place')} kind="text" field={form.text('place')} />
            <LocationCapture
              location={located.location}
              share={located.share}
              onChange={(location) => changeLocation({ location, share: location ? latestLocation.current.share : false })}
              onShare={(share) => changeLocation({ ...latestLocation.current, share })}
            />
            <TextQuestion {...field('crimeReference')} kind="text" field={form.text('crimeReference')} />
            <TextareaQuestion {...field('officers')} field={form.text('officers')} max={def('officers').max ?? 2000} />
            <Button type="submit">{encounter ? text.save : text.start}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
