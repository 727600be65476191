import { useState } from 'react';
import { App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { FormModal } from '../../components/FormModal';
import { StepFields, toStepBody, type StepValues } from './StepFields';

/** The steps the server allows this viewer now, each a button with its form (merging is done from the duplicates). */
export const STEP_PATH: Record<string, string> = {
  accept: 'accept',
  refuse: 'refuse',
  dispatch: 'dispatch',
  return: 'return',
  decide_return: 'decide-return',
  reassign: 'reassign',
  reply: 'reply',
  close: 'close',
  callback: 'callback',
};
const PRIMARY = new Set(['accept', 'dispatch', 'reply', 'close']);

export function ComplaintActions({ ticket, onChanged }: { ticket: ComplaintView; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<string | null>(null);
  const [form] = Form.useForm<StepValues>();
  const steps = ticket.allowedActions.filter((a) => a in STEP_PATH);
  if (steps.length === 0) return null;
  return (
    <Flex gap="small" wrap>
      {steps.map((a) => (
        <Button
          key={a}
          type={PRIMARY.has(a) ? 'primary' : 'default'}
          danger={a === 'refuse'}
          onClick={() => setOpen(a)}
        >
          {t(`complaints.action.${a}`)}
        </Button>
      ))}
      <FormModal<StepValues>
        open={open !== null}
        title={open ? t(`complaints.actionTitle.${open}`, { ticketNo: ticket.ticketNo }) : ''}
        form={form}
        fields={[
          'note',
          'reasons',
          'departmentId',
          'reason',
          'suggestedDepartmentId',
          'suggestedResponsible',
          'decision',
          'reply',
          'reached',
        ]}
        okText={open ? t(`complaints.action.${open}`) : undefined}
        width={open === 'reply' ? 720 : undefined}
        initialValues={
          open === 'dispatch'
            ? { departmentId: ticket.department.id }
            : open === 'decide_return'
              ? { decision: 'upheld' }
              : open === 'callback'
                ? { reached: true }
                : {}
        }
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          await complaintsApi.act(ticket.id, STEP_PATH[open!]!, toStepBody(open!, v, ticket.version));
          message.success(t('complaints.done'));
          onChanged();
        }}
      >
        {open && <StepFields step={open} ticket={ticket} />}
      </FormModal>
    </Flex>
  );
}
