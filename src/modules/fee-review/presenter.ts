import { fromJson } from '../../shared/json.js';
import type { LineRow, RoundRow } from './repository.js';
import type { LineViewT } from './schemas.js';

export function presentLine(l: LineRow, departmentName: string): LineViewT {
  return {
    id: l.id,
    roundId: l.round_id,
    feeCode: l.fee_code,
    feeName: l.fee_name,
    departmentId: l.department_id,
    departmentName,
    basis: l.basis,
    standard: l.standard,
    oldRule: fromJson<unknown>(l.old_rule, null),
    state: l.state as LineViewT['state'],
    proposal: l.proposal as LineViewT['proposal'],
    newStandard: l.new_standard,
    newRule: fromJson<unknown>(l.new_rule, null),
    reason: l.reason,
    decisionNote: l.decision_note,
    effectiveDate: l.effective_date,
    appliedAt: l.applied_at,
    previousYearFen: l.previous_year_fen === null ? null : Number(l.previous_year_fen),
    yearlySavingFen: l.yearly_saving_fen === null ? null : Number(l.yearly_saving_fen),
    version: l.version,
  };
}

export const presentRound = (r: RoundRow, lines: LineViewT[]) => ({
  id: r.id,
  title: r.title,
  state: r.state,
  createdAt: r.created_at,
  lines,
  version: r.version,
});
