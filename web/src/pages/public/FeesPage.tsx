import { useId, useState } from 'react';
import { Card, Col, Flex, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import type { Fee, FeeCategory } from '../../api/types';
import { enumLabel, enumOptions } from '../../domain/enums';
import { describeFeeRule } from '../../format/money';
import { useApi } from '../../hooks/use-api';
import { useDepartments } from '../../hooks/use-departments';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** The published fee catalogue (收费目录清单): each fee, its amount, its basis and how the money is managed. */
export default function FeesPage() {
  const { t } = useTranslation();
  const catId = useId();
  const deptId = useId();
  const [category, setCategory] = useState<FeeCategory | undefined>();
  const [department, setDepartment] = useState<string | undefined>();
  const depts = useDepartments();
  const fees = useApi(`fees:${category ?? ''}:${department ?? ''}`, (s) =>
    catalogueApi.fees({ category, department }, s),
  );

  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('fees.title')} subtitle={t('fees.subtitle')} />
      <Flex wrap gap="middle">
        <div className="ow-filter">
          <label htmlFor={catId}>{t('fees.category')}</label>
          <Select
            id={catId}
            allowClear
            value={category}
            onChange={setCategory}
            options={enumOptions(t, 'feeCategory')}
            placeholder={t('common.all')}
            style={{ minWidth: 200 }}
          />
        </div>
        <div className="ow-filter">
          <label htmlFor={deptId}>{t('fees.department')}</label>
          <Select
            id={deptId}
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={department}
            onChange={setDepartment}
            placeholder={t('common.all')}
            style={{ minWidth: 220 }}
            options={depts.departments.map((d) => ({ value: d.code, label: d.shortName }))}
            loading={depts.loading}
          />
        </div>
      </Flex>
      <Loadable state={fees} isEmpty={(f) => f.items.length === 0} emptyText={t('fees.none')}>
        {(f) => (
          <Row gutter={[12, 12]} role="list">
            {f.items.map((fee) => (
              <Col key={fee.id} xs={24} lg={12} role="listitem">
                <FeeCard fee={fee} />
              </Col>
            ))}
          </Row>
        )}
      </Loadable>
    </Flex>
  );
}

function FeeCard({ fee }: { fee: Fee }) {
  const { t, i18n } = useTranslation();
  const rule = describeFeeRule(fee.rule, i18n.language, t);
  return (
    <Card
      size="small"
      title={fee.name}
      extra={
        <Typography.Text strong className="ow-amount">
          {rule.amount}
        </Typography.Text>
      }
      className="ow-fee-card"
    >
      {rule.details.map((d) => (
        <div key={d} className="ow-small">
          {d}
        </div>
      ))}
      <Flex wrap gap={4} style={{ margin: '6px 0' }}>
        <Tag color="blue">{enumLabel(t, 'feeCategory', fee.category)}</Tag>
        {fee.department && <Tag>{fee.department.name}</Tag>}
      </Flex>
      <dl className="ow-facts ow-facts-wide">
        <dt>{t('fees.standard')}</dt>
        <dd>{fee.standard}</dd>
        <dt>{t('fees.basis')}</dt>
        <dd>{fee.basis}</dd>
        <dt>{t('fees.management')}</dt>
        <dd>{fee.management}</dd>
        <dt>{t('fees.code')}</dt>
        <dd>{fee.code}</dd>
      </dl>
    </Card>
  );
}
