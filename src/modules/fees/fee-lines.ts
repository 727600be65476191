import { feeAmountFen } from '../catalogue/fee-amount.js';
import type { FeeRow } from '../catalogue/catalogue-reads.js';
import type { FeeRuleT } from '../catalogue/schemas.js';
import { fromJson } from '../../shared/json.js';

/** An item version's fee line, as published: it points into the fee catalogue. */
export interface ItemFeeLine {
  feeCode: string;
  note?: string;
}

export interface PlannedLine {
  fee: FeeRow;
  rule: FeeRuleT;
  quantity: number;
  unit: string;
  amountFen: number;
  note: string | null;
}

export interface Refusal {
  feeCode: string;
  reason: 'not_on_item' | 'not_in_catalogue' | 'withdrawn' | 'form_fee';
}

export const REFUSAL_TEXT: Record<Refusal['reason'], { zh: string; en: string }> = {
  not_on_item: { zh: '该事项公布的收费项目中没有此项', en: 'not among the fees published for this item' },
  not_in_catalogue: { zh: '不在收费目录清单中', en: 'not in the published fee catalogue' },
  withdrawn: { zh: '已从收费目录清单中撤销', en: 'withdrawn from the fee catalogue' },
  form_fee: { zh: '申请表格一律免费', en: 'application forms are free' },
};

export interface LinePlan {
  lines: PlannedLine[];
  /** per-unit and tiered fees (and items with several fees) need a quantity per fee code */
  missing: { feeCode: string; unit: string }[];
  refused: Refusal[];
  /** quantities present but unusable: not a number, negative, a fraction of a piece */
  invalid: { feeCode: string; zh: string; en: string }[];
}

const FORM_FEE = /申请表|申请书|表格|表单|application form/i;

/** A fixed fee's quantity counts pieces (件/本/证); zero means the line does not apply to this case. */
export const unitOf = (rule: FeeRuleT): string => (rule.kind === 'fixed' ? '件' : rule.unit);

/**
 * Which fees a case pays and how much, from the item version's fee lines only: each must point to a
 * published catalogue entry; amounts come from the entry's rule in integer fen. A fixed fee is
 * charged once per piece; when the item lists a single fixed fee, one piece is assumed. Any other
 * line needs its quantity (from the case form or the clerk). A quantity of 0 leaves the line out.
 */
export function planLines(
  itemLines: ItemFeeLine[],
  catalogue: ReadonlyMap<string, FeeRow>,
  quantities: Readonly<Record<string, unknown>>,
): LinePlan {
  const plan: LinePlan = { lines: [], missing: [], refused: [], invalid: [] };
  const single = itemLines.length === 1;
  for (const l of itemLines) {
    const fee = catalogue.get(l.feeCode);
    if (!fee) {
      plan.refused.push({ feeCode: l.feeCode, reason: 'not_in_catalogue' });
      continue;
    }
    if (fee.status !== 'published') {
      plan.refused.push({ feeCode: l.feeCode, reason: 'withdrawn' });
      continue;
    }
    if (FORM_FEE.test(fee.name)) {
      plan.refused.push({ feeCode: l.feeCode, reason: 'form_fee' });
      continue;
    }
    const rule = fromJson<FeeRuleT>(fee.rule, { kind: 'fixed', amountFen: 0 });
    const raw = quantities[l.feeCode];
    let q: number | undefined;
    if (raw === undefined || raw === null || raw === '') q = rule.kind === 'fixed' && single ? 1 : undefined;
    else
      q =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && /^\d+(\.\d+)?$/.test(raw.trim())
            ? Number(raw)
            : NaN;
    if (q === undefined) {
      plan.missing.push({ feeCode: l.feeCode, unit: unitOf(rule) });
      continue;
    }
    if (!Number.isFinite(q) || q < 0 || q > 1e9) {
      plan.invalid.push({
        feeCode: l.feeCode,
        zh: `数量须为非负数（${unitOf(rule)}）`,
        en: `the quantity must be a non-negative number (${unitOf(rule)})`,
      });
      continue;
    }
    if (rule.kind === 'fixed' && !Number.isInteger(q)) {
      plan.invalid.push({
        feeCode: l.feeCode,
        zh: '定额收费的数量须为整数（件）',
        en: 'a fixed fee counts whole pieces',
      });
      continue;
    }
    if (q === 0) continue;
    const amountFen = rule.kind === 'fixed' ? rule.amountFen * q : feeAmountFen(rule, q);
    if (!Number.isSafeInteger(amountFen)) {
      plan.invalid.push({ feeCode: l.feeCode, zh: '数量过大', en: 'the quantity is too large' });
      continue;
    }
    plan.lines.push({ fee, rule, quantity: q, unit: unitOf(rule), amountFen, note: l.note ?? null });
  }
  return plan;
}

/** The case form's fee quantities: form.feeQuantities[feeCode]. */
export function formQuantities(form: string): Record<string, unknown> {
  const parsed = fromJson<Record<string, unknown>>(form, {});
  const q = parsed.feeQuantities;
  return q && typeof q === 'object' && !Array.isArray(q) ? (q as Record<string, unknown>) : {};
}
