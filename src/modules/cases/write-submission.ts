import { newId } from '../../shared/ids.js';
import { toJson } from '../../shared/json.js';
import { audited } from '../audit/audited-transaction.js';
import { notFound } from '../../server/errors.js';
import { frozenVersions } from '../catalogue/frozen-versions.js';
import { startClock } from '../clock/start-clock.js';
import { enqueueNotifications } from '../supervision/signals.js';
import type { IntakeDeps } from './case-deps.js';
import { appendCaseEvent } from './event-chain.js';
import { nextNumber } from './counters.js';
import { planMaterials, suppliedBySystem } from './materials-plan.js';
import type { CaseRow } from './repository.js';
import { composeTracking } from './tracking.js';
import { applicantNotice } from './act-on-case.js';
import type { InsertPart } from '../../db/insert-rows.js';
import { claimFiles } from './claim-files.js';
import { localDate } from '../clock/local-time.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';
import type { IntakeJob, IntakeSummary } from './intake-job.js';

export const ACCEPTANCE_DAYS = 5; // Art. 32: tell the applicant within 5 days, or the application counts as accepted

/**
 * The write of a new case (submit-case.ts checked it): one unit of work in the intake commit group
 * with the receipt number, the case and its items and checklist, the Art. 32 acceptance clock, the
 * first link of the case's event chain, the tracking snapshot, the applicant's notice, the fee forms
 * due on receipt and the audit event.
 */
