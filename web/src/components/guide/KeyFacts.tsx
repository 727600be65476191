import { Col, Flex, Row, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ItemDetail } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { HandlingTag } from '../ItemTags';

/** What a person wants first: how many visits, how long, which kind of matter, whether it costs money. */
export function KeyFacts({ item }: { item: ItemDetail }) {
  const { t } = useTranslation();
  const instant = item.handlingClass === 'instant';
  return (
    <Flex vertical gap="small">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic
            title={t('guide.visits')}
            value={
              item.maxVisits === 0 ? t('item.zeroVisits') : t('item.maxVisits', { count: item.maxVisits })
            }
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('guide.committed')}
            value={instant ? t('guide.onTheSpot') : t('guide.workdays', { count: item.committedDays })}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('guide.statutory')}
            value={t('guide.workdays', { count: item.statutoryDays })}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('guide.fee')}
            value={item.fees.length === 0 ? t('item.free') : t('guide.feeLines', { count: item.fees.length })}
          />
        </Col>
      </Row>
      <Flex wrap gap={6} align="center">
        <HandlingTag value={item.handlingClass} />
        <Typography.Text type="secondary">{t(`guide.handlingExplain.${item.handlingClass}`)}</Typography.Text>
      </Flex>
      <Flex wrap gap={6} align="center">
        <Typography.Text>{t('guide.channels')}</Typography.Text>
        {item.channels.map((c) => (
          <Tag key={c}>{enumLabel(t, 'channel', c)}</Tag>
        ))}
        {item.onlineUrl && (
          <a href={item.onlineUrl} target="_blank" rel="noreferrer">
            {t('guide.applyOnline')}
          </a>
        )}
      </Flex>
      {!instant && item.committedDays > 0 && (
        <Link to={`/calendar?workdays=${item.committedDays}`}>
          {t('guide.whenDue', { count: item.committedDays })}
        </Link>
      )}
    </Flex>
  );
}
