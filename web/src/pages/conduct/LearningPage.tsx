import { useState } from 'react';
import { Card, Flex, Segmented, Table, Tag } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { learningApi } from '../../api/conduct';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

const VOLUMES = [
  'politics_economics',
  'law_science',
  'government_functions',
  'overall_quality',
  'governing_capacity',
];

/** Staff learning (职业教育): my assignments, the library by volume, and progress for those who oversee it. */
export default function LearningPage() {
  const { t } = useTranslation();
  const { user, hasRole } = useAuth();
  const [volume, setVolume] = useState<string>('all');
  const mine = useApi('learning:mine', (s) => learningApi.mine(s));
  const library = useApi(`learning:library:${volume}`, (s) =>
    learningApi.materials(volume === 'all' ? undefined : volume, s),
  );
  const oversee = hasRole('admin', 'supervisor') || hasRole('head');
  const progress = useApi(oversee ? 'learning:progress' : null, (s) =>
    learningApi.progress(hasRole('head') ? (user?.departmentId ?? undefined) : undefined, s),
  );
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('conduct.learning.title')} subtitle={t('conduct.learning.subtitle')} />
      <Card size="small" title={t('conduct.learning.myAssignments')}>
        <Loadable
          state={mine}
          isEmpty={(d) => d.items.length === 0}
          emptyText={t('conduct.learning.noAssignments')}
        >
          {(d) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={d.items}
              columns={[
                {
                  title: t('conduct.learning.material'),
                  dataIndex: 'materialTitle',
                  render: (v: string, r) => <Link to={`/learning/${r.materialId}`}>{v}</Link>,
                },
                { title: t('conduct.learning.dueDate'), dataIndex: 'dueDate' },
                {
                  title: t('conduct.learning.status'),
                  render: (_: unknown, r) =>
                    r.complete ? (
                      <Tag color="green">{t('conduct.learning.complete')}</Tag>
                    ) : r.overdue ? (
                      <Tag color="red">{t('conduct.learning.overdue')}</Tag>
                    ) : (
                      <Tag>{t('conduct.learning.todo')}</Tag>
                    ),
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <Card size="small" title={t('conduct.learning.library')}>
        <Flex vertical gap="small">
          <Segmented
            value={volume}
            onChange={(v) => setVolume(String(v))}
            options={[
              { value: 'all', label: t('conduct.learning.allVolumes') },
              ...VOLUMES.map((v) => ({ value: v, label: t(`conduct.volumes.${v}`) })),
            ]}
          />
          <Loadable state={library} isEmpty={(d) => d.items.length === 0}>
            {(d) => (
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={d.items}
                columns={[
                  {
                    title: t('conduct.learning.material'),
                    dataIndex: 'title',
                    render: (v: string, r) => <Link to={`/learning/${r.id}`}>{v}</Link>,
                  },
                  {
                    title: t('conduct.learning.volume'),
                    dataIndex: 'volume',
                    render: (v: string) => t(`conduct.volumes.${v}`),
                  },
                  { title: t('conduct.learning.topic'), dataIndex: 'topic' },
                  {
                    title: t('conduct.learning.rule'),
                    dataIndex: 'ruleCode',
                    render: (v: string | null) =>
                      v ? <Tag color="blue">{t(`conduct.rules.${v}`)}</Tag> : null,
                  },
                  { title: t('conduct.learning.versionNo'), dataIndex: 'versionNo' },
                  {
                    title: t('conduct.learning.status'),
                    render: (_: unknown, r) =>
                      r.mine.complete ? <Tag color="green">{t('conduct.learning.complete')}</Tag> : null,
                  },
                ]}
              />
            )}
          </Loadable>
        </Flex>
      </Card>
      {oversee ? (
        <Card size="small" title={t('conduct.learning.progress')}>
          <Loadable state={progress}>
            {(p) => (
              <Flex vertical gap="small">
                <Table
                  rowKey="departmentId"
                  size="small"
                  pagination={false}
                  dataSource={p.departments}
                  columns={[
                    { title: t('conduct.fees.department'), dataIndex: 'departmentName' },
                    { title: t('conduct.learning.staff'), dataIndex: 'staff' },
                    { title: t('conduct.learning.assigned'), dataIndex: 'assigned' },
                    { title: t('conduct.learning.completed'), dataIndex: 'completed' },
                    {
                      title: t('conduct.learning.completionPct'),
                      dataIndex: 'completionPct',
                      render: (v: number | null) => (v === null ? '—' : `${v}%`),
                    },
                  ]}
                />
                <Table
                  rowKey="userId"
                  size="small"
                  pagination={{ pageSize: 20 }}
                  dataSource={p.staff}
                  columns={[
                    { title: t('conduct.learning.name'), dataIndex: 'name' },
                    { title: t('conduct.learning.assigned'), dataIndex: 'assigned' },
                    { title: t('conduct.learning.completed'), dataIndex: 'completed' },
                    { title: t('conduct.learning.overdue'), dataIndex: 'overdue' },
                    {
                      title: t('conduct.learning.minutes'),
                      dataIndex: 'studySeconds',
                      render: (v: number) => Math.round(v / 60),
                    },
                  ]}
                />
              </Flex>
            )}
          </Loadable>
        </Card>
      ) : null}
    </Flex>
  );
}
