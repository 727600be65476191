import { randomInt } from 'node:crypto';

/** Luhn check digit of a digit string (the payment code's last digit catches a mistyped digit). */
export function luhnDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export const isPaymentCode = (code: string): boolean =>
  /^\d{20}$/.test(code) && luhnDigit(code.slice(0, 19)) === Number(code[19]);

/**
 * The payment code (缴款码) printed on a form: 19 random digits and a Luhn check digit. Random, so
 * knowing one form's code says nothing about another's: with the form number it proves a form genuine.
 */
export function newPaymentCode(): string {
  let body = String(randomInt(1, 10));
  while (body.length < 19) body += String(randomInt(0, 10));
  return body + luhnDigit(body);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The check code (校验码) printed on a receipt. */
export const newCheckCode = (length = 8): string =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** JK2026 00000123: payment forms (缴款书) numbered per year. */
export const formNumber = (year: string, seq: number): string => `JK${year}${String(seq).padStart(8, '0')}`;

/** SJ2026 00000045: receipts (收款票据) numbered per year without gaps. */
export const receiptNumber = (year: string, seq: number): string =>
  `SJ${year}${String(seq).padStart(8, '0')}`;
