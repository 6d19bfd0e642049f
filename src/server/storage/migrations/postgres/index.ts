import type { Migration } from 'kysely';
import * as referrals from './0001-referrals.ts';
import * as accounts from './0002-accounts.ts';
import * as devices from './0003-devices.ts';
import * as auditLog from './0004-audit-log.ts';
import * as rateLimits from './0005-rate-limits.ts';
import * as referralLinks from './0006-referral-links.ts';
import * as evidence from './0007-evidence.ts';
import * as casework from './0008-casework.ts';
import * as queueOrder from './0009-queue-order.ts';
import * as caseAdditions from './0010-case-additions.ts';
import * as keysAndQuotas from './0011-keys-and-quotas.ts';
import * as accountHolds from './0012-account-holds.ts';
import * as statistics from './0013-statistics.ts';
import * as additionEvidence from './0014-addition-evidence.ts';
import * as statisticsSpeed from './0015-statistics-speed.ts';
import * as statisticsEncounters from './0016-statistics-encounters.ts';
import * as statisticsCountyLines from './0017-statistics-county-lines.ts';

/** Append-only and paired with migrations/sqlite/ (same names, same order; a unit test checks). */
export const postgresMigrations: Record<string, Migration> = {
  '0001-referrals': referrals,
  '0002-accounts': accounts,
  '0003-devices': devices,
  '0004-audit-log': auditLog,
  '0005-rate-limits': rateLimits,
  '0006-referral-links': referralLinks,
  '0007-evidence': evidence,
  '0008-casework': casework,
  '0009-queue-order': queueOrder,
  '0010-case-additions': caseAdditions,
  '0011-keys-and-quotas': keysAndQuotas,
  '0012-account-holds': accountHolds,
  '0013-statistics': statistics,
  '0014-addition-evidence': additionEvidence,
  '0015-statistics-speed': statisticsSpeed,
  '0016-statistics-encounters': statisticsEncounters,
  '0017-statistics-county-lines': statisticsCountyLines,
};
