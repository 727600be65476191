import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { newId } from '../../shared/ids.js';
import { audited, type UnitOfWork } from '../audit/audited-transaction.js';
import { nextNumber } from '../cases/counters.js';
import { localDate } from '../clock/local-time.js';
import { checkCreditCode, ID_FAILURE_TEXT } from '../identity/id-checks.js';
import { raiseSignals, type SignalInput } from '../supervision/signals.js';
import type { InspectionDeps } from './inspection-deps.js';
import { inspectionPolicy } from './policy.js';
import { refusal } from './refusal.js';
import { findDepartmentCap, findInspectors, findItems, findSettings } from './repository-published.js';
import {
  findEnterpriseByCredit,
  findInspection,
  insertInspection,
  insertLinks,
  yearCounts,
} from './repository.js';
import { capBroken, certificateValid } from './rules.js';
import { ensureEnterprise } from './enterprise-access.js';
import { afterRegistration } from './registration-followups.js';

export interface RegisterInspectionInput {
  departmentId?: string;
  creditCode: string;
  enterpriseName: string;
  itemIds: string[];
  inspectorIds: string[];
  plannedDate: string;
  maxMinutes: number;
  notice: boolean;
  /** an inspection of another department to join (综合查一次), as proposed */
  jointWith?: string;
}

/** JC2026000123: the registry's own gap-free yearly sequence. */
const inspectionNumber = (year: number, seq: number) => `JC${year}${String(seq).padStart(7, '0')}`;

/** The rules that need no database: the code's check digit and the date. */
function checkInput(input: RegisterInspectionInput, today: string) {
  const failure = checkCreditCode(input.creditCode);
  if (failure) throw refusal('credit_code', '/body/creditCode', ID_FAILURE_TEXT[failure]);
  if (input.plannedDate < today) throw refusal('planned_date_past', '/body/plannedDate');
  if (new Set(input.inspectorIds).size < 2) throw refusal('single_inspector', '/body/inspectorIds');
}

/**
 * Registers an inspection before it starts. Every refusal names its rule: an item not published
 * (or of another department), fewer than two inspectors, an inspector unknown or with a certificate
 * not valid on the day, an enterprise at its annual cap (per department, in total). An unpublished
 * item and a cap are also signals to the supervisors: that attempt is recorded, then refused.
 */
export async function registerInspection(deps: InspectionDeps, actor: Actor, input: RegisterInspectionInput) {
  const departmentId = input.departmentId ?? actor.departmentId;
  authorize(actor, inspectionPolicy.register, { departmentId }, 'inspection.register');
  const creditCode = input.creditCode.trim().toUpperCase();
  checkInput({ ...input, creditCode }, localDate(deps.clock.now()));
  const [items, inspectors] = await Promise.all([
    findItems(deps.db, input.itemIds),
    findInspectors(deps.db, input.inspectorIds),
  ]);
  const byId = new Map(inspectors.map((i) => [i.id, i]));
  for (const [n, id] of input.inspectorIds.entries()) {
    const i = byId.get(id);
    if (!i || !i.active || i.department_id !== departmentId)
      throw refusal('inspector_unknown', `/body/inspectorIds/${n}`);
    if (!certificateValid(i, input.plannedDate))
      throw refusal('certificate_expired', `/body/inspectorIds/${n}`, {
        zh: `${i.name}（${i.certificate_no}，有效期至 ${i.valid_to}）`,
        en: `${i.name} (${i.certificate_no}, valid to ${i.valid_to})`,
      });
  }
  const itemById = new Map(items.map((i) => [i.id, i]));
  for (const [n, id] of input.itemIds.entries()) {
    const i = itemById.get(id);
    if (i && i.department_id !== departmentId)
      throw refusal('item_of_other_department', `/body/itemIds/${n}`);
  }
  if (input.notice && items.some((i) => !i.notice_allowed))
    throw refusal('notice_not_allowed', '/body/notice');

  const out = await audited(deps.db, deps.clock, actor, async (uow) => {
    const [settings, own] = await Promise.all([
      findSettings(uow.db),
      findDepartmentCap(uow.db, departmentId!),
    ]);
    const caps: Caps = {
      department: own?.cap ?? settings.department_cap,
      departmentOwn: own !== undefined,
      total: settings.total_cap,
    };
    const year = Number(input.plannedDate.slice(0, 4));
    const unpublished = input.itemIds.findIndex((id) => itemById.get(id)?.status !== 'published');
    const known = await findEnterpriseByCredit(uow.db, creditCode);
    const counts = known
      ? await yearCounts(uow.db, known.id, year, departmentId!)
      : { department: 0, total: 0 };
    const cap = capBroken(counts, caps);
    if (unpublished >= 0 || cap)
      return refuse(uow, departmentId!, creditCode, input.enterpriseName, unpublished, cap, caps);

    const enterprise = known ?? (await ensureEnterprise(uow, creditCode, input.enterpriseName.trim()));
    const id = newId(uow.now.getTime());
    const number = inspectionNumber(year, await nextNumber(uow.db, `inspection:${year}`));
    await insertInspection(uow.db, {
      id,
      number,
      department_id: departmentId!,
      enterprise_id: enterprise.id,
      year,
      planned_date: input.plannedDate,
      max_minutes: input.maxMinutes,
      notice: input.notice ? 1 : 0,
      joint_group: null,
      overran: 0,
      outside_standard: 0,
      complaints: 0,
      state: 'registered',
      registered_by: actor.id,
      registered_at: uow.nowIso,
      updated_at: uow.nowIso,
      version: 1,
    });
    await insertLinks(uow.db, id, items, [...new Set(input.inspectorIds)]);
    await uow.audit({
      action: 'inspection.registered',
      entityType: 'inspection',
      entityId: id,
      data: {
        number,
        from: 'none',
        to: 'registered',
        plannedDate: input.plannedDate,
        items: items.map((i) => `${i.code}@${i.version_no}`),
        inspectors: inspectors.map((i) => i.certificate_no),
      },
    });
    const followups = await afterRegistration(uow, settings, {
      inspection: (await findInspection(uow.db, id))!,
      enterprise,
      items,
      jointWith: input.jointWith,
    });
    return { refused: null, id, ...followups };
  });
  if (out.refused) throw out.refused;
  return out;
}

