import { randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signBody } from './signature.js';
import type { SignedGateway } from './signed-gateway.js';

/**
 * What the simulated gateway does when the payer confirms: it makes the notification a real gateway
 * would post — a body and its HMAC signature headers — for the same verification as any other.
 */
export function simulatedNotification(
  g: SignedGateway,
  clock: Clock,
  paymentCode: string,
  amountFen: number,
): { rawBody: string; headers: Record<string, string> } {
  const now = clock.now();
  const id = randomBytes(8).toString('hex');
  const rawBody = JSON.stringify({
    notificationId: `SIM-N-${id}`,
    transactionId: `SIM-T-${now.getTime()}-${id}`,
    paymentCode,
    amountFen,
    paidAt: now.toISOString(),
    status: 'paid',
  });
  const timestamp = Math.floor(now.getTime() / 1000);
  return {
    rawBody,
    headers: {
      [SIGNATURE_HEADER]: signBody(g.secret, timestamp, rawBody),
      [TIMESTAMP_HEADER]: String(timestamp),
      'content-type': 'application/json',
    },
  };
}
