import type { Kysely, Selectable } from 'kysely';
import type { Device, DeviceStore } from './device-store.ts';
import type { GroupCommitter } from './group-commit.ts';
import type { Database, DevicesTable } from './schema.ts';

const TOUCH_INTERVAL_MS = 60_000;

function fromRow(row: Selectable<DevicesTable>): Device {
  return {
    id: row.id,
    userId: row.user_id,
    label: row.label,
    publicKey: row.public_key,
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    suspendedAt: row.suspended_at,
  };
}

/** `commits`: where the nonce of each signed request is written, sharing fsyncs with the referrals it brings (storage.ts). */
export function createKyselyDeviceStore(db: Kysely<Database>, commits?: GroupCommitter): DeviceStore {
  return {
    async enrol(device) {
      const result = await db
        .insertInto('devices')
        .values({
          id: device.id,
          user_id: device.userId,
          label: device.label,
          public_key: device.publicKey,
          enrolled_at: device.enrolledAt,
          revoked_at: null,
          last_seen_at: null,
        })
        .onConflict((conflict) => conflict.column('public_key').doNothing())
        .executeTakeFirst();
      const row = await db.selectFrom('devices').selectAll().where('public_key', '=', device.publicKey).executeTakeFirstOrThrow();
      return { enrolled: Number(result.numInsertedOrUpdatedRows ?? 0n) === 1, device: fromRow(row) };
    },
    async findDevice(id) {
      const row = await db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst();
      return row && fromRow(row);
    },
    async listDevices(userId) {
      let query = db.selectFrom('devices').selectAll();
      if (userId !== undefined) query = query.where('user_id', '=', userId);
      return (await query.orderBy('enrolled_at', 'desc').orderBy('id', 'desc').execute()).map(fromRow);
    },
    async revoke(id, now) {
      await db.updateTable('devices').set({ revoked_at: now }).where('id', '=', id).where('revoked_at', 'is', null).execute();
      return (await db.selectFrom('devices').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
    },
    async suspendAllOf(userId, now) {
      await db.updateTable('devices').set({ suspended_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    },
    async resume(id, userId) {
      const result = await db
        .updateTable('devices')
        .set({ suspended_at: null })
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('suspended_at', 'is not', null)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('sessions as s')
              .innerJoin('users as u', 'u.id', 's.user_id')
              .select('s.id_hash')
              .whereRef('s.user_id', '=', 'devices.user_id')
              .whereRef('s.created_at', '>=', 'devices.suspended_at')
              .where('u.disabled_at', 'is', null),
          ),
        )
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async touch(id, now) {
      const staleBefore = new Date(Date.parse(now) - TOUCH_INTERVAL_MS).toISOString();
      await db
        .updateTable('devices')
        .set({ last_seen_at: now })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_seen_at', 'is', null), eb('last_seen_at', '<', staleBefore)]))
        .execute();
    },
    async rememberNonce(deviceId, nonce, expiresAt) {
      const insert = (on: Kysely<Database>) =>
        on
          .insertInto('device_nonces')
          .values({ device_id: deviceId, nonce, expires_at: expiresAt })
          .onConflict((conflict) => conflict.columns(['device_id', 'nonce']).doNothing())
          .executeTakeFirst();
      const result = await (commits ? commits.run(insert, `nonce ${deviceId} ${nonce}`) : insert(db));
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async deleteExpired(now) {
      await db.deleteFrom('device_nonces').where('expires_at', '<=', now).execute();
    },
  };
}
