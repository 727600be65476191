import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fill, user as person } from '../../test/user';
import { renderApp } from '../../test/render';
import type { CaseFees, CaseTask, CaseView, FeeForm, FeeReceipt, PaymentOutcome } from '../../api/cases';
import { sketch, type Sketch } from '../../test/sketch';
import { CaseActions, TaskActions } from './CaseActions';
import { CounterFeesPanel } from './CounterFeesPanel';
import { Inquiries } from './Inquiries';
import WindowPage from './WindowPage';

// A loaded machine (the suite runs beside builds) answers in seconds, not in testing-library's one.
configure({ asyncUtilTimeout: 10_000 });
const until = (check: () => void) => vi.waitFor(check, { timeout: 10_000 });

// ---- a fake server: answers by "METHOD /path", records every call with its JSON body -------------

type Route = unknown | ((body: unknown, query: URLSearchParams) => Response);
interface Call {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  idempotencyKey: string | null;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
  });
const problem = (
  status: number,
  code: string,
  detail: string,
  errors: { path: string; code: string; message: string }[] = [],
) => json(status, { status, code, detail, errors });

function serve(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://x');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      idempotencyKey: new Headers(init?.headers).get('idempotency-key'),
    });
    const r = routes[`${method} ${url.pathname}`];
    if (r === undefined) return problem(404, 'route_not_found', `没有这个接口：${method} ${url.pathname}`);
    return typeof r === 'function'
      ? (r as (b: unknown, q: URLSearchParams) => Response)(body, url.searchParams)
      : json(200, r);
  });
  return calls;
}
const posted = (calls: Call[], path: string) =>
  calls.filter((c) => c.method === 'POST' && c.path === path).map((c) => c.body);

const user = (id: string, role: string, displayName: string) => ({
  id,
  username: id,
  displayName,
  role,
  departmentId: 'd-scj',
  applicantKind: null,
  idNumber: null,
  creditCode: null,
  phone: null,
  email: null,
  status: 'active',
  lockedUntil: null,
});
const CLERK = user('u-clerk', 'clerk', '综合窗口 王窗');
const REVIEWER = user('u-rev', 'reviewer', '市场监管局审查员 李审');
const STAFF = {
  items: [
    { id: 'u-clerk', displayName: '综合窗口 王窗', role: 'clerk', departmentId: 'd-scj' },
    { id: 'u-head', displayName: '梁静怡', role: 'head', departmentId: 'd-scj' },
    { id: 'u-rev', displayName: '李审', role: 'reviewer', departmentId: 'd-scj' },
    { id: 'u-rev2', displayName: '周审', role: 'reviewer', departmentId: 'd-scj' },
  ],
};

/** Signed in: the readable CSRF cookie makes the app ask /auth/me. */
const signIn = () => {
  document.cookie = 'ow_csrf=tok; path=/';
};