/** The caps in force for a registration: the department's own (or the city's per-department cap), the total. */
interface Caps {
  department: number;
  departmentOwn: boolean;
  total: number;
}

/** The text naming the cap that was reached: which one, whose, and how many. */
function capDetail(rule: NonNullable<ReturnType<typeof capBroken>>, caps: Caps) {
  if (rule === 'total_cap')
    return {
      zh: `全市各部门合计上限 ${caps.total} 次`,
      en: `the total cap across departments is ${caps.total}`,
    };
  return caps.departmentOwn
    ? { zh: `本部门设定的上限 ${caps.department} 次`, en: `this department's own cap is ${caps.department}` }
    : {
        zh: `全市统一的每部门上限 ${caps.department} 次`,
        en: `the city's cap per department is ${caps.department}`,
      };
}

/** An attempt at an unpublished item or beyond a cap: the signal and the audit event stay, the registration does not. */
async function refuse(
  uow: UnitOfWork,
  departmentId: string,
  creditCode: string,
  enterpriseName: string,
  unpublished: number,
  cap: ReturnType<typeof capBroken>,
  caps: Caps,
) {
  const rule = unpublished >= 0 ? 'unpublished_item' : cap!;
  const enterprise = await ensureEnterprise(uow, creditCode, enterpriseName.trim());
  const signal: SignalInput = {
    kind: rule === 'unpublished_item' ? 'inspection_unpublished_item' : 'inspection_over_cap',
    subjectType: 'inspection_enterprise',
    subjectId: enterprise.id,
    departmentId,
    data: {
      rule,
      creditCode,
      departmentCap: caps.department,
      departmentCapOwn: caps.departmentOwn,
      totalCap: caps.total,
    },
    dedupeKey: `inspection-refused:${newId(uow.now.getTime())}`,
  };
  await raiseSignals(uow.db, [signal], uow.nowIso);
  await uow.audit({
    action: 'inspection.refused',
    entityType: 'inspection_enterprise',
    entityId: enterprise.id,
    data: { rule, departmentId, creditCode },
  });
  const err =
    rule === 'unpublished_item'
      ? refusal('unpublished_item', `/body/itemIds/${unpublished}`)
      : refusal(rule, '/body/creditCode', capDetail(rule, caps));
  return { refused: err, id: '', jointProposals: [] };
}
