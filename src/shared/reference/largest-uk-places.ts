/**
 * The UK's largest towns and cities, roughly by population of the built-up area, largest first, named
 * exactly as the uk-towns list names them (tests/unit/reference-lists.test.ts checks). The type-ahead
 * offers these first among places that match what was typed equally well: after "le" a responder is far
 * likelier to mean Leeds or Leicester than Leatherhead or Leek. Any other place keeps alphabetical order.
 */
export const LARGEST_UK_PLACES: readonly string[] = [
  'London', 'Birmingham', 'Manchester', 'Glasgow', 'Liverpool', 'Leeds', 'Sheffield', 'Bristol', 'Edinburgh', 'Newcastle upon Tyne',
  'Leicester', 'Cardiff / Caerdydd', 'Bradford', 'Nottingham', 'Coventry', 'Belfast', 'Kingston upon Hull', 'Stoke-on-Trent', 'Southampton', 'Wolverhampton',
  'Plymouth', 'Derby', 'Brighton and Hove', 'Reading', 'Portsmouth', 'Aberdeen', 'Northampton', 'Luton', 'Milton Keynes', 'Swansea / Abertawe',
  'Bolton', 'Norwich', 'Southend-on-Sea', 'Sunderland', 'Bournemouth', 'Swindon', 'Dundee', 'Middlesbrough', 'Huddersfield', 'Peterborough',
  'Warrington', 'Oxford', 'York', 'Slough', 'Poole', 'Ipswich', 'Cambridge', 'Telford', 'Gloucester', 'Blackpool',
  'Birkenhead', 'Newport / Casnewydd', 'Exeter', 'Colchester', 'Watford', 'Preston', 'Doncaster', 'Blackburn', 'Salford', 'Stockport',
  'Rotherham', 'Wakefield', 'Oldham', 'Rochdale', 'Wigan', 'Gateshead', 'Chelmsford', 'Basildon', 'Crawley', 'Maidstone',
  'Cheltenham', 'Basingstoke', 'Worthing', 'Eastbourne', 'Lincoln', 'Worcester', 'Bedford', 'Derry / Londonderry', 'Inverness / Inbhir Nis', 'Lisburn',
];
