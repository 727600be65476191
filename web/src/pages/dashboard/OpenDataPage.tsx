import { Button, Card, Flex, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { dashboardApi } from '../../api/dashboard';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { formatInstant } from '../../format/date';

/** The open datasets (政务数据开放): what each holds, when it changed, its licence, CSV and JSON links. */
export default function OpenDataPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const state = useApi('open-data', (s) => dashboardApi.openData(s));
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('dashboard.openData.title')} subtitle={t('dashboard.openData.subtitle')} />
      <Loadable state={state} rows={6}>
        {(idx) => (
          <Flex vertical gap="middle">
            {idx.datasets.map((ds) => (
              <Card
                key={ds.id}
                size="small"
                title={<h2 className="ow-section-title">{en ? ds.titleEn : ds.titleZh}</h2>}
              >
                <Typography.Paragraph>{en ? ds.descriptionEn : ds.descriptionZh}</Typography.Paragraph>
                <Typography.Paragraph type="secondary" className="ow-small">
                  {t('dashboard.openData.meta', {
                    updated: ds.updatedAt ? formatInstant(ds.updatedAt, i18n.language) : '—',
                    records: ds.records,
                  })}{' '}
                  <a href={ds.licence.url} rel="license noreferrer" target="_blank">
                    {t('dashboard.openData.licence', { id: ds.licence.id })}
                  </a>
                </Typography.Paragraph>
                <Flex gap="small" wrap>
                  <Button href={ds.urls.csv} download icon={<DownloadOutlined aria-hidden />}>
                    {t('dashboard.openData.csv', { name: en ? ds.titleEn : ds.titleZh })}
                  </Button>
                  <Button href={ds.urls.json} download icon={<DownloadOutlined aria-hidden />}>
                    {t('dashboard.openData.json', { name: en ? ds.titleEn : ds.titleZh })}
                  </Button>
                </Flex>
                <Typography.Text type="secondary" className="ow-small">
                  {t('dashboard.openData.stableUrl')} <code>{ds.urls.csv}</code>
                </Typography.Text>
              </Card>
            ))}
          </Flex>
        )}
      </Loadable>
    </Flex>
  );
}
