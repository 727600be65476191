import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/problem';
import { servicesApi } from '../../api/services';
import { useApi } from '../../hooks/use-api';
import { ComingSoon } from '../../components/ComingSoon';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { useLocalName } from '../../i18n/local-name';

/** 一件事: several items a person experiences as one matter. Says "coming" while the API route is missing. */
export default function BundlesPage() {
  const { t } = useTranslation();
  const { localName } = useLocalName();
  const q = useApi('bundles', (s) => servicesApi.bundles(s));
  const missing = q.error instanceof ApiError && q.error.isMissingRoute;
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('bundles.title')} subtitle={t('bundles.subtitle')} />
      {missing ? (
        <ComingSoon what={t('bundles.title')} />
      ) : (
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('bundles.none')}>
          {(d) => (
            <Row gutter={[12, 12]} role="list">
              {d.items.map((b) => (
                <Col key={b.code} xs={24} md={12} role="listitem">
                  <Card
                    size="small"
                    title={<Link to={`/bundles/${encodeURIComponent(b.code)}`}>{localName(b)}</Link>}
                  >
                    <Typography.Paragraph>{b.description}</Typography.Paragraph>
                    <Flex wrap gap={4}>
                      <Tag color="blue">{t('bundles.committed', { count: b.committedDays })}</Tag>
                      {b.itemCount !== undefined && (
                        <Tag>{t('bundles.itemCount', { count: b.itemCount })}</Tag>
                      )}
                    </Flex>
                  </Card>
                </Col>
              ))}
            </Row>
          )}
        </Loadable>
      )}
    </Flex>
  );
}
