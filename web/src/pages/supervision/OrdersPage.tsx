import { useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api/supervision';
import type { Order } from '../../api/supervision-types';
import { enumLabel } from '../../domain/enums';
import { formatDate, formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { useDepartments } from '../../hooks/use-departments';
import { ColourTag } from '../../components/ColourTag';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { clockLabel } from '../../domain/clock-label';
import { SubjectCell } from './SubjectCell';

const PAGE_SIZE = 20;
const STATUS_COLOUR: Record<string, string> = { open: 'red', answered: 'gold', closed: 'default' };

/** Supervision orders (督办): the department head answers, a supervisor closes. */
export default function OrdersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const depts = useDepartments();
  const query = { status, page, pageSize: PAGE_SIZE };
  const q = useApi(`orders:${JSON.stringify(query)}`, (s) => supervisionApi.orders(query, s));
  const [answering, setAnswering] = useState<Order | null>(null);
  const [closing, setClosing] = useState<Order | null>(null);
  const [answerForm] = Form.useForm<{ answer: string }>();
  const [closeForm] = Form.useForm<{ note: string }>();

  const canAnswer = (o: Order) =>
    user?.role === 'head' && user.departmentId === o.departmentId && o.status === 'open';
  // 办结 only once someone answered, or the matter itself finished: the server refuses otherwise.
  const canClose = (o: Order) =>
    user?.role === 'supervisor' && (o.status === 'answered' || (o.status === 'open' && o.matterDone));
  const lang = i18n.language;

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('orders.title')} subtitle={t('orders.subtitle')} />
      <Select
        aria-label={t('common.status')}
        allowClear
        value={status}
        placeholder={t('common.all')}
        style={{ width: 180 }}
        onChange={(v) =>
          setParams((prev) => {
            if (v) prev.set('status', v);
            else prev.delete('status');
            prev.delete('page');
            return prev;
          })
        }
        options={['open', 'answered', 'closed'].map((s) => ({
          value: s,
          label: enumLabel(t, 'recordStatus', s),
        }))}
      />
      <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('orders.none')}>
        {(p) => (
          <Table<Order>
            rowKey="id"
            size="small"
            dataSource={p.items}
            scroll={{ x: true }}
            expandable={{
              rowExpandable: (o) => Boolean(o.answer || o.closeNote),
              expandedRowRender: (o) => (
                <Flex vertical gap={4}>
                  {o.answer && (
                    <Typography.Paragraph>
                      <strong>{t('orders.answer')}：</strong>
                      {o.answer}{' '}
                      <Typography.Text type="secondary">
                        ({formatInstant(o.answeredAt, lang)})
                      </Typography.Text>
                    </Typography.Paragraph>
                  )}
                  {o.closeNote && (
                    <Typography.Paragraph>
                      <strong>{t('orders.closeNote')}：</strong>
                      {o.closeNote}{' '}
                      <Typography.Text type="secondary">({formatInstant(o.closedAt, lang)})</Typography.Text>
                    </Typography.Paragraph>
                  )}
                </Flex>
              ),
            }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: p.total,
              showSizeChanger: false,
              onChange: (n) =>
                setParams((prev) => {
                  prev.set('page', String(n));
                  return prev;
                }),
            }}
            columns={[
              {
                title: t('orders.matter'),
                render: (_, o) => (
                  <Link to={`/supervision/clocks/${o.clockId}`}>
                    {clockLabel(o.label ?? o.clockId, t, i18n.language)}
                  </Link>
                ),
              },
              {
                title: t('ux.matter'),
                render: (_, o) => <SubjectCell subject={o.subject} subjectType={o.subjectType} />,
              },
              {
                title: t('clocks.department'),
                dataIndex: 'departmentId',
                render: (d: string | null) => depts.name(d),
              },
              {
                title: t('orders.openedAt'),
                dataIndex: 'openedAt',
                render: (v: string) => formatInstant(v, lang),
              },
              {
                title: t('orders.answerDue'),
                render: (_, o) =>
                  o.answerDueDate ? (
                    <>
                      {formatDate(o.answerDueDate, lang)} <ColourTag colour={o.answerColour} />
                    </>
                  ) : (
                    '—'
                  ),
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: Order['status']) => (
                  <Tag color={STATUS_COLOUR[s]}>{enumLabel(t, 'recordStatus', s)}</Tag>
                ),
              },
              {
                title: t('common.actions'),
                render: (_, o) => (
                  <Flex gap={4}>
                    {canAnswer(o) && (
                      <Button size="small" type="primary" onClick={() => setAnswering(o)}>
                        {t('orders.answerAction')}
                      </Button>
                    )}
                    {canClose(o) && (
                      <Button size="small" onClick={() => setClosing(o)}>
                        {t('orders.closeAction')}
                      </Button>
                    )}
                  </Flex>
                ),
              },
            ]}
          />
        )}
      </Loadable>
      <FormModal<{ answer: string }>
        open={answering !== null}
        title={t('orders.answerTitle', { label: answering?.label ?? '' })}
        form={answerForm}
        fields={['answer']}
        okText={t('orders.answerAction')}
        onClose={() => setAnswering(null)}
        onSubmit={async (v) => {
          await supervisionApi.answer(answering!.id, answering!.version, v.answer.trim());
          message.success(t('orders.answered'));
          q.reload();
        }}
      >
        <Form.Item
          name="answer"
          label={t('orders.answer')}
          rules={[
            { required: true, whitespace: true, min: 2, max: 5000, message: t('orders.answerRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 4 }} />
        </Form.Item>
      </FormModal>
      <FormModal<{ note: string }>
        open={closing !== null}
        title={t('orders.closeTitle', { label: closing?.label ?? '' })}
        form={closeForm}
        fields={['note']}
        okText={t('orders.closeAction')}
        onClose={() => setClosing(null)}
        onSubmit={async (v) => {
          await supervisionApi.close(closing!.id, closing!.version, v.note.trim());
          message.success(t('orders.closed'));
          q.reload();
        }}
      >
        <Form.Item
          name="note"
          label={t('orders.closeNote')}
          rules={[{ required: true, whitespace: true, min: 2, max: 2000, message: t('orders.noteRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
      </FormModal>
    </Flex>
  );
}
