import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { insertRows } from '../../db/insert-rows.js';

/**
 * Every kind of supervision signal, from any module. The clock raises the first ones; cases, fees and
 * the others add theirs here, so supervisors read one list.
 */
export const SIGNAL_KINDS = {
  clock_yellow: { severity: 'warning', zh: '时限预警（黄灯）', en: 'Approaching the limit (yellow)' },
  clock_overdue: { severity: 'serious', zh: '超期（红灯）', en: 'Overdue (red)' },
  stage_overrun: {
    severity: 'warning',
    zh: '环节超时（整体未超期）',
    en: 'A stage overran its own limit while the case is on time',
  },
  instant_not_same_day: {
    severity: 'serious',
    zh: '即办件未当日办结',
    en: 'Instant matter not finished the same working day',
  },
  deemed_acceptance: {
    severity: 'serious',
    zh: '逾期未告知补正，视为受理',
    en: 'No supplement notice within 5 working days: deemed accepted',
  },
  order_answer_overdue: {
    severity: 'serious',
    zh: '督办单逾期未答复',
    en: 'Supervision order not answered in time',
  },
  second_supplement_new_item: {
    severity: 'serious',
    zh: '二次补正要求一次告知以外的材料',
    en: 'A second supplement request asks for something the one-time notice did not list',
  },
  fee_outside_catalogue: {
    severity: 'serious',
    zh: '收取目录外费用',
    en: 'A fee charged outside the published catalogue',
  },
  refusal_without_reason: {
    severity: 'serious',
    zh: '不予受理/不予许可未说明理由',
    en: 'Refusal without reasons',
  },
  letter_overdue: {
    severity: 'serious',
    zh: '来函逾期未答复',
    en: 'A letter not answered within its limit',
  },
  inspection_unregistered: {
    severity: 'serious',
    zh: '未登记即入企检查',
    en: 'An inspection started without registration',
  },
  inspection_unpublished_item: {
    severity: 'serious',
    zh: '检查清单外事项',
    en: 'An inspection of an item not on the published list',
  },
  inspection_length_exceeded: { severity: 'warning', zh: '检查超时', en: 'An inspection overran its length' },
  inspection_over_cap: {
    severity: 'serious',
    zh: '超过企业年度检查上限',
    en: "An inspection beyond the enterprise's annual cap",
  },
  inspection_high_frequency: {
    severity: 'warning',
    zh: '对同一企业检查过频',
    en: 'High-frequency inspections of one enterprise',
  },
  inspection_repeated: {
    severity: 'warning',
    zh: '对同一企业重复检查同一事项',
    en: 'The same item inspected again at one enterprise',
  },
  inspection_result_late: {
    severity: 'serious',
    zh: '检查结果逾期未录入',
    en: 'An inspection result not recorded in time',
  },
  inspection_penalty_outside: {
    severity: 'serious',
    zh: '处罚超出裁量基准或无依据',
    en: 'A penalty outside its discretion standard, or without a published basis',
  },
  inspection_complaint: {
    severity: 'warning',
    zh: '企业投诉涉企检查',
    en: "An enterprise's complaint about an inspection",
  },
  document_render_failed: {
    severity: 'serious',
    zh: '文书生成多次失败',
    en: 'A document could not be rendered after its retries',
  },
  visits_exceeded: {
    severity: 'serious',
    zh: '跑动次数超过事项承诺',
    en: 'The applicant came to the hall more often than the item promises',
  },
  commitment_not_kept: {
    severity: 'serious',
    zh: '部门承诺到期未兑现',
    en: "A department's published commitment was not kept",
  },
  selfinspection_report_overdue: {
    severity: 'serious',
    zh: '自查报告逾期未报送',
    en: 'A self-inspection report not filed by its deadline',
  },
  selfinspection_rectification_overdue: {
    severity: 'serious',
    zh: '自查问题逾期未整改',
    en: 'A problem found in self-inspection not rectified by its deadline',
  },
  rectification_overdue: {
    severity: 'serious',
    zh: '差评整改逾期（签收、答复或整改）',
    en: 'A bad rating not acknowledged, answered or rectified in time',
  },
  appraisal_rectification_overdue: {
    severity: 'serious',
    zh: '民主评议整改逾期',
    en: 'A rectification after democratic appraisal not reported in time',
  },
  item_commitment_not_kept: {
    severity: 'serious',
    zh: '事项承诺时限一个季度未兑现',
    en: "An item's committed time limit was not kept over a quarter",
  },
  village_disclosure_overdue: {
    severity: 'serious',
    zh: '村务财务逾期未公开',
    en: "A village's affairs and finances not disclosed by the period's due day",
  },
  shortfall_promise_lapsed: {
    severity: 'warning',
    zh: '容缺材料逾期未补齐，待依承诺作出决定',
    en: 'Deferred materials not supplied by the promised deadline: the case awaits its refusal',
  },
} as const;
export type SignalKind = keyof typeof SIGNAL_KINDS;

export interface SignalInput {
  kind: SignalKind;
  subjectType: string;
  subjectId: string;
  departmentId: string | null;
  clockId?: string | null;
  data?: Record<string, unknown>;
  /** The same fact raised twice (a retried job, a second instance) is stored once. */
  dedupeKey: string;
}

export function signalRow(input: SignalInput, nowIso: string) {
  return {
    id: newId(Date.parse(nowIso)),
    kind: input.kind,
    severity: SIGNAL_KINDS[input.kind].severity,
    dedupe_key: input.dedupeKey,
    clock_id: input.clockId ?? null,
    subject_type: input.subjectType,
    subject_id: input.subjectId,
    department_id: input.departmentId,
    raised_at: nowIso,
    data: toJson(input.data ?? {}),
    status: 'open',
  };
}

/** Raises signals; duplicates (by dedupe key) are ignored. Call inside the unit of work of the fact. */
export async function raiseSignals(
  db: Kysely<Database>,
  inputs: SignalInput[],
  nowIso: string,
): Promise<void> {
  if (inputs.length === 0) return;
  await db
    .insertInto('supervision_signals')
    .values(inputs.map((i) => signalRow(i, nowIso)))
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export interface OutboxInput {
  kind: string;
  recipientType:
    | 'department_head'
    | 'department'
    | 'user'
    | 'supervisors'
    | 'applicant'
    | 'complainant'
    | 'hall_visitor'
    | 'account_holder';
  recipientId: string | null;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
}

/** Notifications wait here; delivery channels read the table (email, SMS, in-app inbox). */
export async function enqueueNotifications(
  db: Kysely<Database>,
  items: OutboxInput[],
  nowIso: string,
): Promise<void> {
  if (items.length === 0) return;
  await insertRows(db, 'notification_outbox', outboxRows(items, nowIso));
}

function outboxRows(items: OutboxInput[], nowIso: string) {
  return items.map((n) => ({
    id: newId(Date.parse(nowIso)),
    kind: n.kind,
    recipient_type: n.recipientType,
    recipient_id: n.recipientId,
    subject_type: n.subjectType,
    subject_id: n.subjectId,
    payload: toJson(n.payload),
    status: 'pending',
    attempts: 0,
    next_attempt_at: nowIso,
    created_at: nowIso,
  }));
}
