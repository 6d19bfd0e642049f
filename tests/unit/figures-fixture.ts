import type { FiguresAnswer, FigureTable, TrendAnswer } from '../../src/shared/figures/figures-contract.ts';
import { FORCE_TILES } from '../../src/console/figures/force-grid.ts';

/**
 * A period's answer as the server sends it (already suppressed), for the Figures screens' tests: a
 * short published table with totals, notes and a hidden cell; the table by police force area that the
 * map is drawn from; and a long first-responder table whose labels need quoting in a CSV.
 */

const ageAndLocation: FigureTable = {
  id: 'referrals-by-age-and-location',
  title: 'NRM referrals by age at exploitation and location of exploitation',
  rowHeading: 'Age at exploitation',
  columns: [
    { key: 'uk', label: 'UK' },
    { key: 'overseas', label: 'Overseas' },
    { key: 'uk-and-overseas', label: 'UK and Overseas' },
    { key: 'not-specified', label: 'Not specified or unknown' },
    { key: 'total', label: 'Total' },
  ],
  rows: [
    { key: 'adult', label: 'Adult (18 or over)', cells: [1210, 640, 118, 'suppressed', 'suppressed'], total: false },
    { key: 'child', label: 'Child (17 or under)', cells: [1502, 95, 61, 'suppressed', 'suppressed'], total: false },
    { key: 'not-specified', label: 'Age not specified or unknown', cells: [0, 12, 0, 0, 12], total: false },
    { key: 'total', label: 'Total', cells: [2712, 747, 179, 9, 3647], total: true },
  ],
  notes: ['Age at exploitation is the age the person was when the exploitation began.', 'Counts below 5 are shown as "fewer than 5".'],
};

const forces = FORCE_TILES.map((tile) => tile.name);
const whereRows = forces.map((name, index) => {
  const cell = index === 3 ? ('suppressed' as const) : index === 5 ? 0 : 10 + index * 7;
  return { key: name, label: name, cells: [cell, cell], total: false };
});

const where: FigureTable = {
  id: 'where-by-police-force-area',
  title: 'NRM referrals by police force area where exploitation happened',
  rowHeading: 'Police force area',
  columns: [
    { key: 'adult', label: 'Adult (18 or over)' },
    { key: 'total', label: 'Total' },
  ],
  rows: [...whereRows, { key: 'British Transport Police', label: 'British Transport Police', cells: [7, 7], total: false }, { key: 'total', label: 'Total', cells: [9999, 9999], total: true }],
  notes: [],
};

const responders: FigureTable = {
  id: 'referrals-by-first-responder-organisation',
  title: 'NRM referrals by first responder organisation and exploitation category',
  rowHeading: 'First responder organisation',
  columns: [
    { key: 'labour', label: 'Labour' },
    { key: 'labour-criminal', label: 'Labour & Criminal' },
    { key: 'total', label: 'Total' },
  ],
  rows: [
    { key: 'quoted', label: 'Safe "Home", Leeds', cells: [12, 'suppressed', 'suppressed'], total: false },
    { key: 'formula', label: '=Not a formula', cells: [6, 0, 6], total: false },
    ...Array.from({ length: 38 }, (_, index) => ({ key: `org-${index}`, label: `Organisation ${index + 1}`, cells: [20 + index, 5, 25 + index], total: false })),
    { key: 'total', label: 'Total', cells: [1541, 194, 1735], total: true },
  ],
  notes: ['One referral is counted once, under the organisation of the first responder who made it.'],
};

export const answer: FiguresAnswer = {
  period: { param: '2022-Q4', label: 'October to December 2022', from: '2022-10-01', to: '2022-12-31' },
  threshold: 5,
  tables: [ageAndLocation, where, responders],
};

export const answerFor = (param: string, label: string): FiguresAnswer => ({ ...answer, period: { ...answer.period, param, label } });

export const trend: TrendAnswer = {
  table: 'referrals-by-age-and-location',
  title: 'NRM referrals by age at exploitation and location of exploitation',
  series: 'Total, Total',
  threshold: 5,
  points: [
    { quarter: '2022-Q1', label: '2022 Q1', value: 3012 },
    { quarter: '2022-Q2', label: '2022 Q2', value: 'suppressed' },
    { quarter: '2022-Q3', label: '2022 Q3', value: 3511 },
    { quarter: '2022-Q4', label: '2022 Q4', value: 3323 },
  ],
};
