import type { AppContext } from '../server/context.js';
import type { Clock } from '../shared/clock.js';
import { systemActor } from '../shared/actor.js';
import { localDate } from '../modules/clock/local-time.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { disclosureDeps, type DisclosureDeps } from '../modules/disclosure/disclosure-deps.js';
import { publishDocument } from '../modules/disclosure/publish-document.js';
import { repealDocument } from '../modules/disclosure/repeal-document.js';
import { linkItem } from '../modules/disclosure/link-item.js';
import { registerVillage } from '../modules/disclosure/register-village.js';
import { publishStatement } from '../modules/disclosure/publish-statement.js';
import { addStatementFile } from '../modules/disclosure/add-statement-file.js';
import { signalOverdueDisclosures } from '../modules/disclosure/signal-overdue.js';
import {
  dueOn,
  nextPeriod,
  periodBounds,
  periodOf,
  addDays,
  type Cadence,
} from '../modules/disclosure/periods.js';
import type { PublishDocumentInput, StatementInput } from '../modules/disclosure/schemas.js';

const SYSTEM = systemActor('demo');
const at = (date: string): Clock => ({ now: () => new Date(`${date}T02:00:00.000Z`) });
const on = (deps: DisclosureDeps, date: string): DisclosureDeps => ({ ...deps, clock: at(date) });

const articles = (...lines: string[]) =>
  lines.map((l, i) => `第${'一二三四五六七八九十'[i]}条 ${l}`).join('\n');

/** The library's demo documents, in publishing order; `amends` / `repealedBy` name another's number. */
const DOCUMENTS: (PublishDocumentInput & { amends?: string; repeal?: { by: string; on: string } })[] = [
  {
    docNo: '清民规〔2022〕2号',
    title: '清河市最低生活保障审核确认实施细则',
    issuer: '清河市民政局',
    issuedOn: '2022-03-10',
    effectiveOn: '2022-04-01',
    body: articles(
      '为规范最低生活保障审核确认工作，根据《最低生活保障审核确认办法》，结合本市实际，制定本细则。',
      '共同生活的家庭成员人均月收入低于本市城乡最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
      '申请人向户籍所在地乡镇人民政府（街道办事处）提出书面申请，也可以通过政务服务平台在线申请。',
      '乡镇人民政府（街道办事处）应当自受理之日起30个工作日内完成审核确认。',
    ),
    interpretation: '细则明确了低保的申请条件、申请渠道和审核确认时限，并规定可以在线申请，减少群众跑腿。',
  },
  {
    docNo: '清民规〔2025〕1号',
    title: '清河市最低生活保障审核确认实施细则（2025年修订）',
    issuer: '清河市民政局',
    issuedOn: '2025-02-20',
    effectiveOn: '2025-03-01',
    amends: '清民规〔2022〕2号',
    body: articles(
      '为规范最低生活保障审核确认工作，根据《最低生活保障审核确认办法》，结合本市实际，制定本细则。',
      '共同生活的家庭成员人均月收入低于本市城乡最低生活保障标准，且家庭财产状况符合规定的，可以申请最低生活保障。',
      '申请人可以向户籍所在地或者经常居住地乡镇人民政府（街道办事处）提出申请，全程网办。',
      '乡镇人民政府（街道办事处）应当自受理之日起20个工作日内完成审核确认；特殊情况下可延长至30个工作日。',
      '对符合条件的申请，审核确认结果在村（居）民委员会公示7天。',
    ),
    interpretation:
      '本次修订放开了经常居住地申请，审核确认时限由30个工作日压缩为20个工作日，并增加了结果公示的要求。',
  },
  {
    docNo: '清人防规〔2021〕1号',
    title: '清河市结合民用建筑修建防空地下室管理暂行办法',
    issuer: '清河市人民防空办公室',
    issuedOn: '2021-05-12',
    effectiveOn: '2021-06-01',
    expiresOn: '2025-12-31',
    body: articles(
      '为加强人民防空工程建设管理，根据《人民防空工程建设管理规定》，制定本办法。',
      '新建民用建筑应当按照规定同步修建防空地下室；确因条件限制不能修建的，经批准可以易地建设。',
      '本办法有效期至2025年12月31日。',
    ),
    interpretation: '暂行办法规定了结建与易地建设的条件；有效期届满后以新规定为准。',
  },
  {
    docNo: '清市监规〔2024〕3号',
    title: '清河市特种设备使用登记管理规定',
    issuer: '清河市市场监督管理局',
    issuedOn: '2024-08-01',
    effectiveOn: '2024-09-01',
    expiresOn: '2029-08-31',
    body: articles(
      '为规范特种设备使用登记，根据《特种设备使用管理规则》，制定本规定。',
      '特种设备在投入使用前或者投入使用后30日内，使用单位应当办理使用登记。',
      '使用登记实行一次告知，材料齐全的当场办结。',
    ),
    interpretation: '规定把特种设备使用登记明确为即办件，材料齐全当场办结。',
  },
  {
    docNo: '清住建规〔2019〕2号',
    title: '清河市城市基础设施配套费征收管理办法',
    issuer: '清河市住房和城乡建设局',
    issuedOn: '2019-04-01',
    effectiveOn: '2019-05-01',
    repeal: { by: '清住建规〔2024〕1号', on: '2024-07-01' },
    body: articles('为规范城市基础设施配套费征收管理，制定本办法。', '配套费按建筑面积计征，标准另行公布。'),
  },
  {
    docNo: '清住建规〔2024〕1号',
    title: '清河市城市基础设施配套费征收使用管理办法',
    issuer: '清河市住房和城乡建设局',
    issuedOn: '2024-06-10',
    effectiveOn: '2024-07-01',
    body: articles(
      '为规范城市基础设施配套费征收使用管理，根据《财政部关于城市基础设施配套费性质的批复》，制定本办法。',
      '配套费按建筑面积计征，纳入政府性基金预算管理，专款专用。',
      '符合减免条件的保障性住房项目免征配套费。',
    ),
    interpretation: '新办法替代2019年办法，明确了配套费的政府性基金性质和保障性住房免征。',
  },
];

