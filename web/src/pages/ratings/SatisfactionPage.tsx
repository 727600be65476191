import { useState } from 'react';
import { Card, Flex, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ratingsApi, type RatingStats } from '../../api/ratings';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

type By = 'department' | 'item' | 'window';
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

/** Publication (公开): satisfaction, bad ratings and rectifications per department, item, window; exclusions with reasons. */
export default function SatisfactionPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<By>('department');
  const q = useApi(`rating-stats:${by}`, (s) => ratingsApi.stats(by, s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('ratings.public.title')} subtitle={t('ratings.public.subtitle')} />
      <Segmented<By>
        value={by}
        onChange={setBy}
        options={(['department', 'item', 'window'] as const).map((v) => ({
          value: v,
          label: t(`ratings.public.by.${v}`),
        }))}
      />
      <Loadable state={q}>
        {(s: RatingStats) => (
          <>
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={s.groups}
              scroll={{ x: true }}
              columns={[
                { title: t(`ratings.public.by.${by}`), dataIndex: 'name' },
                ...(by === 'department'
                  ? []
                  : [{ title: t('ratings.department'), dataIndex: 'departmentName' }]),
                { title: t('ratings.public.counted'), dataIndex: 'counted' },
                { title: t('ratings.public.satisfaction'), dataIndex: 'satisfaction', render: pct },
                { title: t('ratings.public.bad'), dataIndex: 'bad' },
                { title: t('ratings.public.rectified'), dataIndex: 'rectified' },
                { title: t('ratings.public.rectifying'), dataIndex: 'rectifying' },
                { title: t('ratings.public.overdue'), dataIndex: 'overdue' },
                { title: t('ratings.public.excluded'), dataIndex: 'excluded' },
              ]}
            />
            <Card size="small" title={t('ratings.public.exclusions')}>
              {s.exclusions.length === 0 ? (
                <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
              ) : (
                <Table
                  rowKey={(e) => `${e.ratedAt}-${e.department}`}
                  size="small"
                  pagination={false}
                  dataSource={s.exclusions}
                  columns={[
                    { title: t('ratings.department'), dataIndex: 'department' },
                    {
                      title: t('ratings.channel'),
                      dataIndex: 'channel',
                      render: (c: string) => t(`ratings.channels.${c}`),
                    },
                    { title: t('ratings.level'), dataIndex: 'level' },
                    {
                      title: t('ratings.ratedAt'),
                      dataIndex: 'ratedAt',
                      render: (d: string) => d.slice(0, 10),
                    },
                    { title: t('ratings.public.reason'), dataIndex: 'reason' },
                  ]}
                />
              )}
            </Card>
          </>
        )}
      </Loadable>
    </Flex>
  );
}
