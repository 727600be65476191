/**
 * Personal data never reaches a log: resident ID numbers, credit codes, phone numbers and
 * passwords are masked in URLs, and credentials are redacted from headers.
 */
const ID_LIKE = /(?<![0-9A-Z])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Z])/g;
const CREDIT_LIKE = /(?<![0-9A-Z])([1-9ANY][0-9A-HJ-NP-RTUW-Y]{7})[0-9A-HJ-NP-RTUW-Y]{10}(?![0-9A-Z])/g;
const PHONE_LIKE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
const SECRET_PARAM = /([?&](?:password|code|token)=)[^&]*/gi;

export function maskPersonalData(s: string): string {
  return s
    .replace(ID_LIKE, '$1********$2')
    .replace(CREDIT_LIKE, '$1**********')
    .replace(PHONE_LIKE, '$1****$2')
    .replace(SECRET_PARAM, '$1***');
}

export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.phone',
  '*.creditCode',
];
