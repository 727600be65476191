import { useState } from 'react';
import { App, Button, Card, Flex, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi, type DocumentSummary } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { StandingTag } from './StandingTag';
import { LinkItemModal, PublishDocumentModal, RepealModal } from './DocumentForms';

/** Administrators keep the library: publish, amend (a new version), repeal, link items' legal basis. */
export default function ManageDocumentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('disclosure-manage', (s) => disclosureApi.documents({}, s));
  const [publishing, setPublishing] = useState<{ amends: DocumentSummary | null } | null>(null);
  const [repealing, setRepealing] = useState<{ id: string; docNo: string; version: number } | null>(null);
  const [linking, setLinking] = useState<DocumentSummary | null>(null);
  const done = (key: string) => () => {
    void message.success(t(key));
    q.reload();
  };
  const repeal = async (d: DocumentSummary) => {
    const full = await disclosureApi.document(d.id);
    setRepealing({ id: d.id, docNo: d.docNo, version: full.version });
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle
        title={t('disclosure.manage.title')}
        extra={
          <Button type="primary" onClick={() => setPublishing({ amends: null })}>
            {t('disclosure.manage.publish')}
          </Button>
        }
      />
      <Card size="small">
        <Loadable state={q}>
          {(d) => (
            <Table
              rowKey="id"
              size="small"
              dataSource={d.items}
              scroll={{ x: 'max-content' }}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                { title: t('disclosure.doc.docNo'), dataIndex: 'docNo' },
                {
                  title: t('disclosure.doc.title'),
                  dataIndex: 'title',
                  render: (v: string, r) => <Link to={`/disclosure/documents/${r.id}`}>{v}</Link>,
                },
                { title: t('disclosure.doc.issuedOn'), dataIndex: 'issuedOn' },
                {
                  title: t('disclosure.doc.standing'),
                  dataIndex: 'standing',
                  render: (_: unknown, r) => <StandingTag standing={r.standing} />,
                },
                {
                  title: t('disclosure.manage.actions'),
                  key: 'actions',
                  render: (_: unknown, r) =>
                    r.status === 'valid' ? (
                      <Flex gap={4} wrap>
                        <Button size="small" onClick={() => setPublishing({ amends: r })}>
                          {t('disclosure.manage.amend')}
                        </Button>
                        <Button size="small" danger onClick={() => void repeal(r)}>
                          {t('disclosure.manage.repeal')}
                        </Button>
                        <Button size="small" onClick={() => setLinking(r)}>
                          {t('disclosure.manage.link')}
                        </Button>
                      </Flex>
                    ) : null,
                },
              ]}
            />
          )}
        </Loadable>
      </Card>
      <PublishDocumentModal
        open={publishing !== null}
        amends={publishing?.amends ?? null}
        onClose={() => setPublishing(null)}
        onDone={done('disclosure.manage.published')}
      />
      <RepealModal
        doc={repealing}
        onClose={() => setRepealing(null)}
        onDone={done('disclosure.manage.repealed')}
      />
      <LinkItemModal
        doc={linking}
        onClose={() => setLinking(null)}
        onDone={done('disclosure.manage.linked')}
      />
    </Flex>
  );
}
