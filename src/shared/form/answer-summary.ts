import { fileCount, dateAnswerInWords } from '../format.ts';
import { walk } from './journey.ts';
import { yesNo, type AnswerValue, type Answers, type FieldDef, type PageDef, type SectionId } from './model.ts';
import { filled, visibleFields } from './page-schema.ts';
import { sectionTitles } from './sections.ts';

/** One answer as it reads back: the question without "(optional)", and the answer in words (undefined when not answered). */
export interface AnswerRow {
  /** The answer's name (the field's), or "caseLabel" for the case label. */
  name: string;
  label: string;
  value: string | undefined;
  /** The page that asks it (for a Change link). */
  pageId: string;
}

export interface AnswerSection {
  section: SectionId;
  title: string;
  rows: AnswerRow[];
}

export interface AnswerSummaryOptions {
  /**
   * On the device that holds the draft: the case label and the words for its row. The walk then
   * passes the device-only page and shows it; without this (at the desk, or from sent answers)
   * device-only pages are skipped.
   */
  caseLabel?: { value: string | undefined; label: string };
}

const NO_FILES = 'None';
const YES = yesNo.find((option) => option.value === 'yes')?.label ?? 'Yes';

/** An answer as the responder chose it: option labels, not codes; a date in words; a count of files ("None" is an answer: no files). */
export function answerInWords(def: FieldDef, raw: AnswerValue | undefined): string | undefined {
  const value = filled(raw);
  if (def.kind === 'files') return value === undefined ? NO_FILES : fileCount(typeof value === 'string' ? 1 : value.length);
  if (value === undefined) return undefined;
  const label = (entry: string) => def.options?.find((option) => option.value === entry)?.label ?? entry;
  if (typeof value !== 'string') return value.map(label).join('\n');
  if (def.kind === 'confirm') return YES;
  if (def.kind === 'date') return dateAnswerInWords(value);
  return label(value);
}

function bySection(pages: readonly PageDef[]): [SectionId, PageDef[]][] {
  const sections = new Map<SectionId, PageDef[]>();
  for (const page of pages) sections.set(page.section, [...(sections.get(page.section) ?? []), page]);
  return [...sections];
}

/**
 * The answers of the pages this referral passes, in the journey's order and grouped by section, in
 * words: what check your answers shows on the device and what the desk shows of a received referral.
 * Only the questions shown on each page are listed (a hidden follow-up is not).
 */
export function answerSections(answers: Answers, options: AnswerSummaryOptions = {}): AnswerSection[] {
  const { caseLabel } = options;
  const values: Answers = caseLabel ? { caseLabel: caseLabel.value, ...answers } : answers;
  const { done } = walk(values, { skipDeviceOnly: !caseLabel });
  return bySection(caseLabel ? done : done.filter((page) => !page.deviceOnly)).map(([section, pages]) => ({
    section,
    title: sectionTitles[section],
    rows: pages.flatMap((page): AnswerRow[] => {
      if (page.deviceOnly) return caseLabel ? [{ name: 'caseLabel', label: caseLabel.label, value: caseLabel.value, pageId: page.id }] : [];
      return visibleFields(page, values).map((def) => ({ name: def.name, label: def.label.replace(/ \(optional\)$/, ''), value: answerInWords(def, values[def.name]), pageId: page.id }));
    }),
  }));
}
