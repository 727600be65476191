import { systemActor } from '../shared/actor.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import type { ComplaintDeps } from '../modules/complaints/complaint-deps.js';
import { submitComplaint } from '../modules/complaints/submit-complaint.js';
import { acceptComplaint } from '../modules/complaints/accept-complaint.js';
import { refuseComplaint } from '../modules/complaints/refuse-complaint.js';
import { dispatchComplaint } from '../modules/complaints/dispatch-complaint.js';
import { returnComplaint } from '../modules/complaints/return-complaint.js';
import { replyComplaint } from '../modules/complaints/reply-complaint.js';
import { closeComplaint } from '../modules/complaints/close-complaint.js';
import { recordCallback } from '../modules/complaints/record-callback.js';
import { rateComplaint } from '../modules/complaints/rate-complaint.js';
import { mergeComplaints } from '../modules/complaints/merge-complaints.js';

type Step = 'accept' | 'refuse' | 'dispatch' | 'return' | 'reply' | 'close' | 'callback' | 'rate';
interface DemoTicket {
  dept: string;
  category: string;
  description: string;
  anonymous?: boolean;
  aboutLeadership?: boolean;
  feeReference?: string;
  steps: Step[];
  mergeIntoPrevious?: boolean;
}

/** Reports in every state of the loop, so a fresh start shows the reporting center at work. */
const TICKETS: DemoTicket[] = [
  {
    dept: 'SCJ',
    category: 'arbitrary_fee',
    anonymous: true,
    feeReference: 'JK202600000017',
    steps: [],
    description: '办理营业执照变更时窗口要求另交“材料审核费”200元，没有开具任何票据。',
  },
  {
    dept: 'WJW',
    category: 'delay',
    steps: ['accept'],
    description: '公共场所卫生许可申请已超过承诺时限五个工作日，仍未告知进展。',
  },
  {
    dept: 'SCJ',
    category: 'arbitrary_inspection',
    steps: ['accept', 'dispatch'],
    description: '本月内三次被不同科室检查同一事项，检查人员未出示执法证件。',
  },
  {
    dept: 'SCJ',
    category: 'arbitrary_inspection',
    steps: [],
    mergeIntoPrevious: true,
    description: '同一事项本月被反复检查三次，检查人员未出示执法证件，影响正常经营。',
  },
  {
    dept: 'ZRJ',
    category: 'buck_passing',
    steps: ['accept', 'dispatch', 'return'],
    description: '不动产登记窗口称需先到住建部门开证明，住建部门又称应由登记窗口负责。',
  },
  {
    dept: 'SCJ',
    category: 'consultation',
    steps: ['accept', 'dispatch', 'reply'],
    description: '咨询：个体工商户转为企业，原有食品经营许可证能否继续使用？',
  },
  {
    dept: 'SCJ',
    category: 'attitude',
    steps: ['accept', 'dispatch', 'reply', 'close', 'callback', 'rate'],
    description: '窗口工作人员态度生硬，对申请材料问题不作解释，直接退回。',
  },
  {
    dept: 'SCJ',
    category: 'arbitrary_levy',
    aboutLeadership: true,
    steps: ['accept', 'dispatch'],
    description: '局领导要求辖区企业赞助行业活动，每家摊派五千元。',
  },
  {
    dept: 'WJW',
    category: 'suggestion',
    steps: ['refuse'],
    description: '建议在大厅增加自助打印机。（重复提交）',
  },
];

const NOTES: Record<Step, Record<string, unknown>> = {
  accept: {},
  refuse: { reasons: ['同一建议已由编号在先的工单受理，不重复受理'] },
  dispatch: {},
  return: { reason: '该证明事项属住建部门职责', suggestedResponsible: '市住房城乡建设局' },
  reply: { reply: '经核实，已责成相关窗口整改，并向您说明情况。' },
  close: {},
  callback: { note: '电话回访，反映人表示问题已解决。', reached: true },
  rate: { rating: 4, codeProved: true },
};

const STEPS = {
  accept: acceptComplaint,
  refuse: refuseComplaint,
  dispatch: dispatchComplaint,
  return: returnComplaint,
  reply: replyComplaint,
  close: closeComplaint,
  callback: recordCallback,
  rate: rateComplaint,
} as const;

/** Loads the demo reports once (a database that already has reports is left alone). */
export async function seedDemoComplaints(deps: ComplaintDeps): Promise<number> {
  const any = await deps.db.selectFrom('complaints').select('id').limit(1).executeTakeFirst();
  if (any) return 0;
  const actor = systemActor('seed');
  const depts = await departmentCodeMap(deps.db);
  let previous: string | null = null;
  for (const [i, d] of TICKETS.entries()) {
    const r = await submitComplaint(deps, actor, {
      channel: 'portal',
      anonymous: d.anonymous ?? false,
      ...(d.anonymous
        ? {}
        : { reporter: { name: `演示反映人${i + 1}`, phone: `1390000${String(i).padStart(4, '0')}` } }),
      categoryCode: d.category,
      departmentId: depts.get(d.dept)!,
      aboutLeadership: d.aboutLeadership ?? false,
      ...(d.feeReference ? { concerns: { feeReference: d.feeReference } } : {}),
      description: d.description,
    });
    let version = 1;
    for (const s of d.steps) {
      const step = STEPS[s] as (
        deps: ComplaintDeps,
        a: typeof actor,
        input: never,
      ) => Promise<{ version: number }>;
      version = (await step(deps, actor, { id: r.id, version, ...NOTES[s] } as never)).version;
    }
    if (d.mergeIntoPrevious && previous)
      await mergeComplaints(deps, actor, { id: r.id, version, intoId: previous });
    previous = r.id;
  }
  return TICKETS.length;
}
