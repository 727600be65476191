import { randomInt } from 'node:crypto';
import type { Actor } from '../../shared/actor.js';
import { sha256 } from '../../shared/ids.js';
import { canonicalJson, fromJson } from '../../shared/json.js';
import { AppError, notFound, type FieldError } from '../../server/errors.js';
import { authorize } from '../../shared/policy.js';
import { casePolicy } from './policy.js';
import { checkCreditCode, checkResidentId, ID_FAILURE_TEXT } from '../identity/id-checks.js';
import { findItem } from '../catalogue/catalogue-reads.js';
import { findBundle } from '../catalogue/bundles.js';
import { frozenVersion } from '../catalogue/frozen-versions.js';
import { yellowThreshold } from '../clock/thresholds.js';
import type { CaseDeps } from './case-deps.js';
import { planMaterials } from './materials-plan.js';
import type { IntakeJob, IntakeSummary } from './intake-job.js';
import { findApplicantAccount, findIdempotencyKey, findLeadDepartment } from './repository-intake.js';
import { fileOwnership } from './repository-files.js';
import { findCase } from './repository.js';

export { ACCEPTANCE_DAYS } from './write-submission.js';
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export interface ApplicantInput {
  kind: 'person' | 'enterprise';
  name: string;
  idNumber?: string;
  creditCode?: string;
  phone?: string;
  email?: string;
}

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
const invalid = (errors: FieldError[]) =>
  new AppError('validation_failed', { summary: errors.map((e) => e.path).join(', ') }, errors);

async function resolveItems(deps: CaseDeps, input: SubmitInput) {
  const db = deps.db;
  if (!!input.itemId === !!input.bundleCode)
    throw invalid([
      fe('/body/itemId', 'item_or_bundle', '请选择一个事项或一件事', 'Give either itemId or bundleCode'),
    ]);
  let codes: string[];
  let bundle: { id: string; name: string; lead_department_id: string; committed_days: number } | undefined;
  if (input.bundleCode) {
    const b = await findBundle(db, input.bundleCode);
    if (!b) throw notFound('bundle', input.bundleCode);
    bundle = b;
    codes = fromJson<string[]>(b.item_codes, []);
  } else codes = [input.itemId!];
  const items = [];
  for (const code of codes) {
    const item = await findItem(db, code);
    if (!item || item.status !== 'published' || !item.current_version_id) throw notFound('item', code);
    const v = (await frozenVersion(db, item.current_version_id))!;
    items.push({
      itemId: item.id,
      versionId: v.id,
      versionNo: v.versionNo,
      departmentId: v.departmentId,
      name: v.name,
      data: v.data,
    });
  }
  return { items, bundle };
}

async function resolveApplicant(deps: CaseDeps, actor: Actor, input: SubmitInput) {
  if (actor.role === 'applicant') {
    const u = await findApplicantAccount(deps.db, actor.id!);
    if (!u) throw new AppError('unauthenticated', { action: 'case.submit' });
    if (!u.applicant_kind || !(u.id_number ?? u.credit_code)) {
      throw invalid([
        fe(
          '/body',
          'identity_missing',
          '您的账户没有登记身份证号或统一社会信用代码，无法网上申请；请到窗口办理',
          'Your account has no resident ID or credit code on record, so it cannot apply online; apply at a window',
        ),
      ]);
    }
    return {
      userId: u.id,
      kind: u.applicant_kind as 'person' | 'enterprise',
      name: u.display_name,
      idNumber: (u.id_number ?? u.credit_code)!,
      phone: u.phone,
      email: u.email,
    };
  }
  const a = input.applicant;
  if (!a)
    throw invalid([
      fe(
        '/body/applicant',
        'required',
        '窗口代办须填写申请人信息',
        'A walk-in application needs the applicant',
      ),
    ]);
  const id = (a.kind === 'person' ? a.idNumber : a.creditCode)?.trim().toUpperCase() ?? '';
  const why =
    a.kind === 'person'
      ? id
        ? checkResidentId(id, deps.clock.now())
        : 'format'
      : id
        ? checkCreditCode(id)
        : 'format';
  if (why) {
    const path = a.kind === 'person' ? '/body/applicant/idNumber' : '/body/applicant/creditCode';
    throw invalid([
      fe(
        path,
        `id_${why}`,
        `${a.kind === 'person' ? '身份证号' : '统一社会信用代码'}${ID_FAILURE_TEXT[why].zh}`,
        `The ${a.kind === 'person' ? 'resident ID number' : 'credit code'} ${ID_FAILURE_TEXT[why].en}`,
      ),
    ]);
  }
  return {
    userId: null,
    kind: a.kind,
    name: a.name,
    idNumber: id,
    phone: a.phone ?? null,
    email: a.email ?? null,
  };
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
  /** What the case looks like after the commit (a replay reads it back). */
  summary: IntakeSummary;
}

