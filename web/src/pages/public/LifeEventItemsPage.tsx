import { Breadcrumb, Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { lifeEventLabel } from '../../domain/enums';
import { PageTitle } from '../../components/PageTitle';
import { PagedItems } from '../../components/PagedItems';

export default function LifeEventItemsPage() {
  const { t } = useTranslation();
  const name = useParams().name ?? '';
  return (
    <Flex vertical gap="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/life-events">{t('nav.lifeEvents')}</Link> },
          { title: lifeEventLabel(t, name) },
        ]}
      />
      <PageTitle title={lifeEventLabel(t, name)} />
      <PagedItems filter={{ lifeEvent: name }} />
    </Flex>
  );
}
