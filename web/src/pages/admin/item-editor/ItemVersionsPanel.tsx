import { Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemVersions } from '../../../api/admin-types';
import { enumLabel } from '../../../domain/enums';
import { formatInstant } from '../../../format/date';

const COLOUR: Record<string, string> = {
  draft: 'orange',
  published: 'green',
  superseded: 'default',
  withdrawn: 'red',
};

export function ItemVersionsPanel({ data }: { data: ItemVersions }) {
  const { t, i18n } = useTranslation();
  return (
    <Card
      size="small"
      title={t('itemForm.versions')}
      extra={<Tag color={COLOUR[data.item.status]}>{enumLabel(t, 'recordStatus', data.item.status)}</Tag>}
    >
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        scroll={{ x: true }}
        dataSource={[...data.versions].sort((a, b) => b.no - a.no)}
        columns={[
          { title: t('itemForm.versionNo'), dataIndex: 'no' },
          {
            title: t('common.status'),
            dataIndex: 'status',
            render: (s: string) => <Tag color={COLOUR[s]}>{enumLabel(t, 'recordStatus', s)}</Tag>,
          },
          {
            title: t('itemForm.createdAt'),
            dataIndex: 'createdAt',
            render: (v: string) => formatInstant(v, i18n.language),
          },
          {
            title: t('itemForm.publishedAt'),
            dataIndex: 'publishedAt',
            render: (v: string | null) => formatInstant(v, i18n.language) || '—',
          },
        ]}
      />
    </Card>
  );
}
