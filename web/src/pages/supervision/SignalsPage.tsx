import { Flex, Select, Table, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api/supervision';
import type { Signal } from '../../api/supervision-types';
import { enumLabel, enumOptions } from '../../domain/enums';
import { formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { SubjectCell } from './SubjectCell';

const PAGE_SIZE = 20;

/** Supervision signals from every module in one list (overdue, refusals without reasons, fees outside the catalogue …). */
export default function SignalsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = params.get('kind') ?? undefined;
  const status = params.get('status') ?? 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const depts = useDepartments();
  const query = { kind, status: status === 'all' ? undefined : status, page, pageSize: PAGE_SIZE };
  const q = useApi(`signals:${JSON.stringify(query)}`, (s) => supervisionApi.signals(query, s));
  const set = (k: string, v: string | undefined) =>
    setParams((prev) => {
      if (v) prev.set(k, v);
      else prev.delete(k);
      if (k !== 'page') prev.delete('page');
      return prev;
    });

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('signals.title')} subtitle={t('signals.subtitle')} />
      <Flex wrap gap="middle">
        <Select
          aria-label={t('signals.kind')}
          allowClear
          value={kind}
          onChange={(v) => set('kind', v)}
          placeholder={t('signals.allKinds')}
          style={{ minWidth: 260 }}
          options={enumOptions(t, 'signalKind')}
        />
        <Select
          aria-label={t('common.status')}
          value={status}
          onChange={(v) => set('status', v)}
          style={{ minWidth: 140 }}
          options={[
            { value: 'open', label: t('enum.recordStatus.open') },
            { value: 'closed', label: t('enum.recordStatus.closed') },
            { value: 'all', label: t('common.all') },
          ]}
        />
      </Flex>
      <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('signals.none')}>
        {(p) => (
          <Table<Signal>
            rowKey="id"
            size="small"
            dataSource={p.items}
            scroll={{ x: true }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: p.total,
              onChange: (n) => set('page', String(n)),
              showSizeChanger: false,
            }}
            columns={[
              {
                title: t('signals.raisedAt'),
                dataIndex: 'raisedAt',
                render: (v: string) => formatInstant(v, i18n.language),
              },
              { title: t('signals.kind'), render: (_, s) => (i18n.language === 'en' ? s.titleEn : s.title) },
              {
                title: t('signals.severity'),
                dataIndex: 'severity',
                render: (v: string) => (
                  <Tag color={v === 'serious' ? 'red' : 'gold'}>{enumLabel(t, 'severity', v)}</Tag>
                ),
              },
              {
                title: t('clocks.department'),
                dataIndex: 'departmentId',
                render: (d: string | null) => depts.name(d),
              },
              {
                title: t('signals.subject'),
                render: (_, s) => (
                  <Flex vertical gap={0}>
                    <SubjectCell subject={s.subject} subjectType={s.subjectType} />
                    {s.clockId && <Link to={`/supervision/clocks/${s.clockId}`}>{t('ux.viewClock')}</Link>}
                  </Flex>
                ),
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (v: string) => enumLabel(t, 'recordStatus', v),
              },
            ]}
          />
        )}
      </Loadable>
    </Flex>
  );
}
