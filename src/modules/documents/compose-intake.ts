// Documents of the intake stage (Administrative Licensing Law Art. 32): acceptance, supplement,
// non-acceptance and acceptance with shortfall (容缺受理).

import type { DocumentInputOf, DocumentSection } from './document-types.js';
import {
  applicantRows,
  applicationPhrase,
  clause,
  cnDate,
  date,
  numbered,
  positiveInt,
  rightsParagraph,
  text,
  texts,
  trackingParagraph,
  type Check,
} from './compose-helpers.js';

export function acceptanceSections(
  input: DocumentInputOf<'acceptance_notice'>,
  fail: Check,
): DocumentSection[] {
  const accepted = date(fail, 'acceptanceDate', input.acceptanceDate);
  const due = date(fail, 'dueDate', input.dueDate);
  if (due <= accepted) fail('dueDate', 'must be after acceptanceDate');
  const days = positiveInt(fail, 'committedDays', input.committedDays, 400);
  const checkCode = text(fail, 'checkCode', input.checkCode);
  const departments = texts(fail, 'departments', input.departments);
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，经审查，申请材料齐全、符合法定形式，根据《中华人民共和国行政许可法》第三十二条第一款第（五）项的规定，本机关决定予以受理，受理日期为${cnDate(accepted)}。`,
        `本机关将自受理之日起${days}个工作日内（${cnDate(due)}前）作出决定。依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在上述期限内，本机关将另行书面告知。`,
      ],
    },
    {
      heading: '办理信息',
      table: [
        ...applicantRows(input),
        { label: '受理日期', value: cnDate(accepted) },
        { label: '承诺办结时限', value: `${days}个工作日（${cnDate(due)}前办结）` },
        { label: departments.length > 1 ? '审查部门（并联）' : '审查部门', value: departments.join('、') },
        { label: '受理窗口', value: text(fail, 'window', input.window) },
        { label: '咨询电话', value: text(fail, 'consultPhone', input.consultPhone) },
        { label: '查询码', value: checkCode },
      ],
    },
    { paragraphs: [`${trackingParagraph(input, checkCode)}查询码请妥善保管。`, '特此通知。'] },
  ];
}

export function supplementSections(
  input: DocumentInputOf<'supplement_notice'>,
  fail: Check,
): DocumentSection[] {
  const seq = positiveInt(fail, 'seq', input.seq, 99);
  if (!Array.isArray(input.materials) || input.materials.length === 0)
    fail('materials', 'must list every material to supply (an empty list is not a supplement notice)');
  const materials = input.materials.map((m, i) => ({
    label: `${i + 1}. ${text(fail, `materials[${i}].name`, m?.name)}`,
    value: text(fail, `materials[${i}].requirement`, m?.requirement),
  }));
  const names = input.materials.map((m) => m.name.trim());
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup !== undefined) fail('materials', `lists ${JSON.stringify(dup)} twice`);
  const reason = seq > 1 ? clause(text(fail, 'reason', input.reason)) : undefined;
  // On a first notice the clerk's 说明 is optional, but what they wrote is part of what the applicant is told.
  const note = seq === 1 && input.reason?.trim() ? clause(input.reason) : undefined;
  const window = text(fail, 'window', input.window);
  const sections: DocumentSection[] = [
    {
      paragraphs: [
        `${applicationPhrase(input)}，经审查，申请材料不齐全或者不符合法定形式。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，现将需要补正的全部内容一次性告知如下。`,
      ],
    },
  ];
  if (reason !== undefined) {
    sections.push({
      heading: '再次告知的理由',
      paragraphs: [`本告知书为本申请的第${seq}次补正告知。再次告知的理由：${reason}。`],
    });
  }
  sections.push({ heading: `需要补正的材料（共${materials.length}项）`, table: materials });
  if (note !== undefined) sections.push({ heading: '说明', paragraphs: [`${note}。`] });
  sections.push({
    paragraphs: [
      '除上述所列内容外，本机关不再要求你（单位）补正其他材料。',
      `请你（单位）按照上述要求一次性补齐全部材料后，提交至${window}。补正材料齐全、符合法定形式的，本机关自收到全部补正材料之日起予以受理。`,
      trackingParagraph(input),
      '特此告知。',
    ],
  });
  return sections;
}

export function nonAcceptanceSections(
  input: DocumentInputOf<'non_acceptance_notice'>,
  fail: Check,
): DocumentSection[] {
  const reasons = texts(fail, 'reasons', input.reasons);
  const competent =
    input.competentAgency === undefined ? undefined : text(fail, 'competentAgency', input.competentAgency);
  const decision = [`根据《中华人民共和国行政许可法》第三十二条第一款的规定，本机关决定不予受理。`];
  if (competent !== undefined)
    decision.push(`该申请事项依法不属于本机关职权范围，请你（单位）向${competent}提出申请。`);
  return [
    { paragraphs: [`${applicationPhrase(input)}，经审查，存在下列情形：`] },
    { heading: '不予受理的理由', list: numbered(reasons) },
    { paragraphs: decision },
    {
      heading: '救济途径',
      paragraphs: [
        rightsParagraph(
          '通知书',
          text(fail, 'reconsiderationBody', input.reconsiderationBody),
          text(fail, 'litigationCourt', input.litigationCourt),
        ),
      ],
    },
    { paragraphs: ['特此通知。'] },
  ];
}

export function shortfallSections(
  input: DocumentInputOf<'shortfall_acceptance_notice'>,
  fail: Check,
): DocumentSection[] {
  const accepted = date(fail, 'acceptanceDate', input.acceptanceDate);
  const due = date(fail, 'dueDate', input.dueDate);
  if (due <= accepted) fail('dueDate', 'must be after acceptanceDate');
  const checkCode = text(fail, 'checkCode', input.checkCode);
  if (!Array.isArray(input.missing) || input.missing.length === 0)
    fail('missing', 'must list the materials to be supplied later');
  const missing = input.missing.map((m, i) => {
    const deadline = date(fail, `missing[${i}].deadline`, m?.deadline);
    if (deadline < accepted || deadline > due)
      fail(`missing[${i}].deadline`, 'must fall between acceptanceDate and dueDate');
    const name = text(fail, `missing[${i}].name`, m.name);
    return {
      label: `${i + 1}. ${name}`,
      value: `提交形式：${text(fail, `missing[${i}].form`, m.form)}；补交期限：${cnDate(deadline)}前`,
    };
  });
  return [
    {
      paragraphs: [
        `${applicationPhrase(input)}，经审查，你（单位）具备基本条件，主要申请材料齐全、符合法定形式，所缺材料属于可以容缺后补的非关键材料，且你（单位）已书面承诺在规定期限内补齐。本机关决定予以容缺受理，受理日期为${cnDate(accepted)}。`,
      ],
    },
    { heading: `容缺材料及补交期限（共${missing.length}项）`, table: missing },
    {
      paragraphs: [
        `请你（单位）在上述期限内将容缺材料提交至受理窗口。容缺材料全部补齐前，本机关不作出行政许可决定；材料补齐后，本机关将于${cnDate(due)}前作出决定。`,
      ],
    },
    {
      heading: '申请人承诺',
      paragraphs: [
        text(fail, 'commitmentText', input.commitmentText),
        `逾期未补齐的后果：${text(fail, 'consequence', input.consequence)}`,
        '申请人（签名或盖章）：________________　　______年____月____日',
      ],
    },
    { paragraphs: [`${trackingParagraph(input, checkCode)}查询码请妥善保管。`, '特此通知。'] },
  ];
}
