import { createHmac } from 'node:crypto';
import type { SmsGatewayConfig } from '../../../config/config.js';
import type { Clock } from '../../../shared/clock.js';
import { PermanentDeliveryError } from '../errors.js';
import type { Channel, OutgoingMessage } from './channel.js';

/** The signature the gateway checks: hex HMAC-SHA256 of `${timestamp}.${body}` with the shared secret. */
export const smsSignature = (secret: string, timestamp: string, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * The HTTP SMS gateway adapter: POST JSON { to, text, id } signed with the key id, a Unix timestamp
 * (seconds, from the injected clock) and the HMAC. The id is the delivery's, so the gateway can drop
 * a retry it already sent. Anything but 2xx is a failure; 4xx other than 408/429 will not improve.
 */
export function smsChannel(cfg: SmsGatewayConfig, clock: Clock): Channel {
  return {
    name: 'sms',
    async send(to: string, m: OutgoingMessage) {
      const body = JSON.stringify({ to, text: m.sms, id: m.id });
      const timestamp = String(Math.floor(clock.now().getTime() / 1000));
      const res = await fetch(cfg.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-onewindow-key': cfg.keyId,
          'x-onewindow-timestamp': timestamp,
          'x-onewindow-signature': smsSignature(cfg.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(cfg.timeoutMs),
      });
      // Read the answer in any case so the connection can be reused; only its start is kept.
      const answer = (await res.text().catch(() => '')).slice(0, 200);
      if (res.ok) return;
      const message = `SMS gateway answered HTTP ${res.status}${answer ? `: ${answer}` : ''}`;
      if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429)
        throw new PermanentDeliveryError(message);
      throw new Error(message);
    },
  };
}
