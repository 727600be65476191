// The pure rules of an inspection: penalty ranges, caps, lengths, dates. No database, no clock.

export const SEVERITIES = ['minor', 'ordinary', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** One band of a discretion standard (行政处罚裁量基准): a warning may be given, and a fine from/to, in fen. */
export interface PenaltyRange {
  severity: Severity;
  warning: boolean;
  fromFen: number;
  toFen: number;
}

export interface Penalty {
  severity: Severity;
  warning: boolean;
  fineFen: number;
}

/**
 * Whether a penalty stays within the published standard for its severity: a warning only where the
 * band allows one, and a fine (0 = none) within from/to. A band without a fine (from = to = 0) allows
 * a warning only; a fine of 0 with no warning is no penalty at all, and outside every band.
 */
export function withinStandard(ranges: readonly PenaltyRange[], p: Penalty): boolean {
  const band = ranges.find((r) => r.severity === p.severity);
  if (!band) return false;
  if (p.warning && !band.warning) return false;
  if (p.fineFen === 0) return p.warning;
  return p.fineFen >= band.fromFen && p.fineFen <= band.toFen;
}

/** The ranges of a standard are well formed: each severity once, from ≤ to, and something to give. */
export function rangeProblems(ranges: readonly PenaltyRange[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  ranges.forEach((r, i) => {
    if (seen.has(r.severity)) problems.push(`/body/ranges/${i}/severity`);
    seen.add(r.severity);
    if (r.fromFen > r.toFen) problems.push(`/body/ranges/${i}/toFen`);
    if (!r.warning && r.toFen === 0) problems.push(`/body/ranges/${i}/warning`);
  });
  return problems;
}

export type CapRule = 'department_cap' | 'total_cap';

/** Which annual cap a new inspection would break, given how many the enterprise already has this year. */
export function capBroken(
  counts: { department: number; total: number },
  caps: { department: number; total: number },
): CapRule | null {
  if (counts.department >= caps.department) return 'department_cap';
  if (counts.total >= caps.total) return 'total_cap';
  return null;
}

/** Whole minutes between two instants, rounded down. */
export const minutesBetween = (fromIso: string, toIso: string) =>
  Math.floor((Date.parse(toIso) - Date.parse(fromIso)) / 60_000);

/** A visit longer than its registered maximum has overrun. */
export const overran = (startedAt: string, endedAt: string, maxMinutes: number) =>
  minutesBetween(startedAt, endedAt) > maxMinutes;

/** A day `days` calendar days before or after a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A certificate is valid on a day when the day lies within its validity, both ends included. */
export const certificateValid = (c: { valid_from: string; valid_to: string }, day: string) =>
  c.valid_from <= day && day <= c.valid_to;
