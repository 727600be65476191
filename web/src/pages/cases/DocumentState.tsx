import { useEffect } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases';

type Doc = CaseView['documents'][number];

/**
 * A document's PDF is rendered after the act that issued it: until then the list says it is being
 * prepared (opening it waits for the file), and a render that keeps failing says so too.
 */
export function DocumentStateTag({ d }: { d: Doc }) {
  const { t } = useTranslation();
  if (d.state === 'preparing')
    return (
      <Tag color="processing" data-testid="document-preparing" title={t('documents.preparingHint')}>
        {t('documents.preparing')}
      </Tag>
    );
  if (d.state === 'failed')
    return (
      <Tag color="warning" title={t('documents.failedHint')}>
        {t('documents.failed')}
      </Tag>
    );
  return null;
}

/** While a document is being prepared, the case is read again every few seconds. */
export function useDocumentsSettling(c: CaseView | undefined, reload: () => void): void {
  const preparing = !!c?.documents.some((d) => d.state === 'preparing');
  useEffect(() => {
    if (!preparing) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [preparing, c, reload]);
}
