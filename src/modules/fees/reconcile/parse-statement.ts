import type { FieldError } from '../../../server/errors.js';

export interface StatementRow {
  line: number;
  transactionId: string;
  paymentCode: string | null;
  amountFen: number;
  paidAt: string | null;
}

/** RFC 4180 fields: commas, quotes doubled inside quoted fields, CRLF or LF. */
export function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\ufeff/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((f) => f.trim() !== '')) out.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((f) => f.trim() !== '')) out.push(row);
  return out;
}

/** "120", "120.5", "120.50" yuan → fen, by string arithmetic (no floats). */
export function yuanToFen(text: string): number | null {
  const m = /^(-?)(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/,/g, ''));
  if (!m) return null;
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -fen : fen;
}

const ALIASES: Record<string, string> = {
  transaction_id: 'transactionId',
  txn_id: 'transactionId',
  交易流水号: 'transactionId',
  流水号: 'transactionId',
  payment_code: 'paymentCode',
  缴款码: 'paymentCode',
  amount_fen: 'amountFen',
  金额分: 'amountFen',
  amount: 'amount',
  金额: 'amount',
  paid_at: 'paidAt',
  交易时间: 'paidAt',
};

/**
 * A gateway's daily statement (对账单) as CSV with a header row: transaction_id, payment_code,
 * amount (yuan, two decimals) or amount_fen, paid_at. Every bad row is reported, by line and column.
 */
export function parseStatement(text: string): { rows: StatementRow[]; errors: FieldError[] } {
  const records = csvRecords(text);
  const errors: FieldError[] = [];
  const fe = (path: string, code: string, zh: string, en: string) => errors.push({ path, code, zh, en });
  if (!records.length) {
    fe('/statement', 'empty', '对账单为空', 'The statement is empty');
    return { rows: [], errors };
  }
  const header = records[0]!.map((h) => ALIASES[h.trim().toLowerCase()] ?? ALIASES[h.trim()] ?? h.trim());
  const col = (name: string) => header.indexOf(name);
  if (col('transactionId') < 0)
    fe(
      '/statement/header',
      'column_missing',
      '缺少交易流水号列（transaction_id）',
      'No transaction_id column',
    );
  if (col('amountFen') < 0 && col('amount') < 0)
    fe(
      '/statement/header',
      'column_missing',
      '缺少金额列（amount 或 amount_fen）',
      'No amount or amount_fen column',
    );
  if (errors.length) return { rows: [], errors };
  const rows: StatementRow[] = [];
  const seen = new Set<string>();
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    const get = (name: string) => (col(name) >= 0 ? (r[col(name)] ?? '').trim() : '');
    const transactionId = get('transactionId');
    if (!transactionId)
      fe(
        `/statement/${line}/transaction_id`,
        'required',
        `第${line}行缺少交易流水号`,
        `Line ${line}: no transaction id`,
      );
    else if (seen.has(transactionId))
      fe(
        `/statement/${line}/transaction_id`,
        'duplicate',
        `第${line}行交易流水号重复：${transactionId}`,
        `Line ${line}: transaction ${transactionId} listed twice`,
      );
    seen.add(transactionId);
    const amountFen =
      col('amountFen') >= 0
        ? /^\d{1,14}$/.test(get('amountFen'))
          ? Number(get('amountFen'))
          : null
        : yuanToFen(get('amount'));
    if (amountFen === null || amountFen <= 0)
      fe(
        `/statement/${line}/amount`,
        'amount',
        `第${line}行金额无效`,
        `Line ${line}: the amount is not a positive amount`,
      );
    const paidAt = get('paidAt') || null;
    if (paidAt && Number.isNaN(Date.parse(paidAt)))
      fe(
        `/statement/${line}/paid_at`,
        'date',
        `第${line}行交易时间无效`,
        `Line ${line}: paid_at is not a date-time`,
      );
    if (transactionId && amountFen && amountFen > 0)
      rows.push({
        line,
        transactionId,
        paymentCode: get('paymentCode') || null,
        amountFen,
        paidAt: paidAt ? new Date(paidAt).toISOString() : null,
      });
  });
  return { rows, errors: errors.slice(0, 200) };
}
