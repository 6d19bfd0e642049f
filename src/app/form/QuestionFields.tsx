import { fillIn } from '../../shared/form/fill-in.ts';
import { questionIsHeading, topLevelFields, type FieldDef, type PageDef } from '../../shared/form/model.ts';
import { opensUnder } from '../../shared/form/page-schema.ts';
import type { ReferenceListName } from '../../shared/reference-lists.ts';
import { AllOfQuestion, ChoiceQuestion, ConfirmQuestion, DateQuestion, TextQuestion, TextareaQuestion } from './question-fields.tsx';
import { PlacesQuestion } from './PlacesQuestion.tsx';
import { TypeAhead } from './TypeAhead.tsx';
import type { useStepForm } from './use-step-form.ts';

type Form = ReturnType<typeof useStepForm>;

/** A list question names its list in the tables; one that does not is a mistake in them, not an answer. */
function listOf(def: FieldDef): ReferenceListName {
  if (!def.list) throw new Error(`The form tables give ${def.name} no reference list`);
  return def.list;
}

function FieldView({ def, page, form, heading }: { def: FieldDef; page: PageDef; form: Form; heading: boolean }) {
  const common = { id: def.name, label: def.label, hint: def.hint, error: form.errors[def.name], heading };
  const value = form.values[def.name];
  switch (def.kind) {
    case 'text':
    case 'phone':
    case 'email':
    case 'count':
      return <TextQuestion {...common} kind={def.kind} field={form.text(def.name)} />;
    case 'textarea':
      return <TextareaQuestion {...common} field={form.text(def.name)} max={def.max ?? 0} />;
    case 'confirm':
      return <ConfirmQuestion {...common} field={form.confirm(def.name)} />;
    case 'date':
      return <DateQuestion {...common} value={typeof value === 'string' ? value : ''} onChange={(next) => form.set(def.name, next)} />;
    case 'typeahead':
      return (
        <TypeAhead
          {...common}
          labelIsPageHeading={heading}
          name={def.name}
          list={listOf(def)}
          exclude={def.exclude}
          value={typeof value === 'string' ? value : ''}
          onChange={(text) => {
            form.set(def.name, text);
            if (!def.fillsIn) return;
            const filled = fillIn(def.fillsIn, typeof value === 'string' ? value : '', text, form.values[def.fillsIn.field]);
            if (filled !== undefined) form.set(def.fillsIn.field, filled);
          }}
        />
      );
    case 'places':
      return (
        <PlacesQuestion
          id={def.name}
          label={def.label}
          hint={def.hint}
          error={form.errors[def.name]}
          list={listOf(def)}
          exclude={def.exclude}
          maxItems={def.maxItems ?? 10}
          values={Array.isArray(value) ? value : []}
          onChange={(rows) => form.set(def.name, rows)}
        />
      );
    case 'radios':
    case 'checkboxes': {
      if (def.kind === 'checkboxes' && def.requireAll) {
        const all = (def.options ?? []).map((option) => option.value);
        const ticked = Array.isArray(value) && all.every((entry) => value.includes(entry));
        return (
          <AllOfQuestion
            {...common}
            items={(def.options ?? []).map((option) => option.label)}
            confirm={def.requireAll}
            field={{ name: def.name, value: 'all', checked: ticked, onChange: () => form.set(def.name, ticked ? [] : all) }}
          />
        );
      }
      return (
        <ChoiceQuestion
          {...common}
          kind={def.kind}
          options={(def.options ?? []).map((option) => {
            const followUps = page.fields.filter((other) => other.shownWhen?.field === def.name && opensUnder(other, option.value));
            return {
              ...option,
              field: def.kind === 'radios' ? form.radio(def.name, option.value) : form.checkbox(def.name, option.value),
              conditional: followUps.length > 0 ? followUps.map((other) => <FieldView key={other.name} def={other} page={page} form={form} heading={false} />) : undefined,
            };
          })}
        />
      );
    }
  }
}

/** Every question of a page; follow-up questions render under the answer that opens them. */
export function QuestionFields({ page, form }: { page: PageDef; form: Form }) {
  const topLevel = topLevelFields(page);
  const heading = questionIsHeading(page);
  return (
    <>
      {topLevel.map((def) => (
        <FieldView key={def.name} def={def} page={page} form={form} heading={heading} />
      ))}
    </>
  );
}
