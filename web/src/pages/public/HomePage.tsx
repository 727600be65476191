import { Card, Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import {
  ApartmentOutlined,
  CalculatorOutlined,
  FileSearchOutlined,
  GiftOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';

const EXAMPLES = ['我想开餐馆', '办理护照', '新生儿落户', '建房子'];

export function HomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useApi('summary', (s) => catalogueApi.summary(s));
  const search = (q: string) => navigate(`/search?q=${encodeURIComponent(q)}`);

  const entries = [
    {
      to: '/departments',
      icon: <ApartmentOutlined aria-hidden />,
      title: t('nav.departments'),
      text: t('home.byDepartment'),
    },
    {
      to: '/life-events',
      icon: <TeamOutlined aria-hidden />,
      title: t('nav.lifeEvents'),
      text: t('home.byLifeEvent'),
    },
    { to: '/fees', icon: <MoneyCollectOutlined aria-hidden />, title: t('nav.fees'), text: t('home.fees') },
    {
      to: '/calendar',
      icon: <CalculatorOutlined aria-hidden />,
      title: t('nav.calendar'),
      text: t('home.calendar'),
    },
    { to: '/track', icon: <FileSearchOutlined aria-hidden />, title: t('nav.track'), text: t('home.track') },
    { to: '/bundles', icon: <GiftOutlined aria-hidden />, title: t('nav.bundles'), text: t('home.bundles') },
  ];

  return (
    <Flex vertical gap="large">
      <section className="ow-hero">
        <PageTitle title={t('home.title')} subtitle={t('home.subtitle')} />
        <div className="ow-hero-search">
          <SearchBox onSearch={search} showLabel />
          <Flex wrap gap={6} className="ow-examples" align="center">
            <Typography.Text type="secondary">{t('home.examples')}</Typography.Text>
            {EXAMPLES.map((q) => (
              <Link key={q} to={`/search?q=${encodeURIComponent(q)}`}>
                <Tag className="ow-example-tag">{q}</Tag>
              </Link>
            ))}
          </Flex>
        </div>
      </section>

      <section aria-labelledby="totals-heading">
        <Typography.Title level={3} id="totals-heading">
          {t('home.totals')}
        </Typography.Title>
        <Loadable state={summary} rows={2}>
          {(s) => (
            <Row gutter={[12, 12]}>
              {[
                { key: 'departments', value: s.departments },
                { key: 'licensingItems', value: s.licensingItems },
                { key: 'feeAndConvenienceItems', value: s.feeAndConvenienceItems },
                { key: 'instantItems', value: s.byHandlingClass.instant ?? 0 },
                { key: 'publishedFees', value: s.publishedFees },
              ].map((x) => (
                <Col key={x.key} flex="1 1 150px">
                  <Card size="small" className="ow-stat">
                    <Statistic title={t(`home.stat.${x.key}`)} value={x.value} />
                  </Card>
                </Col>
              ))}
            </Row>
          )}
        </Loadable>
      </section>

      <section aria-labelledby="entries-heading">
        <Typography.Title level={3} id="entries-heading">
          {t('home.services')}
        </Typography.Title>
        <Row gutter={[12, 12]}>
          {entries.map((e) => (
            <Col key={e.to} xs={24} sm={12} lg={8}>
              <Link to={e.to} className="ow-entry">
                <Card hoverable size="small">
                  <Card.Meta
                    avatar={
                      <span className="ow-entry-icon" aria-hidden>
                        {e.icon}
                      </span>
                    }
                    title={e.title}
                    description={e.text}
                  />
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      </section>
    </Flex>
  );
}
