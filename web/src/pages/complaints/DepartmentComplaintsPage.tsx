import { useState } from 'react';
import { App, Button, Card, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintView, type QueueRow } from '../../api/complaints';
import { useApi } from '../../hooks/use-api';
import { FormModal } from '../../components/FormModal';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { messageOf } from '../../components/ProblemAlert';
import { QueueTable } from './QueueTable';
import { StepFields, toStepBody, type StepValues } from './StepFields';

type Open = { step: 'reply' | 'return'; ticket: ComplaintView };

/** What the department must handle, the reporter masked by the server; it replies or returns from the list. */
export default function DepartmentComplaintsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const q = useApi('complaint-department', (s) => complaintsApi.department(s));
  const [open, setOpen] = useState<Open | null>(null);
  const [form] = Form.useForm<StepValues>();
  // The step needs the version the handler read: the list does not carry it, the ticket does.
  const start = async (row: QueueRow, step: Open['step']) => {
    try {
      setOpen({ step, ticket: await complaintsApi.get(row.id) });
    } catch (e) {
      message.error(messageOf(e, t));
    }
  };
  return (
    <Flex vertical gap="middle">
      <PageTitle title={t('complaints.deptList.title')} subtitle={t('complaints.deptList.subtitle')} />
      <Card size="small">
        <Loadable state={q} isEmpty={(d) => d.items.length === 0} emptyText={t('complaints.deptList.none')}>
          {(d) => (
            <QueueTable
              items={d.items}
              ariaLabel={t('complaints.deptList.title')}
              actions={(r) =>
                r.state === 'dispatched' && (
                  <Flex gap="small">
                    <Button size="small" type="primary" onClick={() => start(r, 'reply')}>
                      {t('complaints.action.reply')}
                    </Button>
                    <Button size="small" onClick={() => start(r, 'return')}>
                      {t('complaints.action.return')}
                    </Button>
                  </Flex>
                )
              }
            />
          )}
        </Loadable>
      </Card>
      <FormModal<StepValues>
        open={open !== null}
        title={open ? t(`complaints.actionTitle.${open.step}`, { ticketNo: open.ticket.ticketNo }) : ''}
        form={form}
        fields={['reply', 'reason', 'suggestedDepartmentId', 'suggestedResponsible']}
        okText={open ? t(`complaints.action.${open.step}`) : undefined}
        width={720}
        onClose={() => setOpen(null)}
        onSubmit={async (v) => {
          await complaintsApi.act(
            open!.ticket.id,
            open!.step,
            toStepBody(open!.step, v, open!.ticket.version),
          );
          message.success(t('complaints.done'));
          q.reload();
        }}
      >
        {open && <StepFields step={open.step} ticket={open.ticket} />}
      </FormModal>
    </Flex>
  );
}
