import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { newId } from '../../shared/ids.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError } from '../../server/errors.js';
import { findDepartment } from '../catalogue/catalogue-reads.js';
import { searchTokens } from '../catalogue/search/segmenter.js';
import { nextNumber } from '../cases/counters.js';
import { startClock } from '../clock/start-clock.js';
import { localDate } from '../clock/local-time.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { reporterOf } from './intake-rules.js';
import { findCategory, insertAttachments, insertComplaint } from './repository.js';
import { insertLink, nextLink } from './repository-history.js';
import type { SubmitComplaintInput } from './schemas.js';
import { suggestDuplicates } from './suggest-duplicates.js';
import { storeAttachments } from './store-attachments.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const invalid = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'invalid', zh, en }]);

/**
 * Takes a complaint, report, consultation, suggestion or praise in: checks the reporter by channel,
 * the category and department, stores the attachments checked like case materials, numbers the
 * ticket, starts the 15-working-day acceptance notice clock of a real-name report, and suggests
 * likely duplicates. Returns the ticket number and the check code (shown this once).
 */
export async function submitComplaint(
  deps: ComplaintDeps,
  actor: Actor,
  input: Omit<SubmitComplaintInput, 'channel'> & { channel: SubmitComplaintInput['channel'] | 'open311' },
) {
  // Open311 is a portal of another kind: anyone with the key, anonymous or named.
  const { channel } = input;
  const reporter = reporterOf(actor, { ...input, channel: channel === 'open311' ? 'portal' : channel });
  const [category, department] = await Promise.all([
    findCategory(deps.db, input.categoryCode),
    findDepartment(deps.db, input.departmentId),
  ]);
  if (!category || !category.active)
    throw invalid(
      '/body/categoryCode',
      `没有这个类别：${input.categoryCode}`,
      `No such category: ${input.categoryCode}`,
    );
  if (!department)
    throw invalid(
      '/body/departmentId',
      `没有这个部门：${input.departmentId}`,
      `No such department: ${input.departmentId}`,
    );
  // Naming the department's published responsible leader makes it a report about leadership,
  // whether or not the reporter ticked the box: it must not reach the department.
  const named = input.concerns?.staffNamed;
  const aboutLeadership =
    input.aboutLeadership || (!!named && !!department.leader && named.includes(department.leader));
  const files = await storeAttachments(deps.storage, input.attachments ?? []);
  const terms = searchTokens(input.description);
  const loc = input.location;
  const now = deps.clock.now();
  const duplicates = await suggestDuplicates(
    deps.db,
    {
      terms,
      lat: loc?.lat ?? null,
      lng: loc?.lng ?? null,
      createdAt: now.toISOString(),
      departmentId: department.id,
      categoryCode: category.code,
      excludeId: null,
    },
    deps.settings.duplicateWindowDays,
  );
  const cal = await deps.calendars.get();
  const checkCode = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  return audited(deps.db, deps.clock, actor, async (uow) => {
    const year = localDate(uow.now).slice(0, 4);
    const ticketNo = `JB${year}${String(await nextNumber(uow.db, `complaint:${year}`)).padStart(7, '0')}`;
    const id = newId(uow.now.getTime());
    const acceptance = input.anonymous
      ? null
      : await startClock(uow, cal, {
          subjectType: 'complaint_acceptance',
          subjectId: id,
          label: `举报受理告知 ${ticketNo}`,
          limitDays: deps.settings.noticeDays,
          basis: 'real-name reporters are told within 15 working days whether the report is accepted',
        });
    const row = {
      id,
      ticket_no: ticketNo,
      check_code: checkCode,
      channel: input.channel,
      anonymous: input.anonymous ? 1 : 0,
      reporter_user_id: reporter.userId,
      reporter_name: reporter.name,
      reporter_phone: reporter.phone,
      reporter_email: reporter.email,
      category_code: category.code,
      urgent: input.urgent ? 1 : 0,
      department_id: department.id,
      about_leadership: aboutLeadership ? 1 : 0,
      case_receipt_no: input.concerns?.caseReceiptNo ?? null,
      fee_reference: input.concerns?.feeReference ?? null,
      inspection_reference: input.concerns?.inspectionReference ?? null,
      staff_named: input.concerns?.staffNamed ?? null,
      description: input.description,
      terms: terms.join(' '),
      location: loc?.text ?? null,
      lat: loc?.lat ?? null,
      lng: loc?.lng ?? null,
      state: 'submitted',
      // A report about a department's leadership goes to the supervisors, never to the department.
      route: aboutLeadership ? 'supervisors' : 'department',
      assigned_department_id: null,
      merged_into_id: null,
      acceptance_clock_id: acceptance?.id ?? null,
      created_by: input.channel === 'window' ? actor.id : null,
      created_at: uow.nowIso,
      updated_at: uow.nowIso,
      return_count: 0,
      reopen_count: 0,
      last_hash: null,
      event_count: 0,
      version: 1,
    };
    // The ticket carries its first link's hash from the start; the link row follows it (it refers to the ticket).
    const link = nextLink(row, {
      at: uow.nowIso,
      actorId: actor.id,
      actorRole: actor.role,
      kind: 'submitted',
      data: { channel: input.channel, category: category.code, attachments: files.length },
    });
    await insertComplaint(uow.db, { ...row, ...link.head });
    await insertLink(uow.db, link.row);
    await insertAttachments(
      uow.db,
      files.map((f) => ({
        id: newId(uow.now.getTime()),
        complaint_id: id,
        sha256: f.sha256,
        size: f.size,
        mime: f.mime,
        name: f.name,
        storage_key: f.key,
      })),
    );
    await uow.audit({
      action: 'complaint.submitted',
      entityType: 'complaint',
      entityId: id,
      data: { ticketNo, channel: input.channel, category: category.code },
    });
    return {
      id,
      ticketNo,
      checkCode,
      state: 'submitted' as const,
      acceptanceDueDate: acceptance?.due_date ?? null,
      possibleDuplicates: duplicates,
    };
  });
}
