import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { maskName } from '../identity/presenter.js';

type Q = Kysely<Database>;

/** What a clock, signal or order is about, as supervisors read it: the matter's number, its item, who asked, where it lives. */
export interface SubjectRef {
  kind: 'case' | 'inquiry' | 'letter' | 'complaint' | 'other';
  /** 受理编号, letter number or ticket number. */
  reference: string | null;
  /** The item's name (the task's own item for a department's review), a letter's subject. */
  title: string | null;
  /** The applicant, sender or person asking, masked; never a complaint's reporter. */
  person: string | null;
  departmentId: string | null;
  /** The web page that shows the matter. */
  link: string | null;
}

export interface SubjectKey {
  subject_type: string;
  subject_id: string;
}

const key = (type: string, id: string) => `${type}:${id}`;
const CASE_SUBJECTS = new Set(['case', 'acceptance', 'delivery']);
const COMPLAINT_SUBJECTS = new Set(['complaint', 'complaint_acceptance', 'complaint_result']);

const ids = (refs: SubjectKey[], pred: (t: string) => boolean) => [
  ...new Set(refs.filter((r) => pred(r.subject_type)).map((r) => r.subject_id)),
];

/** Describes every subject in a few queries (one per kind present), keyed `type:id`; orders are described by their own subject. */
export async function describeSubjects(db: Q, refs: SubjectKey[]): Promise<Map<string, SubjectRef>> {
  const out = new Map<string, SubjectRef>();
  const orderIds = ids(refs, (t) => t === 'supervision_order');
  const orders = orderIds.length
    ? await db
        .selectFrom('supervision_orders')
        .select(['id', 'subject_type', 'subject_id'])
        .where('id', 'in', orderIds)
        .execute()
    : [];
  const all = [...refs, ...orders];

  const taskIds = ids(all, (t) => t === 'task');
  const tasks = taskIds.length
    ? await db
        .selectFrom('case_tasks as t')
        .innerJoin('items as i', 'i.id', 't.item_id')
        .leftJoin('item_versions as v', 'v.id', 'i.current_version_id')
        .select(['t.id', 't.case_id', 't.department_id', 'v.name as item_name'])
        .where('t.id', 'in', taskIds)
        .execute()
    : [];
  const refundIds = ids(all, (t) => t === 'refund');
  const refunds = refundIds.length
    ? await db.selectFrom('fee_refunds').select(['id', 'case_id']).where('id', 'in', refundIds).execute()
    : [];
  const caseIds = [
    ...new Set([
      ...ids(all, (t) => CASE_SUBJECTS.has(t)),
      ...tasks.map((t) => t.case_id),
      ...refunds.map((r) => r.case_id),
    ]),
  ];
  const cases = new Map(
    (caseIds.length
      ? await db
          .selectFrom('cases')
          .select(['id', 'receipt_no', 'title', 'applicant_name', 'lead_department_id'])
          .where('id', 'in', caseIds)
          .execute()
      : []
    ).map((c) => [c.id, c]),
  );
  const caseRef = (caseId: string, over: Partial<SubjectRef> = {}): SubjectRef | null => {
    const c = cases.get(caseId);
    if (!c) return null;
    return {
      kind: 'case',
      reference: c.receipt_no,
      title: c.title,
      person: maskName(c.applicant_name),
      departmentId: c.lead_department_id,
      link: `/cases/${c.id}`,
      ...over,
    };
  };
  const put = (type: string, id: string, ref: SubjectRef | null) => {
    if (ref) out.set(key(type, id), ref);
  };
  for (const r of all)
    if (CASE_SUBJECTS.has(r.subject_type)) put(r.subject_type, r.subject_id, caseRef(r.subject_id));
  for (const t of tasks)
    put('task', t.id, caseRef(t.case_id, { title: t.item_name, departmentId: t.department_id }));
  for (const r of refunds) put('refund', r.id, caseRef(r.case_id));

  const inquiryIds = ids(all, (t) => t === 'inquiry');
  if (inquiryIds.length)
    for (const q of await db
      .selectFrom('inquiries')
      .select(['id', 'person_name', 'question', 'department_id'])
      .where('id', 'in', inquiryIds)
      .execute())
      put('inquiry', q.id, {
        kind: 'inquiry',
        reference: null,
        title: q.question.slice(0, 60),
        person: maskName(q.person_name),
        departmentId: q.department_id,
        link: null,
      });

  const letterIds = ids(all, (t) => t === 'letter');
  if (letterIds.length)
    for (const l of await db
      .selectFrom('letters')
      .select(['id', 'number', 'subject', 'sender_name', 'department_id'])
      .where('id', 'in', letterIds)
      .execute())
      put('letter', l.id, {
        kind: 'letter',
        reference: l.number,
        title: l.subject,
        person: maskName(l.sender_name),
        departmentId: l.department_id,
        link: `/letters/${l.id}`,
      });

  const complaintIds = ids(all, (t) => COMPLAINT_SUBJECTS.has(t));
  if (complaintIds.length) {
    const rows = await db
      .selectFrom('complaints')
      .select(['id', 'ticket_no', 'department_id', 'assigned_department_id'])
      .where('id', 'in', complaintIds)
      .execute();
    for (const c of rows) {
      const ref: SubjectRef = {
        kind: 'complaint',
        reference: c.ticket_no,
        title: null,
        // The reporter stays with the reporting center (the complaints presenter decides who sees them).
        person: null,
        departmentId: c.assigned_department_id ?? c.department_id,
        link: `/complaints/tickets/${c.id}`,
      };
      for (const t of COMPLAINT_SUBJECTS) put(t, c.id, ref);
    }
  }
  await describeAccountabilitySubjects(db, all, put);
  for (const o of orders) put('supervision_order', o.id, out.get(key(o.subject_type, o.subject_id)) ?? null);
  return out;
}

