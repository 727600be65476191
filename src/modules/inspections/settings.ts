import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { findSettings, updateSettings, type SettingsRow } from './repository-published.js';

export interface InspectionSettings {
  departmentCap: number;
  totalCap: number;
  jointWindowDays: number;
  resultDays: number;
  frequencyWindowDays: number;
  frequencyThreshold: number;
  repeatWindowDays: number;
}

const COLUMNS: Record<keyof InspectionSettings, keyof SettingsRow> = {
  departmentCap: 'department_cap',
  totalCap: 'total_cap',
  jointWindowDays: 'joint_window_days',
  resultDays: 'result_days',
  frequencyWindowDays: 'frequency_window_days',
  frequencyThreshold: 'frequency_threshold',
  repeatWindowDays: 'repeat_window_days',
};

export const presentSettings = (r: SettingsRow): InspectionSettings => ({
  departmentCap: r.department_cap,
  totalCap: r.total_cap,
  jointWindowDays: r.joint_window_days,
  resultDays: r.result_days,
  frequencyWindowDays: r.frequency_window_days,
  frequencyThreshold: r.frequency_threshold,
  repeatWindowDays: r.repeat_window_days,
});

/** The city's thresholds: caps per department and in total, the joint-visit window, the result limit, alerts. */
export async function getInspectionSettings(deps: InspectionDeps, actor: Actor) {
  authorize(actor, inspectionPolicy.oversee, undefined, 'inspection.settings');
  return presentSettings(await findSettings(deps.db));
}

export async function saveInspectionSettings(
  deps: InspectionDeps,
  actor: Actor,
  input: Partial<InspectionSettings>,
) {
  authorize(actor, inspectionPolicy.oversee, undefined, 'inspection.settings');
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const changed = (Object.keys(input) as (keyof InspectionSettings)[]).filter(
      (k) => input[k] !== undefined,
    );
    const changes = Object.fromEntries(changed.map((k) => [COLUMNS[k], input[k]]));
    await updateSettings(uow.db, { ...changes, updated_at: uow.nowIso });
    await uow.audit({
      action: 'inspection.settings_saved',
      entityType: 'inspection_settings',
      entityId: 'city',
      data: { changed },
    });
    return presentSettings(await findSettings(uow.db));
  });
}
