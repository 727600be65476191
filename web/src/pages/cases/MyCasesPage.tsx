import { Badge, Button, Card, Flex, Grid, List, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionList } from '../../components/RegionList';
import { casesApi, type CaseSummary } from '../../api/cases';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { ColourTag } from '../../components/ColourTag';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ButtonLink } from '../../components/ButtonLink';

/** Cases as rows; `deadlines` adds each one's running deadline and colour (the window's queue). */
export function CaseTable({ items, deadlines = false }: { items: CaseSummary[]; deadlines?: boolean }) {
  const { t, i18n } = useTranslation();
  const screens = Grid.useBreakpoint();
  // On a phone a table squeezes its columns to a character a line: one block per case instead.
  if (screens.sm === false) return <CaseCards items={items} deadlines={deadlines} />;
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      scroll={{ x: true }}
      columns={[
        {
          title: t('caseDetail.receiptNo'),
          dataIndex: 'receiptNo',
          render: (no: string | null, r) => <Link to={`/cases/${r.id}`}>{no ?? t('caseDetail.draft')}</Link>,
        },
        {
          title: t('caseDetail.title'),
          dataIndex: 'title',
          render: (title: string, r) => (
            <Link to={`/cases/${r.id}`} aria-label={`${title} ${r.receiptNo ?? ''}`}>
              {title}
            </Link>
          ),
        },
        { title: t('track.applicant'), dataIndex: 'applicantName' },
        {
          title: t('common.status'),
          dataIndex: 'state',
          render: (s: string) => <Tag>{enumLabel(t, 'caseState', s)}</Tag>,
        },
        {
          title: t('caseDetail.submittedAt'),
          dataIndex: 'submittedAt',
          render: (at: string | null) => (at ? formatInstant(at, i18n.language) : '—'),
        },
        ...(deadlines
          ? [
              {
                title: t('track.due'),
                key: 'due',
                render: (_: unknown, r: CaseSummary) =>
                  r.dueDate ? (
                    <Flex gap={4} wrap align="center">
                      {formatDate(r.dueDate, i18n.language, false)}
                      <ColourTag colour={r.colour} />
                    </Flex>
                  ) : (
                    '—'
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}

function CaseCards({ items, deadlines }: { items: CaseSummary[]; deadlines: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <RegionList
      size="small"
      label={t('myCases.cases')}
      dataSource={items}
      rowKey={(r) => r.id}
      renderItem={(r) => (
        <List.Item>
          <Flex vertical gap={2} style={{ width: '100%' }}>
            <Link to={`/cases/${r.id}`}>
              <Typography.Text strong>{r.title}</Typography.Text>
            </Link>
            <Flex gap={6} wrap align="center">
              <span className="ow-mono">{r.receiptNo}</span>
              <Tag>{enumLabel(t, 'caseState', r.state)}</Tag>
              {deadlines && <ColourTag colour={r.colour} />}
            </Flex>
            <Typography.Text type="secondary" className="ow-small">
              {r.applicantName}
              {r.submittedAt && ` · ${formatInstant(r.submittedAt, i18n.language)}`}
              {deadlines &&
                r.dueDate &&
                ` · ${t('track.due')} ${formatDate(r.dueDate, i18n.language, false)}`}
            </Typography.Text>
          </Flex>
        </List.Item>
      )}
    />
  );
}

/** The applicant's own cases and inbox (消息). */
export default function MyCasesPage() {
  const { t, i18n } = useTranslation();
  const cases = useApi('my-cases', (s) => casesApi.list({}, s));
  const inbox = useApi(`inbox:${i18n.language}`, (s) => casesApi.inbox(s));
  const read = async (id: string) => {
    await casesApi.readMessage(id);
    inbox.reload();
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('myCases.title')}
        extra={<ButtonLink to="/bundles">{t('myCases.newApplication')}</ButtonLink>}
      />
      <Card size="small" title={<h2 className="ow-section-title">{t('myCases.cases')}</h2>}>
        <Loadable state={cases} isEmpty={(d) => d.items.length === 0} emptyText={t('myCases.none')}>
          {(d) => <CaseTable items={d.items} />}
        </Loadable>
      </Card>
      <Card
        size="small"
        title={
          <h2 className="ow-section-title">
            <Badge count={inbox.data?.unread ?? 0} offset={[12, 0]}>
              {t('myCases.inbox')}
            </Badge>
          </h2>
        }
      >
        <Loadable state={inbox} isEmpty={(d) => d.items.length === 0} emptyText={t('myCases.noMessages')}>
          {(d) => (
            <RegionList
              size="small"
              label={t('myCases.inbox')}
              dataSource={d.items}
              renderItem={(m) => (
                <List.Item
                  actions={
                    m.readAt
                      ? []
                      : [
                          <Button key="read" size="small" type="link" onClick={() => read(m.id)}>
                            {t('myCases.markRead')}
                          </Button>,
                        ]
                  }
                >
                  <Flex vertical gap={2}>
                    <Flex gap={6} align="center">
                      {!m.readAt && <Badge status="processing" />}
                      {m.subjectType === 'case' && m.subjectId ? (
                        <Link to={`/cases/${m.subjectId}`}>
                          <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                        </Link>
                      ) : (
                        <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                      )}
                    </Flex>
                    <Typography.Text type="secondary" className="ow-small">
                      {formatInstant(m.createdAt, i18n.language)} · {m.body}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
