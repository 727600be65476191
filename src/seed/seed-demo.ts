import type { Db } from '../db/database.js';
import type { Clock } from '../shared/clock.js';
import { systemActor, type Role } from '../shared/actor.js';
import { importCatalogue, type Progress } from '../modules/catalogue/import-catalogue.js';
import { createUser } from '../modules/identity/create-user.js';
import { registerApplicant } from '../modules/identity/register-applicant.js';
import { departmentCodeMap } from '../modules/catalogue/catalogue-reads.js';
import { loadDemoBundles, loadDemoCatalogue } from './demo-catalogue.js';
import { saveBundle } from '../modules/catalogue/save-bundle.js';

export const DEMO_PASSWORD = 'OneWindow2026';

/** Demo staff: one of each role, the window and review staff in the market-regulation department. */
export const DEMO_STAFF: { username: string; displayName: string; role: Role; department?: string }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'supervisor', displayName: '电子监察员 周监', role: 'supervisor' },
  { username: 'clerk', displayName: '综合窗口 王窗', role: 'clerk', department: 'SCJ' },
  { username: 'reviewer', displayName: '市场监管局审查员 李审', role: 'reviewer', department: 'SCJ' },
  { username: 'head', displayName: '市场监管局分管领导 梁静怡', role: 'head', department: 'SCJ' },
  { username: 'reviewer.wjw', displayName: '卫生健康委审查员 赵审', role: 'reviewer', department: 'WJW' },
  { username: 'reviewer.xfzd', displayName: '消防救援支队审查员 钱审', role: 'reviewer', department: 'XFZD' },
  { username: 'reviewer.zjj', displayName: '住房城乡建设局审查员 孙审', role: 'reviewer', department: 'ZJJ' },
  { username: 'complaints', displayName: '举报中心受理员 陈诉', role: 'complaint_officer' },
  { username: 'inspector.scj', displayName: '市场监管局执法人员 刘检', role: 'inspector', department: 'SCJ' },
  {
    username: 'inspector2.scj',
    displayName: '市场监管局执法人员 何查',
    role: 'inspector',
    department: 'SCJ',
  },
  {
    username: 'inspector.xfzd',
    displayName: '消防救援支队执法人员 吴防',
    role: 'inspector',
    department: 'XFZD',
  },
  { username: 'township', displayName: '城关镇村务公开专员 吴镇', role: 'clerk', department: 'MZJ' },
];

export const DEMO_APPLICANTS = [
  {
    kind: 'person' as const,
    username: 'citizen',
    displayName: '张小明',
    idNumber: '11010519491231002X',
    phone: '13800138000',
  },
  {
    kind: 'enterprise' as const,
    username: 'enterprise',
    displayName: '清河市味道餐饮管理有限公司',
    creditCode: '91350100M000100Y43',
  },
];

export async function isEmpty(db: Db): Promise<boolean> {
  const r = await db
    .selectFrom('departments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const u = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n) === 0 && Number(u.n) === 0;
}

/** Loads the demo catalogue and accounts. Safe to run again: existing accounts are left alone. */
export async function seedDemo(db: Db, clock: Clock, progress?: Progress) {
  const actor = systemActor('seed');
  const report = await importCatalogue(db, clock, actor, loadDemoCatalogue(), progress);
  for (const b of loadDemoBundles()) await saveBundle(db, clock, actor, b);
  const depts = await departmentCodeMap(db);
  const created: string[] = [];
  for (const s of DEMO_STAFF) {
    if (await db.selectFrom('users').select('id').where('username', '=', s.username).executeTakeFirst())
      continue;
    await createUser(db, clock, actor, {
      username: s.username,
      displayName: s.displayName,
      role: s.role,
      departmentId: s.department ? depts.get(s.department)! : null,
      password: DEMO_PASSWORD,
    });
    created.push(s.username);
  }
  for (const a of DEMO_APPLICANTS) {
    if (await db.selectFrom('users').select('id').where('username', '=', a.username).executeTakeFirst())
      continue;
    await registerApplicant(db, clock, actor, { ...a, password: DEMO_PASSWORD });
    created.push(a.username);
  }
  return { report, created };
}
