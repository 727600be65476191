import { Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '../api/types';
import { enumLabel } from '../domain/enums';
import { HandlingTag, VisitsTag } from './ItemTags';
import { useLocalName } from '../i18n/local-name';

interface Props {
  item: ItemSummary;
  matched?: string[];
}

/** One item in a list: what it is, who handles it, how long it takes and how many visits. */
export function ItemCard({ item, matched }: Props) {
  const { t } = useTranslation();
  const { localName, localShortName } = useLocalName();
  return (
    <Card size="small" className="ow-item-card">
      <Flex vertical gap={6}>
        <Link to={`/items/${encodeURIComponent(item.code)}`} className="ow-item-link">
          <Typography.Text strong>{localName(item)}</Typography.Text>
        </Link>
        <Flex wrap gap={4}>
          <Tag>{enumLabel(t, 'itemType', item.type)}</Tag>
          <HandlingTag value={item.handlingClass} />
          <VisitsTag visits={item.maxVisits} />
          {item.charged ? (
            <Tag color="orange">{t('item.charged')}</Tag>
          ) : (
            <Tag color="green">{t('item.free')}</Tag>
          )}
        </Flex>
        <Typography.Text type="secondary">
          {item.department ? localShortName(item.department) : ''}
          {' · '}
          {item.handlingClass === 'instant'
            ? t('item.instantShort')
            : t('item.committedShort', { committed: item.committedDays, statutory: item.statutoryDays })}
        </Typography.Text>
        {matched && matched.length > 0 && (
          <Typography.Text type="secondary" className="ow-small">
            {t('search.matched', {
              terms: [...matched]
                .sort((a, b) => b.length - a.length)
                .slice(0, 6)
                .join('、'),
            })}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
