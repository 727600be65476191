import { useLayoutEffect } from 'react';
import { Card, Flex, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { http } from '../../api/http';
import { formatFen } from '../../format/money';
import { formatDate } from '../../format/date';
import { useApi } from '../../hooks/use-api';

interface FeeForm {
  id: string;
  number: string;
  itemName: string | null;
  status: string;
  chargedFen: number;
  outstandingFen: number;
  dueDate: string;
  checkoutUrl: string | null;
  receipts: { id: string; number: string; amountFen: number }[];
}
interface CaseFees {
  forms: FeeForm[];
  totals: { chargedFen: number; paidFen: number; outstandingFen: number };
}

/** The gateway's page in the language the applicant reads this one in (the simulated gateway takes lang=en). */
function checkoutIn(url: string, lang: string): string {
  if (!lang.startsWith('en')) return url;
  const u = new URL(url, window.location.href);
  u.searchParams.set('lang', 'en');
  return u.toString();
}

const STATUS_COLOUR: Record<string, string> = { open: 'orange', settled: 'green', cancelled: 'default' };

/**
 * The case's payment forms (缴款书): PDF, pay online (the gateway's checkout, which links back), receipts.
 * Hidden when nothing is charged. While something is owed it reloads when the applicant comes back to
 * this tab, so the receipt shows once the gateway has confirmed the payment.
 */
export function FeesPanel({ caseId, version }: { caseId: string; version: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const q = useApi(`case-fees:${caseId}:${version}`, (s) =>
    http.get<CaseFees>(`/cases/${encodeURIComponent(caseId)}/fees`, undefined, s),
  );
  const owed = (q.data?.totals.outstandingFen ?? 0) > 0;
  const { reload } = q;
  // A layout effect: the listener goes in the same commit that shows the form settled, so a return
  // to the tab right after cannot ask again (a passive effect may run a moment later).
  useLayoutEffect(() => {
    if (!owed) return;
    const back = () => {
      if (document.visibilityState === 'visible') reload();
    };
    window.addEventListener('focus', back);
    document.addEventListener('visibilitychange', back);
    return () => {
      window.removeEventListener('focus', back);
      document.removeEventListener('visibilitychange', back);
    };
  }, [owed, reload]);
  if (!q.data || q.data.forms.length === 0) return null;
  const d = q.data;
  return (
    <Card
      size="small"
      role="region"
      aria-label={t('caseFees.title')}
      title={<h2 className="ow-section-title">{t('caseFees.title')}</h2>}
      extra={
        <Typography.Text data-testid="fees-outstanding">
          {t('caseFees.outstanding', { amount: formatFen(d.totals.outstandingFen, lang) })}
        </Typography.Text>
      }
    >
      <Table<FeeForm>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.forms}
        scroll={{ x: true }}
        columns={[
          {
            title: t('caseFees.form'),
            dataIndex: 'number',
            render: (n: string, f) => (
              <a
                href={`/api/v1/fee-forms/${encodeURIComponent(f.id)}/pdf`}
                target="_blank"
                rel="noreferrer"
                aria-label={t('caseFees.formPdf', { no: n })}
              >
                {n}
              </a>
            ),
          },
          { title: t('caseDetail.title'), dataIndex: 'itemName' },
          {
            title: t('caseFees.charged'),
            dataIndex: 'chargedFen',
            render: (n: number) => formatFen(n, lang),
          },
          {
            title: t('caseFees.owed'),
            dataIndex: 'outstandingFen',
            render: (n: number) => formatFen(n, lang),
          },
          {
            title: t('caseFees.due'),
            dataIndex: 'dueDate',
            render: (s: string) => formatDate(s, lang, false),
          },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag color={STATUS_COLOUR[s]}>{t(`caseFees.status.${s}`, { defaultValue: s })}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_: unknown, f) => (
              <Flex gap="small" wrap>
                {f.outstandingFen > 0 && f.checkoutUrl && (
                  // The same tab: the checkout page links back to this case.
                  <a href={checkoutIn(f.checkoutUrl, lang)}>{t('caseFees.pay')}</a>
                )}
                {f.receipts.map((r) => (
                  <a
                    key={r.id}
                    href={`/api/v1/fee-receipts/${encodeURIComponent(r.id)}/pdf`}
                    target="_blank"
                    rel="noreferrer"
                  >
                    {t('caseFees.receipt', { no: r.number })}
                  </a>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Card>
  );
}
