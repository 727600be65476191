import { useEffect, type ReactNode } from 'react';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  title: string;
  subtitle?: ReactNode;
  extra?: ReactNode;
}

/** The page's one H1 (sized like a section title), also used as the browser tab title. */
export function PageTitle({ title, subtitle, extra }: Props) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Flex className="ow-page-title" justify="space-between" align="center" wrap gap="small">
      <div>
        <Typography.Title level={1} className="ow-h1" style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Text type="secondary">{subtitle}</Typography.Text>}
      </div>
      {extra}
    </Flex>
  );
}
