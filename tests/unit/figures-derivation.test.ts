import { describe, expect, it } from 'vitest';
import { openCase } from '../../src/shared/casework/machine.ts';
import { decisionColumnsOf } from '../../src/shared/figures/decision-columns.ts';
import { ageAtExploitationOf, deriveStatistics, exploitationCategoryOf, nationalityOf } from '../../src/shared/figures/derive-statistics.ts';
import { regionOf, responderTypeOf } from '../../src/shared/figures/responders-and-places.ts';
import { statisticalRecordSchema } from '../../src/shared/figures/statistical-record.ts';

describe('exploitation category: one per person, as the statistics count it', () => {
  it.each([
    [['forced-to-work'], 'Labour'],
    [['wages-taken'], 'Labour'],
    [['forced-to-commit-fraud'], 'Labour'],
    [['prostitution'], 'Sexual'],
    [['child-exploitation'], 'Sexual'],
    [['taken-somewhere'], 'Sexual'],
    [['forced-to-commit-crime'], 'Criminal'],
    [['unpaid-household-work'], 'Domestic'],
    [['organs-removed'], 'Organ Harvesting'],
  ])('%j is %s', (ticks, category) => expect(exploitationCategoryOf(ticks)).toBe(category));

  it('counts several ticks of one type once', () => {
    expect(exploitationCategoryOf(['forced-to-work', 'wages-taken', 'forced-to-commit-fraud'])).toBe('Labour');
  });

  it('names combinations in the publication’s order, whatever order they were ticked in', () => {
    expect(exploitationCategoryOf(['forced-to-commit-crime', 'forced-to-work'])).toBe('Labour & Criminal');
    expect(exploitationCategoryOf(['unpaid-household-work', 'prostitution'])).toBe('Sexual & Domestic');
    expect(exploitationCategoryOf(['unpaid-household-work', 'forced-to-work', 'prostitution'])).toBe('Sexual, Labour & Domestic');
    expect(exploitationCategoryOf(['forced-to-commit-crime', 'organs-removed', 'wages-taken'])).toBe('Labour, Organ Harvesting & Criminal');
    expect(exploitationCategoryOf(['organs-removed', 'forced-to-work'])).toBe('Labour & Organ Harvesting');
    expect(exploitationCategoryOf(['forced-to-commit-crime', 'unpaid-household-work', 'forced-to-work', 'prostitution'])).toBe('Sexual, Labour, Domestic & Criminal');
    expect(exploitationCategoryOf(['forced-to-commit-crime', 'unpaid-household-work', 'forced-to-work', 'prostitution', 'organs-removed'])).toBe(
      'Sexual, Labour, Domestic, Organ Harvesting & Criminal',
    );
  });

  it('is not specified when nothing, or only "something else", was ticked', () => {
    expect(exploitationCategoryOf([])).toBe('Not specified or unknown');
    expect(exploitationCategoryOf(['other'])).toBe('Not specified or unknown');
    expect(exploitationCategoryOf(['other', 'prostitution'])).toBe('Sexual');
  });
});

describe('age at exploitation', () => {
  it('is a child when under 18 now or when exploited, not specified when not sure', () => {
    expect(ageAtExploitationOf('child', { underAge: 'yes' }, false)).toBe('child');
    expect(ageAtExploitationOf('child', { underAge: 'not-sure' }, false)).toBe('not-specified');
    expect(ageAtExploitationOf('adult-nrm', { underAge: 'no', childAtTime: 'yes' }, false)).toBe('child');
    expect(ageAtExploitationOf('adult-nrm', { underAge: 'no', childAtTime: 'no' }, false)).toBe('adult');
    expect(ageAtExploitationOf('dtn', { underAge: 'no', childAtTime: 'not-sure' }, false)).toBe('not-specified');
  });

  it('reads the previous version’s path and age group', () => {
    expect(ageAtExploitationOf('adult-nrm', {}, false)).toBe('adult');
    expect(ageAtExploitationOf('child', {}, false)).toBe('child');
    expect(ageAtExploitationOf('child', {}, true)).toBe('not-specified');
  });
});

describe('nationality, responder and place', () => {
  it('writes nationalities as the publication does', () => {
    expect(nationalityOf({ nationality: 'Albanian' })).toBe('Albanian');
    expect(nationalityOf({ nationality: 'British' })).toBe('UK');
    expect(nationalityOf({ nationality: 'Albanian', secondNationality: 'British' })).toBe('Albanian UK');
    expect(nationalityOf({})).toBe('Unknown');
  });

  it('sorts organisations into the four first responder types', () => {
    expect(responderTypeOf('Home Office - UK Border Force UKBF')).toBe('government-agency');
    expect(responderTypeOf('National Crime Agency NCA')).toBe('government-agency');
    expect(responderTypeOf('Gangmasters and Labour Abuse Authority GLAA')).toBe('government-agency');
    expect(responderTypeOf('Metropolitan Police Service')).toBe('police');
    expect(responderTypeOf('Devon & Cornwall Police')).toBe('police');
    expect(responderTypeOf('Tarian ROCU')).toBe('police');
    expect(responderTypeOf('North West Regional Organised Crime Unit')).toBe('police');
    expect(responderTypeOf('Kent County Council')).toBe('local-authority');
    expect(responderTypeOf('London Borough of Hackney')).toBe('local-authority');
    expect(responderTypeOf('Greater London Authority')).toBe('local-authority');
    expect(responderTypeOf('Comhairle nan Eilean Siar')).toBe('local-authority');
    expect(responderTypeOf('The Salvation Army')).toBe('ngo');
    expect(responderTypeOf("Barnardo's")).toBe('ngo');
  });

  it('puts each police force area in its region or nation', () => {
    expect(regionOf('Metropolitan Police Service')).toBe('London');
    expect(regionOf('South Wales Police')).toBe('Wales');
    expect(regionOf('Police Scotland')).toBe('Scotland');
    expect(regionOf('British Transport Police')).toBeNull();
    expect(regionOf(null)).toBeNull();
  });
});

