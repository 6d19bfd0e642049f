/** Places of the demo set: each a town, its region, its police force and its children's services, all real list entries. */
export interface DemoPlace {
  town: string;
  region: string;
  policeForce: string;
  council: string;
  councilPhone: string;
}

export const demoPlaces: readonly DemoPlace[] = [
  { town: 'Leeds', region: 'West Yorkshire', policeForce: 'West Yorkshire Police', council: 'Leeds City Council', councilPhone: '0113 222 4403' },
  { town: 'Manchester', region: 'Greater Manchester', policeForce: 'Greater Manchester Police', council: 'Manchester City Council', councilPhone: '0161 234 5001' },
  { town: 'Birmingham', region: 'West Midlands', policeForce: 'West Midlands Police', council: 'Birmingham City Council', councilPhone: '0121 303 1888' },
  { town: 'London', region: 'Greater London', policeForce: 'Metropolitan Police Service', council: 'London Borough of Newham', councilPhone: '020 7946 0000' },
  { town: 'Sheffield', region: 'South Yorkshire', policeForce: 'South Yorkshire Police', council: 'Sheffield City Council', councilPhone: '0114 273 4855' },
  { town: 'Bristol', region: 'Bristol', policeForce: 'Avon and Somerset Constabulary', council: 'Bristol City Council', councilPhone: '0117 903 6444' },
  { town: 'Nottingham', region: 'Nottinghamshire', policeForce: 'Nottinghamshire Police', council: 'Nottingham City Council', councilPhone: '0115 876 4800' },
  { town: 'Newcastle upon Tyne', region: 'Tyne and Wear', policeForce: 'Northumbria Police', council: 'Newcastle City Council', councilPhone: '0191 277 2500' },
  { town: 'Leicester', region: 'Leicestershire', policeForce: 'Leicestershire Police', council: 'Leicester City Council', councilPhone: '0116 454 1004' },
  { town: 'Luton', region: 'Bedfordshire', policeForce: 'Bedfordshire Police', council: 'Luton Borough Council', councilPhone: '01582 547 653' },
  { town: 'Norwich', region: 'Norfolk', policeForce: 'Norfolk Constabulary', council: 'Norfolk County Council', councilPhone: '0344 800 8020' },
  { town: 'Southampton', region: 'Hampshire', policeForce: 'Hampshire Constabulary', council: 'Southampton City Council', councilPhone: '023 8083 3336' },
  { town: 'Cardiff / Caerdydd', region: 'South Glamorgan', policeForce: 'South Wales Police', council: 'City of Cardiff Council', councilPhone: '029 2053 6490' },
  { town: 'Peterborough', region: 'Cambridgeshire', policeForce: 'Cambridgeshire Constabulary', council: 'Peterborough City Council', councilPhone: '01733 864 180' },
];

/** Referring organisations: mostly police forces, some NGOs (as in the published figures). */
export const demoNgos: readonly string[] = ['The Salvation Army', 'Migrant Help', "Barnardo's", 'Medaille Trust', 'Unseen'];
