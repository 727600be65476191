import { Breadcrumb, Card, Flex } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { catalogueApi } from '../../api/catalogue';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { DepartmentCommitments } from '../conduct/DepartmentCommitments';
import { PagedItems } from '../../components/PagedItems';
import { useLocalName } from '../../i18n/local-name';

export default function DepartmentItemsPage() {
  const { t } = useTranslation();
  const { localName, localShortName } = useLocalName();
  const code = useParams().code ?? '';
  const dept = useApi(`department:${code}`, (s) => catalogueApi.department(code, s));

  return (
    <Flex vertical gap="middle">
      <Breadcrumb
        items={[
          { title: <Link to="/departments">{t('nav.departments')}</Link> },
          { title: dept.data ? localShortName(dept.data) : code },
        ]}
      />
      <Loadable state={dept} rows={2}>
        {(d) => (
          <>
            <PageTitle title={localName(d)} />
            <Card size="small">
              <dl className="ow-facts ow-facts-wide">
                <dt>{t('dept.address')}</dt>
                <dd>{d.address}</dd>
                <dt>{t('dept.windows')}</dt>
                <dd>{d.windows.join('、')}</dd>
                <dt>{t('dept.hours')}</dt>
                <dd>{d.hours}</dd>
                <dt>{t('dept.phone')}</dt>
                <dd>
                  <a href={`tel:${d.phone}`}>{d.phone}</a>
                </dd>
                <dt>{t('dept.complaintPhone')}</dt>
                <dd>
                  <a href={`tel:${d.complaintPhone}`}>{d.complaintPhone}</a>
                </dd>
                <dt>{t('dept.leader')}</dt>
                <dd>
                  {d.leaderTitle} {d.leader}
                </dd>
              </dl>
            </Card>
            <PagedItems filter={{ department: d.code }} />
            <DepartmentCommitments department={d.code} />
          </>
        )}
      </Loadable>
    </Flex>
  );
}
