import { Card, Col, Flex, Row, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { complaintsApi, type ComplaintView } from '../../api/complaints';
import { enumLabel } from '../../domain/enums';
import { useApi } from '../../hooks/use-api';
import { useAuth } from '../../hooks/use-auth';
import { Loadable } from '../../components/Loadable';
import { PageTitle } from '../../components/PageTitle';
import { ComplaintActions } from './ComplaintActions';
import { ComplaintHistory } from './ComplaintHistory';
import { DuplicatesCard } from './DuplicatesCard';
import { FeeContextCard } from './FeeContextCard';
import { ReporterCard } from './ReporterCard';
import { Attachments, TicketFacts } from './TicketFacts';

/** One ticket: what was reported, by whom (as this viewer may see it), its clocks, the steps allowed, its history. */
export default function ComplaintDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const q = useApi(`complaint:${id}`, (s) => complaintsApi.get(id, s));
  return (
    <Loadable state={q} rows={8}>
      {(c) => (
        <Flex vertical gap="middle">
          <PageTitle
            title={t('complaints.ticketTitle', { ticketNo: c.ticketNo })}
            subtitle={<Tag data-testid="complaint-state">{enumLabel(t, 'complaintState', c.state)}</Tag>}
            extra={<ComplaintActions ticket={c} onChanged={q.reload} />}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Flex vertical gap="middle">
                <TicketFacts ticket={c} />
                {c.reply && (
                  <Card size="small" title={t('complaints.reply')}>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.reply}</Typography.Paragraph>
                  </Card>
                )}
                <ComplaintHistory history={c.history} />
              </Flex>
            </Col>
            <Col xs={24} lg={8}>
              <Flex vertical gap="middle">
                <ReporterCard ticket={c} />
                <Attachments ticket={c} />
                <SideCards ticket={c} onChanged={q.reload} />
              </Flex>
            </Col>
          </Row>
        </Flex>
      )}
    </Loadable>
  );
}

function SideCards({ ticket, onChanged }: { ticket: ComplaintView; onChanged: () => void }) {
  const { hasRole } = useAuth();
  const staff = hasRole('complaint_officer', 'supervisor');
  return (
    <>
      {staff && ticket.allowedActions.includes('merge') && (
        <DuplicatesCard ticket={ticket} onChanged={onChanged} />
      )}
      {staff && ticket.concerns.feeReference && <FeeContextCard id={ticket.id} />}
    </>
  );
}
