import { useState } from 'react';
import { Checkbox, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemDetail, Material } from '../../api/types';
import { enumLabel } from '../../domain/enums';
import { MaterialDownloads } from './MaterialDownloads';

/** The blank forms and samples a guide's materials name, and the version to fetch them from. */
export interface GuideFiles {
  itemId: string;
  versionNo: number;
  list: ItemDetail['materialFiles'];
}

/**
 * What to bring, as a checklist a person ticks off at home. Materials the agency obtains itself
 * (shared data) need nothing from the applicant and are listed without a box.
 */
export function MaterialsChecklist({ materials, files }: { materials: Material[]; files?: GuideFiles }) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<Set<number>>(() => new Set());
  const toBring = materials.map((m, i) => ({ m, i })).filter(({ m }) => m.source !== 'agency');
  const requiredToBring = toBring.filter(({ m }) => m.required);
  const done = requiredToBring.filter(({ i }) => ticked.has(i)).length;

  const toggle = (i: number, on: boolean) =>
    setTicked((prev) => {
      const next = new Set(prev);
      if (on) next.add(i);
      else next.delete(i);
      return next;
    });

  if (materials.length === 0) return <Typography.Text>{t('guide.noMaterials')}</Typography.Text>;
  return (
    <Flex vertical gap="small">
      {requiredToBring.length > 0 && (
        <Flex align="center" gap="small" wrap>
          <Typography.Text id="materials-progress">
            {t('guide.readyCount', { done, total: requiredToBring.length })}
          </Typography.Text>
          <Progress
            percent={Math.round((done / requiredToBring.length) * 100)}
            size="small"
            style={{ maxWidth: 240 }}
            aria-labelledby="materials-progress"
          />
        </Flex>
      )}
      <ol className="ow-checklist" aria-label={t('guide.materials')}>
        {materials.map((m, i) => (
          <li key={`${m.name}-${i}`} className="ow-checklist-item">
            {m.source === 'agency' ? (
              <Typography.Text strong className="ow-material-name">
                {m.name}
              </Typography.Text>
            ) : (
              <Checkbox checked={ticked.has(i)} onChange={(e) => toggle(i, e.target.checked)}>
                <Typography.Text strong className="ow-material-name">
                  {m.name}
                </Typography.Text>
              </Checkbox>
            )}
            <Flex wrap gap={4} className="ow-material-tags">
              {m.required ? <Tag color="red">{t('guide.required')}</Tag> : <Tag>{t('guide.optional')}</Tag>}
              <Tag>{enumLabel(t, 'materialForm', m.form)}</Tag>
              <Tag>{t('guide.copies', { count: m.copies })}</Tag>
              {m.deferrable && <Tag color="gold">{t('guide.deferrable')}</Tag>}
              <Tag color={m.source === 'agency' ? 'green' : m.source === 'commitment' ? 'cyan' : 'default'}>
                {enumLabel(t, 'materialSource', m.source)}
              </Tag>
            </Flex>
            {m.notes && (
              <Typography.Paragraph type="secondary" className="ow-material-notes">
                {m.notes}
              </Typography.Paragraph>
            )}
            {files && <MaterialDownloads material={m} files={files} />}
          </li>
        ))}
      </ol>
      {materials.some((m) => m.deferrable) && (
        <Typography.Text type="secondary">{t('guide.deferrableExplain')}</Typography.Text>
      )}
    </Flex>
  );
}