export async function submitCase(deps: CaseDeps, actor: Actor, input: SubmitInput): Promise<Submitted> {
  authorize(actor, casePolicy.submit, undefined, 'case.submit');
  const scope = `${actor.id}`;
  const requestHash = sha256(canonicalJson(input));
  if (input.idempotencyKey) {
    const prior = await findIdempotencyKey(deps.db, scope, input.idempotencyKey);
    if (prior) return replay(deps, prior, requestHash);
  }
  const { items, bundle } = await resolveItems(deps, input);
  if (actor.role === 'applicant') {
    // Online only where the item is published for it (its guide says how it may be applied for).
    const offline = items.filter((i) => !(i.data.channels as readonly string[]).includes('online'));
    if (offline.length) {
      throw invalid(
        offline.map((i) =>
          fe(
            input.bundleCode ? '/body/bundleCode' : '/body/itemId',
            'not_online',
            `“${i.name}”未开通网上申请，请到窗口办理`,
            `"${i.name}" cannot be applied for online; apply at the window`,
          ),
        ),
      );
    }
  }
  const applicant = await resolveApplicant(deps, actor, input);
  const plan = planMaterials(items);
  const errors: FieldError[] = [];
  input.materials.forEach((m, i) => {
    if (!plan.some((p) => p.name === m.name))
      errors.push(
        fe(
          `/body/materials/${i}/name`,
          'unknown_material',
          `“${m.name}”不在本事项材料清单中`,
          `"${m.name}" is not on this item's material list`,
        ),
      );
    if (m.paper && actor.role !== 'clerk')
      errors.push(
        fe(
          `/body/materials/${i}/paper`,
          'paper_at_window',
          '纸质材料只能由窗口核验',
          'Paper materials are checked at the window',
        ),
      );
  });
  const files = await fileOwnership(
    deps.db,
    input.materials.map((m) => m.fileId).filter((f): f is string => !!f),
  );
  input.materials.forEach((m, i) => {
    if (!m.fileId) return;
    const f = files.find((x) => x.id === m.fileId);
    if (!f || f.owner_user_id !== actor.id || f.case_id)
      errors.push(
        fe(
          `/body/materials/${i}/fileId`,
          'file_not_yours',
          '文件不存在、不属于您或已用于其他办件',
          'No such file of yours, or it is already attached to a case',
        ),
      );
  });
  if (errors.length) throw invalid(errors);

  const isDraft = input.submit === false;
  const leadDepartmentId = bundle ? bundle.lead_department_id : items[0]!.departmentId;
  const checkCode = Array.from({ length: 10 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const lead = await findLeadDepartment(deps.db, leadDepartmentId);
  if (!lead) throw notFound('department', leadDepartmentId);
  const job: IntakeJob = {
    actor,
    scope,
    requestHash,
    checkCode,
    form: input.form,
    materials: input.materials,
    window: input.window ?? null,
    isDraft,
    ...(input.idempotencyKey ? { idempotencyKey: input.idempotencyKey } : {}),
    versionIds: items.map((i) => i.versionId),
    ...(bundle
      ? {
          bundle: {
            id: bundle.id,
            name: bundle.name,
            lead_department_id: bundle.lead_department_id,
            committed_days: bundle.committed_days,
          },
        }
      : {}),
    applicant,
    lead,
    // Read before the unit: a setting, not something the unit must see change under it.
    yellowPct: isDraft ? 0 : await yellowThreshold(deps.db, null, leadDepartmentId),
  };
  try {
    const summary = await deps.writeIntake(job);
    return { caseId: summary.id, checkCode, replayed: false, summary };
  } catch (e) {
    // Two identical retries racing: the loser finds the winner's key.
    if (input.idempotencyKey && /unique|duplicate|constraint/i.test((e as Error).message)) {
      const prior = await findIdempotencyKey(deps.db, scope, input.idempotencyKey);
      if (prior) return replay(deps, prior, requestHash);
    }
    throw e;
  }
}

async function replay(
  deps: CaseDeps,
  prior: { request_hash: string; case_id: string },
  requestHash: string,
): Promise<Submitted> {
  if (prior.request_hash !== requestHash) {
    throw new AppError('validation_failed', { summary: 'Idempotency-Key' }, [
      fe(
        '/headers/idempotency-key',
        'idempotency_key_reused',
        '该幂等键已用于另一份不同的申请',
        'This Idempotency-Key was used for a different submission',
      ),
    ]);
  }
  const summary = (await findCase(deps.db, prior.case_id))!;
  return { caseId: prior.case_id, checkCode: null, replayed: true, summary };
}
