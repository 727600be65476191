import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hallApi } from '../../api/hall';
import { useApi } from '../../hooks/use-api';
import { Loadable } from '../../components/Loadable';

export interface Picked {
  day: string;
  slot: string;
}

/** The working days and the slots of a group with places left; a full slot cannot be chosen. */
export function SlotPicker({
  groupId,
  value,
  onChange,
}: {
  groupId: string;
  value: Picked | null;
  onChange: (p: Picked) => void;
}) {
  const { t } = useTranslation();
  const q = useApi(`hall-slots:${groupId}`, (s) => hallApi.slots(groupId, s));
  return (
    <Loadable state={q} isEmpty={(d) => d.days.length === 0} emptyText={t('hall.book.noSlots')}>
      {(d) => {
        const day = d.days.find((x) => x.day === value?.day) ?? d.days[0]!;
        return (
          <Flex vertical gap="small">
            <Select
              style={{ width: 200 }}
              aria-label={t('hall.book.day')}
              value={day.day}
              onChange={(v: string) => onChange({ day: v, slot: '' })}
              options={d.days.map((x) => ({ value: x.day, label: x.day }))}
            />
            <Flex gap="small" wrap role="group" aria-label={t('hall.book.slot')}>
              {day.slots.map((s) => (
                <Button
                  key={s.slot}
                  type={value?.day === day.day && value.slot === s.slot ? 'primary' : 'default'}
                  disabled={s.left === 0}
                  onClick={() => onChange({ day: day.day, slot: s.slot })}
                >
                  {s.slot}–{s.end}
                  <Typography.Text type="secondary" style={{ marginLeft: 6 }}>
                    {t('hall.book.left', { n: s.left })}
                  </Typography.Text>
                </Button>
              ))}
            </Flex>
          </Flex>
        );
      }}
    </Loadable>
  );
}
