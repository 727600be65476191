import { Descriptions, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { feesApi, type CaseFees, type FeeForm, type PaymentOutcome } from '../../api/cases';
import { ApiError } from '../../api/problem';
import { fenToYuanText, formatFen, parseYuanToFen } from '../../format/money';
import { FormModal } from '../../components/FormModal';
import { unitLabel } from '../../format/units';

/** The server names amounts in fen (`/body/amountFen`); these forms edit them in yuan (`amount`). */
function amountErrorsInPlace(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  return new ApiError({
    status: e.status,
    code: e.code,
    detail: e.message,
    requestId: e.requestId,
    errors: e.fieldErrors.map((fe) => (fe.path === '/body/amountFen' ? { ...fe, path: '/body/amount' } : fe)),
  });
}

type Translate = (key: string, opts?: Record<string, unknown>) => string;

/** A browser check of a yuan amount: a number with at most two decimals, above 0 and at most `maxFen`. */
const yuanRule = (
  t: Translate,
  lang: string,
  maxFen: number,
  required: boolean,
  tooMuch = 'window.fees.amountTooMuch',
) => ({
  validator: async (_: unknown, v: string | undefined) => {
    if (!v || !v.trim()) {
      if (required) throw new Error(t('window.fees.amountRequired'));
      return;
    }
    const fen = parseYuanToFen(v);
    if (fen === null) throw new Error(t('window.fees.amountInvalid'));
    if (fen < 1) throw new Error(t('window.fees.amountPositive'));
    if (fen > maxFen) throw new Error(t(tooMuch, { amount: formatFen(maxFen, lang) }));
  },
});

interface PayValues {
  method: 'cash' | 'pos';
  amount: string;
  tendered?: string;
  reference?: string;
}

/** 柜台收费: cash or POS for what the form still asks; the amount is typed in yuan and sent in fen. */
export function CounterPaymentModal({
  form: fee,
  onClose,
  onPaid,
}: {
  form: FeeForm | null;
  onClose: () => void;
  onPaid: (o: PaymentOutcome) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<PayValues>();
  const method = Form.useWatch('method', form) ?? 'cash';
  const amountFen = parseYuanToFen(Form.useWatch('amount', form) ?? '');
  const tenderedFen = parseYuanToFen(Form.useWatch('tendered', form) ?? '');
  const owed = fee?.outstandingFen ?? 0;
  // One key per payment being taken: kept while its outcome is unknown (no answer, a 5xx), so a
  // retry cannot take the money twice; a new one once the server has answered definitely.
  const key = useRef<string>(crypto.randomUUID());
  useEffect(() => {
    key.current = crypto.randomUUID();
  }, [fee?.id]);
  return (
    <FormModal
      open={fee !== null}
      title={t('window.fees.collectTitle', { no: fee?.number ?? '' })}
      form={form}
      fields={['method', 'amount', 'reference']}
      onClose={onClose}
      okText={t('window.fees.collectOk')}
      initialValues={{ method: 'cash', amount: fenToYuanText(owed) }}
      onSubmit={async (v) => {
        const body = {
          method: v.method,
          amountFen: parseYuanToFen(v.amount)!,
          ...(v.method === 'pos' ? { reference: v.reference!.trim() } : {}),
        };
        try {
          onPaid(await feesApi.counterPayment(fee!.id, body, key.current));
          key.current = crypto.randomUUID();
        } catch (e) {
          if (e instanceof ApiError && e.status < 500) key.current = crypto.randomUUID();
          throw amountErrorsInPlace(e);
        }
      }}
    >
      {fee && (
        <Descriptions
          size="small"
          column={1}
          style={{ marginBottom: 12 }}
          items={[
            {
              key: 'payer',
              label: t('window.fees.payer'),
              children: `${fee.payer.name} ${fee.payer.idMasked}`,
            },
            { key: 'item', label: t('window.fees.item'), children: fee.itemName ?? '—' },
            {
              key: 'lines',
              label: t('window.fees.lines'),
              children: (
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {fee.lines.map((l) => (
                    <li key={l.id}>
                      {t('window.fees.lineText', {
                        name: l.name,
                        quantity: l.quantity,
                        amount: formatFen(l.chargedFen, lang),
                      })}
                      {l.waivedFen > 0 && (
                        <>
                          {' '}
                          · {t('window.fees.waived')} {formatFen(l.waivedFen, lang)}
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'owed',
              label: t('window.fees.owed'),
              children: (
                <Typography.Text strong data-testid="owed">
                  {formatFen(owed, lang)}
                </Typography.Text>
              ),
            },
          ]}
        />
      )}
      <Form.Item name="method" label={t('window.fees.method')}>
        <Radio.Group
          options={[
            { value: 'cash', label: t('window.fees.cash') },
            { value: 'pos', label: t('window.fees.pos') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('window.fees.amount')}
        extra={
          amountFen !== null && amountFen > 0
            ? t('window.fees.amountIs', { amount: formatFen(amountFen, lang) })
            : t('window.fees.partial')
        }
        rules={[yuanRule(t, lang, owed, true)]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      {method === 'cash' && (
        <Form.Item
          name="tendered"
          label={t('window.fees.tendered')}
          dependencies={['amount']}
          extra={
            tenderedFen !== null && amountFen !== null && tenderedFen >= amountFen
              ? t('window.fees.change', { amount: formatFen(tenderedFen - amountFen, lang) })
              : undefined
          }
          rules={[
            {
              validator: async (_, v: string | undefined) => {
                if (!v || !v.trim()) return;
                const fen = parseYuanToFen(v);
                if (fen === null) throw new Error(t('window.fees.amountInvalid'));
                if (amountFen !== null && fen < amountFen)
                  throw new Error(t('window.fees.tenderedTooLittle'));
              },
            },
          ]}
        >
          <Input inputMode="decimal" autoComplete="off" />
        </Form.Item>
      )}
      {method === 'pos' && (
        <Form.Item
          name="reference"
          label={t('window.fees.reference')}
          extra={t('window.fees.referenceHelp')}
          rules={[{ required: true, whitespace: true, message: t('window.fees.referenceRequired') }]}
        >
          <Input maxLength={64} autoComplete="off" />
        </Form.Item>
      )}
    </FormModal>
  );
}

type Awaiting = CaseFees['awaiting'][number];

/** Issue a form by hand: the quantities the application did not give (平方米, 台 …). */
export function IssueFormModal({
  caseId,
  item,
  onClose,
  onIssued,
}: {
  caseId: string;
  item: Awaiting | null;
  onClose: () => void;
  onIssued: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ quantities?: Record<string, number> }>();
  return (
    <FormModal
      open={item !== null}
      title={t('window.fees.issueTitle', { name: item?.itemName ?? '' })}
      form={form}
      fields={['quantities', 'itemId']}
      onClose={onClose}
      okText={t('window.fees.issueOk')}
      onSubmit={async (v) => {
        await feesApi.issue(caseId, {
          itemId: item!.itemId,
          ...(v.quantities ? { quantities: v.quantities } : {}),
        });
        onIssued();
      }}
    >
      <Typography.Paragraph type="secondary">{t('window.fees.issueHelp')}</Typography.Paragraph>
      {item?.missingQuantities.map((m) => (
        <Form.Item
          key={m.feeCode}
          name={['quantities', m.feeCode]}
          label={t('window.fees.quantityFor', { name: m.feeName, unit: unitLabel(m.unit, i18n.language) })}
          rules={[{ required: true, message: t('apply.required') }]}
        >
          <InputNumber min={0} max={1e9} style={{ width: 200 }} />
        </Form.Item>
      ))}
    </FormModal>
  );
}

interface WaiveValues {
  feeCode: string;
  amount?: string;
  legalBasis: string;
  reason: string;
}

/** 减免: what is owed on one line, in full or in part, with its legal basis (heads and administrators). */
export function WaiverModal({
  form: fee,
  onClose,
  onDone,
}: {
  form: FeeForm | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<WaiveValues>();
  const open = (fee?.lines ?? [])
    .map((l) => ({ line: l, fen: l.chargedFen - l.waivedFen - l.paidFen }))
    .filter((x) => x.fen > 0);
  const code = Form.useWatch('feeCode', form);
  const max = open.find((x) => x.line.feeCode === code)?.fen ?? 0;
  return (
    <FormModal
      open={fee !== null}
      title={t('window.fees.waiveTitle', { no: fee?.number ?? '' })}
      form={form}
      fields={['feeCode', 'amount', 'legalBasis', 'reason']}
      onClose={onClose}
      okText={t('window.fees.waiveOk')}
      initialValues={{ feeCode: open[0]?.line.feeCode }}
      onSubmit={async (v) => {
        try {
          await feesApi.waive(fee!.id, {
            version: fee!.version,
            feeCode: v.feeCode,
            ...(v.amount?.trim() ? { amountFen: parseYuanToFen(v.amount)! } : {}),
            legalBasis: v.legalBasis,
            reason: v.reason,
          });
        } catch (e) {
          throw amountErrorsInPlace(e);
        }
        onDone();
      }}
    >
      <Form.Item
        name="feeCode"
        label={t('window.fees.line')}
        rules={[{ required: true, message: t('apply.required') }]}
      >
        <Select
          options={open.map((x) => ({
            value: x.line.feeCode,
            label: `${x.line.name}（${formatFen(x.fen, lang)}）`,
          }))}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label={t('window.fees.waiveAmount')}
        extra={t('window.fees.waiveAmountHelp')}
        dependencies={['feeCode']}
        rules={[yuanRule(t, lang, max, false, 'window.fees.waiveTooMuch')]}
      >
        <Input inputMode="decimal" autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="legalBasis"
        label={t('window.fees.legalBasis')}
        extra={t('window.fees.legalBasisHelp')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('caseAction.reason')}
        rules={[{ required: true, whitespace: true, message: t('apply.required') }]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
