import { useState } from 'react';
import { Alert, Card, Col, Descriptions, Flex, List, Row, Table, Tag, Timeline, Typography } from 'antd';
import { useLocation, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionList } from '../../components/RegionList';
import { casesApi, type CaseView, type Clock } from '../../api/cases';
import { formatDate, formatInstant } from '../../format/date';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { ColourTag } from '../../components/ColourTag';
import { Explanation } from '../../components/calendar/Explanation';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { CaseActions, ExtensionDecision, TaskActions } from './CaseActions';
import { PlainColour } from '../../components/TrackSteps';
import { FeesPanel } from './FeesPanel';
import { CounterFeesPanel } from './CounterFeesPanel';
import { NotAcceptedNotice } from './NotAcceptedNotice';
import { DocumentStateTag, useDocumentsSettling } from './DocumentState';
import { CaseVisits } from '../hall/CaseVisits';
import { RecordLine, ReviewRecord } from './ReviewRecord';

/** One case for whoever may read it: applicant, window or department; the buttons follow allowedActions. */
/** A case form value as text: nested answers (e.g. fee quantities by fee code) as "key: value" pairs. */
export function formValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map(formValue).join('、');
  if (typeof v === 'object')
    return Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => `${k}: ${formValue(x)}`)
      .join('；');
  return String(v);
}

export default function CaseDetailPage() {
  const id = useParams().id ?? '';
  const q = useApi(`case:${id}`, (s) => casesApi.get(id, s));
  const [fresh, setFresh] = useState<CaseView | null>(null);
  const c = fresh && fresh.id === id ? fresh : q.data;
  useDocumentsSettling(c, () => {
    setFresh(null);
    q.reload();
  });
  return (
    <Loadable state={{ ...q, data: c }} rows={10}>
      {(d) => <CaseBody c={d} onDone={setFresh} />}
    </Loadable>
  );
}

