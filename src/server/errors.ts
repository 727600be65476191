import { ERROR_CODES, RESOURCE_NAMES, type ErrorCode } from './error-codes.js';

export type Lang = 'zh-CN' | 'en';

export interface FieldError {
  /** JSON pointer-ish path of the offending field, e.g. /items/3/committedDays */
  path: string;
  code: string;
  zh: string;
  en: string;
}

/**
 * What an error may carry besides its message, sent as members of the problem+json body. Every member
 * is declared in ProblemSchema too, or the response serializer would drop it.
 */
export type ProblemExtra = {
  allowedActions?: string[];
  retryAfter?: number;
  unpaidForms?: string[];
  reasons?: string[];
};

/** The one error type the application throws; the edge turns it into problem+json. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldError[] = [],
    readonly extra: ProblemExtra = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.status = ERROR_CODES[code].status;
  }
}

export const notFound = (resource: string, id: string) =>
  new AppError('resource_not_found', { resource, id });
export const forbidden = (action: string) => new AppError('forbidden', { action });
export const staleVersion = (current: number, given: number) =>
  new AppError('stale_version', { current, given });

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh-CN';
  const prefs = acceptLanguage
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const p of prefs) {
    if (p.tag.startsWith('zh')) return 'zh-CN';
    if (p.tag.startsWith('en')) return 'en';
  }
  return 'zh-CN';
}

function fill(template: string, params: Record<string, string | number>, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    if (v === undefined) return `{${k}}`;
    if (k === 'resource' && typeof v === 'string' && RESOURCE_NAMES[v])
      return RESOURCE_NAMES[v][lang === 'en' ? 'en' : 'zh'];
    return String(v);
  });
}

export function messageFor(code: ErrorCode, params: Record<string, string | number>, lang: Lang): string {
  const def = ERROR_CODES[code];
  return fill(lang === 'en' ? def.en : def.zh, params, lang);
}

export type Problem = ProblemExtra & {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: { path: string; code: string; message: string }[];
};

export function toProblem(err: AppError, lang: Lang, instance?: string, requestId?: string): Problem {
  let params = err.code === 'internal' ? { ...err.params, requestId: requestId ?? '' } : err.params;
  // The detail is read by people: it says what the field errors say, in the reader's language, and
  // never their JSON paths (a thrower's path-list summary included); `errors` carries the paths.
  if (err.fieldErrors.length) {
    const said = [...new Set(err.fieldErrors.map((f) => (lang === 'en' ? f.en : f.zh)))];
    params = { ...params, summary: said.join(lang === 'en' ? '; ' : '；') };
  }
  const detail = messageFor(err.code, params, lang);
  return {
    type: `https://onewindow.dev/errors/${err.code}`,
    title: err.code,
    status: err.status,
    detail,
    code: err.code,
    ...(instance ? { instance } : {}),
    ...(requestId ? { requestId } : {}),
    ...(err.fieldErrors.length
      ? {
          errors: err.fieldErrors.map((f) => ({
            path: f.path,
            code: f.code,
            message: lang === 'en' ? f.en : f.zh,
          })),
        }
      : {}),
    ...err.extra,
  };
}
