import type { Db } from '../../db/database.js';
import type { Clock } from '../../shared/clock.js';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { authorize, isRole } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import type { CalendarStore } from '../clock/calendar-store.js';
import { startClock } from '../clock/start-clock.js';
import { stopClock } from '../clock/stop-clock.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import { findInquiry, insertInquiry, listInquiryRows, updateInquiry } from './repository-inquiries.js';
import { findUser } from '../identity/user-reads.js';
import { casePolicy } from './policy.js';

/** Working days the first person asked has to answer or hand over (首问负责). */
export const INQUIRY_DAYS = 1;

const STAFF = ['clerk', 'reviewer', 'head'] as const;
const requireStaff = (a: Actor) => authorize(a, casePolicy.handleInquiries, undefined, 'inquiry');

/** The first staff member asked records the question and owns it; the answer is on a clock. */
export async function recordInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  input: { personName: string; contact?: string; question: string; itemId?: string },
) {
  requireStaff(actor);
  const cal = await calendars.get();
  return audited(db, clock, actor, async (uow) => {
    const id = newId(uow.now.getTime());
    const k = await startClock(uow, cal, {
      subjectType: 'inquiry',
      subjectId: id,
      label: `${L.inquiry}${input.question.slice(0, 30)}`,
      departmentId: actor.departmentId,
      limitDays: INQUIRY_DAYS,
    });
    await insertInquiry(uow.db, {
      id,
      owner_id: actor.id!,
      department_id: actor.departmentId,
      person_name: input.personName,
      contact: input.contact ?? null,
      question: input.question,
      item_id: input.itemId ?? null,
      status: 'open',
      answer: null,
      handed_to_id: null,
      handover_note: null,
      clock_id: k.id,
      created_at: uow.nowIso,
      closed_at: null,
      version: 1,
    });
    await uow.audit({
      action: 'inquiry.recorded',
      entityType: 'inquiry',
      entityId: id,
      data: { dueDate: k.due_date },
    });
    return { id, dueDate: k.due_date };
  });
}

async function ownOpen(db: Db, actor: Actor, id: string, version: number) {
  const q = await findInquiry(db, id);
  if (!q) throw notFound('inquiry', id);
  authorize(actor, casePolicy.ownInquiry, q.owner_id, 'inquiry of someone else');
  if (q.status !== 'open')
    throw new AppError('invalid_state', { state: q.status, action: 'inquiry', allowed: '—' });
  if (q.version !== version) throw staleVersion(q.version, version);
  return q;
}

export async function answerInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  id: string,
  input: { version: number; answer: string },
) {
  requireStaff(actor);
  const q = await ownOpen(db, actor, id, input.version);
  const cal = await calendars.get();
  await audited(db, clock, actor, async (uow) => {
    await updateInquiry(
      uow.db,
      id,
      { status: 'answered', answer: input.answer, closed_at: uow.nowIso, version: q.version + 1 },
      q.version,
    );
    if (q.clock_id) await stopClock(uow, cal, q.clock_id, 'answered');
    await uow.audit({ action: 'inquiry.answered', entityType: 'inquiry', entityId: id });
  });
}

/** Handing over ends the first owner's responsibility only when someone named takes it, on a new clock. */
export async function handOverInquiry(
  db: Db,
  clock: Clock,
  calendars: CalendarStore,
  actor: Actor,
  id: string,
  input: { version: number; toUserId: string; note: string },
) {
  requireStaff(actor);
  const q = await ownOpen(db, actor, id, input.version);
  const to = await findUser(db, input.toUserId);
  if (
    !to ||
    !(STAFF as readonly string[]).includes(to.role) ||
    to.status !== 'active' ||
    to.id === actor.id
  ) {
    throw new AppError('validation_failed', { summary: '/body/toUserId' }, [
      {
        path: '/body/toUserId',
        code: 'not_staff',
        zh: '只能移交给其他在岗工作人员',
        en: 'Hand over only to another active staff member',
      },
    ]);
  }
  const cal = await calendars.get();
  await audited(db, clock, actor, async (uow) => {
    if (q.clock_id) await stopClock(uow, cal, q.clock_id, 'handed_over');
    const k = await startClock(uow, cal, {
      subjectType: 'inquiry',
      subjectId: id,
      label: `${L.inquiryHandedOver}${q.question.slice(0, 30)}`,
      departmentId: to.department_id,
      limitDays: INQUIRY_DAYS,
    });
    await updateInquiry(uow.db, id, {
      owner_id: to.id,
      department_id: to.department_id,
      handed_to_id: to.id,
      handover_note: input.note,
      clock_id: k.id,
      version: q.version + 1,
    });
    await uow.audit({
      action: 'inquiry.handed_over',
      entityType: 'inquiry',
      entityId: id,
      data: { from: actor.id, to: to.id, note: input.note },
    });
  });
}

export async function listInquiries(
  db: Db,
  actor: Actor,
  f: { status?: string; limit: number; offset: number },
) {
  authorize(actor, casePolicy.listInquiries, undefined, 'inquiry.list');
  const { rows, total } = await listInquiryRows(db, {
    ...f,
    ...(isRole(actor, ...STAFF) ? { ownerId: actor.id! } : {}),
  });
  return {
    items: rows.map((r) => ({
      id: r.id,
      ownerId: r.owner_id,
      personName: r.person_name,
      contact: r.contact,
      question: r.question,
      status: r.status,
      answer: r.answer,
      handedToId: r.handed_to_id,
      handoverNote: r.handover_note,
      createdAt: r.created_at,
      closedAt: r.closed_at,
      dueDate: r.due_date,
      colour: r.colour,
      version: r.version,
    })),
    total,
  };
}
