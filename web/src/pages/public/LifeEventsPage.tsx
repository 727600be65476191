import { Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import { lifeEventLabel } from '../../domain/enums';
import { countLifeEvents } from '../../domain/life-events';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

export default function LifeEventsPage() {
  const { t } = useTranslation();
  const q = useApi('all-items', (s) => catalogueApi.allItems(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('lifeEvents.title')} subtitle={t('lifeEvents.subtitle')} />
      <Loadable state={q} isEmpty={(items) => items.length === 0}>
        {(items) => (
          <Row gutter={[12, 12]} role="list">
            {countLifeEvents(items).map((e) => (
              <Col key={e.name} xs={12} sm={8} lg={6} role="listitem">
                <Link to={`/life-events/${encodeURIComponent(e.name)}`} className="ow-entry">
                  <Card hoverable size="small">
                    <Typography.Text strong>{lifeEventLabel(t, e.name)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {t('lifeEvents.count', { count: e.count })}
                    </Typography.Text>
                  </Card>
                </Link>
              </Col>
            ))}
          </Row>
        )}
      </Loadable>
    </Flex>
  );
}
