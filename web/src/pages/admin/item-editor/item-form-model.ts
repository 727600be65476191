import type { ItemInput } from '../../../api/admin-types';
import type { ItemDetail } from '../../../api/types';

/** The top-level fields of an item version; server errors under /body(/item)/<field> are shown on them. */
export const ITEM_FIELDS = [
  'code',
  'name',
  'nameEn',
  'type',
  'level',
  'departmentCode',
  'implementingBody',
  'lifeEvents',
  'keywords',
  'legalBasis',
  'conditions',
  'materials',
  'procedure',
  'specialProcedures',
  'statutoryDays',
  'committedDays',
  'handlingClass',
  'fees',
  'paymentPoint',
  'place',
  'window',
  'hours',
  'consultPhone',
  'complaintPhone',
  'onlineUrl',
  'channels',
  'maxVisits',
  'responsibleLeader',
  'commitment',
  'resultName',
] as const;

/** A version as the API shows it → the input the draft endpoint takes. */
export function detailToInput(d: ItemDetail): ItemInput {
  return {
    code: d.code,
    name: d.name,
    ...(d.nameEn ? { nameEn: d.nameEn } : {}),
    type: d.type,
    level: d.level,
    departmentCode: d.department?.code ?? '',
    implementingBody: d.implementingBody,
    lifeEvents: d.lifeEvents,
    keywords: d.keywords,
    legalBasis: d.legalBasis,
    conditions: d.conditions,
    materials: d.materials,
    procedure: d.procedure,
    specialProcedures: d.specialProcedures,
    statutoryDays: d.statutoryDays,
    committedDays: d.committedDays,
    handlingClass: d.handlingClass,
    fees: d.fees.map((f) => (f.note ? { feeCode: f.feeCode, note: f.note } : { feeCode: f.feeCode })),
    paymentPoint: d.paymentPoint,
    place: d.place,
    window: d.window,
    hours: d.hours,
    consultPhone: d.consultPhone,
    complaintPhone: d.complaintPhone,
    ...(d.onlineUrl ? { onlineUrl: d.onlineUrl } : {}),
    channels: d.channels,
    maxVisits: d.maxVisits,
    responsibleLeader: d.responsibleLeader,
    commitment: d.commitment,
    resultName: d.resultName,
  };
}

export const emptyItem = (): Partial<ItemInput> => ({
  type: 'licensing',
  level: 'city',
  lifeEvents: [],
  keywords: [],
  legalBasis: [],
  conditions: [],
  materials: [],
  procedure: [],
  specialProcedures: [],
  fees: [],
  paymentPoint: 'none',
  channels: ['window'],
  handlingClass: 'promise',
  maxVisits: 1,
});

const blankToUndefined = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);

/** Form values → request body: optional texts left empty are omitted, as the API expects. */
export function cleanInput(v: ItemInput): ItemInput {
  return {
    ...v,
    nameEn: blankToUndefined(v.nameEn),
    onlineUrl: blankToUndefined(v.onlineUrl),
    legalBasis: v.legalBasis.map((b) => ({
      kind: b.kind,
      title: b.title,
      ...(blankToUndefined(b.articles) ? { articles: b.articles!.trim() } : {}),
    })),
    materials: v.materials.map((m) => ({ ...m, notes: blankToUndefined(m.notes) })),
    fees: v.fees.map((f) => ({
      feeCode: f.feeCode,
      ...(blankToUndefined(f.note) ? { note: f.note!.trim() } : {}),
    })),
  };
}
