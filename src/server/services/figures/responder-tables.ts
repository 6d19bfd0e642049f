import type { FigureTable } from '../../../shared/figures/figures-contract.ts';
import { ageAtExploitationValues, ageLabels, genderLabels, genderValues, responderTypeLabels, type AgeAtExploitation, type Gender, type ResponderType } from '../../../shared/figures/statistical-record.ts';
import type { BuildContext } from './national-tables.ts';
import { figureTable, keyOf, type Heading } from './table-shape.ts';

/** The publication names no council: every local authority is counted as "Local Authority". */
const organisationLabel = (type: ResponderType, organisation: string) => (type === 'local-authority' ? responderTypeLabels['local-authority'] : organisation);

interface Leaf {
  organisation: string;
  category: string;
  age: AgeAtExploitation;
  gender: Gender;
  nationality: string;
  n: number;
}

/**
 * Referrals by one first responder type, as the publication lays it out: each organisation, then each
 * exploitation type within it, each age within that and each gender within that, with a total row
 * closing every level; nationalities across, with a total column.
 */
/** Who referred, as a title names them. */
const RESPONDERS_IN_A_TITLE: Record<ResponderType, string> = {
  police: 'the police',
  'local-authority': 'local authorities',
  'government-agency': 'government agencies',
  ngo: 'NGOs and the third sector',
};

function responderTable(type: ResponderType, leaves: readonly Leaf[], threshold: number): FigureTable {
  const nationalities = [...new Set(leaves.map((leaf) => leaf.nationality))].sort();
  const columnOf = new Map(nationalities.map((nationality, c) => [nationality, c]));
  const rows: (Heading & { total: boolean })[] = [];
  const values: number[][] = [];
  const blocks: number[][] = [];
  const sumOf = (of: readonly Leaf[]) => {
    const cells = new Array<number>(nationalities.length + 1).fill(0);
    for (const leaf of of) {
      cells[columnOf.get(leaf.nationality)!]! += leaf.n;
      cells[nationalities.length]! += leaf.n;
    }
    return cells;
  };
  const push = (parts: readonly string[], of: readonly Leaf[], total: boolean) => {
    rows.push({ key: keyOf(...parts), label: parts.join(' · '), total });
    values.push(sumOf(of));
    return rows.length - 1;
  };
  /** The leaves by one attribute, in the given order of its values (sorted when none is given). */
  const byValue = <K extends string>(items: readonly Leaf[], of: (leaf: Leaf) => K, order?: readonly K[]): [K, Leaf[]][] => {
    const groups = new Map<K, Leaf[]>();
    for (const leaf of items) {
      const list = groups.get(of(leaf)) ?? [];
      list.push(leaf);
      groups.set(of(leaf), list);
    }
    const keys = order ? order.filter((key) => groups.has(key)) : [...groups.keys()].sort();
    return keys.map((key) => [key, groups.get(key)!]);
  };

  const organisationRows: number[] = [];
  for (const [organisation, ofOrganisation] of byValue(leaves, (leaf) => leaf.organisation)) {
    const categoryRows: number[] = [];
    for (const [category, ofCategory] of byValue(ofOrganisation, (leaf) => leaf.category)) {
      const ageRows: number[] = [];
      for (const [age, ofAge] of byValue(ofCategory, (leaf) => leaf.age, ageAtExploitationValues)) {
        const genderRows = byValue(ofAge, (leaf) => leaf.gender, genderValues).map(([gender, ofGender]) => push([organisation, category, ageLabels[age], genderLabels[gender]], ofGender, false));
        const ageRow = push([organisation, category, ageLabels[age], 'Total'], ofAge, true);
        blocks.push([...genderRows, ageRow]);
        ageRows.push(ageRow);
      }
      const categoryRow = push([organisation, category, 'Total', 'Total'], ofCategory, true);
      blocks.push([...ageRows, categoryRow]);
      categoryRows.push(categoryRow);
    }
    // Local authorities are one organisation in the publication: their total is the type's, shown once.
    if (type === 'local-authority') {
      organisationRows.push(...categoryRows);
      continue;
    }
    const organisationRow = push([organisation, 'Total', 'Total', 'Total'], ofOrganisation, true);
    blocks.push([...categoryRows, organisationRow]);
    organisationRows.push(organisationRow);
  }
  const typeRow = push([`${responderTypeLabels[type]} total`, 'Total', 'Total', 'Total'], leaves, true);
  blocks.push([...organisationRows, typeRow]);

  return figureTable(
    {
      id: `referrals-by-first-responder-${type}`,
      title: `NRM referrals from ${RESPONDERS_IN_A_TITLE[type]}, by first responder, exploitation type, age at exploitation, gender and nationality`,
      rowHeading: 'First responder · Exploitation type · Age at exploitation · Gender',
      notes: [
        'Exploitation type is one category per person: the single type, or the combination of every type recorded.',
        'Local authorities are counted together as “Local Authority”, as the publication counts them.',
        ...(threshold > 0 ? [`Counts from 1 to ${threshold - 1}, and the counts that would give them away, are shown as “fewer than ${threshold}”.`] : []),
      ],
    },
    { rows, columns: [...nationalities.map((nationality) => ({ key: nationality, label: nationality })), { key: 'total', label: 'Total' }], values },
    { threshold, blocks },
  );
}

export async function referralsByFirstResponder({ count, period, threshold }: BuildContext): Promise<FigureTable[]> {
  const rows = await count({
    scheme: 'nrm',
    datedBy: 'received_on',
    from: period.from,
    to: period.to,
    groupBy: ['responder_type', 'responder_organisation', 'exploitation_category', 'age_at_exploitation', 'gender', 'nationality'],
  });
  const byType = new Map<ResponderType, Leaf[]>();
  for (const row of rows) {
    const type = row.keys.responder_type as ResponderType;
    const leaf: Leaf = {
      organisation: organisationLabel(type, row.keys.responder_organisation ?? ''),
      category: row.keys.exploitation_category ?? '',
      age: row.keys.age_at_exploitation as AgeAtExploitation,
      gender: row.keys.gender as Gender,
      nationality: row.keys.nationality ?? '',
      n: row.n,
    };
    const list = byType.get(type) ?? [];
    list.push(leaf);
    byType.set(type, list);
  }
  return (['police', 'local-authority', 'government-agency', 'ngo'] as const).map((type) => responderTable(type, byType.get(type) ?? [], threshold));
}
