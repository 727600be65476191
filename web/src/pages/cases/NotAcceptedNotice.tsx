import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { casesApi, type CaseView } from '../../api/cases';

interface Refusal {
  reasons: string[];
  competentAgency: string | null;
}

/** The reasons and the competent agency, from the case's refuse_intake event (its data is what the window wrote). */
function refusalOf(c: CaseView): Refusal | null {
  const event = [...c.history].reverse().find((h) => h.kind === 'refuse_intake') as
    { data?: { reasons?: unknown; competentAgency?: unknown } } | undefined;
  if (!event) return null;
  const reasons = Array.isArray(event.data?.reasons)
    ? event.data.reasons.filter((r): r is string => typeof r === 'string')
    : [];
  const agency =
    typeof event.data?.competentAgency === 'string' && event.data.competentAgency.trim()
      ? event.data.competentAgency
      : null;
  return { reasons, competentAgency: agency };
}

/**
 * 不予受理 as the applicant reads it (行政许可法第三十二条): why, where to apply instead when the
 * matter belongs to another agency, the right to reconsideration and to sue, and the written notice.
 */
export function NotAcceptedNotice({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  if (c.state !== 'not_accepted') return null;
  const refusal = refusalOf(c);
  const notice = c.documents.find((d) => d.kind === 'non_acceptance_notice');
  return (
    <section aria-label={t('notAccepted.title')}>
      <Alert
        type="error"
        showIcon
        title={t('notAccepted.title')}
        description={
          <Flex vertical gap={6}>
            {refusal && refusal.reasons.length > 0 && (
              <div>
                <Typography.Text strong>{t('notAccepted.reasons')}</Typography.Text>
                <ol aria-label={t('notAccepted.reasons')} style={{ margin: '4px 0 0' }}>
                  {refusal.reasons.map((r, i) => (
                    <li key={i}>{r}</li>
                  ))}
                </ol>
              </div>
            )}
            {refusal?.competentAgency && (
              <Typography.Text data-testid="competent-agency">
                {t('notAccepted.agency', { agency: refusal.competentAgency })}
              </Typography.Text>
            )}
            <Typography.Text>{t('notAccepted.rights')}</Typography.Text>
            {notice && (
              <a href={casesApi.documentUrl(c.id, notice.id)} target="_blank" rel="noreferrer">
                {t('notAccepted.notice', { no: notice.number })}
              </a>
            )}
          </Flex>
        }
      />
    </section>
  );
}
