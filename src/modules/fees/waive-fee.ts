import type { Actor } from '../../shared/actor.js';
import { authorize } from '../../shared/policy.js';
import { audited } from '../audit/audited-transaction.js';
import { AppError, notFound, staleVersion } from '../../server/errors.js';
import { yuan } from '../documents/money-text.js';
import { feePolicy } from './policy.js';
import { postLedger } from './ledger.js';
import { linesOf, lockForm, saveFormTotals } from './repository.js';
import type { FeeRuntime } from './runtime.js';

export interface WaiverInput {
  version: number;
  feeCode: string;
  amountFen?: number;
  legalBasis: string;
  reason: string;
}

/** A law or document by title (《…》), a document number (〔2014〕52号) or an article (第十二条). */
const LEGAL_BASIS = /《[^》]{2,}》|[〔[]\d{4}[〕\]]\s*\d+\s*号|第[一二三四五六七八九十百零〇\d]+条/;

const invalid = (path: string, code: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code, zh, en }]);

/**
 * A waiver (减免) of what is still owed on one line, in full or in part, with its legal basis — the
 * regulation that exempts this payer (e.g. 小微企业免征, 低保对象免收). Without a basis there is none.
 */
export async function waiveFee(rt: FeeRuntime, actor: Actor, formId: string, input: WaiverInput) {
  const basis = input.legalBasis.trim();
  if (!LEGAL_BASIS.test(basis)) {
    throw invalid(
      '/body/legalBasis',
      'legal_basis_required',
      '减免须注明法律、法规或政策依据（如《……》第×条、×〔20××〕×号）',
      'A waiver needs its legal basis (the law, regulation or notice and article)',
    );
  }
  return audited(rt.db, rt.clock, actor, async (uow) => {
    const form = await lockForm(uow.db, formId);
    if (!form) throw notFound('payment_form', formId);
    authorize(actor, feePolicy.waive, form.department_id, 'fee.waive');
    if (form.version !== input.version) throw staleVersion(form.version, input.version);
    if (form.status !== 'open')
      throw new AppError('invalid_state', { state: form.status, action: 'waive', allowed: '—' });
    const line = (await linesOf(uow.db, [form.id])).find((l) => l.fee_code === input.feeCode);
    if (!line)
      throw invalid(
        '/body/feeCode',
        'not_on_form',
        `缴款书上没有收费项目 ${input.feeCode}`,
        `The form has no line ${input.feeCode}`,
      );
    const open = line.charged_fen - line.waived_fen - line.paid_fen;
    const amount = input.amountFen ?? open;
    if (amount < 1 || amount > open)
      throw invalid(
        '/body/amountFen',
        'exceeds_outstanding',
        `该项尚欠 ¥${yuan(open)}，减免金额须在此范围内`,
        `Between ¥0.01 and the ¥${yuan(open)} still owed on this line`,
      );
    await uow.db
      .updateTable('fee_form_lines')
      .set({ waived_fen: line.waived_fen + amount, waiver_basis: basis, waiver_reason: input.reason.trim() })
      .where('id', '=', line.id)
      .execute();
    await postLedger(uow.db, uow.now, [
      {
        kind: 'waiver',
        amount,
        caseId: form.case_id,
        formId: form.id,
        departmentId: form.department_id,
        lineId: line.id,
        feeCode: line.fee_code,
        refType: 'waiver',
        refId: line.id,
      },
    ]);
    const next = await saveFormTotals(uow.db, form, uow.nowIso);
    await uow.audit({
      action: 'fee.waived',
      entityType: 'fee_form',
      entityId: form.id,
      data: {
        number: form.number,
        feeCode: line.fee_code,
        amountFen: amount,
        legalBasis: basis,
        reason: input.reason,
      },
    });
    return next;
  });
}
