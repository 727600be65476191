import { Card, Flex, Button, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi, type HallGroup } from '../../../api/hall';
import { useApi } from '../../../hooks/use-api';
import { Loadable } from '../../../components/Loadable';

/** The slots a group publishes: working days only (the holiday calendar), with the places left. */
export function SlotPreview({ group, onClose }: { group: HallGroup; onClose: () => void }) {
  const { t } = useTranslation();
  const slots = useApi(`hall-admin-slots:${group.id}`, (s) => hallApi.slots(group.id, s));
  return (
    <Card
      size="small"
      title={<h2 className="ow-section-title">{t('hall.admin.previewTitle', { code: group.code })}</h2>}
      extra={<Button onClick={onClose}>{t('hall.admin.close')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('hall.admin.previewHelp')}</Typography.Paragraph>
      <Loadable state={slots}>
        {(d) => (
          <Flex vertical gap="small" data-testid="slot-preview">
            {d.days.slice(0, 5).map((day) => (
              <Flex key={day.day} gap="small" wrap align="center">
                <Typography.Text strong>{day.day}</Typography.Text>
                {day.slots.map((s) => (
                  <Tag key={s.slot}>
                    {s.slot}–{s.end} · {t('hall.admin.left', { n: s.left })}
                  </Tag>
                ))}
              </Flex>
            ))}
          </Flex>
        )}
      </Loadable>
    </Card>
  );
}
