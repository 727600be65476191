import { Badge, Button, Card, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { casesApi } from '../../api/cases';
import { formatInstant } from '../../format/date';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { RegionList } from '../../components/RegionList';
import { messageLink } from '../../components/NotificationBell';

/** Everyone's own messages (消息), in the reader's language, each leading to its matter. */
export default function InboxPage() {
  const { t, i18n } = useTranslation();
  const inbox = useApi(`inbox:${i18n.language}`, (s) => casesApi.inbox(s));
  const read = async (id: string) => {
    await casesApi.readMessage(id);
    inbox.reload();
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('ux.bell.title')} />
      <Card size="small">
        <Loadable state={inbox} isEmpty={(d) => d.items.length === 0} emptyText={t('myCases.noMessages')}>
          {(d) => (
            <RegionList
              size="small"
              label={t('ux.bell.title')}
              dataSource={d.items}
              renderItem={(m) => (
                <List.Item
                  actions={
                    m.readAt
                      ? []
                      : [
                          <Button key="read" size="small" type="link" onClick={() => read(m.id)}>
                            {t('myCases.markRead')}
                          </Button>,
                        ]
                  }
                >
                  <Flex vertical gap={2}>
                    <Flex gap={6} align="center">
                      {!m.readAt && <Badge status="processing" />}
                      <Link to={messageLink(m)}>
                        <Typography.Text strong={!m.readAt}>{m.title}</Typography.Text>
                      </Link>
                    </Flex>
                    <Typography.Text type="secondary" className="ow-small">
                      {formatInstant(m.createdAt, i18n.language)} · {m.body}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Loadable>
      </Card>
    </Flex>
  );
}
