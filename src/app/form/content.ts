import { sectionTitles } from '../../shared/form/sections.ts';

/** A label inside a sentence: its first letter small, names such as "UK" kept. */
export const lowerFirst = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

/** The question pages’ words (the questions themselves are data: src/shared/form). */
export const formContent = {
  sections: sectionTitles,
  pageNumber: (n: number) => `Page ${n}`,
  /** The first page's place, said before the form's tables (and so the path's totals) have loaded. */
  firstQuestion: 'Section 1, question 1',
  remindSituations: 'They were exploited in more than one situation: cover each of them in your answers on this page.',
  date: { day: 'Day', month: 'Month', year: 'Year' },
  places: {
    entry: (label: string, n: number) => `${label} ${n}`,
    add: (label: string) => `Add another ${lowerFirst(label)}`,
    remove: 'Remove',
    full: (max: number) => `You have added the most places this question takes (${max}). Put any others under ‘Anything else about the places’.`,
  },
  savedAt: (time: string) => `Saved on this device at ${time}`,
  saveFailed: 'Could not save on this device. Keep this page open and try again.',
  characters: {
    remaining: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} remaining`,
    over: (n: number) => `You have ${n.toLocaleString('en-GB')} character${n === 1 ? '' : 's'} too many`,
  },
  storageFull: 'This device is out of storage space, so the last change was not saved. What you typed is still on screen. Free some space (for example delete sent items or other apps), then continue.',
} as const;
