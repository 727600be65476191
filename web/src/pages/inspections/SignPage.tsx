import { Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { inspectionsApi } from '../../api/inspections';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';

/** On paper only the sign itself: the page's heading, menus and the check code stay on screen. */
const PRINT_CSS = `@media print {
  body * { visibility: hidden; }
  .ow-print-sign, .ow-print-sign * { visibility: visible; }
  .ow-print-sign { position: absolute; inset: 0; border: none; }
}`;

/** The enterprise's code sign for its door, printable: its name, the QR code and what it is for. */
export default function SignPage() {
  const { t } = useTranslation();
  const q = useApi('enterprise-sign', (s) => inspectionsApi.sign(s));
  return (
    <Flex vertical gap="middle">
      <style>{PRINT_CSS}</style>
      <div>
        <PageTitle
          title={t('inspections.signTitle')}
          subtitle={t('inspections.signSubtitle')}
          extra={<Button onClick={() => window.print()}>{t('inspections.print')}</Button>}
        />
      </div>
      <Loadable state={q}>
        {(s) => (
          <>
            <Card className="ow-print-sign" style={{ maxWidth: 480, margin: '0 auto', textAlign: 'center' }}>
              <Typography.Title level={2}>{t('inspections.signHeading')}</Typography.Title>
              <Typography.Title level={4}>{s.enterpriseName}</Typography.Title>
              <div
                role="img"
                aria-label={t('inspections.qrLabel')}
                dangerouslySetInnerHTML={{ __html: s.qrSvg }}
                style={{ width: 260, margin: '0 auto' }}
              />
              <Typography.Paragraph>{t('inspections.signText')}</Typography.Paragraph>
              <Typography.Text type="secondary">{s.url}</Typography.Text>
            </Card>
            <Card size="small">
              <Typography.Text>{t('inspections.checkCode', { code: s.checkCode })}</Typography.Text>
            </Card>
          </>
        )}
      </Loadable>
    </Flex>
  );
}
