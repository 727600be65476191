import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { AppError } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { localDate } from '../clock/local-time.js';
import { startClock } from '../clock/start-clock.js';
import { raiseSignals } from '../supervision/signals.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { findInspectorOfUser, findSettings } from './repository-published.js';
import {
  findEnterpriseByCode,
  findInspection,
  insertScan,
  todaysInspectionOf,
  updateInspection,
} from './repository.js';

/**
 * 扫码入企: an inspector scans the enterprise's code at its door. The visit starts only if an
 * inspection of the inspector's department, with the inspector on it, is registered for that
 * enterprise and that day; its result clock starts with it. Anything else is refused, and the scan
 * stays on record as a start without registration, signalled to the supervisors.
 */
export async function scanCode(deps: InspectionDeps, actor: Actor, code: string) {
  authorize(actor, inspectionPolicy.scan, undefined, 'inspection.scan');
  const enterprise = await findEnterpriseByCode(deps.db, code.trim().toUpperCase());
  if (!enterprise) throw new AppError('enterprise_not_found');
  const cal = await deps.calendars.get();
  const out = await audited(deps.db, deps.clock, actor, async (uow) => {
    const inspector = await findInspectorOfUser(uow.db, actor.id!);
    const today = localDate(uow.now);
    const found = inspector
      ? await todaysInspectionOf(uow.db, enterprise.id, today, actor.departmentId!, inspector.id)
      : undefined;
    const scanId = newId(uow.now.getTime());
    if (found?.state === 'started') uow.unchanged({ id: found.id, refused: false });
    if (!found) {
      await insertScan(uow.db, {
        id: scanId,
        enterprise_id: enterprise.id,
        department_id: actor.departmentId,
        user_id: actor.id,
        inspection_id: null,
        outcome: 'unregistered',
        scanned_at: uow.nowIso,
      });
      await raiseSignals(
        uow.db,
        [
          {
            kind: 'inspection_unregistered',
            subjectType: 'inspection_enterprise',
            subjectId: enterprise.id,
            departmentId: actor.departmentId,
            data: { scanId, userId: actor.id, day: today },
            dedupeKey: `inspection-unregistered:${scanId}`,
          },
        ],
        uow.nowIso,
      );
      await uow.audit({
        action: 'inspection.unregistered_start',
        entityType: 'inspection_enterprise',
        entityId: enterprise.id,
        data: { scanId, enterpriseId: enterprise.id, departmentId: actor.departmentId },
      });
      return { id: '', refused: true };
    }
    const i = (await findInspection(uow.db, found.id))!;
    const settings = await findSettings(uow.db);
    const clock = await startClock(uow, cal, {
      subjectType: 'inspection',
      subjectId: i.id,
      label: `${L.inspectionResult}${i.number} ${enterprise.name}`,
      departmentId: i.department_id,
      startDate: today,
      limitDays: settings.result_days,
      extensions: 'none',
      basis: '涉企检查结果录入时限',
    });
    await insertScan(uow.db, {
      id: scanId,
      enterprise_id: enterprise.id,
      department_id: actor.departmentId,
      user_id: actor.id,
      inspection_id: i.id,
      outcome: 'started',
      scanned_at: uow.nowIso,
    });
    await updateInspection(uow.db, i.id, i.version, {
      state: 'started',
      started_at: uow.nowIso,
      clock_id: clock.id,
      updated_at: uow.nowIso,
    });
    await uow.audit({
      action: 'inspection.started',
      entityType: 'inspection',
      entityId: i.id,
      data: { number: i.number, from: i.state, to: 'started', scanId },
    });
    return { id: i.id, refused: false };
  });
  if (out.refused) throw new AppError('inspection_not_registered');
  return out.id;
}
