import { Flex } from 'antd';
import type { ItemSummary, SearchHit } from '../api/types';
import { ItemCard } from './ItemCard';

export function ItemList({ items }: { items: (ItemSummary | SearchHit)[] }) {
  return (
    <Flex vertical gap="small" component="ul" className="ow-plain-list">
      {items.map((item) => (
        <li key={item.id}>
          <ItemCard item={item} matched={'matched' in item ? item.matched : undefined} />
        </li>
      ))}
    </Flex>
  );
}
