import type { FeeInput } from '../../api/admin-types';
import type { Fee, FeeRule } from '../../api/types';
import { fenToYuanText, parseYuanToFen } from '../../format/money';

/** The fee form edits amounts in yuan (as printed in the catalogue); the API takes integer fen. */
export interface FeeFormValues {
  code: string;
  name: string;
  departmentCode: string;
  category: FeeInput['category'];
  basis: string;
  standard: string;
  management: string;
  ruleKind: FeeRule['kind'];
  amount?: string;
  unit?: string;
  unitPrice?: string;
  min?: string;
  max?: string;
  tiers?: { upTo?: number | null; unitPrice: string }[];
}

export const FEE_FIELDS = [
  'code',
  'name',
  'departmentCode',
  'category',
  'basis',
  'standard',
  'management',
] as const;

const fen = (s: string | undefined): number => parseYuanToFen(s ?? '') ?? 0;
const optFen = (s: string | undefined): number | undefined => (s && s.trim() ? fen(s) : undefined);

export function toFeeInput(v: FeeFormValues): FeeInput {
  const base = {
    code: v.code.trim(),
    name: v.name.trim(),
    departmentCode: v.departmentCode,
    category: v.category,
    basis: v.basis.trim(),
    standard: v.standard.trim(),
    management: v.management.trim(),
  };
  switch (v.ruleKind) {
    case 'fixed':
      return { ...base, rule: { kind: 'fixed', amountFen: fen(v.amount) } };
    case 'per_unit': {
      const min = optFen(v.min);
      const max = optFen(v.max);
      return {
        ...base,
        rule: {
          kind: 'per_unit',
          unit: (v.unit ?? '').trim(),
          unitFen: fen(v.unitPrice),
          ...(min !== undefined ? { minFen: min } : {}),
          ...(max !== undefined ? { maxFen: max } : {}),
        },
      };
    }
    case 'tiered':
      return {
        ...base,
        rule: {
          kind: 'tiered',
          unit: (v.unit ?? '').trim(),
          tiers: (v.tiers ?? []).map((t, i, all) => ({
            upTo: i === all.length - 1 ? null : (t.upTo ?? null),
            unitFen: fen(t.unitPrice),
          })),
        },
      };
  }
}

export function fromFee(f: Fee): FeeFormValues {
  const r = f.rule;
  const base = {
    code: f.code,
    name: f.name,
    departmentCode: f.department?.code ?? '',
    category: f.category,
    basis: f.basis,
    standard: f.standard,
    management: f.management,
    ruleKind: r.kind,
  };
  if (r.kind === 'fixed') return { ...base, amount: fenToYuanText(r.amountFen) };
  if (r.kind === 'per_unit') {
    return {
      ...base,
      unit: r.unit,
      unitPrice: fenToYuanText(r.unitFen),
      min: r.minFen !== undefined ? fenToYuanText(r.minFen) : '',
      max: r.maxFen !== undefined ? fenToYuanText(r.maxFen) : '',
    };
  }
  return {
    ...base,
    unit: r.unit,
    tiers: r.tiers.map((x) => ({ upTo: x.upTo, unitPrice: fenToYuanText(x.unitFen) })),
  };
}

/** A validator for a yuan amount typed by hand. */
export const yuanRule = (message: string, required: boolean) => ({
  validator: (_: unknown, v: string | undefined) => {
    if (!v || !v.trim()) return required ? Promise.reject(new Error(message)) : Promise.resolve();
    return parseYuanToFen(v) === null ? Promise.reject(new Error(message)) : Promise.resolve();
  },
});
