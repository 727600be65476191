import type { FastifySchemaValidationError } from 'fastify';
import type { FieldError } from './errors.js';
import { NOT_BLANK } from '../shared/schema-helpers.js';

/** Turns Ajv's errors into field errors with a path and a sentence in both languages. */
export function fieldErrorsFromValidation(
  errors: FastifySchemaValidationError[],
  context: string | undefined,
): FieldError[] {
  const where = context === 'querystring' ? 'query' : (context ?? 'body');
  const out: FieldError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const p = e.params as Params;
    let path = `/${where}${e.instancePath}`;
    if (e.keyword === 'required' && p.missingProperty) path += `/${p.missingProperty}`;
    if (e.keyword === 'additionalProperties' && p.additionalProperty) path += `/${p.additionalProperty}`;
    const key = `${path}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, code: e.keyword, ...describe(e.keyword, p, e.message ?? '') });
  }
  return out;
}

/** Ajv's error params, as far as the messages read them. */
type Params = {
  type?: string;
  limit?: number;
  pattern?: string;
  format?: string;
  allowedValues?: unknown[];
  allowedValue?: unknown;
  missingProperty?: string;
  additionalProperty?: string;
};

const FORMATS: Record<string, { zh: string; en: string }> = {
  date: { zh: '不是有效的日期（YYYY-MM-DD）', en: 'is not a real date (YYYY-MM-DD)' },
  'date-time': {
    zh: '不是有效的时间（如 2026-12-01T09:30:00+08:00）',
    en: 'is not a valid date and time (e.g. 2026-12-01T09:30:00+08:00)',
  },
  email: { zh: '不是有效的电子邮箱地址', en: 'is not a valid email address' },
};

function describe(keyword: string, p: Params, fallback: string): { zh: string; en: string } {
  switch (keyword) {
    case 'required':
      return { zh: '缺少必填字段', en: 'This field is required' };
    case 'type':
      return { zh: `类型应为 ${p.type}`, en: `must be of type ${p.type}` };
    case 'minLength':
      return { zh: `长度至少为 ${p.limit}`, en: `must have at least ${p.limit} characters` };
    case 'maxLength':
      return { zh: `长度最多为 ${p.limit}`, en: `must have at most ${p.limit} characters` };
    case 'minimum':
      return { zh: `不能小于 ${p.limit}`, en: `must be ≥ ${p.limit}` };
    case 'maximum':
      return { zh: `不能大于 ${p.limit}`, en: `must be ≤ ${p.limit}` };
    case 'exclusiveMinimum':
      return { zh: `必须大于 ${p.limit}`, en: `must be > ${p.limit}` };
    case 'minItems':
      return { zh: `至少需要 ${p.limit} 项`, en: `must have at least ${p.limit} entries` };
    case 'maxItems':
      return { zh: `最多 ${p.limit} 项`, en: `must have at most ${p.limit} entries` };
    case 'pattern':
      return p.pattern === NOT_BLANK
        ? { zh: '不能只有空白', en: 'must not be blank' }
        : { zh: '格式不正确', en: 'has the wrong format' };
    case 'format':
      return FORMATS[p.format ?? ''] ?? { zh: `不是有效的 ${p.format}`, en: `is not a valid ${p.format}` };
    case 'enum':
      return {
        zh: `只能是：${(p.allowedValues ?? []).join('、')}`,
        en: `must be one of: ${(p.allowedValues ?? []).join(', ')}`,
      };
    case 'const':
      return { zh: `只能是 ${p.allowedValue}`, en: `must be ${p.allowedValue}` };
    case 'additionalProperties':
      return { zh: '不允许的字段', en: 'is not an allowed field' };
    case 'anyOf':
    case 'oneOf':
      return { zh: '不符合任何允许的形式', en: 'matches none of the allowed shapes' };
    default:
      return { zh: fallback, en: fallback };
  }
}
