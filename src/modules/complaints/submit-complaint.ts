import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { AppError } from '../../server/errors.js';
import { searchTokens } from '../catalogue/search/segmenter.js';
import { yellowThreshold } from '../clock/thresholds.js';
import type { ComplaintDeps } from './complaint-deps.js';
import { reporterOf } from './intake-rules.js';
import { findCategory, findIntakeDepartment } from './repository.js';
import type { SubmitComplaintInput } from './schemas.js';
import { suggestDuplicates } from './suggest-duplicates.js';
import { storeAttachments } from './store-attachments.js';
import { writeComplaint, type ComplaintJob } from './write-complaint.js';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const invalid = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'invalid', zh, en }]);

/**
 * Takes a complaint, report, consultation, suggestion or praise in: checks the reporter by channel,
 * the category and department, stores the attachments checked like case materials, numbers the
 * ticket, starts the 15-working-day acceptance notice clock of a real-name report, and suggests
 * likely duplicates. The ticket is written by writeComplaint, in the intake commit group (on an SQLite
 * file in the writer thread, beside new applications). Returns the ticket number and the check code (shown this once).
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
    findIntakeDepartment(deps.db, input.departmentId),
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
  const checkCode = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const job: ComplaintJob = {
    actor,
    channel: input.channel,
    anonymous: input.anonymous,
    reporter,
    categoryCode: category.code,
    urgent: !!input.urgent,
    departmentId: department.id,
    aboutLeadership,
    concerns: {
      caseReceiptNo: input.concerns?.caseReceiptNo ?? null,
      feeReference: input.concerns?.feeReference ?? null,
      inspectionReference: input.concerns?.inspectionReference ?? null,
      staffNamed: input.concerns?.staffNamed ?? null,
    },
    description: input.description,
    terms: terms.join(' '),
    location: { text: loc?.text ?? null, lat: loc?.lat ?? null, lng: loc?.lng ?? null },
    files,
    checkCode,
    noticeDays: deps.settings.noticeDays,
    // Read before the unit: a setting, not something the unit must see change under it.
    yellowPct: input.anonymous ? 0 : await yellowThreshold(deps.db, null, null),
  };
  // The likely duplicates among what is committed (on the read connection), while the ticket is written.
  const [written, duplicates] = await Promise.all([
    deps.writeTicket ? deps.writeTicket(job) : writeComplaint(deps, job),
    suggestDuplicates(
      deps.db,
      {
        terms,
        lat: job.location.lat,
        lng: job.location.lng,
        createdAt: deps.clock.now().toISOString(),
        departmentId: department.id,
        categoryCode: category.code,
        excludeId: null,
      },
      deps.settings.duplicateWindowDays,
    ),
  ]);
  return {
    id: written.id,
    ticketNo: written.ticketNo,
    checkCode,
    state: 'submitted' as const,
    acceptanceDueDate: written.acceptanceDueDate,
    possibleDuplicates: duplicates,
  };
}
