import type { ReactNode } from 'react';
import { Alert, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../api/types';
import { enumLabel, lifeEventLabel } from '../../domain/enums';
import { formatInstant } from '../../format/date';
import { FeesSection } from './FeesSection';
import { GuideSection } from './GuideSection';
import { KeyFacts } from './KeyFacts';
import { MaterialsChecklist } from './MaterialsChecklist';
import { ProcedureSection } from './ProcedureSection';
import { WhereWhen } from './WhereWhen';
import { localName } from '../../i18n/local-name';

/** The service guide laid out in the order a person reads it: can I, what to bring, where, how long, what it costs. */
export function ItemGuide({
  item,
  actuals,
  basisExtra,
  titleLevel = 1,
}: {
  item: ItemDetail;
  actuals?: ReactNode;
  basisExtra?: ReactNode;
  titleLevel?: 1 | 2;
}) {
  const { t, i18n } = useTranslation();
  const title = localName(item, i18n.language);
  const sections = [
    'facts',
    'materials',
    'conditions',
    'procedure',
    'fees',
    'where',
    'responsibility',
    'basis',
  ];
  return (
    <Flex vertical gap="middle" className="ow-guide">
      <header>
        <Typography.Title level={titleLevel} className="ow-guide-title">
          {title}
        </Typography.Title>
        {/* The official name too: it is the one the window and the documents use. */}
        {title !== item.name && (
          <Typography.Paragraph type="secondary" lang="zh-CN" className="ow-guide-official-name">
            {item.name}
          </Typography.Paragraph>
        )}
        <Flex wrap gap={4} align="center">
          <Tag color="blue">{enumLabel(t, 'itemType', item.type)}</Tag>
          <Tag>{enumLabel(t, 'level', item.level)}</Tag>
          {item.lifeEvents.map((e) => (
            <Link key={e} to={`/life-events/${encodeURIComponent(e)}`}>
              <Tag>{lifeEventLabel(t, e)}</Tag>
            </Link>
          ))}
        </Flex>
        <Typography.Text type="secondary" className="ow-small">
          {t('guide.codeVersion', {
            code: item.code,
            no: item.version.no,
            date: formatInstant(item.version.publishedAt, i18n.language),
          })}
        </Typography.Text>
      </header>

      <nav aria-label={t('guide.contents')} className="ow-toc">
        {sections.map((s) => (
          <a key={s} href={`#${s}`}>
            {t(`guide.section.${s}`)}
          </a>
        ))}
      </nav>

      <GuideSection id="facts" title={t('guide.section.facts')}>
        <Typography.Paragraph>{t('guide.result', { result: item.resultName })}</Typography.Paragraph>
        <KeyFacts item={item} />
      </GuideSection>

      {/* The service commitment against what happened (the public dashboard's part of the guide). */}
      {actuals && (
        <GuideSection id="commitment" title={t('dashboard.guideSection')}>
          {actuals}
        </GuideSection>
      )}

      <GuideSection id="materials" title={t('guide.section.materials')}>
        <MaterialsChecklist
          materials={item.materials}
          files={{ itemId: item.id, versionNo: item.version.no, list: item.materialFiles }}
        />
      </GuideSection>

      <GuideSection id="conditions" title={t('guide.section.conditions')}>
        {item.conditions.length === 0 ? (
          <Typography.Text>{t('guide.noConditions')}</Typography.Text>
        ) : (
          <ol className="ow-numbered">
            {item.conditions.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
        )}
      </GuideSection>

      <GuideSection id="procedure" title={t('guide.section.procedure')}>
        <ProcedureSection item={item} />
      </GuideSection>

      <GuideSection id="fees" title={t('guide.section.fees')}>
        <FeesSection fees={item.fees} paymentPoint={item.paymentPoint} />
      </GuideSection>

      <GuideSection id="where" title={t('guide.section.where')}>
        <WhereWhen item={item} />
      </GuideSection>

      <GuideSection id="responsibility" title={t('guide.section.responsibility')}>
        <dl className="ow-facts ow-facts-wide">
          <dt>{t('guide.department')}</dt>
          <dd>
            {item.department ? (
              <Link to={`/departments/${item.department.code}`}>
                {localName(item.department, i18n.language)}
              </Link>
            ) : (
              '—'
            )}
          </dd>
          <dt>{t('guide.implementingBody')}</dt>
          <dd>{item.implementingBody}</dd>
          <dt>{t('guide.leader')}</dt>
          <dd>{item.responsibleLeader}</dd>
        </dl>
        <Alert
          type="info"
          title={t('guide.commitment')}
          description={item.commitment}
          className="ow-commitment"
        />
      </GuideSection>

      <GuideSection id="basis" title={t('guide.section.basis')}>
        <ul className="ow-plain-list ow-basis">
          {item.legalBasis.map((b, i) => (
            <li key={i}>
              <Tag>{enumLabel(t, 'legalKind', b.kind)}</Tag> {b.title}
              {b.articles ? ` ${b.articles}` : ''}
            </li>
          ))}
        </ul>
        {basisExtra}
      </GuideSection>
    </Flex>
  );
}
