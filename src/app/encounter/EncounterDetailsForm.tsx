import { useRef, useState } from 'preact/hooks';
import { encounterErrors, encounterPage, type CapturedLocation, type EncounterDetails } from '../../shared/encounter.ts';
import { listErrors } from '../../shared/form/list-rules.ts';
import type { Answers, FieldDef } from '../../shared/form/model.ts';
import { type Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { ErrorSummary } from '../../govuk/ErrorSummary.tsx';
import { Button } from '../../govuk/Button.tsx';
import { DateQuestion, TextQuestion, TextareaQuestion } from '../form/question-fields.tsx';
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

function detailsOf(values: Answers, location: CapturedLocation | undefined): EncounterDetails {
  const get = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  return { operation: get('operation'), date: get('date'), time: get('time'), place: get('place'), policeForce: get('policeForce'), crimeReference: get('crimeReference'), officers: get('officers'), ...(location ? { location } : {}) };
}

/** Starts an encounter, or changes its shared details (the people's drafts follow where they still hold them). */
export function EncounterDetailsForm({ encounter }: { encounter?: Encounter }) {
  const { clock } = useServices();
  const encounters = useEncounters();
  const [location, setLocation] = useState<CapturedLocation | undefined>(encounter?.location);
  // The rules read the latest location, whatever has rendered (a tap on the button, then at once Continue).
  const latestLocation = useRef(location);
  const initial: Answers = encounter ? Object.fromEntries(encounterPage.fields.map(({ name }) => [name, encounter[name as keyof EncounterDetails] as string | undefined])) : nowValues(clock.now());
  const listLookup = useListLookup();
  const form = useStepForm((values) => encounterErrors(detailsOf(values, latestLocation.current)), initial, () => undefined);

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
  const summary = Object.entries(form.errors).map(([name, message]) => ({ href: `#${name === 'date' ? 'date' : name}`, message }));
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
            <TextQuestion {...field('operation')} kind="text" field={form.text('operation')} />
            <DateQuestion {...field('date')} value={value('date')} onChange={(next) => form.set('date', next)} />
            <TextQuestion {...field('time')} kind="text" field={form.text('time')} />
            <TextQuestion {...field('place')} kind="text" field={form.text('place')} />
            <LocationCapture
              location={location}
              onChange={(next) => {
                latestLocation.current = next;
                setLocation(next);
                // Checked again at once after a failed submit, as typing is: the place may now be given.
                form.set('place', form.values.place);
              }}
            />
            <TypeAhead {...field('policeForce')} name="policeForce" list="police-forces" value={value('policeForce')} onChange={(next) => form.set('policeForce', next)} />
            <TextQuestion {...field('crimeReference')} kind="text" field={form.text('crimeReference')} />
            <TextareaQuestion {...field('officers')} field={form.text('officers')} max={def('officers').max ?? 2000} />
            <Button type="submit">{encounter ? text.save : text.start}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
