import { Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Tracking } from '../api/services';
import { formatDate, formatInstant } from '../format/date';
import { Explanation } from './calendar/Explanation';
import { PlainColour, TrackSteps } from './TrackSteps';
import { Link } from 'react-router';
import { enumLabel } from '../domain/enums';
import { formatFen } from '../format/money';

/** What a person learns from tracking: where the case stands, who has it, when it is due and why. */
export function TrackResult({ tracking: r, historyUrl }: { tracking: Tracking; historyUrl?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const stage = r.stage ? (lang === 'en' ? r.stage.en : r.stage.zh) : r.state;
  return (
    <Card
      size="small"
      data-testid="track-result"
      title={<h2 className="ow-section-title">{r.title}</h2>}
      extra={
        <Flex gap={4}>
          <Tag color="blue">{stage}</Tag>
          <PlainColour colour={r.colour ?? null} />
        </Flex>
      }
    >
      <Flex vertical gap="middle">
        <TrackSteps state={r.state} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'no', label: t('track.receiptNo'), children: r.receiptNo },
            ...(r.applicant
              ? [
                  {
                    key: 'who',
                    label: t('track.applicant'),
                    children: `${r.applicant.name} ${r.applicant.id}`,
                  },
                ]
              : []),
            ...(r.leadDepartment
              ? [{ key: 'dept', label: t('track.leadDepartment'), children: r.leadDepartment.name }]
              : []),
            ...(r.place || r.window
              ? [
                  {
                    key: 'place',
                    label: t('guide.place'),
                    children: [r.place, r.window].filter(Boolean).join(' '),
                  },
                ]
              : []),
            ...(r.acceptanceDate
              ? [{ key: 'acc', label: t('track.accepted'), children: formatDate(r.acceptanceDate, lang) }]
              : []),
            ...(!r.deadline && (r.state === 'received' || r.state === 'awaiting_supplement')
              ? [
                  {
                    key: 'promise',
                    label: t('ux.track.promise'),
                    children: t('ux.track.promiseBeforeAcceptance'),
                  },
                ]
              : []),
            ...(r.deadline
              ? [
                  {
                    key: 'due',
                    label: t('track.due'),
                    children: (
                      <>
                        {formatDate(r.deadline.dueDate, lang)}
                        {r.deadline.provisional && (
                          <Tag color="orange" style={{ marginLeft: 4 }}>
                            {t('clocks.provisional')}
                          </Tag>
                        )}
                      </>
                    ),
                  },
                ]
              : []),
            ...(r.leadDepartment
              ? [
                  {
                    key: 'phone',
                    label: t('guide.complaintPhone'),
                    children: r.leadDepartment.complaintPhone,
                  },
                ]
              : []),
          ]}
        />
        {r.deadline?.explanation && r.deadline.explanation.length > 0 && (
          <Explanation reasons={r.deadline.explanation} />
        )}
        {r.result && (
          <Flex wrap gap={6} align="center">
            <Typography.Text strong>{t('track.result')}</Typography.Text>
            <Tag color={r.result.decision === 'approved' ? 'green' : 'red'}>
              {enumLabel(t, 'caseDecision', r.result.decision)}
            </Tag>
            {r.result.completedAt && (
              <Typography.Text>
                {t('track.completedAt', { at: formatInstant(r.result.completedAt, lang) })}
              </Typography.Text>
            )}
            {r.state === 'completed' && (
              <Link to={`/rate/${encodeURIComponent(r.receiptNo)}`}>{t('ux.track.rate')}</Link>
            )}
          </Flex>
        )}
        {r.departments && r.departments.length > 0 && (
          <div>
            <Typography.Text strong>{t('track.progress')}</Typography.Text>
            <Timeline
              style={{ marginTop: 8 }}
              aria-label={t('track.progress')}
              items={r.departments.map((d, i) => ({
                key: `${d.department}-${i}`,
                color: d.decision === 'approve' ? 'green' : d.decision === 'refuse' ? 'red' : 'blue',
                content: (
                  <>
                    {d.department ?? '—'} · {enumLabel(t, 'taskState', d.state)}
                    {d.decision ? ` · ${enumLabel(t, 'decision', d.decision)}` : ''}
                    {d.dueDate ? ` · ${t('track.due')} ${formatDate(d.dueDate, lang, false)}` : ''}
                  </>
                ),
              }))}
            />
          </div>
        )}
        {r.documents && r.documents.length > 0 && (
          <div>
            <Typography.Text strong>{t('track.documents')}</Typography.Text>
            <ul>
              {r.documents.map((d) => (
                <li key={d.number}>
                  {enumLabel(t, 'documentKind', d.kind)} {d.number} · {formatInstant(d.issuedAt, lang)}
                </li>
              ))}
            </ul>
          </div>
        )}
        {r.fees && (
          <div data-testid="track-fees">
            <Typography.Text strong>{t('track.fees')}</Typography.Text>
            <div className="ow-small">
              {t('track.feesTotals', {
                charged: formatFen(r.fees.chargedFen, lang),
                paid: formatFen(r.fees.paidFen, lang),
                owed: formatFen(r.fees.outstandingFen, lang),
              })}
            </div>
            <ul>
              {r.fees.forms.map((f) => (
                <li key={f.number}>
                  {t('caseFees.form')} {f.number}
                  {f.item ? ` · ${f.item}` : ''} · {formatFen(f.chargedFen, lang)}{' '}
                  <Tag color={f.status === 'settled' ? 'green' : f.status === 'open' ? 'orange' : 'default'}>
                    {t(`caseFees.status.${f.status}`, { defaultValue: f.status })}
                  </Tag>
                  {f.status === 'open' && (
                    <>
                      {t('caseFees.owed')} {formatFen(f.outstandingFen, lang)} · {t('caseFees.due')}{' '}
                      {formatDate(f.dueDate, lang, false)}
                    </>
                  )}
                  {f.refundedFen > 0 && (
                    <> · {t('track.refunded', { amount: formatFen(f.refundedFen, lang) })}</>
                  )}
                </li>
              ))}
            </ul>
            {r.fees.formCount > r.fees.forms.length && (
              <Typography.Text type="secondary" className="ow-small">
                {t('track.formsShown', { shown: r.fees.forms.length, count: r.fees.formCount })}
              </Typography.Text>
            )}
          </div>
        )}
        {r.latestHash && (
          // The chain hash proves later what was shown; a citizen reads what it is for, the digits on request.
          <details className="ow-small">
            <summary>{t('ux.track.recordKept')}</summary>
            <code style={{ wordBreak: 'break-all' }}>{r.latestHash}</code>
          </details>
        )}
        {historyUrl && (
          <Typography.Text className="ow-small">
            <a href={historyUrl} download data-testid="history-download">
              {t('track.downloadHistory')}
            </a>{' '}
            <Typography.Text type="secondary">{t('track.downloadHistoryHint')}</Typography.Text>
          </Typography.Text>
        )}
        {r.checkedAt && (
          <Typography.Text type="secondary" className="ow-small">
            {t('track.checkedAt', { at: formatInstant(r.checkedAt, lang) })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
