import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { FieldError } from '../../server/errors.js';
import { fieldErrorsFromValidation } from '../../server/validation-errors.js';
import { feeRuleProblems } from './fee-amount.js';
import type { FeeInputT, ItemInputT } from './schemas.js';

const fe = (path: string, code: string, zh: string, en: string): FieldError => ({ path, code, zh, en });

// The same validator the HTTP layer uses, so a file and a request body get the same messages.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
const compiled = new WeakMap<TSchema, ValidateFunction>();

/** Structural errors of a value against a schema, each with its path (e.g. /items/3/committedDays). */
export function schemaErrors(schema: TSchema, value: unknown): FieldError[] {
  let validate = compiled.get(schema);
  if (!validate) compiled.set(schema, (validate = ajv.compile(schema)));
  if (validate(value)) return [];
  const errors = fieldErrorsFromValidation(validate.errors ?? [], '').map((e) => ({
    ...e,
    path: e.path.replace(/^\/\//, '/'),
  }));
  return errors.slice(0, 500);
}

const FORM_FEE = /申请表|申请书|表格|表单|application form/i;

export function feeProblems(
  fee: FeeInputT,
  path: string,
  departmentCodes: ReadonlySet<string>,
): FieldError[] {
  const out: FieldError[] = [];
  if (!departmentCodes.has(fee.departmentCode))
    out.push(
      fe(
        `${path}/departmentCode`,
        'unknown_department',
        `部门 ${fee.departmentCode} 不存在`,
        `No department ${fee.departmentCode}`,
      ),
    );
  if (FORM_FEE.test(fee.name))
    out.push(
      fe(
        `${path}/name`,
        'form_fee_forbidden',
        '申请表格一律免费，不得列为收费项目（行政许可法第五十八条）',
        'Application forms are free and may never be a fee (Administrative Licensing Law Art. 58)',
      ),
    );
  for (const p of feeRuleProblems(fee.rule)) out.push(fe(path + p.path, 'fee_rule', p.zh, p.en));
  return out;
}

/**
 * English names are optional, but one given must say something: a blank one would show an empty
 * title on the English pages instead of the Chinese name.
 */
export function englishNameProblems(
  names: Record<string, string | null | undefined>,
  path: string,
): FieldError[] {
  return Object.entries(names).flatMap(([field, value]) =>
    typeof value === 'string' && value.trim() === ''
      ? [
          fe(
            `${path}/${field}`,
            'english_name_empty',
            '英文名称不能为空；没有英文名称时请省略该项，页面将显示中文名称',
            'The English name is empty; leave it out when there is none, and the pages show the Chinese name',
          ),
        ]
      : [],
  );
}

export interface ItemContext {
  departmentCodes: ReadonlySet<string>;
  /** Fee codes that are (or will be, in the same import) published. */
  publishedFeeCodes: ReadonlySet<string>;
}

/** The rules of domain.md §1 that a schema cannot express. */
export function itemProblems(item: ItemInputT, path: string, ctx: ItemContext): FieldError[] {
  const out: FieldError[] = englishNameProblems({ nameEn: item.nameEn }, path);
  if (!ctx.departmentCodes.has(item.departmentCode))
    out.push(
      fe(
        `${path}/departmentCode`,
        'unknown_department',
        `部门 ${item.departmentCode} 不存在`,
        `No department ${item.departmentCode}`,
      ),
    );
  if (item.committedDays > item.statutoryDays) {
    out.push(
      fe(
        `${path}/committedDays`,
        'committed_exceeds_statutory',
        `承诺时限（${item.committedDays}个工作日）不得超过法定时限（${item.statutoryDays}个工作日）`,
        `The committed limit (${item.committedDays} working days) must not exceed the statutory limit (${item.statutoryDays})`,
      ),
    );
  }
  if (item.handlingClass === 'instant' && item.committedDays !== 0) {
    out.push(
      fe(
        `${path}/committedDays`,
        'instant_has_limit',
        '即办件当场办结，承诺时限应为 0',
        'An instant item (即办件) is finished on the spot; its committed limit must be 0',
      ),
    );
  }
  if (item.handlingClass !== 'instant' && item.committedDays === 0) {
    out.push(
      fe(
        `${path}/committedDays`,
        'missing_limit',
        '承诺件、联办件须有承诺时限',
        'A promise or joint item needs a committed limit',
      ),
    );
  }
  const seenFees = new Set<string>();
  item.fees.forEach((f, i) => {
    if (!ctx.publishedFeeCodes.has(f.feeCode))
      out.push(
        fe(
          `${path}/fees/${i}/feeCode`,
          'fee_not_in_catalogue',
          `收费项目 ${f.feeCode} 不在已公布的收费目录中`,
          `Fee ${f.feeCode} is not in the published fee catalogue`,
        ),
      );
    if (seenFees.has(f.feeCode))
      out.push(
        fe(
          `${path}/fees/${i}/feeCode`,
          'duplicate_fee',
          '同一收费项目重复列出',
          'The same fee is listed twice',
        ),
      );
    seenFees.add(f.feeCode);
    if (f.note && FORM_FEE.test(f.note))
      out.push(
        fe(`${path}/fees/${i}/note`, 'form_fee_forbidden', '申请表格一律免费', 'Application forms are free'),
      );
  });
  if (item.fees.length === 0 && item.paymentPoint !== 'none')
    out.push(
      fe(
        `${path}/paymentPoint`,
        'payment_point_without_fee',
        '免费事项的缴费环节应为 none',
        'A free item has paymentPoint none',
      ),
    );
  if (item.fees.length > 0 && item.paymentPoint === 'none')
    out.push(
      fe(
        `${path}/paymentPoint`,
        'payment_point_missing',
        '收费事项须指明缴费环节',
        'An item with fees must say when they are paid',
      ),
    );
  const names = new Set<string>();
  item.materials.forEach((m, i) => {
    if (names.has(m.name))
      out.push(
        fe(
          `${path}/materials/${i}/name`,
          'duplicate_material',
          `材料“${m.name}”重复`,
          `Material "${m.name}" is listed twice`,
        ),
      );
    names.add(m.name);
    if (m.deferrable && !m.required)
      out.push(
        fe(
          `${path}/materials/${i}/deferrable`,
          'deferrable_not_required',
          '非必需材料无需容缺',
          'Only a required material can be deferred (容缺)',
        ),
      );
  });
  if (item.channels.includes('online') && !item.onlineUrl)
    out.push(
      fe(
        `${path}/onlineUrl`,
        'online_url_required',
        '可网上办理的事项须公布网上办理地址',
        'An item offered online must publish its online address',
      ),
    );
  return out;
}
