import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { feesApi, type CaseFees, type FeeForm, type PaymentOutcome } from '../../api/cases';
import { formatDate } from '../../format/date';
import { formatFen } from '../../format/money';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { CounterPaymentModal, IssueFormModal, WaiverModal } from './CounterFeeModals';
import { unitLabel } from '../../format/units';

const STATUS_COLOUR: Record<string, string> = { open: 'orange', settled: 'green', cancelled: 'default' };

/**
 * The staff side of a case's fees (统一收费窗口): what each payment form asks and what is still owed;
 * the clerk records cash or POS at the counter and prints the receipt and the form; forms waiting
 * for a quantity are issued by hand; a head or administrator waives with the legal basis.
 */
export function CounterFeesPanel({
  caseId,
  version = 0,
  hideWhenEmpty = false,
}: {
  caseId: string;
  version?: number;
  hideWhenEmpty?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user } = useAuth();
  const q = useApi(`counter-fees:${caseId}:${version}`, (s) => feesApi.ofCase(caseId, s));
  const [paying, setPaying] = useState<FeeForm | null>(null);
  const [waiving, setWaiving] = useState<FeeForm | null>(null);
  const [issuing, setIssuing] = useState<CaseFees['awaiting'][number] | null>(null);
  const [paid, setPaid] = useState<PaymentOutcome | null>(null);
  const role = user?.role;
  const canCollect = role === 'clerk';
  const canIssue = role === 'clerk' || role === 'admin' || role === 'head';
  const canWaive = (f: FeeForm) =>
    role === 'admin' || (role === 'head' && user?.departmentId === f.departmentId);
  const empty = (d: CaseFees) => d.forms.length === 0 && d.awaiting.length === 0;
  if (hideWhenEmpty && (!q.data || empty(q.data))) return null;
  const money = (fen: number) => formatFen(fen, lang);
  return (
    <Card
      size="small"
      title={<h2 className="ow-section-title">{t('window.fees.title')}</h2>}
      extra={
        // Nothing is owed before a payment form is issued: a total of ¥0.00 would say otherwise.
        q.data &&
        q.data.forms.length > 0 && (
          <Typography.Text strong data-testid="fees-outstanding">
            {t('window.fees.outstanding', { amount: money(q.data.totals.outstandingFen) })}
          </Typography.Text>
        )
      }
    >
      <Loadable state={q} rows={3} isEmpty={empty} emptyText={t('window.fees.none')}>
        {(d) => (
          <Flex vertical gap="small">
            {paid && (
              <Alert
                type="success"
                showIcon
                role="status"
                closable={{ onClose: () => setPaid(null) }}
                title={t('window.fees.paid', {
                  amount: money(paid.payment.amountFen),
                  method: t(`window.fees.channel.${paid.payment.channel}`, {
                    defaultValue: paid.payment.channel,
                  }),
                })}
                description={
                  <Flex gap="middle" wrap>
                    {paid.receipt ? (
                      <a href={feesApi.receiptPdfUrl(paid.receipt.id)} target="_blank" rel="noreferrer">
                        {t('window.fees.printReceipt', { no: paid.receipt.number })}
                      </a>
                    ) : (
                      <Typography.Text>{t('window.fees.noReceiptYet')}</Typography.Text>
                    )}
                    <a href={feesApi.formPdfUrl(paid.form.id)} target="_blank" rel="noreferrer">
                      {t('window.fees.printForm', { no: paid.form.number })}
                    </a>
                  </Flex>
                }
              />
            )}
            {d.awaiting.map((a) => (
              <Alert
                key={a.itemId}
                type="warning"
                showIcon
                title={t('window.fees.awaiting', { name: a.itemName })}
                description={
                  a.missingQuantities.length > 0
                    ? t('window.fees.awaitingQuantities', {
                        codes: a.missingQuantities
                          .map((m) =>
                            t('window.fees.quantityCode', { name: m.feeName, unit: unitLabel(m.unit, lang) }),
                          )
                          .join(lang === 'en' ? ', ' : '、'),
                      })
                    : undefined
                }
                action={
                  canIssue && (
                    <Button size="small" onClick={() => setIssuing(a)}>
                      {t('window.fees.issue')}
                    </Button>
                  )
                }
              />
            ))}
            {d.forms.length > 0 && (
              <Table<FeeForm>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={d.forms}
                scroll={{ x: true }}
                columns={[
                  {
                    title: t('window.fees.form'),
                    dataIndex: 'number',
                    render: (n: string, f) => (
                      <a
                        href={feesApi.formPdfUrl(f.id)}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={t('window.fees.printForm', { no: n })}
                      >
                        {n}
                      </a>
                    ),
                  },
                  {
                    title: t('window.fees.item'),
                    dataIndex: 'itemName',
                    render: (n: string | null, f) => (
                      <>
                        {n ?? '—'}
                        <br />
                        <Typography.Text type="secondary" className="ow-small">
                          {f.departmentName}
                        </Typography.Text>
                      </>
                    ),
                  },
                  { title: t('window.fees.charged'), dataIndex: 'chargedFen', render: money },
                  {
                    title: t('window.fees.paidCol'),
                    dataIndex: 'paidFen',
                    render: (n: number, f) => (
                      <>
                        {money(n)}
                        {f.waivedFen > 0 && (
                          <>
                            <br />
                            <Typography.Text type="secondary" className="ow-small">
                              {t('window.fees.waived')} {money(f.waivedFen)}
                            </Typography.Text>
                          </>
                        )}
                      </>
                    ),
                  },
                  {
                    title: t('window.fees.owed'),
                    dataIndex: 'outstandingFen',
                    render: (n: number) => <Typography.Text strong={n > 0}>{money(n)}</Typography.Text>,
                  },
                  {
                    title: t('window.fees.due'),
                    dataIndex: 'dueDate',
                    render: (s: string) => formatDate(s, lang, false),
                  },
                  {
                    title: t('common.status'),
                    dataIndex: 'status',
                    render: (s: string) => (
                      <Tag color={STATUS_COLOUR[s]}>{t(`window.fees.status.${s}`, { defaultValue: s })}</Tag>
                    ),
                  },
                  {
                    title: t('common.actions'),
                    render: (_: unknown, f) => (
                      <Flex gap="small" wrap align="center">
                        {canCollect && f.status === 'open' && f.outstandingFen > 0 && (
                          <Button size="small" type="primary" onClick={() => setPaying(f)}>
                            {t('window.fees.collect')}
                          </Button>
                        )}
                        {canWaive(f) && f.status === 'open' && f.outstandingFen > 0 && (
                          <Button size="small" onClick={() => setWaiving(f)}>
                            {t('window.fees.waive')}
                          </Button>
                        )}
                        {f.receipts.map((r) => (
                          <a key={r.id} href={feesApi.receiptPdfUrl(r.id)} target="_blank" rel="noreferrer">
                            {t('window.fees.receipt', { no: r.number })}
                            {r.status !== 'valid' && (
                              <>
                                {' '}
                                <Tag>
                                  {t(`window.fees.receiptStatus.${r.status}`, { defaultValue: r.status })}
                                </Tag>
                              </>
                            )}
                          </a>
                        ))}
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
          </Flex>
        )}
      </Loadable>
      <CounterPaymentModal
        form={paying}
        onClose={() => setPaying(null)}
        onPaid={(o) => {
          setPaid(o);
          q.reload();
        }}
      />
      <IssueFormModal caseId={caseId} item={issuing} onClose={() => setIssuing(null)} onIssued={q.reload} />
      <WaiverModal form={waiving} onClose={() => setWaiving(null)} onDone={q.reload} />
    </Card>
  );
}
