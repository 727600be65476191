import { Flex, Pagination, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi, type ItemFilter } from '../api/catalogue';
import { useApi } from '../hooks/use-api';
import { ItemList } from './ItemList';
import { Loadable } from './Loadable';

const PAGE_SIZE = 20;

/** Published items for a filter, paged; the page number lives in the URL (?page=2) so links and Back work. */
export function PagedItems({ filter }: { filter: Omit<ItemFilter, 'page' | 'pageSize'> }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const key = `items:${JSON.stringify(filter)}:${page}`;
  const q = useApi(key, (s) => catalogueApi.items({ ...filter, page, pageSize: PAGE_SIZE }, s));

  return (
    <Loadable state={q} isEmpty={(p) => p.total === 0} emptyText={t('browse.noItems')}>
      {(p) => (
        <Flex vertical gap="small">
          <Typography.Text type="secondary">{t('browse.count', { count: p.total })}</Typography.Text>
          <ItemList items={p.items} />
          {p.total > PAGE_SIZE && (
            <Pagination
              current={page}
              pageSize={PAGE_SIZE}
              total={p.total}
              showSizeChanger={false}
              onChange={(n) =>
                setParams((prev) => {
                  prev.set('page', String(n));
                  return prev;
                })
              }
              aria-label={t('common.pagination')}
            />
          )}
        </Flex>
      )}
    </Loadable>
  );
}
