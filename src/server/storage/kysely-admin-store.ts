import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { AdminStore, AuditFilter, AuditRow, UserFilter, UserListing } from './admin-store.ts';
import type { Database } from './schema.ts';

type UsersScope = ExpressionBuilder<Database & { u: Database['users'] }, 'u'>;
type AuditScope = ExpressionBuilder<Database & { a: Database['audit_log'] }, 'a'>;

function userConditions(eb: UsersScope, filter: UserFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (filter.organisationId !== undefined) all.push(eb('u.organisation_id', '=', filter.organisationId));
  if (filter.status === 'disabled') all.push(eb('u.disabled_at', 'is not', null));
  if (filter.status === 'active') all.push(eb.and([eb('u.disabled_at', 'is', null), eb('u.password_hash', 'is not', null)]));
  if (filter.status === 'no-password') all.push(eb.and([eb('u.disabled_at', 'is', null), eb('u.password_hash', 'is', null)]));
  return eb.and(all);
}

/** LIKE's own characters in a prefix are matched as themselves. */
const likePrefix = (prefix: string) => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function auditConditions(eb: AuditScope, filter: AuditFilter): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [];
  if (filter.person !== undefined) all.push(eb.or([eb('a.actor', '=', filter.person), eb('a.subject', '=', filter.person)]));
  if (filter.subject !== undefined) all.push(eb('a.subject', '=', filter.subject));
  if (filter.from !== undefined) all.push(eb('a.at', '>=', filter.from));
  if (filter.until !== undefined) all.push(eb('a.at', '<', filter.until));
  const { exact = [], prefixes = [], except = [] } = filter.actions ?? {};
  if (filter.actions) {
    const any: Expression<SqlBool>[] = [];
    if (exact.length > 0) any.push(eb('a.action', 'in', exact));
    for (const prefix of prefixes) any.push(sql<SqlBool>`${eb.ref('a.action')} like ${likePrefix(prefix)} escape '\\'`);
    all.push(any.length > 0 ? eb.or(any) : eb.val(false));
    if (except.length > 0) all.push(eb('a.action', 'not in', except));
  }
  return eb.and(all);
}

interface ListingRow {
  id: string;
  email: string;
  role: UserListing['role'];
  organisation_id: string;
  organisation_name: string;
  password_hash: string | null;
  created_at: string;
  disabled_at: string | null;
  devices: number | string | bigint | null;
  last_contact_at: string | null;
}

function listingFrom(row: ListingRow): UserListing {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
    devices: Number(row.devices ?? 0),
    lastContactAt: row.last_contact_at,
  };
}

export function createKyselyAdminStore(db: Kysely<Database>): AdminStore {
  function listingQuery() {
    const counted = db
      .selectFrom('devices')
      .select((eb) => [
        'user_id',
        eb.fn.count<number>(eb.case().when('revoked_at', 'is', null).then(1).end()).as('active'),
        eb.fn.max('last_seen_at').as('last_seen'),
      ])
      .groupBy('user_id')
      .as('d');
    return db
      .selectFrom('users as u')
      .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
      .leftJoin(counted, 'd.user_id', 'u.id')
      .select([
        'u.id',
        'u.email',
        'u.role',
        'u.organisation_id',
        'o.name as organisation_name',
        'u.password_hash',
        'u.created_at',
        'u.disabled_at',
        'd.active as devices',
        'd.last_seen as last_contact_at',
      ]);
  }

  function auditQuery(filter: AuditFilter) {
    return db
      .selectFrom('audit_log as a')
      .leftJoin('users as ua', 'ua.id', 'a.actor')
      .leftJoin('referrals as r', 'r.id', 'a.subject')
      .leftJoin('users as us', 'us.id', 'a.subject')
      .leftJoin('devices as d', 'd.id', 'a.subject')
      .leftJoin('organisations as o', 'o.id', 'a.subject')
      .select(['a.id', 'a.at', 'a.actor', 'ua.email as actor_email', 'a.action', 'a.subject', 'r.reference', 'us.email as subject_email', 'd.label as device_label', 'o.name as organisation_name'])
      .where((eb) => auditConditions(eb, filter))
      .orderBy('a.id', 'desc');
  }

  type AuditQueryRow = Awaited<ReturnType<ReturnType<typeof auditQuery>['execute']>>[number];

  function auditRowFrom(row: AuditQueryRow): AuditRow {
    const [subjectKind, subjectLabel] =
      row.reference !== null
        ? (['case', row.reference] as const)
        : row.subject_email !== null
          ? (['user', row.subject_email] as const)
          : row.device_label !== null
            ? (['device', row.device_label] as const)
            : row.organisation_name !== null
              ? (['organisation', row.organisation_name] as const)
              : (['other', null] as const);
    return { id: Number(row.id), at: row.at, actor: row.actor, actorEmail: row.actor_email, action: row.action, subject: row.subject, subjectKind, subjectLabel };
  }

  return {
    async listUsers(filter, { offset, limit }) {
      const counted = await db
        .selectFrom('users as u')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => userConditions(eb, filter))
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      if (total === 0 || offset >= total) return { rows: [], total };
      const rows = await listingQuery()
        .where((eb) => userConditions(eb, filter))
        .orderBy('o.name')
        .orderBy('u.email')
        .offset(offset)
        .limit(limit)
        .execute();
      return { rows: rows.map(listingFrom), total };
    },

    async findUserListing(id) {
      const row = await listingQuery().where('u.id', '=', id).executeTakeFirst();
      return row && listingFrom(row);
    },

    async searchAudit(filter, { offset, limit }) {
      const counted = await db
        .selectFrom('audit_log as a')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where((eb) => auditConditions(eb, filter))
        .executeTakeFirstOrThrow();
      const total = Number(counted.n);
      if (total === 0 || offset >= total) return { rows: [], total };
      const rows = await auditQuery(filter).offset(offset).limit(limit).execute();
      return { rows: rows.map(auditRowFrom), total };
    },

    async *streamAudit(filter, batchSize) {
      let before: number | undefined;
      for (;;) {
        const after = before;
        const query = auditQuery(filter).limit(batchSize);
        const rows = await (after === undefined ? query : query.where('a.id', '<', after)).execute();
        if (rows.length === 0) return;
        const batch = rows.map(auditRowFrom);
        yield batch;
        if (rows.length < batchSize) return;
        before = batch[batch.length - 1]?.id;
      }
    },

    async referralIdOf(reference) {
      return (await db.selectFrom('referrals').select('id').where('reference', '=', reference).executeTakeFirst())?.id;
    },

    async referenceOf(id) {
      return (await db.selectFrom('referrals').select('reference').where('id', '=', id).executeTakeFirst())?.reference;
    },
  };
}
