import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { newId, sha256 } from '../../shared/ids.js';
import { canonicalJson, fromJson, toJson } from '../../shared/json.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { checkCreditCode, checkResidentId, ID_FAILURE_TEXT } from '../identity/id-checks.js';
import { findItem } from '../catalogue/repository.js';
import { frozenVersion } from '../catalogue/frozen-versions.js';
import { startedClockRows } from '../clock/start-clock.js';
import { yellowThreshold } from '../clock/thresholds.js';
import { outboxRows } from '../supervision/signals.js';
import type { CaseDeps } from './case-deps.js';
import { linkParts, nextLink } from './event-chain.js';
import { nextNumber } from './counters.js';
import { planMaterials, suppliedBySystem } from './materials-plan.js';
import type { CaseRow } from './repository.js';
import { composeTracking } from './tracking.js';
import { applicantNotice } from './act-on-case.js';
import type { InsertPart } from '../../db/insert-rows.js';
import { prepared } from '../../db/prepared.js';
import { claimFiles } from './claim-files.js';
import { localDate } from '../clock/local-time.js';
import { CLOCK_LABEL_PREFIXES as L } from '../clock/clock-labels.js';

export const ACCEPTANCE_DAYS = 5; // Art. 32: tell the applicant within 5 days, or the application counts as accepted
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface ApplicantInput { kind: 'person' | 'enterprise'; name: string; idNumber?: string; creditCode?: string; phone?: string; email?: string }

export interface SubmitInput {
  itemId?: string;
  bundleCode?: string;
  applicant?: ApplicantInput;
  form: Record<string, unknown>;
  materials: { name: string; fileId?: string; paper?: boolean }[];
  window?: string;
  /** false keeps the case as a draft. */
  submit?: boolean;
  idempotencyKey?: string;
}

const fe = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });
const idempotencyKey = prepared((db, scope: string, key: string) => db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', key));
const applicantUser = prepared((db, id: string) => db.selectFrom('users').select(['id', 'applicant_kind', 'display_name', 'id_number', 'credit_code', 'phone', 'email']).where('id', '=', id));
const leadDepartment = prepared((db, id: string) => db.selectFrom('departments').select(['id', 'name', 'windows', 'phone', 'complaint_phone']).where('id', '=', id));
const invalid = (errors: FieldError[]) => new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);

async function resolveItems(deps: CaseDeps, input: SubmitInput) {
  const db = deps.db;
  if (!!input.itemId === !!input.bundleCode) throw invalid([fe('/body/itemId', 'item_or_bundle', '请选择一个事项或一件事', 'Give either itemId or bundleCode')]);
  let codes: string[];
  let bundle: { id: string; name: string; lead_department_id: string; committed_days: number } | undefined;
  if (input.bundleCode) {
    const b = await db.selectFrom('bundles').selectAll().where('code', '=', input.bundleCode).where('status', '=', 'published').executeTakeFirst();
    if (!b) throw notFound('bundle', input.bundleCode);
    bundle = b;
    codes = fromJson<string[]>(b.item_codes, []);
  } else codes = [input.itemId!];
  const items = [];
  for (const code of codes) {
    const item = await findItem(db, code);
    if (!item || item.status !== 'published' || !item.current_version_id) throw notFound('item', code);
    const v = (await frozenVersion(db, item.current_version_id))!;
    items.push({ itemId: item.id, versionId: v.id, versionNo: v.versionNo, departmentId: v.departmentId, name: v.name, data: v.data });
  }
  return { items, bundle };
}

async function resolveApplicant(deps: CaseDeps, actor: Actor, input: SubmitInput) {
  if (actor.role === 'applicant') {
    const [u] = await applicantUser(deps.db, actor.id!);
    if (!u) throw new AppError('unauthenticated', { action: 'case.submit' });
    if (!u.applicant_kind || !(u.id_number ?? u.credit_code)) {
      throw invalid([fe('/body', 'identity_missing', '您的账户没有登记身份证号或统一社会信用代码，无法网上申请；请到窗口办理', 'Your account has no resident ID or credit code on record, so it cannot apply online; apply at a window')]);
    }
    return { userId: u.id, kind: u.applicant_kind as 'person' | 'enterprise', name: u.display_name, idNumber: (u.id_number ?? u.credit_code)!, phone: u.phone, email: u.email };
  }
  const a = input.applicant;
  if (!a) throw invalid([fe('/body/applicant', 'required', '窗口代办须填写申请人信息', 'A walk-in application needs the applicant')]);
  const id = (a.kind === 'person' ? a.idNumber : a.creditCode)?.trim().toUpperCase() ?? '';
  const why = a.kind === 'person' ? (id ? checkResidentId(id, deps.clock.now()) : 'format') : id ? checkCreditCode(id) : 'format';
  if (why) {
    const path = a.kind === 'person' ? '/body/applicant/idNumber' : '/body/applicant/creditCode';
    throw invalid([fe(path, `id_${why}`, `${a.kind === 'person' ? '身份证号' : '统一社会信用代码'}${ID_FAILURE_TEXT[why].zh}`, `The ${a.kind === 'person' ? 'resident ID number' : 'credit code'} ${ID_FAILURE_TEXT[why].en}`)]);
  }
  return { userId: null, kind: a.kind, name: a.name, idNumber: id, phone: a.phone ?? null, email: a.email ?? null };
}