/** Item codes whose legal basis cites a demo document, with the basis as the item states it. */
const LINKS: [itemCode: string, docNo: string, basis: string][] = [
  ['11330900MB1185001X-GF-001', '清民规〔2025〕1号', '《最低生活保障审核确认办法》'],
  ['11330900MB19250014-XK-001', '清人防规〔2021〕1号', '《人民防空工程建设管理规定》'],
  ['11330900MB19250014-XK-002', '清人防规〔2021〕1号', '《人民防空工程建设管理规定》'],
  ['11330900MB1740001A-XK-008', '清市监规〔2024〕3号', '《特种设备使用管理规则》'],
  ['11330900MB14070016-QT-001', '清住建规〔2024〕1号', '《财政部关于城市基础设施配套费性质的批复》'],
];

const statement = (period: string, n: number): StatementInput => ({
  period,
  income: [
    { name: '集体土地发包收入', amountFen: 8_600_000 + n * 120_000 },
    { name: '上级转移支付', amountFen: 5_000_000 },
  ],
  expenditure: [
    { name: '村道及水利设施维护', amountFen: 3_200_000 + n * 50_000 },
    { name: '村干部报酬', amountFen: 2_400_000 },
    { name: '环境卫生保洁', amountFen: 600_000, note: '保洁员3名' },
  ],
  assets: [
    { name: '村民服务中心', amountFen: 120_000_000 },
    { name: '银行存款', amountFen: 21_000_000 + n * 300_000 },
  ],
  majorMatters: n % 2 === 0 ? ['村道硬化工程经村民代表会议表决通过'] : [],
});

const MINI_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

/**
 * The library (an amended, an expired and a repealed document among them, item links) and three
 * villages of 城关镇 reporting to the civil affairs bureau (民政局): two disclose on time, one left a
 * quarter undisclosed, which the overdue pass signals. A township clerk account publishes for them.
 */
export async function seedDemoDisclosure(ctx: AppContext): Promise<number> {
  const deps = disclosureDeps(ctx);
  if (await ctx.db.selectFrom('disc_documents').select('id').limit(1).executeTakeFirst()) return 0;
  const ids = new Map<string, string>();
  for (const { amends, repeal: _repeal, ...d } of DOCUMENTS) {
    const amendsId = amends ? ids.get(amends) : undefined;
    const v = await publishDocument(on(deps, d.issuedOn), SYSTEM, {
      ...d,
      ...(amendsId ? { amendsId } : {}),
    });
    ids.set(d.docNo, v.id);
  }
  for (const d of DOCUMENTS)
    if (d.repeal)
      await repealDocument(on(deps, d.repeal.on), SYSTEM, ids.get(d.docNo)!, {
        version: 1,
        repealedOn: d.repeal.on,
        reason: '已被新办法替代',
        repealedById: ids.get(d.repeal.by)!,
      });
  for (const [itemCode, docNo, basisTitle] of LINKS)
    await linkItem(deps, SYSTEM, { itemCode, documentId: ids.get(docNo)!, basisTitle });

  const mzj = (await departmentCodeMap(ctx.db)).get('MZJ')!;
  const today = localDate(ctx.clock.now());
  // A year back, so every village has a few ended periods.
  const from = periodBounds(periodOf('quarterly', addDays(today, -365))).start;
  const villages: [code: string, name: string, cadence: Cadence, skip: number][] = [
    ['CGZ-DG', '东关村', 'quarterly', -1],
    ['CGZ-XH', '西河村', 'quarterly', 1], // the second-newest ended quarter left undisclosed
    ['CGZ-NL', '南岭村', 'monthly', -1],
  ];
  let made = DOCUMENTS.length;
  for (const [code, name, cadence, skip] of villages) {
    const v = await registerVillage(on(deps, from), SYSTEM, {
      code,
      name,
      township: '城关镇',
      departmentId: mzj,
      cadence,
      discloseFrom: from,
    });
    made++;
    const ended: string[] = [];
    for (let p = periodOf(cadence, from); periodBounds(p).end < today; p = nextPeriod(cadence, p))
      ended.push(p);
    for (const [n, period] of ended.entries()) {
      if (n === ended.length - 1 - skip) continue;
      // Published a few days after the period ends, on time (or today, if that is sooner).
      const day = [addDays(periodBounds(period).end, 5), dueOn(period, v.dueDays), today].sort()[0]!;
      const s = await publishStatement(on(deps, day), SYSTEM, v.id, statement(period, n));
      if (n === ended.length - 1)
        await addStatementFile(on(deps, day), SYSTEM, s.id, { name: '收支明细.pdf', data: MINI_PDF });
    }
  }
  await signalOverdueDisclosures(deps);
  return made;
}
