import { Card, Descriptions, Flex, List, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { disclosureApi, type DocumentView } from '../../api/disclosure';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { StandingBanner, StandingTag } from './StandingTag';

type Ref = DocumentView['amends'];

function DocLink({ doc }: { doc: Ref }) {
  if (!doc) return null;
  return (
    <Flex wrap gap="small" align="center">
      <Link to={`/disclosure/documents/${doc.id}`}>
        {doc.title}（{doc.docNo}）
      </Link>
      <StandingTag standing={doc.standing} />
    </Flex>
  );
}

/** A normative document: how it stands (a banner when not in force), its versions, text, interpretation, citing items. */
export default function DocumentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const q = useApi(`disclosure-doc:${id}`, (s) => disclosureApi.document(id, s));
  return (
    <Loadable state={q} rows={10}>
      {(d) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={d.title}
            subtitle={`${d.docNo} · ${d.issuer}`}
            extra={<StandingTag standing={d.standing} />}
          />
          <StandingBanner standing={d.standing} expiresOn={d.expiresOn} />
          <Card size="small">
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 2, md: 3 }}
              items={[
                { key: 'no', label: t('disclosure.doc.docNo'), children: d.docNo },
                { key: 'issuer', label: t('disclosure.doc.issuer'), children: d.issuer },
                {
                  key: 'status',
                  label: t('disclosure.doc.status'),
                  children: t(`disclosure.status.${d.status}`),
                },
                { key: 'issued', label: t('disclosure.doc.issuedOn'), children: d.issuedOn },
                { key: 'effective', label: t('disclosure.doc.effectiveOn'), children: d.effectiveOn },
                {
                  key: 'expires',
                  label: t('disclosure.doc.expiresOn'),
                  children: d.expiresOn ?? t('disclosure.doc.noExpiry'),
                },
                ...(d.repealedOn
                  ? [
                      { key: 'repealedOn', label: t('disclosure.doc.repealedOn'), children: d.repealedOn },
                      { key: 'reason', label: t('disclosure.doc.repealReason'), children: d.repealReason },
                    ]
                  : []),
              ]}
            />
          </Card>
          {(d.amends || d.amendedBy || d.repealedBy) && (
            <Card size="small" title={t('disclosure.doc.versions')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  ...(d.amends
                    ? [{ key: 'a', label: t('disclosure.doc.amends'), children: <DocLink doc={d.amends} /> }]
                    : []),
                  ...(d.amendedBy
                    ? [
                        {
                          key: 'b',
                          label: t('disclosure.doc.amendedBy'),
                          children: <DocLink doc={d.amendedBy} />,
                        },
                      ]
                    : []),
                  ...(d.repealedBy
                    ? [
                        {
                          key: 'c',
                          label: t('disclosure.doc.repealedBy'),
                          children: <DocLink doc={d.repealedBy} />,
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          )}
          <Card size="small" title={t('disclosure.doc.body')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
          </Card>
          <Card size="small" title={t('disclosure.doc.interpretation')}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
              {d.interpretation ?? t('disclosure.doc.noInterpretation')}
            </Typography.Paragraph>
          </Card>
          <Card size="small" title={t('disclosure.doc.citedBy')}>
            <List
              dataSource={d.citedBy}
              locale={{ emptyText: t('disclosure.doc.noCitations') }}
              renderItem={(c) => (
                <List.Item key={c.linkId}>
                  <Flex vertical>
                    <Link to={`/items/${encodeURIComponent(c.itemCode)}`}>{c.itemName ?? c.itemCode}</Link>
                    <Typography.Text type="secondary" className="ow-small">
                      {[c.departmentName, c.basisTitle].filter(Boolean).join(' · ')}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      )}
    </Loadable>
  );
}
