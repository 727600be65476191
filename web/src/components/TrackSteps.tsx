import { Steps, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The steps a citizen's application goes through, in their order. */
const STEPS = ['submitted', 'accepted', 'review', 'decided', 'completed'] as const;

/** Which step a case state has reached (index into STEPS), and whether it ended early. */
export function stepOf(state: string): { current: number; ended: 'not_accepted' | 'withdrawn' | null } {
  switch (state) {
    case 'draft':
      return { current: -1, ended: null };
    case 'received':
    case 'awaiting_supplement':
      return { current: 0, ended: null };
    case 'under_review':
      return { current: 2, ended: null };
    case 'decided':
      return { current: 3, ended: null };
    case 'completed':
      return { current: 4, ended: null };
    case 'not_accepted':
      return { current: 1, ended: 'not_accepted' };
    case 'withdrawn':
      return { current: 0, ended: 'withdrawn' };
    default:
      return { current: 0, ended: null };
  }
}

/** A step timeline in plain words: 提交申请 → 受理 → 审查 → 作出决定 → 办结. */
export function TrackSteps({ state }: { state: string }) {
  const { t } = useTranslation();
  const { current, ended } = stepOf(state);
  return (
    <Steps
      size="small"
      responsive
      current={Math.max(0, current)}
      status={ended ? 'error' : state === 'completed' ? 'finish' : 'process'}
      aria-label={t('ux.track.stepsLabel')}
      items={STEPS.map((s, i) => ({
        title: t(`ux.track.step.${s}`),
        description:
          i === current && ended ? (
            <Tag color="red">{t(`ux.track.ended.${ended}`)}</Tag>
          ) : i === 0 && state === 'awaiting_supplement' ? (
            t('ux.track.awaitingSupplement')
          ) : undefined,
      }))}
    />
  );
}

/** A clock's colour as a citizen reads it: on time, due soon, late — never 绿灯/黄灯/红灯. */
export function PlainColour({ colour }: { colour: string | null }) {
  const { t } = useTranslation();
  if (!colour) return null;
  const tone: Record<string, string> = { green: 'green', yellow: 'gold', red: 'red' };
  return (
    <Tag color={tone[colour] ?? 'default'}>{t(`ux.track.colour.${colour}`, { defaultValue: colour })}</Tag>
  );
}
