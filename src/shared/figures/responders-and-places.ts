import type { ResponderType } from './statistical-record.ts';

/** The English region or nation of each territorial police force (the forces with no area, such as British Transport Police, have none). */
const regionOfForce: Readonly<Record<string, string>> = {
  'Cleveland Police': 'North East',
  'Durham Constabulary': 'North East',
  'Northumbria Police': 'North East',
  'Cheshire Constabulary': 'North West',
  'Cumbria Constabulary': 'North West',
  'Greater Manchester Police': 'North West',
  'Lancashire Constabulary': 'North West',
  'Merseyside Police': 'North West',
  'Humberside Police': 'Yorkshire and the Humber',
  'North Yorkshire Police': 'Yorkshire and the Humber',
  'South Yorkshire Police': 'Yorkshire and the Humber',
  'West Yorkshire Police': 'Yorkshire and the Humber',
  'Derbyshire Constabulary': 'East Midlands',
  'Leicestershire Police': 'East Midlands',
  'Lincolnshire Police': 'East Midlands',
  'Northamptonshire Police': 'East Midlands',
  'Nottinghamshire Police': 'East Midlands',
  'Staffordshire Police': 'West Midlands',
  'Warwickshire Police': 'West Midlands',
  'West Mercia Police': 'West Midlands',
  'West Midlands Police': 'West Midlands',
  'Bedfordshire Police': 'East of England',
  'Cambridgeshire Constabulary': 'East of England',
  'Essex Police': 'East of England',
  'Hertfordshire Constabulary': 'East of England',
  'Norfolk Constabulary': 'East of England',
  'Suffolk Constabulary': 'East of England',
  'City of London Police': 'London',
  'Metropolitan Police Service': 'London',
  'Hampshire Constabulary': 'South East',
  'Kent Police': 'South East',
  'Surrey Police': 'South East',
  'Sussex Police': 'South East',
  'Thames Valley Police': 'South East',
  'Avon and Somerset Constabulary': 'South West',
  'Devon & Cornwall Police': 'South West',
  'Dorset Police': 'South West',
  'Gloucestershire Constabulary': 'South West',
  'Wiltshire Police': 'South West',
  'Dyfed-Powys Police': 'Wales',
  'Gwent Police': 'Wales',
  'North Wales Police': 'Wales',
  'South Wales Police': 'Wales',
  'Police Scotland': 'Scotland',
  'Police Service of Northern Ireland': 'Northern Ireland',
};

/** Police force areas: the territorial forces, which cover a place (British Transport Police and the air service do not). */
export const policeForceAreas: readonly string[] = Object.keys(regionOfForce);

export function regionOf(policeForceArea: string | null): string | null {
  return policeForceArea === null ? null : (regionOfForce[policeForceArea] ?? null);
}

export function isPoliceForceArea(name: string): boolean {
  return name in regionOfForce;
}

const GOVERNMENT = /^(Home Office\b|National Crime Agency\b|Gangmasters and Labour Abuse Authority\b)/;
const POLICE = /(Police|Constabulary|Regional Organised Crime Unit|Special Operations Unit|\bROCU)\b/;
const LOCAL_AUTHORITY = /(Council|Borough|Corporation|Greater London Authority|Combined Authority|City Region|Comhairle|HSC Trusts)/;

/** The first responder type the statistics count an organisation under. */
export function responderTypeOf(organisation: string): ResponderType {
  if (GOVERNMENT.test(organisation)) return 'government-agency';
  if (POLICE.test(organisation)) return 'police';
  if (LOCAL_AUTHORITY.test(organisation)) return 'local-authority';
  return 'ngo';
}
