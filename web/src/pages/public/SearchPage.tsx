import { Card, Flex, List, Tag, Typography } from 'antd';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { RegionList } from '../../components/RegionList';
import { catalogueApi } from '../../api/catalogue';
import { useApi } from '../../hooks/use-api';
import { ItemList } from '../../components/ItemList';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { SearchBox } from '../../components/SearchBox';
import { useLocalName } from '../../i18n/local-name';

export default function SearchPage() {
  const { t } = useTranslation();
  const { localName } = useLocalName();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const result = useApi(q ? `search:${q}` : null, (s) => catalogueApi.search(q, s));

  return (
    <Flex vertical gap="middle">
      <PageTitle title={q ? t('search.resultsFor', { q }) : t('search.title')} />
      <SearchBox key={q} initial={q} onSearch={(next) => navigate(`/search?q=${encodeURIComponent(next)}`)} />
      {q && (
        <Loadable
          state={result}
          isEmpty={(r) => r.items.length === 0 && (r.bundles ?? []).length === 0}
          emptyText={t('search.none', { q })}
        >
          {(r) => (
            <Flex vertical gap="small">
              {r.bundles && r.bundles.length > 0 && (
                <Card size="small" title={<h2 className="ow-section-title">{t('search.bundles')}</h2>}>
                  <RegionList
                    size="small"
                    label={t('search.bundles')}
                    dataSource={r.bundles}
                    renderItem={(b) => (
                      <List.Item>
                        <Link to={`/bundles/${encodeURIComponent(b.code)}`}>{localName(b)}</Link>
                        <Tag color="blue">{t('bundles.committed', { count: b.committedDays })}</Tag>
                      </List.Item>
                    )}
                  />
                </Card>
              )}
              <Typography.Text type="secondary">
                {t('search.count', { count: r.items.length })}
              </Typography.Text>
              <ItemList items={r.items} />
            </Flex>
          )}
        </Loadable>
      )}
    </Flex>
  );
}
