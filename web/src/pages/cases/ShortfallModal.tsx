import { DatePicker, Form, Input, Typography } from 'antd';
import type dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../api/cases';
import { FormModal } from '../../components/FormModal';
import { addWorkingDays, isWorkingDay } from '../../domain/working-days';
import { todayInBeijing } from '../../format/date';
import { useSpecialDays } from '../../hooks/use-special-days';

type Act = (path: string, body: Record<string, unknown>) => Promise<void>;

/** A picker's popup inside its dialog (one portal, not one nested in another), scrolling with it. */
const inDialog = (trigger: HTMLElement) => trigger.parentElement ?? document.body;

/**
 * 容缺受理: the missing materials may follow by a deadline. The server takes a deadline after today
 * and no later than the committed completion date; the picker offers only those days, and only
 * working days among them (the applicant brings the papers to an open office).
 */
export function ShortfallModal({
  open,
  c,
  onClose,
  act,
}: {
  open: boolean;
  c: CaseView;
  onClose: () => void;
  act: Act;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ deadline: dayjs.Dayjs; commitment: string }>();
  const today = todayInBeijing();
  const special = useSpecialDays(Number(today.slice(0, 4)));
  const last = special ? addWorkingDays(today, c.committedDays, special) : null;
  const deferrable = c.materials.filter((m) => m.deferrable && m.status === 'missing').map((m) => m.name);
  const allowed = (d: dayjs.Dayjs) => {
    const date = d.format('YYYY-MM-DD');
    return !!special && !!last && date > today && date <= last && isWorkingDay(date, special);
  };
  return (
    <FormModal
      open={open}
      title={t('caseAction.accept_with_shortfall')}
      form={form}
      fields={['deadline', 'commitment']}
      onClose={onClose}
      okText={t('caseAction.accept')}
      onSubmit={(v) =>
        act('accept-with-shortfall', { deadline: v.deadline.format('YYYY-MM-DD'), commitment: v.commitment })
      }
    >
      {deferrable.length > 0 && (
        <Typography.Paragraph>
          {t('shortfall.missing', { names: deferrable.join('、') })}
        </Typography.Paragraph>
      )}
      <Form.Item
        name="deadline"
        label={t('shortfall.deadline')}
        extra={last ? t('formErrors.deadlineRange', { last }) : undefined}
        rules={[
          { required: true, message: t('apply.required') },
          {
            validator: async (_, d: dayjs.Dayjs | undefined) => {
              if (d && special && !allowed(d)) throw new Error(t('formErrors.deadlineRange', { last }));
            },
          },
        ]}
      >
        <DatePicker getPopupContainer={inDialog} disabledDate={(d) => !allowed(d)} />
      </Form.Item>
      <Form.Item
        name="commitment"
        label={t('shortfall.commitment')}
        rules={[
          { required: true, whitespace: true, message: t('apply.required') },
          { min: 10, message: t('formErrors.commitmentLength') },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
