import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { HallDeps } from './hall-deps.js';
import { settingsOf, type HallSettings } from './hall-settings.js';
import { hallPolicy } from './policy.js';
import { findSettingsRow, insertSettings, SETTINGS_ID, updateSettings } from './repository-devices.js';

/** The hall's settings in force (saved, or the environment's defaults at version 0). */
export async function getSettings(deps: HallDeps, actor: Actor): Promise<HallSettings> {
  authorize(actor, hallPolicy.configure, undefined, 'hall.configure');
  return settingsOf(await findSettingsRow(deps.db), deps.config);
}

/**
 * Changes the priorities and the no-show suspension. New tickets are queued with the new weights
 * (tickets waiting keep their place); the next no-show pass counts against the new limit. The
 * version read must be given, so two administrators do not overwrite each other.
 */
export async function saveSettings(deps: HallDeps, actor: Actor, input: HallSettings): Promise<HallSettings> {
  authorize(actor, hallPolicy.configure, undefined, 'hall.configure');
  const fields = {
    priority_disabled: input.priority.disabled,
    priority_elderly: input.priority.elderly,
    priority_appointment: input.priority.appointment,
    elderly_age: input.elderlyAge,
    no_show_limit: input.noShowLimit,
    suspend_days: input.suspendDays,
  };
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const row = await findSettingsRow(uow.db);
    const current = row?.version ?? 0;
    if (current !== input.version) throw new AppError('stale_version', { current, given: input.version });
    if (row) await updateSettings(uow.db, current, { ...fields, updated_at: uow.nowIso });
    else await insertSettings(uow.db, { id: SETTINGS_ID, ...fields, updated_at: uow.nowIso, version: 1 });
    await uow.audit({
      action: 'hall.settings_saved',
      entityType: 'hall_settings',
      entityId: SETTINGS_ID,
      data: {
        priority: { ...input.priority },
        elderlyAge: input.elderlyAge,
        noShowLimit: input.noShowLimit,
        suspendDays: input.suspendDays,
      },
    });
    return settingsOf(await findSettingsRow(uow.db), deps.config);
  });
}
