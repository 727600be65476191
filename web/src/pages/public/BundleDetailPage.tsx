import { Breadcrumb, Card, Flex, List, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionList } from '../../components/RegionList';
import { casesApi } from '../../api/cases';
import { useApi } from '../../hooks/use-api';
import { enumLabel } from '../../domain/enums';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ButtonLink } from '../../components/ButtonLink';
import { useLocalName } from '../../i18n/local-name';

/** One 一件事: its items, the departments that handle them, the committed days and one set of materials. */
export default function BundleDetailPage() {
  const { t } = useTranslation();
  const { localName } = useLocalName();
  const code = useParams().code ?? '';
  const q = useApi(`bundle:${code}`, (s) => casesApi.bundle(code, s));
  return (
    <Flex vertical gap="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/bundles">{t('nav.bundles')}</Link> },
          { title: q.data ? localName(q.data) : t('common.loading') },
        ]}
      />
      <Loadable state={q} rows={8}>
        {(b) => (
          <Flex vertical gap="middle">
            <PageTitle
              title={localName(b)}
              subtitle={b.description}
              extra={
                <ButtonLink to={`/apply?bundle=${encodeURIComponent(b.code)}`} type="primary">
                  {t('apply.start')}
                </ButtonLink>
              }
            />
            <Flex wrap gap={4}>
              <Tag color="blue">{t('bundles.committed', { count: b.committedDays })}</Tag>
              {b.leadDepartment && <Tag>{t('bundle.lead', { name: localName(b.leadDepartment) })}</Tag>}
            </Flex>
            <Card size="small" title={<h2 className="ow-section-title">{t('bundle.items')}</h2>}>
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={b.items}
                scroll={{ x: true }}
                columns={[
                  {
                    title: t('bundle.item'),
                    render: (_: unknown, r) => <Link to={`/items/${r.id}`}>{localName(r)}</Link>,
                  },
                  {
                    title: t('bundle.department'),
                    render: (_: unknown, r) => (r.department ? localName(r.department) : '—'),
                  },
                  {
                    title: t('bundle.days'),
                    dataIndex: 'committedDays',
                    render: (d: number, r) =>
                      r.handlingClass === 'instant'
                        ? enumLabel(t, 'handlingClass', 'instant')
                        : t('bundle.daysValue', { count: d }),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={<h2 className="ow-section-title">{t('bundle.materials')}</h2>}>
              <RegionList
                size="small"
                label={t('bundle.materials')}
                dataSource={b.materials}
                renderItem={(m) => (
                  <List.Item>
                    <Flex vertical gap={2}>
                      <Flex wrap gap={4} align="center">
                        <Typography.Text strong>{m.name}</Typography.Text>
                        {m.required ? (
                          <Tag color="red">{t('bundle.required')}</Tag>
                        ) : (
                          <Tag>{t('bundle.optional')}</Tag>
                        )}
                        {m.deferrable && <Tag color="orange">{t('guide.deferrable')}</Tag>}
                        <Tag>{enumLabel(t, 'materialSource', m.source)}</Tag>
                      </Flex>
                      {m.notes && (
                        <Typography.Text type="secondary" className="ow-small">
                          {m.notes}
                        </Typography.Text>
                      )}
                    </Flex>
                  </List.Item>
                )}
              />
            </Card>
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}