/**
 * Intake at one window, online or at the counter (一门受理). The form and the material list come
 * from the item version (or a bundle's versions); the Art. 32 five-day clock starts on receipt.
 * A retried submission with the same Idempotency-Key returns the first case instead of a second one.
 */
export interface Submitted {
  caseId: string;
  checkCode: string | null;
  replayed: boolean;
  /** What the new case looks like after the commit (absent for a replay, which reads it back). */
  summary?: Pick<CaseRow, 'id' | 'receipt_no' | 'title' | 'state' | 'channel' | 'version' | 'submitted_at' | 'last_hash'>;
}

export async function submitCase(deps: CaseDeps, actor: Actor, input: SubmitInput): Promise<Submitted> {
  if (actor.role !== 'applicant' && actor.role !== 'clerk') throw new AppError(actor.role === 'anonymous' ? 'unauthenticated' : 'forbidden', { action: 'case.submit' });
  const scope = `${actor.id}`;
  const requestHash = sha256(canonicalJson(input));
  if (input.idempotencyKey) {
    const [prior] = await idempotencyKey(deps.db, scope, input.idempotencyKey);
    if (prior) return replay(prior, requestHash);
  }
  const { items, bundle } = await resolveItems(deps, input);
  if (actor.role === 'applicant') {
    // Online only where the item is published for it (its guide says how it may be applied for).
    const offline = items.filter((i) => !(i.data.channels as readonly string[]).includes('online'));
    if (offline.length) {
      throw invalid(offline.map((i) => fe(input.bundleCode ? '/body/bundleCode' : '/body/itemId', 'not_online', `“${i.name}”未开通网上申请，请到窗口办理`, `"${i.name}" cannot be applied for online; apply at the window`)));
    }
  }
  const applicant = await resolveApplicant(deps, actor, input);
  const plan = planMaterials(items);
  const byName = new Map(input.materials.map((m) => [m.name, m]));
  const errors: FieldError[] = [];
  input.materials.forEach((m, i) => {
    if (!plan.some((p) => p.name === m.name)) errors.push(fe(`/body/materials/${i}/name`, 'unknown_material', `“${m.name}”不在本事项材料清单中`, `"${m.name}" is not on this item's material list`));
    if (m.paper && actor.role !== 'clerk') errors.push(fe(`/body/materials/${i}/paper`, 'paper_at_window', '纸质材料只能由窗口核验', 'Paper materials are checked at the window'));
  });
  const fileIds = input.materials.map((m) => m.fileId).filter((f): f is string => !!f);
  const files = fileIds.length ? await deps.db.selectFrom('files').select(['id', 'owner_user_id', 'case_id']).where('id', 'in', fileIds).execute() : [];
  input.materials.forEach((m, i) => {
    if (!m.fileId) return;
    const f = files.find((x) => x.id === m.fileId);
    if (!f || f.owner_user_id !== actor.id || f.case_id) errors.push(fe(`/body/materials/${i}/fileId`, 'file_not_yours', '文件不存在、不属于您或已用于其他办件', 'No such file of yours, or it is already attached to a case'));
  });
  if (errors.length) throw invalid(errors);

  const isDraft = input.submit === false;
  const cal = await deps.calendars.get();
  const first = items[0]!;
  const title = bundle ? bundle.name : first.name;
  const leadDepartmentId = bundle ? bundle.lead_department_id : first.departmentId;
  const committedDays = bundle ? bundle.committed_days : first.data.committedDays;
  const checkCode = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const [lead] = await leadDepartment(deps.db, leadDepartmentId);
  if (!lead) throw notFound('department', leadDepartmentId);
  // Read before the unit: a setting, not something the unit must see change under it.
  const yellowPct = isDraft ? 0 : await yellowThreshold(deps.db, null, leadDepartmentId);
  try {
    const summary = await audited(deps.db, deps.clock, actor, async (uow) => {
      const year = localDate(uow.now).slice(0, 4); // the center's year: 00:00–08:00 on 1 January is UTC's old one
      const receiptNo = `QH${year}${String(await nextNumber(uow.db, `receipt:${year}`)).padStart(7, '0')}`;
      const id = newId(uow.now.getTime());
      // Every row of the new case, the chain head's move and the audit event are written by one
      // uow.write at the end (one round trip on PostgreSQL).
      const parts: InsertPart[] = [];
      if (input.idempotencyKey) parts.push({ table: 'idempotency_keys', rows: { scope, key: input.idempotencyKey, request_hash: requestHash, case_id: id, created_at: uow.nowIso } });
      const started = isDraft ? null : startedClockRows(cal, uow.now, actor.id, { subjectType: 'acceptance', subjectId: id, label: `${L.acceptance}${title}（${receiptNo}）`, departmentId: leadDepartmentId, limitDays: ACCEPTANCE_DAYS, basis: '《中华人民共和国行政许可法》第三十二条', yellowPct });
      if (started) parts.push({ table: 'clocks', rows: started.row }, { table: 'clock_events', rows: started.event });
      const clock = started?.row;
      const row: CaseRow = {
        id, receipt_no: receiptNo, check_code: checkCode, bundle_id: bundle?.id ?? null, title, lead_department_id: leadDepartmentId,
        applicant_user_id: applicant.userId, applicant_kind: applicant.kind, applicant_name: applicant.name, applicant_id_number: applicant.idNumber,
        applicant_phone: applicant.phone, applicant_email: applicant.email, channel: actor.role === 'clerk' ? 'window' : 'online',
        state: isDraft ? 'draft' : 'received', shortfall: 0, form: toJson(input.form), committed_days: committedDays,
        handling_class: bundle ? 'joint' : first.data.handlingClass, window: input.window ?? null, created_by: actor.id, created_at: uow.nowIso,
        submitted_at: isDraft ? null : uow.nowIso, received_at: isDraft ? null : uow.nowIso, accepted_at: null, acceptance_date: null,
        decided_at: null, decision: null, completed_at: null, case_clock_id: null, acceptance_clock_id: clock?.id ?? null, delivery_clock_id: null,
        tracking: null, last_hash: null, event_count: 0, updated_at: uow.nowIso, version: 1,
      };
      const leadIndex = Math.max(0, items.findIndex((x) => x.departmentId === leadDepartmentId));
      const caseItems = items.map((it, i) => ({ case_id: id, item_id: it.itemId, item_version_id: it.versionId, department_id: it.departmentId, role: i === leadIndex ? 'lead' : 'co' }));
      // The first link of the case's chain is made before the case is written, so the case goes in
      // once, already carrying its head and its tracking snapshot (composed from what is at hand).
      const link = await nextLink(uow.db, deps.dialect, row, uow.nowIso, { id: actor.id, role: actor.role }, isDraft ? 'draft_created' : 'submitted', {
        receiptNo, items: items.map((i) => ({ itemId: i.itemId, versionId: i.versionId })), channel: row.channel, materials: plan.length,
      });
      row.last_hash = link.hash;
      row.event_count = link.seq;
      row.tracking = toJson(composeTracking({
        c: row, items: caseItems.map((ci, i) => ({ ...ci, name: items[i]!.name, data: items[i]!.data, version_no: items[i]!.versionNo })),
        tasks: [], docs: [], depts: [lead], clockEvents: [], taskClocks: new Map(),
      }, cal, uow.now));
      parts.push({ table: 'cases', rows: row }, { table: 'case_items', rows: caseItems });
      parts.push({ table: 'case_materials', rows: plan.map((p) => {
        const given = byName.get(p.name);
        const status = given?.fileId || given?.paper ? 'provided' : suppliedBySystem(p, actor.role === 'clerk' ? 'window' : 'online') ?? 'missing';
        return { id: newId(uow.now.getTime()), case_id: id, item_id: p.itemId, name: p.name, required: p.required ? 1 : 0, deferrable: p.deferrable ? 1 : 0, status, file_id: given?.fileId ?? null, checked_by: given?.paper ? actor.id : null, deferred_until: null, updated_at: uow.nowIso };
      }) });
      parts.push(...linkParts(uow.db, link));
      if (!isDraft) parts.push({ table: 'notification_outbox', rows: outboxRows([applicantNotice(row, 'case_received', { checkCode })], uow.nowIso) });
      await uow.audit({ action: isDraft ? 'case.created' : 'case.submit', entityType: 'case', entityId: id, data: { receiptNo, title } });
      await uow.write(parts);
      await claimFiles(uow, actor, id, input.materials); // checked above, before the transaction; claimed here
      if (!isDraft) await deps.fees.reached(uow, row, 'received', caseItems);
      return { id, receipt_no: receiptNo, title, state: row.state, channel: row.channel, version: row.version, submitted_at: row.submitted_at, last_hash: link.hash };
    }, { group: deps.intake });
    return { caseId: summary.id, checkCode, replayed: false, summary };
  } catch (e) {
    // Two identical retries racing: the loser finds the winner's key.
    if (input.idempotencyKey && /unique|duplicate|constraint/i.test((e as Error).message)) {
      const prior = await deps.db.selectFrom('idempotency_keys').selectAll().where('scope', '=', scope).where('key', '=', input.idempotencyKey).executeTakeFirst();
      if (prior) return replay(prior, requestHash);
    }
    throw e;
  }
}

function replay(prior: { request_hash: string; case_id: string }, requestHash: string) {
  if (prior.request_hash !== requestHash) {
    throw new AppError('validation_failed', { summary: 'Idempotency-Key' }, [fe('/headers/idempotency-key', 'idempotency_key_reused', '该幂等键已用于另一份不同的申请', 'This Idempotency-Key was used for a different submission')]);
  }
  return { caseId: prior.case_id, checkCode: null, replayed: true };
}
