import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import {
  findDepartmentIds,
  findSettings,
  listDepartmentCaps,
  setDepartmentCap,
  updateSettings,
  type SettingsRow,
} from './repository-published.js';

export interface InspectionSettings {
  departmentCap: number;
  totalCap: number;
  jointWindowDays: number;
  resultDays: number;
  frequencyWindowDays: number;
  frequencyThreshold: number;
  repeatWindowDays: number;
}

/** A department's own annual cap per enterprise; null returns it to the city's department cap. */
export interface DepartmentCapInput {
  departmentId: string;
  cap: number | null;
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

async function readSettings(db: InspectionDeps['db']) {
  const [row, caps] = await Promise.all([findSettings(db), listDepartmentCaps(db)]);
  return {
    ...presentSettings(row),
    departmentCaps: caps.map((c) => ({ departmentId: c.department_id, departmentName: c.name, cap: c.cap })),
  };
}

/**
 * The city's thresholds: the annual caps per enterprise (the city's per-department cap, each
 * department's own where it has one, and the total), the joint-visit window, the result limit, alerts.
 */
export async function getInspectionSettings(deps: InspectionDeps, actor: Actor) {
  authorize(actor, inspectionPolicy.oversee, undefined, 'inspection.settings');
  return readSettings(deps.db);
}

/** A department named twice, or not at all in the city, is refused at its line; nothing is saved. */
async function checkDepartmentCaps(db: InspectionDeps['db'], caps: readonly DepartmentCapInput[]) {
  const known = new Set(
    (await findDepartmentIds(db, [...new Set(caps.map((c) => c.departmentId))])).map((d) => d.id),
  );
  const seen = new Set<string>();
  const errors = caps.flatMap((c, i) => {
    const path = `/body/departmentCaps/${i}/departmentId`;
    if (!known.has(c.departmentId))
      return [{ path, code: 'department_unknown', zh: '部门不存在', en: 'no such department' }];
    if (seen.has(c.departmentId))
      return [
        { path, code: 'department_twice', zh: '同一部门只能设置一个上限', en: 'a department is named twice' },
      ];
    seen.add(c.departmentId);
    return [];
  });
  if (errors.length)
    throw new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);
}

export async function saveInspectionSettings(
  deps: InspectionDeps,
  actor: Actor,
  input: Partial<InspectionSettings> & { departmentCaps?: DepartmentCapInput[] },
) {
  authorize(actor, inspectionPolicy.oversee, undefined, 'inspection.settings');
  const caps = input.departmentCaps ?? [];
  await checkDepartmentCaps(deps.db, caps);
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const changed = (Object.keys(COLUMNS) as (keyof InspectionSettings)[]).filter(
      (k) => input[k] !== undefined,
    );
    const changes = Object.fromEntries(changed.map((k) => [COLUMNS[k], input[k]]));
    await updateSettings(uow.db, { ...changes, updated_at: uow.nowIso });
    for (const c of caps) await setDepartmentCap(uow.db, c.departmentId, c.cap, uow.nowIso);
    await uow.audit({
      action: 'inspection.settings_saved',
      entityType: 'inspection_settings',
      entityId: 'city',
      data: {
        changed: [...changed, ...caps.map((c) => `departmentCap:${c.departmentId}=${c.cap ?? 'city'}`)],
      },
    });
    return readSettings(uow.db);
  });
}
