import type { Db } from '../../db/database.js';
import type { HallConfig } from '../../config/hall-config.js';
import { findSettingsRow, type SettingsRow } from './repository-devices.js';

/** What the administrator may change without a restart; the environment gives the defaults. */
export interface HallSettings {
  priority: HallConfig['priority'];
  elderlyAge: number;
  noShowLimit: number;
  suspendDays: number;
  version: number;
}

export function settingsOf(row: SettingsRow | undefined, config: HallConfig): HallSettings {
  if (!row)
    return {
      priority: { ...config.priority },
      elderlyAge: config.elderlyAge,
      noShowLimit: config.noShowLimit,
      suspendDays: config.suspendDays,
      version: 0,
    };
  return {
    priority: {
      disabled: row.priority_disabled,
      elderly: row.priority_elderly,
      appointment: row.priority_appointment,
    },
    elderlyAge: row.elderly_age,
    noShowLimit: row.no_show_limit,
    suspendDays: row.suspend_days,
    version: row.version,
  };
}

/** The hall's configuration in force: the saved settings over the environment's. */
export async function effectiveConfig(db: Db, config: HallConfig): Promise<HallConfig> {
  const s = settingsOf(await findSettingsRow(db), config);
  return {
    ...config,
    priority: s.priority,
    elderlyAge: s.elderlyAge,
    noShowLimit: s.noShowLimit,
    suspendDays: s.suspendDays,
  };
}