export async function writeSubmission(deps: IntakeDeps, job: IntakeJob): Promise<IntakeSummary> {
  const { actor, isDraft, bundle, applicant, lead } = job;
  const versions = await frozenVersions(deps.db, job.versionIds);
  const items = job.versionIds.map((vid) => {
    const v = versions.get(vid);
    if (!v) throw notFound('item version', vid);
    return {
      itemId: v.itemId,
      versionId: v.id,
      versionNo: v.versionNo,
      departmentId: v.departmentId,
      name: v.name,
      data: v.data,
    };
  });
  const first = items[0]!;
  const title = bundle ? bundle.name : first.name;
  const leadDepartmentId = lead.id;
  const committedDays = bundle ? bundle.committed_days : first.data.committedDays;
  const plan = planMaterials(items);
  const byName = new Map(job.materials.map((m) => [m.name, m]));
  const cal = await deps.calendars.get();
  return audited(
    deps.db,
    deps.clock,
    actor,
    async (uow) => {
      const year = localDate(uow.now).slice(0, 4); // the center's year: 00:00–08:00 on 1 January is UTC's old one
      const receiptNo = `QH${year}${String(await nextNumber(uow.db, `receipt:${year}`)).padStart(7, '0')}`;
      const id = newId(uow.now.getTime());
      // The rows of the new case and the audit event go in one uow.write (one statement on PostgreSQL).
      const parts: InsertPart[] = [];
      if (job.idempotencyKey)
        parts.push({
          table: 'idempotency_keys',
          rows: {
            scope: job.scope,
            key: job.idempotencyKey,
            request_hash: job.requestHash,
            case_id: id,
            created_at: uow.nowIso,
          },
        });
      const clock = isDraft
        ? undefined
        : await startClock(uow, cal, {
            subjectType: 'acceptance',
            subjectId: id,
            label: `${L.acceptance}${title}（${receiptNo}）`,
            departmentId: leadDepartmentId,
            limitDays: ACCEPTANCE_DAYS,
            basis: '《中华人民共和国行政许可法》第三十二条',
            yellowPct: job.yellowPct,
          });
      const row: CaseRow = {
        id,
        receipt_no: receiptNo,
        check_code: job.checkCode,
        bundle_id: bundle?.id ?? null,
        title,
        lead_department_id: leadDepartmentId,
        applicant_user_id: applicant.userId,
        applicant_kind: applicant.kind,
        applicant_name: applicant.name,
        applicant_id_number: applicant.idNumber,
        applicant_phone: applicant.phone,
        applicant_email: applicant.email,
        channel: actor.role === 'clerk' ? 'window' : 'online',
        state: isDraft ? 'draft' : 'received',
        shortfall: 0,
        form: toJson(job.form),
        committed_days: committedDays,
        handling_class: bundle ? 'joint' : first.data.handlingClass,
        window: job.window,
        created_by: actor.id,
        created_at: uow.nowIso,
        submitted_at: isDraft ? null : uow.nowIso,
        received_at: isDraft ? null : uow.nowIso,
        accepted_at: null,
        acceptance_date: null,
        decided_at: null,
        decision: null,
        completed_at: null,
        case_clock_id: null,
        acceptance_clock_id: clock?.id ?? null,
        delivery_clock_id: null,
        tracking: null,
        last_hash: null,
        event_count: 0,
        updated_at: uow.nowIso,
        version: 1,
      };
      const leadIndex = Math.max(
        0,
        items.findIndex((x) => x.departmentId === leadDepartmentId),
      );
      const caseItems = items.map((it, i) => ({
        case_id: id,
        item_id: it.itemId,
        item_version_id: it.versionId,
        department_id: it.departmentId,
        role: i === leadIndex ? 'lead' : 'co',
      }));
      const trackingParts = {
        c: row,
        items: caseItems.map((ci, i) => ({
          ...ci,
          name: items[i]!.name,
          data: items[i]!.data,
          version_no: items[i]!.versionNo,
        })),
        tasks: [],
        docs: [],
        depts: [lead],
        clockEvents: [],
        taskClocks: new Map(),
      };
      parts.push({ table: 'cases', rows: row }, { table: 'case_items', rows: caseItems });
      parts.push({
        table: 'case_materials',
        rows: plan.map((p) => {
          const given = byName.get(p.name);
          const status =
            given?.fileId || given?.paper
              ? 'provided'
              : (suppliedBySystem(p, actor.role === 'clerk' ? 'window' : 'online') ?? 'missing');
          return {
            id: newId(uow.now.getTime()),
            case_id: id,
            item_id: p.itemId,
            name: p.name,
            required: p.required ? 1 : 0,
            deferrable: p.deferrable ? 1 : 0,
            status,
            file_id: given?.fileId ?? null,
            checked_by: given?.paper ? actor.id : null,
            deferred_until: null,
            updated_at: uow.nowIso,
          };
        }),
      });
      await uow.audit({
        action: isDraft ? 'case.created' : 'case.submit',
        entityType: 'case',
        entityId: id,
        data: { receiptNo, title },
      });
      await uow.write(parts);
      // The first link of the case's chain; the case's head moves with its tracking snapshot, composed
      // from what is at hand.
      const link = await appendCaseEvent(
        uow.db,
        deps.dialect,
        row,
        uow.nowIso,
        { id: actor.id, role: actor.role },
        isDraft ? 'draft_created' : 'submitted',
        {
          receiptNo,
          items: items.map((i) => ({ itemId: i.itemId, versionId: i.versionId })),
          channel: row.channel,
          materials: plan.length,
        },
        (hash, seq) => {
          row.last_hash = hash;
          row.event_count = seq;
          return { tracking: toJson(composeTracking(trackingParts, cal, uow.now)) };
        },
      );
      if (!isDraft)
        await enqueueNotifications(
          uow.db,
          [applicantNotice(row, 'case_received', { checkCode: job.checkCode })],
          uow.nowIso,
        );
      await claimFiles(uow, actor, id, job.materials); // checked before the transaction; claimed here
      if (!isDraft) await deps.fees.reached(uow, row, 'received', caseItems);
      return {
        id,
        receipt_no: receiptNo,
        title,
        state: row.state,
        channel: row.channel,
        version: row.version,
        submitted_at: row.submitted_at,
        last_hash: link.hash,
      };
    },
    { group: deps.intake },
  );
}
