import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { startClock } from '../clock/start-clock.js';
import type { CaseDeps } from './case-deps.js';
import { actOnCase, applicantNotice } from './act-on-case.js';
import { ACCEPTANCE_DAYS } from './submit-case.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { missingKeyMaterials } from './repository-materials.js';

/** A saved draft is submitted: it is received now, and the Art. 32 clock starts. */
export async function submitDraft(deps: CaseDeps, actor: Actor, caseId: string, version: number) {
  return actOnCase(deps, actor, caseId, 'submit', version, async ({ uow, cal, c }) => {
    const empty = await missingKeyMaterials(uow.db, c.id);
    if (empty.length && actor.role === 'applicant') {
      throw new AppError(
        'validation_failed',
        { summary: 'materials' },
        empty.map((m) => ({
          path: '/materials',
          code: 'material_missing',
          zh: `请先上传必需材料：${m.name}`,
          en: `Upload the required material first: ${m.name}`,
        })),
      );
    }
    const clock = await startClock(uow, cal, {
      subjectType: 'acceptance',
      subjectId: c.id,
      label: `${L.acceptance}${c.title}（${c.receipt_no}）`,
      departmentId: c.lead_department_id,
      limitDays: ACCEPTANCE_DAYS,
      basis: '《中华人民共和国行政许可法》第三十二条',
    });
    await deps.fees.reached(uow, c, 'received');
    return {
      state: 'received',
      changes: { submitted_at: uow.nowIso, received_at: uow.nowIso, acceptance_clock_id: clock.id },
      event: {},
      notify: [applicantNotice(c, 'case_received', { checkCode: c.check_code })],
      result: { receivedAt: uow.nowIso },
    };
  });
}