function CaseBody({ c, onDone }: { c: CaseView; onDone: (c: CaseView) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { user } = useAuth();
  const location = useLocation();
  const justSubmitted = (location.state as { checkCode?: string } | null)?.checkCode;
  const mine = (deptId: string | undefined) => !!user?.departmentId && user.departmentId === deptId;
  const pendingExtensions = (c.records ?? []).filter(
    (r) => r.kind === 'extension_request' && r.status === 'pending',
  );
  const notice = c.supplementNotices?.[c.supplementNotices.length - 1];
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={c.title}
        subtitle={c.receiptNo ? t('caseDetail.receipt', { no: c.receiptNo }) : undefined}
        extra={
          <Flex gap={4}>
            <Tag color="blue" data-testid="case-state">
              {enumLabel(t, 'caseState', c.state)}
            </Tag>
            {c.shortfall && <Tag color="orange">{t('caseDetail.shortfall')}</Tag>}
            {c.decision && (
              // The case's decision is approved / refused (caseDecision); a task's is approve / refuse.
              <Tag color={c.decision === 'approved' ? 'green' : 'red'} data-testid="case-decision">
                {enumLabel(t, 'caseDecision', c.decision)}
              </Tag>
            )}
          </Flex>
        }
      />
      {justSubmitted && (
        <Alert
          type="success"
          showIcon
          title={t('apply.done', { no: c.receiptNo ?? '—', code: justSubmitted })}
        />
      )}
      <CaseActions c={c} onDone={onDone} />
      <NotAcceptedNotice c={c} />
      {c.state === 'awaiting_supplement' && notice && (
        <Alert
          type="warning"
          showIcon
          title={t('caseDetail.noticeTitle')}
          description={
            <>
              <ol>
                {(notice.items ?? []).map((i) => (
                  <li key={i.name}>
                    {i.name}：{i.requirement}
                  </li>
                ))}
              </ol>
              {notice.reason && <div>{t('noticeForm.reasonLine', { text: notice.reason })}</div>}
            </>
          }
        />
      )}
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={<h2 className="ow-section-title">{t('caseDetail.overview')}</h2>}>
            <Descriptions
              size="small"
              column={1}
              items={[
                ...(c.applicant
                  ? [
                      {
                        key: 'who',
                        label: t('track.applicant'),
                        children: `${c.applicant.name} ${c.applicant.id}`,
                      },
                    ]
                  : []),
                ...(c.checkCode
                  ? [
                      {
                        key: 'code',
                        label: t('track.code'),
                        children: <span data-testid="check-code">{c.checkCode}</span>,
                      },
                    ]
                  : []),
                {
                  key: 'channel',
                  label: t('caseDetail.channel'),
                  children: enumLabel(t, 'channel', c.channel),
                },
                ...(c.submittedAt
                  ? [
                      {
                        key: 'sub',
                        label: t('caseDetail.submittedAt'),
                        children: formatInstant(c.submittedAt, lang),
                      },
                    ]
                  : []),
                ...(c.acceptanceDate
                  ? [{ key: 'acc', label: t('track.accepted'), children: formatDate(c.acceptanceDate, lang) }]
                  : []),
                {
                  key: 'days',
                  label: t('bundle.days'),
                  children: t('bundle.daysValue', { count: c.committedDays }),
                },
                ...(c.latestHash
                  ? [
                      {
                        key: 'hash',
                        label: user?.role === 'applicant' ? t('ux.track.recordLabel') : t('caseDetail.hash'),
                        children:
                          user?.role === 'applicant' ? (
                            <details className="ow-small">
                              <summary>{t('ux.track.recordKept')}</summary>
                              <code style={{ wordBreak: 'break-all' }}>{c.latestHash}</code>
                            </details>
                          ) : (
                            <Typography.Text code className="ow-small" style={{ wordBreak: 'break-all' }}>
                              {c.latestHash}
                            </Typography.Text>
                          ),
                      },
                    ]
                  : []),
              ]}
            />
            {c.form && Object.keys(c.form).length > 0 && (
              <Descriptions
                size="small"
                column={1}
                style={{ marginTop: 16 }}
                title={t('apply.formTitle')}
                items={Object.entries(c.form).map(([k, v]) => ({
                  key: k,
                  label: t(`apply.${k}`, { defaultValue: k }),
                  children: formValue(v),
                }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={<h2 className="ow-section-title">{t('caseDetail.clocks')}</h2>}>
            <Flex vertical gap="small">
              {(
                [
                  ['acceptance', c.clocks.acceptance],
                  ['case', c.clocks.case],
                  ['delivery', c.clocks.delivery],
                ] as const
              ).map(([k, clock]) => clock && <ClockView key={k} kind={k} clock={clock} />)}
              {!c.clocks.acceptance && !c.clocks.case && (
                <Typography.Text type="secondary">{t('caseDetail.noClock')}</Typography.Text>
              )}
            </Flex>
          </Card>
        </Col>
      </Row>
      <CaseVisits caseId={c.id} />
      {c.tasks.length > 0 && (
        <Card size="small" title={<h2 className="ow-section-title">{t('caseDetail.tasks')}</h2>}>
          <RegionList
            size="small"
            label={t('caseDetail.tasks')}
            dataSource={c.tasks}
            rowKey={(task) => task.id}
            renderItem={(task) => (
              <List.Item>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Flex wrap gap={6} align="center">
                    <Typography.Text strong>{task.department?.name}</Typography.Text>
                    <Typography.Text>{c.items.find((i) => i.itemId === task.itemId)?.name}</Typography.Text>
                    <Tag>{enumLabel(t, 'taskState', task.state)}</Tag>
                    {task.decision && (
                      <Tag color={task.decision === 'approve' ? 'green' : 'red'}>
                        {enumLabel(t, 'decision', task.decision)}
                      </Tag>
                    )}
                    {task.clock && (
                      <>
                        <Typography.Text type="secondary" className="ow-small">
                          {t('track.due')} {formatDate(task.clock.dueDate, lang)}
                        </Typography.Text>
                        {user?.role === 'applicant' ? (
                          <PlainColour colour={task.clock.colour} />
                        ) : (
                          <ColourTag colour={task.clock.colour} />
                        )}
                      </>
                    )}
                  </Flex>
                  {task.decision && (task.reasons.length > 0 || task.decidedByName) && (
                    <Typography.Text type="secondary">
                      {[task.decidedByName, formatInstant(task.decidedAt, lang)].filter(Boolean).join(' · ')}
                      {task.reasons.length > 0 &&
                        ` · ${t('reviewRecord.decisionReasons', { text: task.reasons.join('；') })}`}
                    </Typography.Text>
                  )}
                  <ReviewRecord records={(c.records ?? []).filter((r) => r.taskId === task.id)} />
                  {mine(task.department?.id) && task.state !== 'decided' && (
                    <TaskActions c={c} task={task} onDone={onDone} />
                  )}
                  {user?.role === 'head' &&
                    pendingExtensions
                      .filter((r) => r.taskId === task.id)
                      .map((r) => (
                        <Flex key={r.id} gap="small" align="center" wrap>
                          <Typography.Text>
                            {t('review.pendingExtension', { days: String(r.data?.days ?? '') })}{' '}
                            {t('reviewRecord.reason', { text: r.text })}
                          </Typography.Text>
                          {mine(task.department?.id) && (
                            <ExtensionDecision
                              c={c}
                              recordId={r.id}
                              task={task}
                              days={Number(r.data?.days ?? 0)}
                              reason={r.text}
                              onDone={onDone}
                            />
                          )}
                        </Flex>
                      ))}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card size="small" title={<h2 className="ow-section-title">{t('caseDetail.materials')}</h2>}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.materials}
          scroll={{ x: true }}
          columns={[
            { title: t('caseDetail.material'), dataIndex: 'name' },
            {
              title: t('common.status'),
              dataIndex: 'status',
              render: (s: string, m) => (
                <>
                  {!m.required && s === 'missing'
                    ? t('caseText.optionalNotGiven')
                    : enumLabel(t, 'materialStatus', s)}
                  {m.deferredUntil ? ` (${formatDate(m.deferredUntil, lang, false)})` : ''}
                </>
              ),
            },
            {
              title: t('caseDetail.file'),
              dataIndex: 'fileId',
              render: (f: string | null, m) =>
                f ? (
                  <a
                    href={casesApi.fileUrl(f)}
                    target="_blank"
                    rel="noreferrer"
                    aria-label={t('caseDetail.openFile', { name: m.name })}
                  >
                    {t('caseDetail.open')}
                  </a>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </Card>
      {user?.role === 'applicant' && c.state !== 'draft' && <FeesPanel caseId={c.id} version={c.version} />}
      {user && user.role !== 'applicant' && c.state !== 'draft' && (
        <CounterFeesPanel caseId={c.id} version={c.version} hideWhenEmpty />
      )}
      {c.documents.length > 0 && (
        <Card size="small" title={<h2 className="ow-section-title">{t('track.documents')}</h2>}>
          <RegionList
            size="small"
            label={t('track.documents')}
            dataSource={c.documents}
            renderItem={(d) => (
              <List.Item>
                <a href={casesApi.documentUrl(c.id, d.id)} target="_blank" rel="noreferrer">
                  {enumLabel(t, 'documentKind', d.kind)} {d.number}
                </a>
                <DocumentStateTag d={d} />
                {d.issuedAt && (
                  <Typography.Text type="secondary" className="ow-small">
                    {formatInstant(d.issuedAt, lang)}
                  </Typography.Text>
                )}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Card
        size="small"
        title={<h2 className="ow-section-title">{t('caseDetail.history')}</h2>}
        extra={
          <a
            href={`/api/v1/cases/${encodeURIComponent(c.id)}/history`}
            download
            data-testid="history-download"
          >
            {t('track.downloadHistory')}
          </a>
        }
      >
        <Timeline
          items={c.history.map((h) => ({
            key: h.seq,
            content: (
              <>
                {formatInstant(h.at, lang)} · {t(`caseEvent.${h.kind}`, { defaultValue: h.kind })}
                {h.actorRole ? ` · ${enumLabel(t, 'role', h.actorRole)}` : ''}
                {/* The event that wrote a record shows it; a decision on it is told by the record itself. */}
                {h.kind !== 'approve_extension' && (
                  <RecordLine record={(c.records ?? []).find((r) => r.id === h.data?.recordId)} />
                )}
              </>
            ),
          }))}
        />
      </Card>
    </Flex>
  );
}

/** The server names a clock in Chinese (with the item and receipt number); in English it is named by its kind. */
function ClockView({ kind, clock }: { kind: 'acceptance' | 'case' | 'delivery'; clock: Clock }) {
  const { t, i18n } = useTranslation();
  // An applicant reads plain words (按时办理中, 已完成), not the supervision's 绿灯 and 计时中.
  const citizen = useAuth().user?.role === 'applicant';
  return (
    <Flex vertical gap={2}>
      <Flex wrap gap={6} align="center">
        <Typography.Text strong>
          {i18n.language === 'en' ? t(`caseDetail.clockKind.${kind}`) : clock.label}
        </Typography.Text>
        {citizen ? (
          clock.status === 'stopped' ? (
            <Tag>{t('ux.track.clockDone')}</Tag>
          ) : (
            <PlainColour colour={clock.colour} />
          )
        ) : (
          <>
            <Tag>{enumLabel(t, 'recordStatus', clock.status)}</Tag>
            <ColourTag colour={clock.colour} />
          </>
        )}
      </Flex>
      <Typography.Text>
        {t('track.due')} {formatDate(clock.dueDate, i18n.language)}
      </Typography.Text>
      {clock.explanation && clock.explanation.length > 0 && <Explanation reasons={clock.explanation} />}
    </Flex>
  );
}
