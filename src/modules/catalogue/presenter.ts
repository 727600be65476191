import { fromJson } from '../../shared/json.js';
import type { DepartmentRow, FeeRow, VersionRow } from './repository.js';
import type { DepartmentInputT, FeeInputT, FeeRuleT, ItemInputT } from './schemas.js';

type ItemType = ItemInputT['type'];
type HandlingClass = ItemInputT['handlingClass'];
import { feeAmountFen } from './fee-amount.js';

export function presentDepartment(d: DepartmentRow) {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    nameEn: d.name_en,
    shortName: d.short_name,
    shortNameEn: d.short_name_en,
    creditCode: d.credit_code,
    leader: d.leader,
    leaderTitle: d.leader_title,
    phone: d.phone,
    complaintPhone: d.complaint_phone,
    windows: fromJson<string[]>(d.windows, []),
    hours: d.hours,
    address: d.address,
    version: d.version,
  };
}

/** A department as the catalogue file writes it: the English names only when it has them. */
export function departmentToInput(d: DepartmentRow): DepartmentInputT {
  const { id: _i, version: _v, nameEn, shortNameEn, ...rest } = presentDepartment(d);
  return {
    ...rest,
    ...(nameEn === null ? {} : { nameEn }),
    ...(shortNameEn === null ? {} : { shortNameEn }),
  };
}

export function presentFee(f: FeeRow, departments: ReadonlyMap<string, DepartmentRow>) {
  const rule = fromJson<FeeRuleT>(f.rule, { kind: 'fixed', amountFen: 0 });
  const dept = departments.get(f.department_id);
  return {
    id: f.id,
    code: f.code,
    name: f.name,
    category: f.category as FeeInputT['category'],
    department: dept ? { id: dept.id, code: dept.code, name: dept.name, nameEn: dept.name_en } : null,
    basis: f.basis,
    standard: f.standard,
    management: f.management,
    rule,
    /** The amount when it does not depend on a quantity. */
    fixedAmountFen: rule.kind === 'fixed' ? feeAmountFen(rule) : null,
    status: f.status,
    version: f.version,
  };
}

export function feeToInput(f: FeeRow, deptCodeById: ReadonlyMap<string, string>): FeeInputT {
  return {
    code: f.code,
    name: f.name,
    departmentCode: deptCodeById.get(f.department_id) ?? '',
    category: f.category as FeeInputT['category'],
    basis: f.basis,
    standard: f.standard,
    management: f.management,
    rule: fromJson<FeeRuleT>(f.rule, { kind: 'fixed', amountFen: 0 }),
  };
}

export function presentItemSummary(
  r: {
    id: string;
    code: string;
    version_no: number;
    name: string;
    name_en: string | null;
    type: string;
    handling_class: string;
    department_id: string;
    statutory_days: number;
    committed_days: number;
    channels: string;
    data: string;
  },
  departments: ReadonlyMap<string, DepartmentRow>,
) {
  const data = fromJson<ItemInputT>(r.data, {} as ItemInputT);
  const dept = departments.get(r.department_id);
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    type: r.type as ItemType,
    handlingClass: r.handling_class as HandlingClass,
    versionNo: r.version_no,
    department: dept
      ? {
          id: dept.id,
          code: dept.code,
          name: dept.name,
          nameEn: dept.name_en,
          shortName: dept.short_name,
          shortNameEn: dept.short_name_en,
        }
      : null,
    statutoryDays: r.statutory_days,
    committedDays: r.committed_days,
    channels: fromJson<string[]>(r.channels, []),
    maxVisits: data.maxVisits,
    charged: (data.fees ?? []).length > 0,
    lifeEvents: data.lifeEvents ?? [],
    resultName: data.resultName,
  };
}

/** Every published element of one item version, with its fee lines resolved against the catalogue. */
export function presentItemVersion(
  itemId: string,
  itemStatus: string,
  v: VersionRow,
  departments: ReadonlyMap<string, DepartmentRow>,
  fees: ReadonlyMap<string, FeeRow>,
) {
  const data = fromJson<ItemInputT>(v.data, {} as ItemInputT);
  const dept = departments.get(v.department_id);
  const { departmentCode: _d, fees: feeLines, ...elements } = data;
  return {
    id: itemId,
    status: itemStatus,
    version: {
      id: v.id,
      no: v.version_no,
      status: v.status,
      createdAt: v.created_at,
      publishedAt: v.published_at,
    },
    department: dept ? presentDepartment(dept) : null,
    ...elements,
    nameEn: elements.nameEn ?? null,
    fees: feeLines.map((l) => {
      const f = fees.get(l.feeCode);
      const rule = f ? fromJson<FeeRuleT>(f.rule, { kind: 'fixed', amountFen: 0 }) : null;
      return {
        feeCode: l.feeCode,
        note: l.note ?? null,
        name: f?.name ?? null,
        standard: f?.standard ?? null,
        basis: f?.basis ?? null,
        rule,
        fixedAmountFen: rule?.kind === 'fixed' ? rule.amountFen : null,
        published: f?.status === 'published',
      };
    }),
  };
}
