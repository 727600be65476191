import { Flex, Progress, Select, Table, Tabs, Tag } from 'antd';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { supervisionApi } from '../../api/supervision';
import type { ClockView } from '../../api/supervision-types';
import { enumLabel } from '../../domain/enums';
import { formatDate } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { ColourTag } from '../../components/ColourTag';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { clockLabel } from '../../domain/clock-label';
import { SubjectCell } from './SubjectCell';

const PAGE_SIZE = 20;

/** Open clocks by colour, soonest due first; staff of a department see their own (the server scopes it). */
export default function ClocksPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const colour = params.get('colour') ?? '';
  const status = params.get('status') ?? '';
  const department = params.get('department') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const depts = useDepartments();
  const query = {
    colour: colour || undefined,
    status: status || undefined,
    department: department || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const q = useApi(`clocks:${JSON.stringify(query)}`, (s) => supervisionApi.clocks(query, s));

  const set = (k: string, v: string | undefined) =>
    setParams((prev) => {
      if (v) prev.set(k, v);
      else prev.delete(k);
      if (k !== 'page') prev.delete('page');
      return prev;
    });

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('clocks.title')} subtitle={t('clocks.subtitle')} />
      <Tabs
        activeKey={colour || 'all'}
        onChange={(k) => set('colour', k === 'all' ? undefined : k)}
        items={['red', 'yellow', 'green', 'all'].map((k) => ({
          key: k,
          label: k === 'all' ? t('common.all') : t(`enum.colour.${k}`),
        }))}
      />
      <Flex wrap gap="middle">
        <Select
          aria-label={t('clocks.department')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={department || undefined}
          onChange={(v) => set('department', v)}
          placeholder={t('clocks.allDepartments')}
          style={{ minWidth: 220 }}
          options={depts.departments.map((d) => ({ value: d.id, label: d.shortName }))}
        />
        <Select
          aria-label={t('common.status')}
          allowClear
          value={status || undefined}
          onChange={(v) => set('status', v)}
          placeholder={t('clocks.anyStatus')}
          style={{ minWidth: 160 }}
          options={['running', 'paused', 'stopped'].map((s) => ({
            value: s,
            label: t(`enum.recordStatus.${s}`),
          }))}
        />
      </Flex>
      <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('clocks.none')}>
        {(p) => (
          <Table<ClockView>
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
                title: t('clocks.label'),
                dataIndex: 'label',
                render: (l: string, c) => (
                  <Link to={`/supervision/clocks/${c.id}`}>{clockLabel(l, t, i18n.language)}</Link>
                ),
              },
              {
                title: t('ux.matter'),
                render: (_, c) => <SubjectCell subject={c.subject ?? null} subjectType={c.subjectType} />,
              },
              {
                title: t('clocks.department'),
                dataIndex: 'departmentId',
                render: (d: string | null) => depts.name(d),
              },
              {
                title: t('clocks.colour'),
                dataIndex: 'colour',
                render: (c: string) => <ColourTag colour={c} />,
              },
              {
                title: t('clocks.due'),
                render: (_, c) => (
                  <>
                    {formatDate(c.dueDate, i18n.language)}
                    {c.provisional && (
                      <Tag color="orange" style={{ marginLeft: 4 }}>
                        {t('clocks.provisional')}
                      </Tag>
                    )}
                  </>
                ),
              },
              {
                title: t('clocks.remaining'),
                dataIndex: 'remainingWorkingDays',
                render: (n: number | null) => (n === null ? '—' : t('guide.workdays', { count: n })),
              },
              {
                title: t('clocks.elapsed'),
                dataIndex: 'elapsedPct',
                render: (n: number | null) =>
                  n === null ? (
                    '—'
                  ) : (
                    <Progress
                      aria-label={t('clocks.elapsed')}
                      percent={Math.min(n, 100)}
                      size="small"
                      status={n >= 100 ? 'exception' : 'normal'}
                      format={() => `${n}%`}
                    />
                  ),
              },
              {
                title: t('common.status'),
                dataIndex: 'status',
                render: (s: string) => enumLabel(t, 'recordStatus', s),
              },
            ]}
          />
        )}
      </Loadable>
    </Flex>
  );
}
