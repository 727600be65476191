import nodemailer from 'nodemailer';
import { PermanentDeliveryError } from '../errors.js';
import type { Channel, OutgoingMessage } from './channel.js';

/** Email over SMTP (SMTP_URL, MAIL_FROM). One connection per message: volumes are small. */
export function emailChannel(smtpUrl: string, from: string): Channel {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    name: 'email',
    async send(to: string, m: OutgoingMessage) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: m.title,
          text: m.body,
          headers: { 'X-OneWindow-Delivery': m.id, 'Content-Language': m.locale },
        });
      } catch (err) {
        // 5xx: the server refuses this message for good (unknown mailbox, policy); 4xx and network errors may pass later.
        const code = (err as { responseCode?: unknown }).responseCode;
        if (typeof code === 'number' && code >= 500 && code < 600)
          throw Object.assign(new PermanentDeliveryError((err as Error).message), { responseCode: code });
        throw err;
      }
    },
  };
}