/** Types a date into an antd DatePicker without opening its popup (jsdom cannot place it). */
function typeDate(input: HTMLElement, date: string) {
  fireEvent.change(input, { target: { value: date } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter' });
  fireEvent.blur(input);
}

const formOf = (id: string, over: Sketch<FeeForm> = {}): FeeForm =>
  sketch<FeeForm>({
    id,
    number: 'JK2026000001',
    paymentCode: '3309000000000001',
    caseId: 'c1',
    receiptNo: 'QH20260000007',
    itemId: 'i-hz',
    itemName: '普通护照签发',
    departmentId: 'd-gaj',
    departmentName: '市公安局',
    paymentPoint: 'before_acceptance',
    payer: { name: '张小明', idMasked: '110105********002X' },
    status: 'open',
    chargedFen: 12000,
    waivedFen: 0,
    paidFen: 0,
    outstandingFen: 12000,
    dueDate: '2026-12-03',
    issuedAt: '2026-11-26T02:00:00.000Z',
    checkoutUrl: null,
    version: 1,
    lines: [
      {
        id: 'l1',
        seq: 1,
        feeCode: 'FEE-GA-HZ',
        name: '普通护照工本费',
        basis: '',
        standard: '每本120元',
        quantity: '1',
        note: null,
        chargedFen: 12000,
        waivedFen: 0,
        paidFen: 0,
        refundedFen: 0,
        waiverBasis: null,
        waiverReason: null,
      },
    ],
    payments: [],
    receipts: [],
    refunds: [],
    ...over,
  });
const feesOf = (forms: FeeForm[]): CaseFees => ({
  caseId: 'c1',
  receiptNo: 'QH20260000007',
  forms,
  awaiting: [],
  totals: {
    chargedFen: 12000,
    waivedFen: 0,
    paidFen: forms.reduce((s, f) => s + f.paidFen, 0),
    outstandingFen: forms.reduce((s, f) => s + f.outstandingFen, 0),
    refundedFen: 0,
  },
});

// ---- counter payment -----------------------------------------------------------------------------

describe('counter payment at the window', () => {
  it(
    'takes yuan, checks them in the browser, sends fen, and links the receipt',
    { timeout: 60_000 },
    async () => {
      signIn();
      const receipt = sketch<FeeReceipt>({
        id: 'r1',
        number: 'PJ2026000009',
        checkCode: 'X',
        paymentId: 'p1',
        amountFen: 12000,
        issuedAt: '2026-11-26T02:05:00.000Z',
        status: 'valid',
        lines: [],
      });
      let paid = false;
      const calls = serve({
        'GET /api/v1/auth/me': CLERK,
        'GET /api/v1/cases/c1/fees': () =>
          json(
            200,
            feesOf([
              paid
                ? formOf('f1', { status: 'settled', paidFen: 12000, outstandingFen: 0, receipts: [receipt] })
                : formOf('f1'),
            ]),
          ),
        'POST /api/v1/fee-forms/f1/counter-payments': () => {
          paid = true;
          const outcome = sketch<PaymentOutcome>({
            form: formOf('f1', { status: 'settled', paidFen: 12000, outstandingFen: 0 }),
            payment: {
              id: 'p1',
              channel: 'counter_pos',
              gateway: null,
              reference: 'POS-778899',
              amountFen: 12000,
              appliedFen: 12000,
              excessFen: 0,
              paidAt: '2026-11-26T02:05:00.000Z',
              status: 'applied',
            },
            receipt,
            refund: null,
          });
          return json(201, outcome);
        },
      });
      renderApp(<CounterFeesPanel caseId="c1" />);
      expect((await screen.findByTestId('fees-outstanding')).textContent).toContain('尚欠 ¥120.00');
      expect(screen.getByRole('link', { name: '打印缴款书 JK2026000001' }).getAttribute('href')).toBe(
        '/api/v1/fee-forms/f1/pdf',
      );

      await person.click(await screen.findByRole('button', { name: '柜台收费' }));
      const dialog = await screen.findByRole('dialog', { name: '柜台收费：缴款书 JK2026000001' });
      expect(within(dialog).getByTestId('owed')?.textContent).toContain('¥120.00');
      const amount = within(dialog).getByLabelText('收款金额（元）');
      expect((amount as HTMLInputElement).value).toBe('120.00');

      // the browser refuses what is not an amount, and more than is owed
      await person.clear(amount);
      await fill(amount, '12.345');
      await person.click(within(dialog).getByRole('button', { name: '确认收款' }));
      expect(await within(dialog).findByText('请输入正确的金额（元，最多两位小数）')).toBeTruthy();
      await person.clear(amount);
      await fill(amount, '130');
      expect(await within(dialog).findByText('不能超过待缴金额 ¥120.00，多收部分请当场找零')).toBeTruthy();

      // cash: the change for what the payer hands over
      await person.clear(amount);
      await fill(amount, '120');
      await fill(within(dialog).getByLabelText('实收现金（元，可选）'), '200');
      expect(await within(dialog).findByText('应找零 ¥80.00')).toBeTruthy();

      // POS needs the slip reference
      await person.click(within(dialog).getByRole('radio', { name: 'POS 刷卡' }));
      await person.click(within(dialog).getByRole('button', { name: '确认收款' }));
      expect(await within(dialog).findByText('POS 刷卡须录入交易参考号')).toBeTruthy();
      expect(posted(calls, '/api/v1/fee-forms/f1/counter-payments')).toEqual([]);
      await fill(within(dialog).getByLabelText('POS 交易参考号'), ' POS-778899 ');
      await person.click(within(dialog).getByRole('button', { name: '确认收款' }));

      const done = await screen.findByRole('status');
      expect(done?.textContent).toContain('已收款 ¥120.00（POS 刷卡）');
      expect(posted(calls, '/api/v1/fee-forms/f1/counter-payments')).toEqual([
        { method: 'pos', amountFen: 12000, reference: 'POS-778899' },
      ]);
      expect(within(done).getByRole('link', { name: '打印票据 PJ2026000009' }).getAttribute('href')).toBe(
        '/api/v1/fee-receipts/r1/pdf',
      );
      // the form reloads settled, with its receipt and no more collect button
      expect((await screen.findByRole('link', { name: '票据 PJ2026000009' })).getAttribute('href')).toBe(
        '/api/v1/fee-receipts/r1/pdf',
      );
      await until(() => expect(screen.getByTestId('fees-outstanding').textContent).toContain('尚欠 ¥0.00'));
      expect(screen.queryByRole('button', { name: '柜台收费' })).toBeNull();
    },
  );

  it("puts the server's complaint about the amount under the amount field", async () => {
    signIn();
    serve({
      'GET /api/v1/auth/me': CLERK,
      'GET /api/v1/cases/c1/fees': feesOf([formOf('f1', { paidFen: 2000, outstandingFen: 10000 })]),
      'POST /api/v1/fee-forms/f1/counter-payments': () =>
        problem(400, 'validation_failed', '请求内容不符合要求', [
          {
            path: '/body/amountFen',
            code: 'exceeds_outstanding',
            message: '应缴余额为 ¥80.00，多收部分请当场找零',
          },
        ]),
    });
    renderApp(<CounterFeesPanel caseId="c1" />);
    await person.click(await screen.findByRole('button', { name: '柜台收费' }));
    const dialog = await screen.findByRole('dialog');
    const amount = within(dialog).getByLabelText('收款金额（元）');
    expect((amount as HTMLInputElement).value).toBe('100.00');
    await person.click(within(dialog).getByRole('button', { name: '确认收款' }));
    await until(() =>
      expect(amount.closest('.ant-form-item')?.textContent).toContain(
        '应缴余额为 ¥80.00，多收部分请当场找零',
      ),
    );
    expect(amount.getAttribute('aria-invalid')).toBe('true');
  });
});

describe('a counter payment retried', () => {
  it(
    'keeps its Idempotency-Key while the outcome is unknown and takes a new one after a definite answer',
    { timeout: 60_000 },
    async () => {
      signIn();
      const receipt = sketch<FeeReceipt>({
        id: 'r2',
        number: 'PJ2026000010',
        checkCode: 'X',
        paymentId: 'p2',
        amountFen: 12000,
        issuedAt: '2026-11-26T02:05:00.000Z',
        status: 'valid',
        lines: [],
      });
      let answers = 0;
      const calls = serve({
        'GET /api/v1/auth/me': CLERK,
        'GET /api/v1/cases/c1/fees': feesOf([formOf('f1')]),
        'POST /api/v1/fee-forms/f1/counter-payments': () => {
          answers++;
          if (answers === 1) return problem(503, 'unavailable', '服务暂时不可用');
          if (answers === 2)
            return problem(400, 'validation_failed', '请求内容不符合要求', [
              {
                path: '/body/amountFen',
                code: 'exceeds_outstanding',
                message: '应缴余额为 ¥80.00，多收部分请当场找零',
              },
            ]);
          const outcome = sketch<PaymentOutcome>({
            form: formOf('f1', { status: 'settled', paidFen: 12000, outstandingFen: 0 }),
            payment: {
              id: 'p2',
              channel: 'counter_cash',
              gateway: null,
              reference: null,
              amountFen: 12000,
              appliedFen: 12000,
              excessFen: 0,
              paidAt: '2026-11-26T02:05:00.000Z',
              status: 'applied',
            },
            receipt,
            refund: null,
          });
          return json(201, outcome);
        },
      });
      renderApp(<CounterFeesPanel caseId="c1" />);
      await person.click(await screen.findByRole('button', { name: '柜台收费' }));
      const dialog = await screen.findByRole('dialog');
      const submit = () => person.click(within(dialog).getByRole('button', { name: '确认收款' }));
      await submit();
      await until(() => expect(answers).toBe(1));
      await submit();
      await until(() => expect(answers).toBe(2));
      await submit();
      await until(() => expect(answers).toBe(3));
      const keys = calls.filter((c) => c.method === 'POST').map((c) => c.idempotencyKey);
      expect(keys.every((k) => typeof k === 'string' && k.length >= 8)).toBe(true);
      expect(keys[1]).toBe(keys[0]);
      expect(keys[2]).not.toBe(keys[1]);
    },
  );
});

describe('a payment form issued by hand', () => {
  it(
    "asks for the quantity the application lacked and shows the server's verdict on it in place",
    { timeout: 60_000 },
    async () => {
      signIn();
      let issued = false;
      let attempts = 0;
      const awaiting = {
        itemId: 'i-tssb',
        itemName: '特种设备定期检验',
        paymentPoint: 'before_delivery',
        missingQuantities: [{ feeCode: 'FEE-SC-TSSB', feeName: '特种设备检验费', unit: '台' }],
      };
      const calls = serve({
        'GET /api/v1/auth/me': CLERK,
        'GET /api/v1/cases/c1/fees': () =>
          json(
            200,
            issued
              ? feesOf([
                  formOf('f2', { itemName: '特种设备定期检验', chargedFen: 144000, outstandingFen: 144000 }),
                ])
              : { ...feesOf([]), awaiting: [awaiting] },
          ),
        'POST /api/v1/cases/c1/fee-forms': () => {
          attempts += 1;
          if (attempts === 1)
            return problem(400, 'validation_failed', '请求内容不符合要求', [
              {
                path: '/body/quantities/FEE-SC-TSSB',
                code: 'quantity_invalid',
                message: '计费数量须为整数台',
              },
            ]);
          issued = true;
          return json(201, formOf('f2'));
        },
      });
      renderApp(<CounterFeesPanel caseId="c1" />);
      const alert = await screen.findByRole('alert');
      expect(alert.textContent).toContain('特种设备定期检验的缴款书尚未开具');
      expect(alert.textContent).toContain('特种设备检验费（台）');
      expect(alert.textContent, 'the fee is named, not coded').not.toContain('FEE-SC-TSSB');
      expect(screen.queryByTestId('fees-outstanding'), 'nothing is owed before a form is issued').toBeNull();
      await person.click(screen.getByRole('button', { name: '开具缴款书' }));
      const dialog = await screen.findByRole('dialog', { name: '开具缴款书：特种设备定期检验' });
      const quantity = within(dialog).getByLabelText('特种设备检验费的计费数量（台）');
      await person.click(within(dialog).getByRole('button', { name: /^开\s*具$/ }));
      expect(await within(dialog).findByText('必填')).toBeTruthy();
      await fill(quantity, '2.5');
      await person.click(within(dialog).getByRole('button', { name: /^开\s*具$/ }));
      await until(() =>
        expect(quantity.closest('.ant-form-item')?.textContent).toContain('计费数量须为整数台'),
      );
      await person.clear(quantity);
      await fill(quantity, '3');
      await person.click(within(dialog).getByRole('button', { name: /^开\s*具$/ }));
      await until(() => expect(screen.queryByRole('dialog')).toBeNull());
      expect(posted(calls, '/api/v1/cases/c1/fee-forms')).toEqual([
        { itemId: 'i-tssb', quantities: { 'FEE-SC-TSSB': 2.5 } },
        { itemId: 'i-tssb', quantities: { 'FEE-SC-TSSB': 3 } },
      ]);
      expect(await screen.findByRole('button', { name: '柜台收费' })).toBeTruthy();
    },
  );
});

describe('a waiver (减免) by the head of the collecting department', () => {
  it(
    "sends the part waived in fen with its legal basis; the server's verdict on the basis shows in place",
    { timeout: 60_000 },
    async () => {
      signIn();
      let tries = 0;
      const calls = serve({
        'GET /api/v1/auth/me': { ...user('u-gaj-head', 'head', '公安局分管领导'), departmentId: 'd-gaj' },
        'GET /api/v1/cases/c1/fees': feesOf([formOf('f1')]),
        'POST /api/v1/fee-forms/f1/waivers': () => {
          tries += 1;
          return tries === 1
            ? problem(400, 'validation_failed', '请求内容不符合要求', [
                {
                  path: '/body/legalBasis',
                  code: 'legal_basis_required',
                  message: '减免须注明法律、法规或政策依据',
                },
              ])
            : json(200, formOf('f1', { waivedFen: 5000, outstandingFen: 7000 }));
        },
      });
      renderApp(<CounterFeesPanel caseId="c1" />);
      await person.click(await screen.findByRole('button', { name: /^减\s*免$/ }));
      expect(screen.queryByRole('button', { name: '柜台收费' })).toBeNull(); // the counter is the window's
      const dialog = await screen.findByRole('dialog', { name: '减免：缴款书 JK2026000001' });
      const amount = within(dialog).getByLabelText('减免金额（元）');
      await fill(amount, '150');
      await fill(within(dialog).getByLabelText('减免依据'), '领导同意');
      await fill(within(dialog).getByLabelText('理由'), '低保对象');
      await person.click(within(dialog).getByRole('button', { name: /^减\s*免$/ }));
      expect(await within(dialog).findByText('不能超过该项尚欠的 ¥120.00')).toBeTruthy();
      await person.clear(amount);
      await fill(amount, '50');
      await person.click(within(dialog).getByRole('button', { name: /^减\s*免$/ }));
      const basis = within(dialog).getByLabelText('减免依据');
      await until(() =>
        expect(basis.closest('.ant-form-item')?.textContent).toContain('减免须注明法律、法规或政策依据'),
      );
      await person.clear(basis);
      await fill(basis, '《中华人民共和国居民身份证法》第二十条');
      await person.click(within(dialog).getByRole('button', { name: /^减\s*免$/ }));
      await until(() => expect(screen.queryByRole('dialog')).toBeNull());
      const basisText = '《中华人民共和国居民身份证法》第二十条';
      expect(posted(calls, '/api/v1/fee-forms/f1/waivers')).toEqual([
        { version: 1, feeCode: 'FEE-GA-HZ', amountFen: 5000, legalBasis: '领导同意', reason: '低保对象' },
        { version: 1, feeCode: 'FEE-GA-HZ', amountFen: 5000, legalBasis: basisText, reason: '低保对象' },
      ]);
    },
  );
});

// ---- walk-in intake --------------------------------------------------------------------------------

const PASSPORT = {
  id: 'i-hz',
  name: '普通护照签发',
  paymentPoint: 'before_acceptance',
  materials: [
    {
      name: '中国公民出入境证件申请表',
      required: true,
      deferrable: false,
      source: 'applicant',
      form: 'original',
      copies: 1,
    },
    {
      name: '居民身份证',
      required: true,
      deferrable: false,
      source: 'window_check',
      form: 'original',
      copies: 1,
    },
  ],
  fees: [
    {
      feeCode: 'FEE-GA-HZ',
      name: '普通护照工本费',
      note: null,
      standard: null,
      basis: null,
      rule: { kind: 'fixed', amountFen: 12000 },
      fixedAmountFen: 12000,
      published: true,
    },
  ],
};

describe('walk-in intake at the window', () => {
  it("shows the server's verdict on the ID number next to that field", { timeout: 60_000 }, async () => {
    signIn();
    const calls = serve({
      'GET /api/v1/auth/me': CLERK,
      'GET /api/v1/items/i-hz': PASSPORT,
      'GET /api/v1/cases': { items: [], total: 0, page: 1, pageSize: 50 },
      'GET /api/v1/inquiries': { items: [], total: 0, page: 1, pageSize: 50 },
      'POST /api/v1/cases': () =>
        problem(400, 'validation_failed', '请求内容不符合要求', [
          { path: '/body/applicant/idNumber', code: 'id_checksum', message: '身份证号校验码不正确' },
        ]),
    });
    renderApp(<WindowPage />, '/window?intake=item:i-hz');
    expect(await screen.findByRole('heading', { name: '窗口收件：普通护照签发' })).toBeTruthy();
    expect(screen.getByText('普通护照工本费：¥120.00')).toBeTruthy();

    // the browser asks for what is missing before anything is sent
    await person.click(screen.getByRole('button', { name: '提交收件' }));
    expect(await screen.findByText('身份证号码为 18 位')).toBeTruthy();
    expect(posted(calls, '/api/v1/cases')).toEqual([]);

    await fill(screen.getByLabelText('申请人姓名或名称'), '张小明');
    const id = screen.getByLabelText('居民身份证号码');
    await fill(id, '110105194912310021');
    await fill(screen.getByLabelText('手机号码'), '13800138000');
    await person.click(screen.getByRole('checkbox', { name: '已核验纸质原件：中国公民出入境证件申请表' }));
    await person.click(screen.getByRole('button', { name: '提交收件' }));

    await until(() => expect(id.closest('.ant-form-item')?.textContent).toContain('身份证号校验码不正确'));
    expect(id.getAttribute('aria-invalid')).toBe('true');
    expect(posted(calls, '/api/v1/cases')).toEqual([
      {
        itemId: 'i-hz',
        applicant: { kind: 'person', name: '张小明', idNumber: '110105194912310021', phone: '13800138000' },
        form: {},
        materials: [{ name: '中国公民出入境证件申请表', paper: true }],
        submit: true,
      },
    ]);
    // the alert above the buttons does not repeat a field error already shown in place
    expect(screen.getByText('请求内容不符合要求')).toBeTruthy();
    expect(screen.queryByText('/body/applicant/idNumber')).toBeNull();
  });
});

// ---- first inquiry -----------------------------------------------------------------------------------

describe('first inquiry (首问负责)', () => {
  const DEPARTMENTS = {
    items: [
      { id: 'd-scj', name: '清河市市场监督管理局' },
      { id: 'd-gaj', name: '清河市公安局' },
    ],
    total: 2,
  };
  const GAJ_STAFF = {
    items: [{ id: 'u-gaj', displayName: '出入境 赵警官', role: 'reviewer', departmentId: 'd-gaj' }],
  };
  const staffOf = (_: unknown, q: URLSearchParams) =>
    json(200, q.get('departmentId') === 'd-gaj' ? GAJ_STAFF : STAFF);

  it(
    'records an inquiry, then hands it over to a colleague picked by name',
    { timeout: 60_000 },
    async () => {
      signIn();
      const inquiry = {
        id: 'q1',
        personName: '王先生',
        contact: '13900001111',
        question: '护照加急怎么办？',
        status: 'open',
        dueDate: '2026-11-27',
        version: 2,
      };
      let recorded = false;
      const calls = serve({
        'GET /api/v1/auth/me': CLERK,
        'GET /api/v1/staff': staffOf,
        'GET /api/v1/departments': DEPARTMENTS,
        'GET /api/v1/inquiries': () =>
          json(200, { items: recorded ? [inquiry] : [], total: recorded ? 1 : 0, page: 1, pageSize: 50 }),
        'POST /api/v1/inquiries': () => {
          recorded = true;
          return json(201, { id: 'q1', dueDate: '2026-11-27' });
        },
        'POST /api/v1/inquiries/q1/handover': () => new Response(null, { status: 204 }),
      });
      renderApp(<Inquiries />);
      expect(await screen.findByText('没有待处理的咨询')).toBeTruthy();

      await person.click(screen.getByRole('button', { name: '登记咨询' }));
      let dialog = await screen.findByRole('dialog', { name: '登记咨询' });
      await fill(within(dialog).getByLabelText('咨询人'), '王先生');
      await fill(within(dialog).getByLabelText('联系方式'), '13900001111');
      await fill(within(dialog).getByLabelText('咨询内容'), '护照加急怎么办？');
      await person.click(within(dialog).getByRole('button', { name: /保\s*存/ }));
      expect(await screen.findByText('护照加急怎么办？')).toBeTruthy();
      expect(posted(calls, '/api/v1/inquiries')).toEqual([
        { personName: '王先生', contact: '13900001111', question: '护照加急怎么办？' },
      ]);

      // (the question is found as soon as the dialog shows it; the list's row comes with the reload)
      await person.click(await screen.findByRole('button', { name: '转交 王先生 的咨询' }));
      dialog = await screen.findByRole('dialog', { name: '转交' });
      await person.click(within(dialog).getByRole('button', { name: /转\s*交/ }));
      expect(await within(dialog).findByText('请选择同事')).toBeTruthy();
      await person.click(within(dialog).getByRole('combobox', { name: '转交给' }));
      expect(await screen.findByTitle('李审（审查人员）')).toBeTruthy();
      expect(screen.queryByTitle('综合窗口 王窗（窗口人员）')).toBeNull(); // not to oneself
      await person.click(screen.getByTitle('梁静怡（分管领导）'));
      await fill(within(dialog).getByLabelText('转交说明'), '涉及加急审批，请领导处理');
      await person.click(within(dialog).getByRole('button', { name: /转\s*交/ }));
      await until(() =>
        expect(posted(calls, '/api/v1/inquiries/q1/handover')).toEqual([
          { version: 2, toUserId: 'u-head', note: '涉及加急审批，请领导处理' },
        ]),
      );
      expect(calls.filter((c) => c.path === '/api/v1/staff').map((c) => c.query.get('departmentId'))).toEqual(
        ['d-scj'],
      );
    },
  );

  it(
    'hands a question that belongs elsewhere to a colleague of that department',
    { timeout: 60_000 },
    async () => {
      signIn();
      const inquiry = {
        id: 'q2',
        personName: '李女士',
        contact: null,
        question: '护照丢了怎么补办？',
        status: 'open',
        dueDate: '2026-11-27',
        version: 1,
      };
      const calls = serve({
        'GET /api/v1/auth/me': CLERK,
        'GET /api/v1/staff': staffOf,
        'GET /api/v1/departments': DEPARTMENTS,
        'GET /api/v1/inquiries': { items: [inquiry], total: 1, page: 1, pageSize: 50 },
        'POST /api/v1/inquiries/q2/handover': () => new Response(null, { status: 204 }),
      });
      renderApp(<Inquiries />);
      await person.click(await screen.findByRole('button', { name: '转交 李女士 的咨询' }));
      const dialog = await screen.findByRole('dialog', { name: '转交' });
      const dept = within(dialog).getByRole('combobox', { name: '部门' });
      await until(() => expect(dept.closest('.ant-select')?.textContent).toContain('清河市市场监督管理局')); // my own to begin with
      await person.click(within(dialog).getByRole('combobox', { name: '转交给' }));
      await person.click(await screen.findByTitle('李审（审查人员）'));
      await person.click(dept);
      await person.click(await screen.findByTitle('清河市公安局'));
      const to = within(dialog).getByRole('combobox', { name: '转交给' });
      await until(() => expect(to.closest('.ant-select')?.textContent).not.toContain('李审')); // a colleague of the other department is no longer chosen
      await person.click(to);
      await person.click(await screen.findByTitle('出入境 赵警官（审查人员）'));
      expect(screen.queryByTitle('梁静怡（分管领导）')).toBeNull();
      await fill(within(dialog).getByLabelText('转交说明'), '属出入境业务');
      await person.click(within(dialog).getByRole('button', { name: /转\s*交/ }));
      await until(() =>
        expect(posted(calls, '/api/v1/inquiries/q2/handover')).toEqual([
          { version: 1, toUserId: 'u-gaj', note: '属出入境业务' },
        ]),
      );
    },
  );
});

// ---- intake decisions: 容缺 and 不予受理 ---------------------------------------------------------------

const received = sketch<CaseView>({
  id: 'c1',
  receiptNo: 'QH20260000007',
  title: '食品经营许可',
  state: 'received',
  shortfall: false,
  channel: 'window',
  committedDays: 10,
  applicant: { kind: 'person', name: '张小明', id: '110105********002X', phone: null },
  submittedAt: null,
  acceptanceDate: null,
  decision: null,
  completedAt: null,
  version: 5,
  latestHash: null,
  items: [],
  materials: [
    {
      id: 'm1',
      name: '食品安全管理制度',
      required: true,
      deferrable: true,
      status: 'missing',
      fileId: null,
      deferredUntil: null,
    },
    {
      id: 'm2',
      name: '营业执照',
      required: true,
      deferrable: false,
      status: 'at_window',
      fileId: null,
      deferredUntil: null,
    },
  ],
  tasks: [],
  documents: [],
  clocks: { acceptance: null, case: null, delivery: null },
  history: [],
  allowedActions: ['accept', 'accept_with_shortfall', 'refuse_intake'],
});
const actResult = (c: CaseView) => () => json(200, { result: {}, case: c });

describe('intake decisions at the window', () => {
  it('容缺受理 sends the deadline and the applicant’s commitment', { timeout: 60_000 }, async () => {
    // The picker offers working days up to the committed completion date, counted from today.
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T02:00:00Z') });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const calls = serve({
      'POST /api/v1/cases/c1/accept-with-shortfall': actResult({
        ...received,
        state: 'under_review',
        shortfall: true,
        version: 6,
      }),
    });
    const done = vi.fn();
    renderApp(<CaseActions c={received} onDone={done} />);
    await person.click(screen.getByRole('button', { name: '容缺受理' }));
    const dialog = await screen.findByRole('dialog', { name: '容缺受理' });
    expect(within(dialog).getByText('暂缺材料：食品安全管理制度')).toBeTruthy();
    await person.click(within(dialog).getByRole('button', { name: /^受\s*理$/ }));
    await waitFor(() => expect(within(dialog).getAllByText('必填')).toHaveLength(2)); // each field's error appears as it settles
    expect(posted(calls, '/api/v1/cases/c1/accept-with-shortfall')).toEqual([]);
    typeDate(within(dialog).getByLabelText('补齐期限'), '2026-12-10');
    await fill(within(dialog).getByLabelText('申请人承诺'), '本人承诺在期限内补交食品安全管理制度');
    await person.click(within(dialog).getByRole('button', { name: /^受\s*理$/ }));
    await until(() =>
      expect(done).toHaveBeenCalledWith(expect.objectContaining({ state: 'under_review', shortfall: true })),
    );
    expect(posted(calls, '/api/v1/cases/c1/accept-with-shortfall')).toEqual([
      { version: 5, deadline: '2026-12-10', commitment: '本人承诺在期限内补交食品安全管理制度' },
    ]);
  });

  it('不予受理 sends one reason per line and the competent agency', async () => {
    const calls = serve({
      'POST /api/v1/cases/c1/refuse-intake': actResult({ ...received, state: 'not_accepted', version: 6 }),
    });
    const done = vi.fn();
    renderApp(<CaseActions c={received} onDone={done} />);
    await person.click(screen.getByRole('button', { name: '不予受理' }));
    const dialog = await screen.findByRole('dialog', { name: '不予受理' });
    await fill(
      within(dialog).getByLabelText('不予受理理由'),
      '申请事项不属于本机关职权范围\n\n  申请人不具备主体资格  ',
    );
    await fill(within(dialog).getByLabelText('告知向有关行政机关申请（可选）'), '清河市卫生健康委员会');
    await person.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
    await until(() => expect(done).toHaveBeenCalled());
    expect(posted(calls, '/api/v1/cases/c1/refuse-intake')).toEqual([
      {
        version: 5,
        reasons: ['申请事项不属于本机关职权范围', '申请人不具备主体资格'],
        competentAgency: '清河市卫生健康委员会',
      },
    ]);
  });
});

