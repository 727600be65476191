import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { StandingTag } from './StandingTag';

/** On an item's guide, under its legal basis: the library's documents it cites and how each stands. */
export function CitedDocuments({ itemCode }: { itemCode: string }) {
  const { t } = useTranslation();
  const q = useApi(`disclosure-item:${itemCode}`, (s) => disclosureApi.ofItem(itemCode, s));
  const docs = q.data?.documents ?? [];
  if (docs.length === 0) return null;
  return (
    <Flex vertical gap={4} className="ow-cited-documents">
      <Typography.Text strong>{t('disclosure.item.cited')}</Typography.Text>
      <ul className="ow-plain-list">
        {docs.map(({ linkId, document: d }) => (
          <li key={linkId}>
            <Link to={`/disclosure/documents/${d.id}`}>
              {d.title}（{d.docNo}）
            </Link>{' '}
            <StandingTag standing={d.standing} />
          </li>
        ))}
      </ul>
    </Flex>
  );
}
