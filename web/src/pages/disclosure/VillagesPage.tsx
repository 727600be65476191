import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** 村务财务公开: every village, whether it is up to date, and its last disclosed period. */
export default function VillagesPage() {
  const { t } = useTranslation();
  const q = useApi('disclosure-villages', (s) => disclosureApi.villages(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('disclosure.villages.title')} subtitle={t('disclosure.villages.subtitle')} />
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('disclosure.villages.none')}>
          {(d) => (
            <List
              dataSource={d.items}
              renderItem={(v) => (
                <List.Item key={v.id}>
                  <Flex vertical gap={2}>
                    <Flex wrap gap="small" align="center">
                      <Link to={`/disclosure/villages/${encodeURIComponent(v.code)}`}>
                        <Typography.Text strong>
                          {v.township} {v.name}
                        </Typography.Text>
                      </Link>
                      {v.overdue > 0 ? (
                        <Tag color="red">{t('disclosure.villages.overdue', { count: v.overdue })}</Tag>
                      ) : (
                        <Tag color="green">{t('disclosure.villages.upToDate')}</Tag>
                      )}
                    </Flex>
                    <Typography.Text type="secondary" className="ow-small">
                      {t(`disclosure.cadence.${v.cadence}`)} ·{' '}
                      {v.lastDisclosed
                        ? t('disclosure.villages.last', { period: v.lastDisclosed })
                        : t('disclosure.villages.never')}
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
