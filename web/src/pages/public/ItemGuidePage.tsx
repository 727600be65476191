import { useEffect } from 'react';
import { Breadcrumb, Button, Flex } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { ItemGuide } from '../../components/guide/ItemGuide';
import { CitedDocuments } from '../disclosure/CitedDocuments';
import { ButtonLink } from '../../components/ButtonLink';
import { CommitmentActuals } from '../dashboard/CommitmentActuals';
import { useLocalName } from '../../i18n/local-name';

export default function ItemGuidePage() {
  const { t } = useTranslation();
  const { localName, localShortName } = useLocalName();
  const id = useParams().id ?? '';
  const item = useApi(`item:${id}`, (s) => catalogueApi.item(id, s));
  const dept = item.data?.department;
  const name = item.data ? localName(item.data) : undefined;
  useEffect(() => {
    if (name) document.title = `${name} · ${t('app.name')}`;
  }, [name, t]);
  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small" className="ow-no-print">
        <Breadcrumb
          items={[
            { title: <Link to="/departments">{t('nav.departments')}</Link> },
            ...(dept
              ? [{ title: <Link to={`/departments/${dept.code}`}>{localShortName(dept)}</Link> }]
              : []),
            { title: name ?? t('common.loading') },
          ]}
        />
        <Flex gap="small" wrap>
          {/* The printed guide: no site header or footer (styles.css @media print), the materials as a checklist. */}
          {item.data && (
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t('ux.printGuide')}
            </Button>
          )}
          {/* only where the item is published as applicable online; the others are applied for at the window or by post */}
          {item.data?.channels.includes('online') && (
            <ButtonLink to={`/apply?item=${encodeURIComponent(item.data.id)}`} type="primary">
              {t('apply.start')}
            </ButtonLink>
          )}
        </Flex>
      </Flex>
      <Loadable state={item} rows={10}>
        {(d) => (
          <ItemGuide
            item={d}
            actuals={<CommitmentActuals itemId={d.id} />}
            basisExtra={<CitedDocuments itemCode={d.code} />}
          />
        )}
      </Loadable>
    </Flex>
  );
}
