/**
 * Who a letter comes from. Deputies' suggestions (人大代表建议) and members' proposals (政协委员提案)
 * are answered within three months of being handed to the department under their handling rules;
 * other letters within a number of working days the center sets (来函必复, domain.md §5).
 * Pure data: no imports, safe for the browser.
 */
export const LETTER_KINDS = [
  'citizen',
  'enterprise',
  'agency',
  'deputy_suggestion',
  'cppcc_proposal',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_NAMES: Record<LetterKind, { zh: string; en: string }> = {
  citizen: { zh: '群众来信', en: "A citizen's letter" },
  enterprise: { zh: '企业来函', en: "An enterprise's letter" },
  agency: { zh: '机关来函', en: "Another agency's letter" },
  deputy_suggestion: { zh: '人大代表建议', en: "A people's congress deputy's suggestion" },
  cppcc_proposal: { zh: '政协委员提案', en: 'A CPPCC member’s proposal' },
};

/** A reply limit: working days counted on the working-day clock, or calendar months turned into them. */
export type ReplyLimit = { unit: 'working_days'; n: number } | { unit: 'months'; n: number };
