import { useEffect, useState } from 'react';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import QRCode from 'qrcode';
import { ticketLink, type Ticket } from '../../api/hall';

/** The printed ticket: the number, and the QR code (and link) to follow it on a phone. */
export function TicketSlip({ ticket, groupName }: { ticket: Ticket; groupName: string }) {
  const { t } = useTranslation();
  const link = ticketLink(ticket.token);
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    void QRCode.toDataURL(link, { margin: 1, width: 180 }).then(setQr);
  }, [link]);
  return (
    <Card data-testid="ticket-slip">
      <Flex vertical align="center" gap="small">
        <Typography.Text>{groupName}</Typography.Text>
        <Typography.Title level={1} style={{ margin: 0, fontSize: 56 }}>
          {ticket.number}
        </Typography.Title>
        {ticket.priorityReason && (
          <Typography.Text>{t(`hall.priority.${ticket.priorityReason}`)}</Typography.Text>
        )}
        {qr && <img src={qr} width={180} height={180} alt={t('hall.kiosk.qrAlt')} />}
        <Typography.Link href={link} data-testid="ticket-link">
          {t('hall.kiosk.follow')}
        </Typography.Link>
      </Flex>
    </Card>
  );
}
