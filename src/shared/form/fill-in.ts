import type { AnswerValue, FieldDef } from './model.ts';

/**
 * What an answer filled in by another becomes when that one changes from `before` to `after`: the new
 * value's own, while it is blank or still what `before` filled in; undefined to leave it as it is.
 */
export function fillIn(rule: NonNullable<FieldDef['fillsIn']>, before: string, after: string, current: AnswerValue | undefined): string | undefined {
  const held = typeof current === 'string' ? current : '';
  if (held !== '' && held !== rule.from(before)) return undefined;
  const next = rule.from(after) ?? '';
  return next === held ? undefined : next;
}
