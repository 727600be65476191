import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { HallDeviceTable, HallSettingsTable } from '../../db/schema-hall-devices.js';

type Q = Kysely<Database>;
export type DeviceRow = Selectable<HallDeviceTable>;
export type SettingsRow = Selectable<HallSettingsTable>;

export const SETTINGS_ID = 'hall';

export const listDeviceRows = (db: Q) =>
  db.selectFrom('hall_devices').selectAll().orderBy('created_at', 'desc').execute();
export const findDevice = (db: Q, id: string) =>
  db.selectFrom('hall_devices').selectAll().where('id', '=', id).executeTakeFirst();
export const insertDevice = (db: Q, row: Insertable<HallDeviceTable>) =>
  db.insertInto('hall_devices').values(row).execute();
/** Marks a device revoked unless it already is; false when it was. */
export async function markDeviceRevoked(db: Q, id: string, at: string, by: string | null): Promise<boolean> {
  const r = await db
    .updateTable('hall_devices')
    .set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export const findSettingsRow = (db: Q) =>
  db.selectFrom('hall_settings').selectAll().where('id', '=', SETTINGS_ID).executeTakeFirst();
export const insertSettings = (db: Q, row: Insertable<HallSettingsTable>) =>
  db.insertInto('hall_settings').values(row).execute();
/** Changes the settings if still at the version read; false on a concurrent change. */
export async function updateSettings(
  db: Q,
  version: number,
  changes: Omit<Insertable<HallSettingsTable>, 'id' | 'version'>,
): Promise<boolean> {
  const r = await db
    .updateTable('hall_settings')
    .set({ ...changes, version: version + 1 })
    .where('id', '=', SETTINGS_ID)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
