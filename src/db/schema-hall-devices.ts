/** The hall's devices and settings (migration 0023). */
export interface HallDeviceTable {
  id: string;
  /** kiosk (取号机), tablet (评价器) or display (叫号屏). */
  kind: string;
  name: string;
  window_id: string | null;
  group_id: string | null;
  /** The device's own account (role `device`), owner of its token. */
  user_id: string;
  token_id: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

/** One row (`id = 'hall'`) once the administrator has saved settings; before that, the environment's. */
export interface HallSettingsTable {
  id: string;
  priority_disabled: number;
  priority_elderly: number;
  priority_appointment: number;
  elderly_age: number;
  no_show_limit: number;
  suspend_days: number;
  updated_at: string;
  version: number;
}

export interface HallDeviceTables {
  hall_devices: HallDeviceTable;
  hall_settings: HallSettingsTable;
}
