import type { FeeRuleT } from './schemas.js';

/**
 * The amount in fen that a fee rule charges for a quantity (ignored by fixed fees). Integer fen
 * throughout; per-unit and tiered amounts round half up once, at the end.
 */
export function feeAmountFen(rule: FeeRuleT, quantity = 1): number {
  if (!Number.isFinite(quantity) || quantity < 0)
    throw new RangeError(`quantity must be a non-negative number, got ${quantity}`);
  switch (rule.kind) {
    case 'fixed':
      return rule.amountFen;
    case 'per_unit': {
      let fen = Math.round(quantity * rule.unitFen);
      if (rule.minFen !== undefined) fen = Math.max(fen, rule.minFen);
      if (rule.maxFen !== undefined) fen = Math.min(fen, rule.maxFen);
      return fen;
    }
    case 'tiered': {
      let total = 0;
      let lower = 0;
      for (const t of rule.tiers) {
        const upper = t.upTo ?? Infinity;
        if (quantity > lower) total += (Math.min(quantity, upper) - lower) * t.unitFen;
        lower = upper;
        if (quantity <= upper) break;
      }
      return Math.round(total);
    }
  }
}

/** Problems with a rule's own shape that a schema cannot express. */
export function feeRuleProblems(rule: FeeRuleT): { path: string; zh: string; en: string }[] {
  const out: { path: string; zh: string; en: string }[] = [];
  if (
    rule.kind === 'per_unit' &&
    rule.minFen !== undefined &&
    rule.maxFen !== undefined &&
    rule.minFen > rule.maxFen
  ) {
    out.push({ path: '/rule/minFen', zh: '最低收费不能高于最高收费', en: 'minFen must not exceed maxFen' });
  }
  if (rule.kind === 'tiered') {
    let prev = 0;
    rule.tiers.forEach((t, i) => {
      const last = i === rule.tiers.length - 1;
      if (last && t.upTo !== null)
        out.push({
          path: `/rule/tiers/${i}/upTo`,
          zh: '最后一档的上限必须为空（不封顶）',
          en: 'the last tier must have upTo null',
        });
      if (!last && t.upTo === null)
        out.push({
          path: `/rule/tiers/${i}/upTo`,
          zh: '只有最后一档可以不封顶',
          en: 'only the last tier may have upTo null',
        });
      if (t.upTo !== null && t.upTo <= prev)
        out.push({ path: `/rule/tiers/${i}/upTo`, zh: '各档上限必须递增', en: 'tier limits must increase' });
      if (t.upTo !== null) prev = t.upTo;
    });
  }
  return out;
}
