import type { Actor } from '../shared/actor.js';
import { systemActor } from '../shared/actor.js';
import type { AppContext } from '../server/context.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { localDate } from '../modules/clock/local-time.js';
import { creditCodeCheckChar } from '../modules/identity/id-checks.js';
import { inspectionDeps } from '../modules/inspections/inspection-deps.js';
import { publishInspectionItem } from '../modules/inspections/publish-item.js';
import { publishViolation } from '../modules/inspections/publish-violation.js';
import { saveInspector } from '../modules/inspections/save-inspector.js';
import { registerInspection } from '../modules/inspections/register-inspection.js';
import { scanCode } from '../modules/inspections/scan-code.js';
import { recordResult } from '../modules/inspections/record-result.js';
import { listPublishedItems } from '../modules/inspections/public-reads.js';
import { getInspection } from '../modules/inspections/read-inspections.js';

const code = (first17: string) => first17 + creditCodeCheckChar(first17);
const DEMO_ENTERPRISE = '91350100M000100Y43';
const BAKERY = code('91370100MA3C00077');

/**
 * The demo's inspections, through the module's own use cases: published items, a discretion
 * standard and inspectors of 市场监管局 and 消防救援支队; today a joint visit (综合查一次) of the demo
 * enterprise registered with advance notice, and a visit to a bakery scanned in and concluded with a
 * rectification order and its record. Skipped when items exist. Returns how many inspections it made.
 */
export async function seedDemoInspections(ctx: AppContext): Promise<number> {
  const deps = inspectionDeps(ctx);
  if ((await listPublishedItems(deps)).length > 0) return 0;
  const admin = systemActor('seed');
  const admins: Actor = { ...admin, role: 'admin' };
  const depts = await departmentCodeMap(ctx.db);
  const [scj, xfzd] = [depts.get('SCJ')!, depts.get('XFZD')!];
  const users = new Map(
    (
      await ctx.db.selectFrom('users').select(['id', 'username']).where('role', '=', 'inspector').execute()
    ).map((u) => [u.username, u.id]),
  );
  const as = (username: string, departmentId: string): Actor => ({
    id: users.get(username)!,
    role: 'inspector',
    departmentId,
    ip: null,
  });
  const item = (departmentId: string, c: string, name: string, basis: string, noticeAllowed: boolean) =>
    publishInspectionItem(deps, admins, {
      departmentId,
      code: c,
      name,
      basis,
      subjects: '辖区内食品经营者',
      method: '现场检查、查阅资料',
      frequency: '同一企业每年不超过1次（投诉举报核查除外）',
      noticeAllowed,
    });
  const food = await item(
    scj,
    'SC-SP-01',
    '食品经营者落实食品安全主体责任情况检查',
    '《中华人民共和国食品安全法》第一百一十条',
    true,
  );
  await item(scj, 'SC-JL-01', '计量器具使用情况检查', '《中华人民共和国计量法》第二十三条', false);
  const fire = await item(xfzd, 'XF-01', '消防安全检查', '《中华人民共和国消防法》第五十三条', true);
  await publishViolation(deps, admins, {
    departmentId: scj,
    code: 'SP-124',
    name: '使用超过保质期的食品原料',
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    ranges: [
      { severity: 'minor', warning: true, fromFen: 0, toFen: 0 },
      { severity: 'ordinary', warning: false, fromFen: 5_000_000, toFen: 10_000_000 },
      { severity: 'serious', warning: false, fromFen: 10_000_000, toFen: 20_000_000 },
    ],
  });
  const cert = (departmentId: string, name: string, no: string, username?: string) =>
    saveInspector(deps, admins, {
      departmentId,
      name,
      certificateNo: no,
      validFrom: '2025-01-01',
      validTo: '2028-12-31',
      ...(username ? { userId: users.get(username)! } : {}),
    });
  const [p1, p2, x1, x2] = [
    await cert(scj, '刘检', 'SC-2026-0001', 'inspector.scj'),
    await cert(scj, '何查', 'SC-2026-0002', 'inspector2.scj'),
    await cert(xfzd, '吴防', 'XF-2026-0001', 'inspector.xfzd'),
    await cert(xfzd, '郑消', 'XF-2026-0002'),
  ];
  const today = localDate(ctx.clock.now());
  const base = { plannedDate: today, maxMinutes: 120 };
  const visit = await registerInspection(deps, as('inspector.scj', scj), {
    ...base,
    creditCode: DEMO_ENTERPRISE,
    enterpriseName: '清河市味道餐饮管理有限公司',
    itemIds: [food.id],
    inspectorIds: [p1.id, p2.id],
    notice: true,
  });
  await registerInspection(deps, as('inspector.xfzd', xfzd), {
    ...base,
    creditCode: DEMO_ENTERPRISE,
    enterpriseName: '清河市味道餐饮管理有限公司',
    itemIds: [fire.id],
    inspectorIds: [x1.id, x2.id],
    notice: false,
    jointWith: visit.id,
  });
  const bakery = await registerInspection(deps, as('inspector.scj', scj), {
    ...base,
    creditCode: BAKERY,
    enterpriseName: '清河市麦香烘焙坊有限公司',
    itemIds: [food.id],
    inspectorIds: [p1.id, p2.id],
    notice: false,
  });
  const bakeryCode = (
    await ctx.db
      .selectFrom('insp_enterprises')
      .select('code')
      .where('credit_code', '=', BAKERY)
      .executeTakeFirstOrThrow()
  ).code;
  await scanCode(deps, as('inspector.scj', scj), bakeryCode);
  await recordResult(deps, as('inspector.scj', scj), bakery.id, {
    version: (await getInspection(deps, admins, bakery.id)).version,
    outcome: 'rectification',
    findings: '操作间防蝇设施破损；部分原料未标注进货日期。',
    rectificationDeadline: localDate(new Date(ctx.clock.now().getTime() + 10 * 86_400_000)),
  });
  return 3;
}
