/**
 * The UK's territorial police force areas as a tile map: one square each, placed roughly where the
 * area is, so that London's forces and the Met do not vanish beside Police Scotland as they would on a
 * true map. Laid out here by hand, as data; nothing is fetched. Names are the reference list's
 * (src/shared/reference/lists/police-forces.json); British Transport Police and the National Police
 * Air Service cover no area of their own, so they have no square and are listed under the map.
 */
export interface ForceTile {
  name: string;
  /** Three letters on the square; the full name is in its title and in the table. */
  short: string;
  column: number;
  row: number;
}

export const GRID_COLUMNS = 7;
export const GRID_ROWS = 10;

export const FORCE_TILES: readonly ForceTile[] = [
  { name: 'Police Scotland', short: 'SCO', column: 2, row: 0 },
  { name: 'Police Service of Northern Ireland', short: 'NI', column: 0, row: 1 },
  { name: 'Northumbria Police', short: 'NUM', column: 3, row: 1 },
  { name: 'Cumbria Constabulary', short: 'CUM', column: 2, row: 2 },
  { name: 'Durham Constabulary', short: 'DUR', column: 3, row: 2 },
  { name: 'Cleveland Police', short: 'CLE', column: 4, row: 2 },
  { name: 'Lancashire Constabulary', short: 'LAN', column: 2, row: 3 },
  { name: 'North Yorkshire Police', short: 'NYK', column: 3, row: 3 },
  { name: 'Humberside Police', short: 'HUM', column: 4, row: 3 },
  { name: 'Merseyside Police', short: 'MER', column: 1, row: 4 },
  { name: 'Greater Manchester Police', short: 'GMP', column: 2, row: 4 },
  { name: 'West Yorkshire Police', short: 'WYK', column: 3, row: 4 },
  { name: 'South Yorkshire Police', short: 'SYK', column: 4, row: 4 },
  { name: 'Lincolnshire Police', short: 'LIN', column: 5, row: 4 },
  { name: 'North Wales Police', short: 'NWA', column: 0, row: 5 },
  { name: 'Cheshire Constabulary', short: 'CHE', column: 1, row: 5 },
  { name: 'Staffordshire Police', short: 'STA', column: 2, row: 5 },
  { name: 'Derbyshire Constabulary', short: 'DER', column: 3, row: 5 },
  { name: 'Nottinghamshire Police', short: 'NOT', column: 4, row: 5 },
  { name: 'Norfolk Constabulary', short: 'NOR', column: 6, row: 5 },
  { name: 'Dyfed-Powys Police', short: 'DYP', column: 0, row: 6 },
  { name: 'West Mercia Police', short: 'WMC', column: 1, row: 6 },
  { name: 'West Midlands Police', short: 'WMD', column: 2, row: 6 },
  { name: 'Warwickshire Police', short: 'WAR', column: 3, row: 6 },
  { name: 'Leicestershire Police', short: 'LEI', column: 4, row: 6 },
  { name: 'Cambridgeshire Constabulary', short: 'CAM', column: 5, row: 6 },
  { name: 'Suffolk Constabulary', short: 'SUF', column: 6, row: 6 },
  { name: 'South Wales Police', short: 'SWA', column: 0, row: 7 },
  { name: 'Gwent Police', short: 'GWE', column: 1, row: 7 },
  { name: 'Gloucestershire Constabulary', short: 'GLO', column: 2, row: 7 },
  { name: 'Northamptonshire Police', short: 'NTH', column: 3, row: 7 },
  { name: 'Bedfordshire Police', short: 'BED', column: 4, row: 7 },
  { name: 'Hertfordshire Constabulary', short: 'HER', column: 5, row: 7 },
  { name: 'Essex Police', short: 'ESS', column: 6, row: 7 },
  { name: 'Avon and Somerset Constabulary', short: 'AVS', column: 1, row: 8 },
  { name: 'Wiltshire Police', short: 'WIL', column: 2, row: 8 },
  { name: 'Thames Valley Police', short: 'TVP', column: 3, row: 8 },
  { name: 'Metropolitan Police Service', short: 'MET', column: 4, row: 8 },
  { name: 'City of London Police', short: 'COL', column: 5, row: 8 },
  { name: 'Kent Police', short: 'KEN', column: 6, row: 8 },
  { name: 'Devon & Cornwall Police', short: 'DEC', column: 0, row: 9 },
  { name: 'Dorset Police', short: 'DOR', column: 1, row: 9 },
  { name: 'Hampshire Constabulary', short: 'HAM', column: 2, row: 9 },
  { name: 'Surrey Police', short: 'SUR', column: 3, row: 9 },
  { name: 'Sussex Police', short: 'SUS', column: 4, row: 9 },
];
