// Money as printed on fee documents: integer fen in, text out — never a float on the way.

/** 123456 → "1,234.56" */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`yuan: fen must be a safe integer, got ${fen}`);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

/** The amount in Chinese capitals (大写), as receipts print it: 123456 → 壹仟贰佰叁拾肆元伍角陆分. */
export function yuanInCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0)
    throw new RangeError(`yuanInCapitals: fen must be a non-negative safe integer, got ${fen}`);
  if (fen === 0) return '零元整';
  const whole = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const fenDigit = fen % 10;
  let out = '';
  if (whole > 0) {
    const groups: number[] = [];
    for (let w = whole; w > 0; w = Math.floor(w / 10000)) groups.push(w % 10000);
    let pendingZero = false;
    for (let g = groups.length - 1; g >= 0; g--) {
      const group = groups[g]!;
      if (group === 0) {
        pendingZero = out !== '';
        continue;
      }
      if (out !== '' && (pendingZero || group < 1000)) out += '零';
      pendingZero = false;
      let text = '';
      let zero = false;
      for (let i = 3; i >= 0; i--) {
        const d = Math.floor(group / 10 ** i) % 10;
        if (d === 0) {
          zero = text !== '';
          continue;
        }
        if (zero) text += '零';
        zero = false;
        text += DIGITS[d]! + SMALL[i]!;
      }
      out += text + BIG[g]!;
    }
    out += '元';
  }
  if (jiao === 0 && fenDigit === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (whole > 0) out += '零';
  if (fenDigit > 0) out += `${DIGITS[fenDigit]}分`;
  return out;
}

/** "¥1,234.56（人民币壹仟贰佰叁拾肆元伍角陆分）" */
export const amountText = (fen: number): string => `¥${yuan(fen)}（人民币${yuanInCapitals(fen)}）`;