// ---- on-site verification ------------------------------------------------------------------------------

describe('on-site verification (Art. 34)', () => {
  it(
    'picks two staff of the department from the directory, starting with oneself',
    { timeout: 60_000 },
    async () => {
      signIn();
      const task = sketch<CaseTask>({
        id: 't1',
        department: { id: 'd-scj', code: 'SCJ', name: '市场监管局' },
        itemId: 'i1',
        state: 'reviewing',
        decision: null,
        reasons: [],
        decidedAt: null,
        clock: null,
      });
      const c = sketch<CaseView>({
        ...received,
        state: 'under_review',
        tasks: [task],
        allowedActions: ['record_site_verification'],
      });
      const calls = serve({
        'GET /api/v1/auth/me': REVIEWER,
        'GET /api/v1/staff': STAFF,
        'POST /api/v1/cases/c1/site-verifications': actResult({ ...c, version: 6 }),
      });
      const done = vi.fn();
      renderApp(<TaskActions c={c} task={task} onDone={done} />);
      await person.click(await screen.findByRole('button', { name: '实地核查' }));
      const dialog = await screen.findByRole('dialog', { name: '实地核查' });
      const staff = within(dialog).getByRole('combobox', { name: '核查人员' });
      await until(() => expect(staff.closest('.ant-select')?.textContent).toContain('李审（审查人员）'));

      typeDate(within(dialog).getByLabelText('核查日期'), '2026-11-30');
      await fill(within(dialog).getByLabelText('核查情况'), '经营场所与申请一致');
      await person.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
      expect(await within(dialog).findByText('请选择至少两名本部门工作人员')).toBeTruthy();

      await person.click(staff);
      expect(screen.queryByTitle('综合窗口 王窗（窗口人员）')).toBeNull(); // a clerk cannot verify on site
      await person.click(await screen.findByTitle('周审（审查人员）'));
      await person.click(within(dialog).getByRole('button', { name: /^提\s*交$/ }));
      await until(() => expect(done).toHaveBeenCalled());
      expect(posted(calls, '/api/v1/cases/c1/site-verifications')).toEqual([
        {
          version: 5,
          taskId: 't1',
          staffIds: ['u-rev', 'u-rev2'],
          date: '2026-11-30',
          findings: '经营场所与申请一致',
        },
      ]);
    },
  );
});
