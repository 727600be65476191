import type { Actor } from '../../shared/actor.js';
import { fromJson } from '../../shared/json.js';
import { AppError } from '../../server/errors.js';
import { localDate } from '../clock/local-time.js';
import { stopClock } from '../clock/stop-clock.js';
import { raiseSignals } from '../supervision/signals.js';
import { actOnInspection, inspectionStep } from './act-on-inspection.js';
import type { InspectionDeps } from './inspection-deps.js';
import { issueRecord } from './issue-record.js';
import { findViolation } from './repository-published.js';
import { minutesBetween, withinStandard, type PenaltyRange, type Severity } from './rules.js';

export interface RecordResultInput {
  version: number;
  outcome: 'no_problem' | 'rectification' | 'penalty';
  findings: string;
  rectificationDeadline?: string;
  penalty?: {
    /** a published violation of the department's discretion standard */
    violationId?: string;
    severity: Severity;
    warning: boolean;
    fineFen: number;
    /** required when the penalty is outside the standard or cites none */
    reason?: string;
  };
}

const invalid = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'invalid', zh, en }]);

/**
 * The result of a visit: no problem, rectification ordered with a deadline, or a penalty case opened.
 * A penalty cites a published violation and stays within its band; outside it, or without one, it
 * needs a reason and is signalled. The inspection record (PDF) is issued and the result clock stops.
 */
export async function recordResult(deps: InspectionDeps, actor: Actor, id: string, input: RecordResultInput) {
  return actOnInspection(deps, actor, id, 'result', input.version, async ({ uow, cal, i }) => {
    const today = localDate(uow.now);
    if (
      input.outcome === 'rectification' &&
      !(input.rectificationDeadline && input.rectificationDeadline > today)
    )
      throw invalid(
        '/body/rectificationDeadline',
        '责令整改须给出今天以后的整改期限',
        'Rectification needs a deadline after today',
      );
    const p = input.outcome === 'penalty' ? input.penalty : undefined;
    if (input.outcome === 'penalty' && !p)
      throw invalid('/body/penalty', '立案处罚须填写处罚内容', 'A penalty case needs the penalty');
    const violation = p?.violationId ? await findViolation(uow.db, p.violationId) : undefined;
    if (
      p?.violationId &&
      (!violation || violation.status !== 'published' || violation.department_id !== i.department_id)
    )
      throw invalid(
        '/body/penalty/violationId',
        '没有本部门公布的这一裁量基准',
        'No such published standard of the department',
      );
    const outside = !!p && (!violation || !withinStandard(fromJson<PenaltyRange[]>(violation.ranges, []), p));
    if (outside && !p?.reason?.trim()) throw new AppError('penalty_reason_required');
    if (outside)
      await raiseSignals(
        uow.db,
        [
          {
            kind: 'inspection_penalty_outside',
            subjectType: 'inspection',
            subjectId: i.id,
            departmentId: i.department_id,
            data: {
              number: i.number,
              violation: violation?.code ?? null,
              fineFen: p!.fineFen,
              reason: p!.reason,
            },
            dedupeKey: `inspection-penalty:${i.id}`,
          },
        ],
        uow.nowIso,
      );
    const endedAt = i.ended_at ?? uow.nowIso;
    // A result recorded without ending the visit first ends it now: its length is checked here instead.
    const overranNow = !i.ended_at && minutesBetween(i.started_at!, endedAt) > i.max_minutes;
    if (overranNow)
      await raiseSignals(
        uow.db,
        [
          {
            kind: 'inspection_length_exceeded',
            subjectType: 'inspection',
            subjectId: i.id,
            departmentId: i.department_id,
            data: {
              number: i.number,
              minutes: minutesBetween(i.started_at!, endedAt),
              maxMinutes: i.max_minutes,
            },
            dedupeKey: `inspection-length:${i.id}`,
          },
        ],
        uow.nowIso,
      );
    const record = await issueRecord(deps, uow, i, {
      outcome: input.outcome,
      findings: input.findings,
      endedAt,
      ...(input.rectificationDeadline && input.outcome === 'rectification'
        ? { rectificationDeadline: input.rectificationDeadline }
        : {}),
      ...(p
        ? {
            penalty: {
              ...(violation ? { violation: violation.name, basis: violation.basis } : {}),
              severity: p.severity,
              warning: p.warning,
              fineFen: p.fineFen,
              ...(p.reason?.trim() ? { reason: p.reason.trim() } : {}),
            },
          }
        : {}),
    });
    if (i.clock_id) await stopClock(uow, cal, i.clock_id, 'result_recorded');
    await uow.audit({
      action: 'inspection.result_recorded',
      entityType: 'inspection',
      entityId: i.id,
      data: {
        ...inspectionStep(i, 'concluded'),
        outcome: input.outcome,
        fineFen: p?.fineFen ?? null,
        outsideStandard: outside,
        recordNumber: record.number,
        sha256: record.sha256,
      },
    });
    return {
      changes: {
        state: 'concluded',
        ended_at: endedAt,
        overran: i.ended_at ? i.overran : overranNow ? 1 : 0,
        outcome: input.outcome,
        findings: input.findings.trim(),
        rectification_deadline: input.outcome === 'rectification' ? input.rectificationDeadline! : null,
        violation_id: violation?.id ?? null,
        severity: p?.severity ?? null,
        warning: p ? (p.warning ? 1 : 0) : null,
        fine_fen: p?.fineFen ?? null,
        penalty_reason: p?.reason?.trim() || null,
        outside_standard: outside ? 1 : 0,
        result_at: uow.nowIso,
        record_number: record.number,
        record_sha256: record.sha256,
        record_key: record.key,
      },
      result: record,
    };
  });
}
