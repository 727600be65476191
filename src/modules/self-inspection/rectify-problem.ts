import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { audited } from '../audit/audited-transaction.js';
import { storeCheckedUpload } from '../cases/file-check.js';
import { stopClock } from '../clock/stop-clock.js';
import type { InspectionDeps } from './inspection-deps.js';
import { selfInspectionPolicy } from './policy.js';
import { findCampaign, findProblem, updateProblem } from './repository.js';
import { campaignView } from './views.js';

/** The department reports a problem rectified, with what it did and the evidence; the clock stops. */
export async function rectifyProblem(
  deps: InspectionDeps,
  actor: Actor,
  problemId: string,
  input: { version: number; note: string; file: { name: string; data: Buffer } },
) {
  const p = await findProblem(deps.db, problemId);
  if (!p) throw notFound('problem', problemId);
  authorize(actor, selfInspectionPolicy.file, p.department_id, 'selfinspection.rectify');
  const note = input.note.trim();
  if (!note)
    throw new AppError('validation_failed', { summary: '/body/note' }, [
      { path: '/body/note', code: 'required', zh: '请说明整改情况', en: 'Say what was done' },
    ]);
  const f = await storeCheckedUpload(deps.storage, input.file);
  const cal = await deps.calendars.get();
  await audited(deps.db, deps.clock, actor, async (uow) => {
    const cur = (await findProblem(uow.db, problemId))!;
    if (cur.state !== 'open')
      throw new AppError('invalid_state', { state: cur.state, action: 'rectify', allowed: 'open' });
    if (
      !(await updateProblem(uow.db, problemId, input.version, {
        state: 'rectified',
        rectification_note: note.slice(0, 4000),
        evidence_name: f.name,
        evidence_mime: f.mime,
        evidence_sha256: f.sha256,
        evidence_key: f.storageKey,
        rectified_at: uow.nowIso,
      }))
    )
      throw staleVersion(cur.version, input.version);
    if (cur.clock_id) await stopClock(uow, cal, cur.clock_id, 'rectified');
    await uow.audit({
      action: 'selfinspection.problem_rectified',
      entityType: 'selfinspection_problem',
      entityId: problemId,
      data: { campaignId: cur.campaign_id, sha256: f.sha256 },
    });
  });
  return campaignView(deps.db, (await findCampaign(deps.db, p.campaign_id))!, p.department_id);
}