type Put = (type: string, id: string, ref: SubjectRef | null) => void;
const other = (over: Partial<SubjectRef>): SubjectRef => ({
  kind: 'other',
  reference: null,
  title: null,
  person: null,
  departmentId: null,
  link: null,
  ...over,
});

/** Inspections, items, villages' disclosures and commitments: their number or name and their page. */
async function describeAccountabilitySubjects(db: Q, all: SubjectKey[], put: Put): Promise<void> {
  const inspectionIds = ids(all, (t) => t === 'inspection');
  if (inspectionIds.length)
    for (const i of await db
      .selectFrom('insp_inspections as i')
      .innerJoin('insp_enterprises as e', 'e.id', 'i.enterprise_id')
      .select(['i.id', 'i.number', 'i.department_id', 'e.name as enterprise'])
      .where('i.id', 'in', inspectionIds)
      .execute())
      put('inspection', i.id, {
        ...other({ reference: i.number, title: i.enterprise, departmentId: i.department_id }),
        link: `/inspections/${i.id}`,
      });
  const itemIds = ids(all, (t) => t === 'item');
  if (itemIds.length)
    for (const i of await db
      .selectFrom('items as i')
      .leftJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'i.code', 'i.department_id', 'v.name'])
      .where('i.id', 'in', itemIds)
      .execute())
      put(
        'item',
        i.id,
        other({ reference: i.code, title: i.name, departmentId: i.department_id, link: `/items/${i.id}` }),
      );
  const villageIds = ids(all, (t) => t === 'disclosure_village');
  if (villageIds.length)
    for (const v of await db
      .selectFrom('disc_villages')
      .select(['id', 'code', 'name', 'township', 'department_id'])
      .where('id', 'in', villageIds)
      .execute())
      put(
        'disclosure_village',
        v.id,
        other({
          reference: `${v.township}${v.name}`,
          departmentId: v.department_id,
          link: `/disclosure/villages/${v.code}`,
        }),
      );
  const commitmentIds = ids(all, (t) => t === 'commitment');
  if (commitmentIds.length)
    for (const c of await db
      .selectFrom('commitments')
      .select(['id', 'title', 'period', 'department_id'])
      .where('id', 'in', commitmentIds)
      .execute())
      put(
        'commitment',
        c.id,
        other({
          reference: c.period,
          title: c.title,
          departmentId: c.department_id,
          link: '/conduct/commitments',
        }),
      );
}

/** The description of one row's subject, or null when it names nothing we can show. */
export const subjectOf = (refs: Map<string, SubjectRef>, r: SubjectKey) =>
  refs.get(key(r.subject_type, r.subject_id)) ?? null;
