import { systemActor } from '../shared/actor.js';
import type { AppContext } from '../server/context.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { localDate } from '../modules/clock/local-time.js';
import { letterDeps } from '../modules/letters/letter-deps.js';
import { registerLetter, type RegisterLetterInput } from '../modules/letters/register-letter.js';
import { attachOriginal } from '../modules/letters/attach-original.js';
import { assignLetter } from '../modules/letters/assign-letter.js';
import { answerLetter } from '../modules/letters/answer-letter.js';
import { listLetters } from '../modules/letters/list-letters.js';

/** A one-page PDF standing in for a scanned letter (its content check needs real PDF bytes). */
const SCAN = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Plan = Omit<RegisterLetterInput, 'receivedDate'> & {
  daysAgo: number;
  to?: string;
  answer?: string;
  scan?: boolean;
};

const PLANS: Plan[] = [
  {
    kind: 'citizen',
    senderName: '张小明',
    senderIdNumber: '11010519491231002X',
    senderPhone: '13800138000',
    senderAddress: '清河市人民路1号',
    subject: '关于人民路夜市占道经营扰民的反映',
    daysAgo: 1,
    scan: true,
  },
  {
    kind: 'enterprise',
    senderName: '清河市味道餐饮管理有限公司',
    senderIdNumber: '91350100M000100Y43',
    senderPhone: '0531-86661234',
    subject: '关于食品经营许可证延续办理时限的咨询',
    daysAgo: 3,
    to: 'SCJ',
    scan: true,
  },
  {
    kind: 'agency',
    senderName: '清河市信访局',
    subject: '关于转送群众反映食品摊贩管理问题的函',
    daysAgo: 10,
    to: 'SCJ',
    answer:
      '经核查，所反映的人民路流动摊贩已由辖区市场监管所登记备案，并纳入日常巡查。\n我局将会同城管部门每周联合检查一次，结果按月报送贵局。',
  },
  {
    kind: 'deputy_suggestion',
    senderName: '李红',
    senderOrganization: '清河市人大代表',
    subject: '关于推行公共场所卫生许可告知承诺制的建议',
    daysAgo: 5,
    to: 'WJW',
  },
  {
    kind: 'citizen',
    senderName: '刘建国',
    senderPhone: '13911112222',
    subject: '关于个体工商户登记材料重复提交的意见',
    daysAgo: 40,
    to: 'SCJ',
  },
];

/**
 * The demo's letters, through the letters' own use cases: one only registered, assigned ones, one
 * answered with its reply letter, a deputy's suggestion, and one received long ago that is overdue
 * (the first supervision pass turns it red, with its signal and order). Skipped when letters exist.
 */
export async function seedDemoLetters(ctx: AppContext): Promise<number> {
  const deps = letterDeps(ctx);
  const actor = systemActor('seed');
  const existing = await listLetters(deps, actor, { page: 1, pageSize: 1 });
  if (existing.total > 0) return 0;
  const depts = await departmentCodeMap(ctx.db);
  const now = ctx.clock.now();
  for (const { daysAgo, to, answer, scan, ...input } of PLANS) {
    const receivedDate = localDate(new Date(now.getTime() - daysAgo * 86_400_000));
    const l = await registerLetter(deps, actor, { ...input, receivedDate });
    let version = l.version;
    if (scan) {
      await attachOriginal(deps, actor, l.id, version, { name: '来函扫描件.pdf', data: SCAN });
      version++;
    }
    if (!to) continue;
    await assignLetter(deps, actor, l.id, { version, departmentId: depts.get(to)! });
    version++;
    if (answer) await answerLetter(deps, actor, l.id, { version, replyText: answer });
  }
  return PLANS.length;
}
