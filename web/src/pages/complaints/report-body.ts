import type { SubmitComplaintBody } from '../../api/complaints';

export interface ReportValues {
  anonymous: boolean;
  categoryCode: string;
  urgent?: boolean;
  departmentId: string;
  aboutLeadership?: boolean;
  concerns?: { caseReceiptNo?: string; feeReference?: string; staffNamed?: string };
  description: string;
  location?: { text?: string };
  reporter?: { name?: string; phone?: string; email?: string };
}

/** Only the fields filled in, trimmed: the server refuses empty strings. */
function filled<T extends Record<string, string | undefined>>(o: T | undefined): Partial<T> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o ?? {})) if (v && v.trim()) out[k] = v.trim();
  return Object.keys(out).length ? (out as Partial<T>) : undefined;
}

/** The form's values as the intake takes them; an anonymous report sends no name. */
export function toSubmitBody(
  v: ReportValues,
  channel: SubmitComplaintBody['channel'],
  attachments: { name: string; contentBase64: string }[],
): SubmitComplaintBody {
  const reporter = filled(v.anonymous ? { ...v.reporter, name: undefined } : v.reporter);
  const location = filled(v.location);
  return {
    channel,
    anonymous: v.anonymous,
    categoryCode: v.categoryCode,
    departmentId: v.departmentId,
    description: v.description.trim(),
    ...(v.urgent ? { urgent: true } : {}),
    ...(v.aboutLeadership ? { aboutLeadership: true } : {}),
    ...(reporter ? { reporter } : {}),
    ...(filled(v.concerns) ? { concerns: filled(v.concerns) } : {}),
    ...(location ? { location } : {}),
    ...(attachments.length ? { attachments } : {}),
  };
}
