import { Flex, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../api/types';

/** The steps, then the special procedures with their own time and whether that time counts. */
export function ProcedureSection({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <ol className="ow-steps">
        {item.procedure.map((p, i) => (
          <li key={`${p.step}-${i}`}>
            <Typography.Text strong>{p.step}</Typography.Text>
            <div>{p.description}</div>
          </li>
        ))}
      </ol>
      {item.specialProcedures.length > 0 && (
        <div>
          <Typography.Title level={3} className="ow-subtitle">
            {t('guide.specialProcedures')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="name"
            scroll={{ x: true }}
            dataSource={item.specialProcedures}
            columns={[
              { title: t('guide.spName'), dataIndex: 'name' },
              {
                title: t('guide.spDays'),
                dataIndex: 'days',
                render: (d: number) => t('guide.workdays', { count: d }),
              },
              {
                title: t('guide.spCounted'),
                dataIndex: 'counted',
                render: (c: boolean) => (c ? t('guide.counted') : t('guide.notCounted')),
              },
              {
                title: t('guide.spCharged'),
                dataIndex: 'charged',
                render: (c: boolean) => (c ? t('common.yes') : t('common.no')),
              },
              { title: t('guide.spBasis'), dataIndex: 'legalBasis' },
            ]}
          />
        </div>
      )}
    </Flex>
  );
}
