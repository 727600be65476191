import { useId, useState } from 'react';
import { Card, Col, Flex, Input, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { useLocalName } from '../../i18n/local-name';

export default function DepartmentsPage() {
  const { t } = useTranslation();
  const { localShortName } = useLocalName();
  const id = useId();
  const q = useApi('departments', (s) => catalogueApi.departments(s));
  const [filter, setFilter] = useState('');

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('dept.title')} subtitle={t('dept.subtitle')} />
      <div className="ow-filter">
        <label htmlFor={id}>{t('dept.filter')}</label>
        <Input
          id={id}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          allowClear
          placeholder={t('dept.filterPlaceholder')}
        />
      </div>
      <Loadable state={q} isEmpty={(d) => d.items.length === 0}>
        {(d) => {
          const words = filter.trim();
          const shown = d.items.filter(
            (x) =>
              !words ||
              x.name.includes(words) ||
              x.shortName.includes(words) ||
              [x.nameEn, x.shortNameEn].some((en) => en?.toLowerCase().includes(words.toLowerCase())) ||
              x.code.includes(words.toUpperCase()),
          );
          if (shown.length === 0)
            return <Typography.Text type="secondary">{t('common.noMatch')}</Typography.Text>;
          return (
            <Row gutter={[12, 12]} role="list">
              {shown.map((dept) => (
                <Col key={dept.id} xs={24} sm={12} lg={8} role="listitem">
                  <Card
                    size="small"
                    title={<Link to={`/departments/${dept.code}`}>{localShortName(dept)}</Link>}
                    className="ow-dept-card"
                  >
                    <dl className="ow-facts">
                      <dt>{t('dept.windows')}</dt>
                      <dd>{dept.windows.join('、')}</dd>
                      <dt>{t('dept.phone')}</dt>
                      <dd>
                        <a href={`tel:${dept.phone}`}>{dept.phone}</a>
                      </dd>
                      <dt>{t('dept.hours')}</dt>
                      <dd>{dept.hours}</dd>
                    </dl>
                  </Card>
                </Col>
              ))}
            </Row>
          );
        }}
      </Loadable>
    </Flex>
  );
}
