import { useState } from 'preact/hooks';
import { single } from '../../shared/form/model.ts';
import { familyOf, withFamily, type Encounter } from '../../store/encounters.ts';
import { BackLink } from '../shell/BackLink.tsx';
import { Button } from '../../govuk/Button.tsx';
import { encounterContent } from './content.ts';
import { navigate, paths } from '../shell/routes.ts';
import { useLiveQuery } from '../shell/use-live-query.ts';
import { useEncounters } from './use-encounters.ts';

const text = encounterContent;

/** "Family: link to …": ticks for the other people of the encounter; a link made here is mutual. */
export function EncounterFamily({ encounter, personId }: { encounter: Encounter; personId: string }) {
  const encounters = useEncounters();
  const people = useLiveQuery(() => encounters.peopleOf(encounter, () => false), [encounters, encounter.id]);
  const [chosen, setChosen] = useState<readonly string[]>(() => familyOf(encounter, personId));
  if (!people) return null;
  const person = people.find((candidate) => candidate.id === personId);
  const others = people.filter((candidate) => candidate.id !== personId);
  const anonymous = person?.answers && single(person.answers, 'consent') === 'no' && single(person.answers, 'cooperation') !== 'yes';

  const save = async (event: Event) => {
    event.preventDefault();
    await encounters.update(encounter.id, (current) => withFamily(current, personId, chosen));
    navigate(paths.encounter(encounter.id));
  };

  return (
    <>
      <BackLink href={paths.encounter(encounter.id)} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form noValidate onSubmit={(event) => void save(event)}>
            <div class="govuk-form-group">
              <fieldset class="govuk-fieldset" aria-describedby="family-hint">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                  <h1 class="govuk-fieldset__heading app-break-words">{text.familyTitle(person?.caseLabel ?? '')}</h1>
                </legend>
                <div id="family-hint" class="govuk-hint">
                  {text.familyHint}
                </div>
                {anonymous ? <div class="govuk-inset-text">{text.familyDtn}</div> : null}
                {others.length === 0 ? <p class="govuk-body">{text.familyNone}</p> : null}
                <div class="govuk-checkboxes">
                  {others.map((other, index) => (
                    <div class="govuk-checkboxes__item" key={other.id}>
                      <input
                        class="govuk-checkboxes__input"
                        id={index === 0 ? 'family' : `family-${index + 1}`}
                        type="checkbox"
                        name="family"
                        value={other.id}
                        checked={chosen.includes(other.id)}
                        onChange={() => setChosen(chosen.includes(other.id) ? chosen.filter((id) => id !== other.id) : [...chosen, other.id])}
                      />
                      <label class="govuk-label govuk-checkboxes__label" for={index === 0 ? 'family' : `family-${index + 1}`}>
                        {other.caseLabel}
                      </label>
                    </div>
                  ))}
                </div>
              </fieldset>
            </div>
            <Button type="submit">{text.familySave}</Button>
          </form>
        </div>
      </div>
    </>
  );
}
