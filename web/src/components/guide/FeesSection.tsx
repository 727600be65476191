import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemFeeLine, PaymentPoint } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { describeFeeRule, formatFen } from '../../format/money';

/** The fees of an item, each with its amount in yuan and its basis; "free" said plainly when there are none. */
export function FeesSection({ fees, paymentPoint }: { fees: ItemFeeLine[]; paymentPoint: PaymentPoint }) {
  const { t, i18n } = useTranslation();
  if (fees.length === 0) return <Typography.Text>{t('guide.noFees')}</Typography.Text>;
  return (
    <Flex vertical gap="middle">
      {paymentPoint !== 'none' && (
        <Typography.Text>
          {t('guide.paymentPoint', { when: enumLabel(t, 'paymentPoint', paymentPoint) })}
        </Typography.Text>
      )}
      {fees.map((f) => {
        const rule = f.rule ? describeFeeRule(f.rule, i18n.language, t) : null;
        return (
          <div key={f.feeCode} className="ow-fee">
            <Flex justify="space-between" wrap gap="small">
              <Typography.Text strong>{f.name ?? f.feeCode}</Typography.Text>
              <Typography.Text strong className="ow-amount">
                {f.fixedAmountFen !== null
                  ? formatFen(f.fixedAmountFen, i18n.language)
                  : (rule?.amount ?? t('guide.amountUnknown'))}
              </Typography.Text>
            </Flex>
            {rule?.details.map((d) => (
              <div key={d} className="ow-small">
                {d}
              </div>
            ))}
            <dl className="ow-facts ow-facts-wide">
              {f.standard && (
                <>
                  <dt>{t('fees.standard')}</dt>
                  <dd>{f.standard}</dd>
                </>
              )}
              {f.basis && (
                <>
                  <dt>{t('fees.basis')}</dt>
                  <dd>{f.basis}</dd>
                </>
              )}
              {f.note && (
                <>
                  <dt>{t('fees.note')}</dt>
                  <dd>{f.note}</dd>
                </>
              )}
              <dt>{t('fees.code')}</dt>
              <dd>
                {f.feeCode}
                {!f.published && ` (${t('fees.notPublished')})`}
              </dd>
            </dl>
          </div>
        );
      })}
    </Flex>
  );
}
