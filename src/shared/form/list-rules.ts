import type { ReferenceListName } from '../reference-lists.ts';
import { walk } from './journey.ts';
import type { Answers, FieldDef, ListLookup, PageDef } from './model.ts';
import { filled, visibleFields } from './page-schema.ts';

function entries(def: FieldDef, answers: Answers): string[] {
  const value = filled(answers[def.name]);
  if (value === undefined) return [];
  return (typeof value === 'string' ? [value] : [...value]).filter((entry) => entry.trim() !== '');
}

/** Answers that must come from a list: each entry on it, and not one the field leaves out. */
export function listErrors(page: PageDef, answers: Answers, lookup: ListLookup): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const def of visibleFields(page, answers)) {
    if (!def.list) continue;
    const list = def.list;
    const wrong = entries(def, answers).some((entry) => {
      const found = lookup.find(list, entry);
      return found === undefined || (def.exclude ?? []).includes(found);
    });
    if (wrong) errors[def.name] = def.missing || `Choose ${def.label.replace(/ \(optional\)$/, '').toLowerCase()} from the list, or leave it empty`;
  }
  for (const def of visibleFields(page, answers)) {
    const broken = def.listRule?.check(answers, lookup);
    if (broken) errors[def.name] ??= broken;
  }
  return errors;
}

/** Every list a page's rules read: its list questions' own, and those their other rules need. */
export function listsFor(page: PageDef): ReferenceListName[] {
  return [...new Set(page.fields.flatMap((def) => [...(def.list ? [def.list] : []), ...(def.listRule?.lists ?? [])]))];
}

/** The same rules over a whole referral, as the server checks it after the schema. */
export function referralListErrors(referral: Answers, lookup: ListLookup): { path: string; message: string }[] {
  return walk(referral, { skipDeviceOnly: true }).done.flatMap((page) => Object.entries(listErrors(page, referral, lookup)).map(([path, message]) => ({ path, message })));
}
