import type { TFunction } from 'i18next';
import type { ItemInput } from '../../../api/admin-types';
import { enumLabel, lifeEventLabel } from '../../../domain/enums';

type Field = keyof ItemInput;

/** One field that differs between the published version and the one about to be published. */
export interface FieldChange {
  field: Field;
  label: string;
  /** A list field (materials, conditions…) shows what was removed and added; a value, before → after. */
  list: boolean;
  before: string[];
  after: string[];
  removed: string[];
  added: string[];
}

/** The fields in the order of the editor, with the label the editor gives them. */
const LABELS: [Field, string][] = [
  ['name', 'itemForm.name'],
  ['nameEn', 'localNames.nameEn'],
  ['code', 'itemForm.code'],
  ['type', 'itemForm.type'],
  ['level', 'itemForm.level'],
  ['departmentCode', 'itemForm.department'],
  ['implementingBody', 'itemForm.implementingBody'],
  ['resultName', 'itemForm.resultName'],
  ['lifeEvents', 'itemForm.lifeEvents'],
  ['keywords', 'itemForm.keywords'],
  ['handlingClass', 'itemForm.handlingClass'],
  ['statutoryDays', 'itemForm.statutoryDays'],
  ['committedDays', 'itemForm.committedDays'],
  ['maxVisits', 'itemForm.maxVisits'],
  ['channels', 'itemForm.channels'],
  ['materials', 'itemForm.materials'],
  ['conditions', 'itemForm.conditions'],
  ['procedure', 'itemForm.procedure'],
  ['specialProcedures', 'guide.specialProcedures'],
  ['fees', 'itemForm.feeLines'],
  ['paymentPoint', 'itemForm.paymentPoint'],
  ['place', 'guide.place'],
  ['window', 'guide.window'],
  ['hours', 'guide.hours'],
  ['consultPhone', 'guide.consultPhone'],
  ['complaintPhone', 'guide.complaintPhone'],
  ['onlineUrl', 'guide.online'],
  ['responsibleLeader', 'guide.leader'],
  ['commitment', 'guide.commitment'],
  ['legalBasis', 'guide.section.basis'],
];

/** The fields whose change alters what a citizen is promised: shown first and marked. */
export const KEY_FIELDS: readonly Field[] = [
  'statutoryDays',
  'committedDays',
  'handlingClass',
  'fees',
  'materials',
  'conditions',
];

export interface DiffNames {
  department: (code: string) => string;
  fee: (code: string) => string;
}

/** Each field as lines a person reads: one line per entry of a list, one line for a value. */
function lines(t: TFunction, names: DiffNames, field: Field, v: ItemInput): string[] {
  const sep = t('ux.listSep');
  const entry = (name: string, details: (string | false | undefined)[]) => {
    const d = details.filter((x): x is string => !!x);
    return d.length ? t('ux.publish.entry', { name, details: d.join(sep) }) : name;
  };
  const workdays = (n: number) => t('guide.workdays', { count: n });
  switch (field) {
    case 'type':
      return [enumLabel(t, 'itemType', v.type)];
    case 'level':
      return [enumLabel(t, 'level', v.level)];
    case 'handlingClass':
      return [enumLabel(t, 'handlingClass', v.handlingClass)];
    case 'paymentPoint':
      return [enumLabel(t, 'paymentPoint', v.paymentPoint)];
    case 'departmentCode':
      return [names.department(v.departmentCode)];
    case 'statutoryDays':
    case 'committedDays':
      return [workdays(v[field])];
    case 'maxVisits':
      return [v.maxVisits === 0 ? t('item.zeroVisits') : t('item.maxVisits', { count: v.maxVisits })];
    case 'channels':
      return v.channels.map((c) => enumLabel(t, 'channel', c));
    case 'lifeEvents':
      return v.lifeEvents.map((e) => lifeEventLabel(t, e));
    case 'keywords':
    case 'conditions':
      return v[field];
    case 'materials':
      return v.materials.map((m) =>
        entry(m.name, [
          m.required ? t('guide.required') : t('guide.optional'),
          enumLabel(t, 'materialForm', m.form),
          t('guide.copies', { count: m.copies }),
          enumLabel(t, 'materialSource', m.source),
          m.deferrable && t('guide.deferrable'),
          m.notes,
        ]),
      );
    case 'procedure':
      return v.procedure.map((p) => entry(p.step, [p.description]));
    case 'specialProcedures':
      return v.specialProcedures.map((p) =>
        entry(p.name, [
          workdays(p.days),
          p.counted ? t('guide.counted') : t('guide.notCounted'),
          p.charged && t('itemForm.charged'),
          p.legalBasis,
        ]),
      );
    case 'fees':
      return v.fees.map((f) => entry(names.fee(f.feeCode), [f.note]));
    case 'legalBasis':
      return v.legalBasis.map((b) => entry(b.title, [enumLabel(t, 'legalKind', b.kind), b.articles]));
    default: {
      const x = v[field];
      return x === undefined || x === null || x === '' ? [] : [String(x)];
    }
  }
}

/** Entries of `a` not matched in `b`, counting repeats. */
function minus(a: string[], b: string[]): string[] {
  const left = [...b];
  return a.filter((x) => {
    const i = left.indexOf(x);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
}

const LIST_FIELDS = new Set<Field>([
  'lifeEvents',
  'keywords',
  'channels',
  'materials',
  'conditions',
  'procedure',
  'specialProcedures',
  'fees',
  'legalBasis',
]);

/**
 * What publishing `after` changes for the public, compared with the published `before` (null for a
 * first publication: every field is new). Every changed field is listed, the key ones first.
 */
export function itemDiff(
  t: TFunction,
  names: DiffNames,
  before: ItemInput | null,
  after: ItemInput,
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, key] of LABELS) {
    const a = before ? lines(t, names, field, before) : [];
    const b = lines(t, names, field, after);
    if (before && JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null)) continue;
    if (!before && b.length === 0) continue;
    changes.push({
      field,
      label: t(key),
      list: LIST_FIELDS.has(field),
      before: a,
      after: b,
      removed: minus(a, b),
      added: minus(b, a),
    });
  }
  const rank = (c: FieldChange) => (KEY_FIELDS.includes(c.field) ? 0 : 1);
  return changes.sort((x, y) => rank(x) - rank(y));
}
