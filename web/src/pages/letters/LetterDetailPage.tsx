import { useState } from 'react';
import { Alert, Card, Descriptions, Flex, Tag, Timeline, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lettersApi, type LetterView } from '../../api/letters';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { ColourTag } from '../../components/ColourTag';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { LetterActions } from './LetterActions';

/** One letter: who wrote and about what, its department and deadline, the reply, and what may be done now. */
export default function LetterDetailPage() {
  const { id = '' } = useParams();
  const q = useApi(`letter:${id}`, (s) => lettersApi.get(id, s));
  return <Loadable state={q}>{(l) => <LetterDetail key={l.id} initial={l} />}</Loadable>;
}

function LetterDetail({ initial }: { initial: LetterView }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [l, setL] = useState(initial);
  const dash = (v: string | null | undefined) => v || '—';
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={`${l.number} ${l.subject}`}
        subtitle={
          <>
            <Tag>{enumLabel(t, 'letterKind', l.kind)}</Tag>
            <Tag color="blue">{enumLabel(t, 'letterState', l.state)}</Tag>
            {l.overdue && <Tag color="red">{t('letters.overdue')}</Tag>}
          </>
        }
      />
      <LetterActions letter={l} onChanged={setL} />
      {l.extensionRequest && (
        <Alert
          type="warning"
          showIcon
          title={t('letters.extensionRequest', {
            days: l.extensionRequest.days,
            reason: l.extensionRequest.reason,
          })}
        />
      )}
      <Card size="small" title={t('letters.sender')}>
        {l.senderMasked && (
          <Typography.Paragraph type="secondary">{t('letters.masked')}</Typography.Paragraph>
        )}
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'n', label: t('letters.senderName'), children: l.senderName },
            { key: 'o', label: t('letters.senderOrganization'), children: dash(l.senderOrganization) },
            { key: 'i', label: t('letters.senderIdNumber'), children: dash(l.senderIdNumber) },
            { key: 'p', label: t('letters.senderPhone'), children: dash(l.senderPhone) },
            { key: 'a', label: t('letters.senderAddress'), children: dash(l.senderAddress) },
            { key: 'r', label: t('letters.receivedDate'), children: formatDate(l.receivedDate, lang) },
            { key: 's', label: t('letters.summary'), children: dash(l.summary), span: 2 },
            {
              key: 'f',
              label: t('letters.original'),
              children: l.original ? (
                <a href={lettersApi.originalUrl(l.id)}>{l.original.name}</a>
              ) : l.hasOriginal ? (
                t('letters.originalHidden')
              ) : (
                t('letters.noOriginal')
              ),
            },
          ]}
        />
      </Card>
      <Card size="small" title={t('letters.handling')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'd', label: t('letters.department'), children: dash(l.departmentName) },
            { key: 'l', label: t('letters.limitDays'), children: l.limitDays ?? '—' },
            {
              key: 'due',
              label: t('letters.dueDate'),
              children: l.dueDate ? (
                <>
                  {formatDate(l.dueDate, lang)} {l.state !== 'answered' && <ColourTag colour={l.colour} />}
                </>
              ) : (
                '—'
              ),
            },
            {
              key: 'rem',
              label: t('letters.remaining'),
              children: l.clock?.remainingWorkingDays ?? '—',
            },
            { key: 'reg', label: t('letters.registeredAt'), children: formatInstant(l.registeredAt, lang) },
            { key: 'as', label: t('letters.assignedAt'), children: formatInstant(l.assignedAt, lang) || '—' },
          ]}
        />
      </Card>
      {l.clock?.history && l.clock.history.length > 0 && (
        <Card size="small" title={t('letters.clockHistory')}>
          <Timeline
            items={l.clock.history.map((h) => ({
              key: h.seq,
              content: `${formatInstant(h.at, lang)} ${enumLabel(t, 'clockEvent', h.kind)}${
                typeof h.data.dueDate === 'string' ? ` → ${formatDate(h.data.dueDate, lang, false)}` : ''
              }`,
            }))}
          />
        </Card>
      )}
      {l.reply && (
        <Card
          size="small"
          title={t('letters.reply')}
          extra={
            <a href={lettersApi.replyUrl(l.id)} target="_blank" rel="noreferrer">
              {t('letters.replyPdf', { number: l.reply.number })}
            </a>
          }
        >
          <Typography.Paragraph type="secondary">
            {formatInstant(l.reply.repliedAt, lang)}
          </Typography.Paragraph>
          {l.reply.text.split('\n').map((p, i) => (
            <Typography.Paragraph key={i}>{p}</Typography.Paragraph>
          ))}
        </Card>
      )}
    </Flex>
  );
}