describe('the statistical record of a referral', () => {
  const answers = {
    organisation: 'Kent Police',
    underAge: 'no',
    childAtTime: 'no',
    whereExploited: 'uk',
    reportedToPolice: 'yes',
    policeForce: 'Essex Police',
    crimeReference: 'CAD 1234 of 5 May',
    exploitationTypes: ['forced-to-work', 'forced-to-commit-crime', 'other'],
    otherExploitationDetails: 'Made to sell things at a market',
    gender: 'male',
    nationality: 'Vietnamese',
    firstName: 'Anh',
    lastName: 'Nguyen',
    dateOfBirth: '1990-1-2',
    phone: '07700 900 982',
  };

  it('keeps only closed-list values, with the place the crime was reported in', () => {
    const record = deriveStatistics({ id: 'r1', path: 'adult-nrm', answers, ageNotSure: false, receivedAt: '2022-12-31T23:30:00.000Z' });
    expect(statisticalRecordSchema.parse(record)).toEqual({
      id: 'r1',
      scheme: 'nrm',
      receivedOn: '2022-12-31',
      quarter: '2022-Q4',
      ageAtExploitation: 'adult',
      gender: 'male',
      nationality: 'Vietnamese',
      exploitationCategory: 'Labour & Criminal',
      location: 'uk',
      ukRegion: 'East of England',
      policeForceArea: 'Essex Police',
      responderType: 'police',
      responderOrganisation: 'Kent Police',
      rgOutcome: null,
      rgOn: null,
      rgDays: null,
      cgOutcome: null,
      cgOn: null,
      cgDays: null,
      reconsiderations: 0,
      withdrawn: false,
      countyLines: false,
      encounterId: null,
      places: [],
    });
  });

  it('counts the UK day received, in summer time too', () => {
    const record = deriveStatistics({ id: 'r2', path: 'dtn', answers: { ...answers, reportedToPolice: 'no' }, ageNotSure: false, receivedAt: '2022-06-30T23:30:00.000Z' });
    expect([record.receivedOn, record.quarter, record.scheme, record.policeForceArea]).toEqual(['2022-07-01', '2022-Q3', 'dtn', 'Kent Police']);
  });

  it('has no police force area for exploitation only outside the UK, and none for a non-police responder who did not report it', () => {
    expect(deriveStatistics({ id: 'r3', path: 'adult-nrm', answers: { ...answers, whereExploited: 'overseas' }, ageNotSure: false, receivedAt: '2022-01-01T12:00:00Z' }).policeForceArea).toBeNull();
    const ngo = deriveStatistics({ id: 'r4', path: 'child', answers: { organisation: 'Unseen', underAge: 'yes', whereExploited: 'uk-and-overseas' }, ageNotSure: false, receivedAt: '2022-01-01T12:00:00Z' });
    expect([ngo.policeForceArea, ngo.ukRegion, ngo.responderType, ngo.location, ngo.gender, ngo.exploitationCategory]).toEqual([null, null, 'ngo', 'uk-and-overseas', 'other', 'Not specified or unknown']);
  });

  it('takes served decisions and the county-lines mark from the case, with the days each decision took', () => {
    const opened = openCase('adult-nrm', '2022-10-03');
    expect(decisionColumnsOf(opened)).toEqual({ rgOutcome: null, rgOn: null, rgDays: null, cgOutcome: null, cgOn: null, cgDays: null, withdrawn: false, countyLines: false });
    const decided = { ...opened, stage: 'cg-positive' as const, rg: { outcome: 'positive' as const, on: '2022-10-07', by: 'u' }, cg: { outcome: 'positive' as const, on: '2023-01-10', by: 'u' }, countyLines: true };
    expect(decisionColumnsOf(decided)).toEqual({ rgOutcome: 'positive', rgOn: '2022-10-07', rgDays: 4, cgOutcome: 'positive', cgOn: '2023-01-10', cgDays: 99, withdrawn: false, countyLines: true });
    expect(decisionColumnsOf({ ...opened, stage: 'withdrawn' }).withdrawn).toBe(true);
    const { countyLines: _, ...older } = opened;
    expect(decisionColumnsOf(older).countyLines).toBe(false);
  });
});
