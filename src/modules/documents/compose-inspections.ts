// The inspection record (检查记录, domain.md §7): who inspected which enterprise, when, for what
// published items on what basis, with which certificates, and the result — no problem, rectification
// ordered with its deadline, or a penalty with the violation and standard it cites. receiptNo carries
// the inspection's registration number; the enterprise signs for receipt on its own page.

import type { DocumentInputOf, DocumentSection } from './document-types.js';
import { cnDate, cnDateOfInstant, date, instant, text, texts, type Check } from './compose-helpers.js';
import { amountText } from './money-text.js';

const OUTCOME: Record<string, string> = {
  no_problem: '未发现问题',
  rectification: '发现问题，责令限期整改',
  penalty: '发现违法行为，立案处罚',
};
const SEVERITY: Record<string, string> = { minor: '轻微', ordinary: '一般', serious: '严重' };

export function inspectionRecordSections(
  input: DocumentInputOf<'inspection_record'>,
  fail: Check,
): DocumentSection[] {
  const outcome = text(fail, 'outcome', input.outcome);
  if (!(outcome in OUTCOME)) fail('outcome', 'must be no_problem, rectification or penalty');
  const started = instant(fail, 'startedAt', input.startedAt);
  const inspectors = texts(fail, 'inspectors', input.inspectors);
  const bases = texts(fail, 'bases', input.bases);
  const findings = text(fail, 'findings', input.findings)
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const rows = [
    { label: '检查编号', value: input.receiptNo.trim() },
    { label: '被检查单位', value: input.applicant.name.trim() },
    { label: '统一社会信用代码', value: input.applicant.idMasked },
    { label: '检查单位', value: input.agencyName.trim() },
    { label: '检查事项', value: input.itemNames.join('；') },
    { label: '检查依据', value: bases.join('；') },
    { label: '执法人员及证号', value: inspectors.join('；') },
    { label: '检查开始', value: cnDateOfInstant(started, true) },
    ...(input.endedAt ? [{ label: '检查结束', value: cnDateOfInstant(input.endedAt, true) }] : []),
    ...(input.joint ? [{ label: '检查方式', value: '综合查一次（多部门联合检查）' }] : []),
    { label: '检查结果', value: OUTCOME[outcome] ?? outcome },
  ];
  const result: string[] = [];
  if (outcome === 'rectification')
    result.push(
      `请于${cnDate(date(fail, 'rectificationDeadline', input.rectificationDeadline))}前完成整改，并将整改情况报${input.agencyName.trim()}。`,
    );
  if (outcome === 'penalty') {
    const p = input.penalty ?? fail('penalty', 'is required when the outcome is penalty');
    const what = [p.warning ? '警告' : '', p.fineFen > 0 ? `罚款${amountText(p.fineFen)}` : '']
      .filter(Boolean)
      .join('，并处');
    result.push(
      p.violation
        ? `经查，你单位存在“${p.violation}”的违法行为（情节${SEVERITY[p.severity] ?? p.severity}），依据${p.basis ?? '—'}，拟给予${what || '处罚'}。`
        : `拟给予${what || '处罚'}。`,
    );
    if (p.reason) result.push(`裁量说明：${p.reason}`);
    result.push('你单位依法享有陈述、申辩的权利，处罚决定另行送达。');
  }
  return [
    { table: rows },
    { heading: '检查情况', paragraphs: findings },
    ...(result.length ? [{ heading: '处理意见', paragraphs: result }] : []),
    {
      paragraphs: [
        '被检查单位可扫描本记录上的二维码核对检查登记信息、签收本记录；对检查有异议的，可在同一页面投诉。',
      ],
    },
  ];
}
