import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases';
import { formatDate, formatInstant } from '../../format/date';

type Rec = CaseView['records'][number];

/**
 * The written review record of one task, as the staff entitled to it read it (the server sends it
 * only to them): who wrote what, for which department, when; an extension with its reason and the
 * head's decision; a site verification with its staff and day.
 */
export function ReviewRecord({ records }: { records: Rec[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return null;
  return (
    <section aria-label={t('reviewRecord.title')}>
      <Typography.Text type="secondary" className="ow-small">
        {t('reviewRecord.title')}
      </Typography.Text>
      <ol className="ow-review-record" style={{ margin: 0, paddingInlineStart: 20 }}>
        {records.map((r) => (
          <li key={r.id}>
            <RecordEntry r={r} />
          </li>
        ))}
      </ol>
    </section>
  );
}

function RecordEntry({ r }: { r: Rec }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const byline = [r.department?.name, r.authorName, formatInstant(r.createdAt, lang)]
    .filter(Boolean)
    .join(' · ');
  const staffNames = Array.isArray(r.data.staff)
    ? (r.data.staff as { name?: unknown }[]).map((s) => str(s.name)).join('、')
    : '';
  return (
    <Flex vertical gap={2}>
      <Flex wrap gap={6} align="center">
        <Typography.Text strong>{t(`reviewRecord.kind.${r.kind}`, { defaultValue: r.kind })}</Typography.Text>
        {r.kind === 'extension_request' && (
          <>
            <span>{t('reviewRecord.days', { count: Number(r.data.days ?? 0) })}</span>
            <Tag>{t(`reviewRecord.status.${r.status}`, { defaultValue: r.status })}</Tag>
          </>
        )}
        {r.kind === 'special_procedure' && <span>{str(r.data.procedure)}</span>}
        <Typography.Text type="secondary" className="ow-small">
          {byline}
        </Typography.Text>
      </Flex>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
        {r.kind === 'extension_request' || r.kind === 'special_procedure'
          ? t('reviewRecord.reason', { text: r.text })
          : r.text}
      </Typography.Paragraph>
      {r.kind === 'site_verification' && (
        <Typography.Text type="secondary">
          {t('reviewRecord.site', { date: formatDate(str(r.data.date), lang), staff: staffNames })}
        </Typography.Text>
      )}
      {r.kind === 'special_procedure' && r.data.outcome !== undefined && (
        <Typography.Text>{t('reviewRecord.outcome', { text: str(r.data.outcome) })}</Typography.Text>
      )}
      {r.kind === 'extension_request' && r.deciderName && (
        <Typography.Text>
          {t('reviewRecord.decidedBy', { name: r.deciderName })}
          {str(r.data.note) && ` ${t('reviewRecord.note', { text: str(r.data.note) })}`}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** A history entry's record in one line (department, person, text), for staff who receive the record. */
export function RecordLine({ record }: { record: Rec | undefined }) {
  if (!record) return null;
  const who = [record.department?.name, record.authorName].filter(Boolean).join(' ');
  return (
    <Typography.Text type="secondary">
      {' · '}
      {who ? `${who}：` : ''}
      {record.text}
    </Typography.Text>
  );
}
