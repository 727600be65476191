import { AppError } from '../../../server/errors.js';
import type { ComplaintDeps } from '../complaint-deps.js';

export const bad = (path: string, zh: string, en: string) =>
  new AppError('validation_failed', { summary: path }, [{ path, code: 'invalid', zh, en }]);

/** A jurisdiction_id, when given, must be the one this server answers for. */
export function checkJurisdiction(deps: ComplaintDeps, given: string | undefined): void {
  if (given !== undefined && given !== deps.settings.jurisdictionId)
    throw bad(
      'jurisdiction_id',
      `本系统不受理该辖区：${given}（应为 ${deps.settings.jurisdictionId}）`,
      `Unknown jurisdiction: ${given} (this server is ${deps.settings.jurisdictionId})`,
    );
}

/** A W3C datetime filter as an ISO instant. */
export function dateParam(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === '') return undefined;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) throw bad(name, `${name} 不是有效的时间`, `${name} is not a valid W3C datetime`);
  return new Date(ms).toISOString();
}

/** A form field as a number, or undefined when absent. */
export function numberParam(name: string, v: string | undefined): number | undefined {
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n)) throw bad(name, `${name} 不是数字`, `${name} is not a number`);
  return n;
}
