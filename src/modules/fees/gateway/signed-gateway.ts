import { Type } from '@sinclair/typebox';
import { AppError } from '../../../server/errors.js';
import { schemaErrors } from '../../catalogue/validate-catalogue.js';
import { isPaymentCode } from '../codes.js';
import type { FormForChannel, PaymentChannel, VerifiedNotification } from './payment-channel.js';
import { checkSignature } from './signature.js';

/** The body of a payment notification (the wire format of docs/fees.md). */
export const NotificationBody = Type.Object(
  {
    notificationId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    transactionId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:-]+$' }),
    paymentCode: Type.String({ pattern: '^\\d{20}$' }),
    amountFen: Type.Integer({ minimum: 1, maximum: 1e12 }),
    paidAt: Type.String({ format: 'date-time' }),
    status: Type.Literal('paid'),
  },
  // A request body, not a view: a gateway may sign fields of its own into a notification, and those
  // must not make a genuine payment fail validation.
  { additionalProperties: true },
);

const REASONS = {
  missing: '缺少签名或时间戳 / signature or timestamp missing',
  malformed: '签名格式错误 / malformed signature',
  mismatch: '签名不符 / signature does not match',
  stale: '时间戳超出有效期，疑似重放 / timestamp outside the window: replay refused',
  body: '通知内容不符合格式 / body does not match the notification format',
} as const;

/**
 * An online gateway that notifies by HMAC-signed HTTP POST: the generic adapter for a real gateway
 * (its secret and checkout address from configuration) and, with a secret of its own, the built-in
 * simulated gateway — both verified by exactly this code.
 */
export class SignedGateway implements PaymentChannel {
  readonly kind = 'online' as const;
  constructor(
    readonly name: string,
    readonly secret: string,
    private readonly checkoutTemplate: string,
    private readonly maxAgeSeconds: number,
    private readonly label: string,
  ) {}

  checkoutUrl(form: FormForChannel): string {
    return this.checkoutTemplate
      .replaceAll('{paymentCode}', encodeURIComponent(form.paymentCode))
      .replaceAll('{amountFen}', String(form.outstandingFen))
      .replaceAll('{number}', encodeURIComponent(form.number));
  }

  describe(form: FormForChannel): string {
    return `${this.label}：${this.checkoutUrl(form)}`;
  }

  verify(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): VerifiedNotification {
    const sig = checkSignature(this.secret, headers, rawBody, now.getTime(), this.maxAgeSeconds);
    if (!sig.ok) throw new AppError('notification_rejected', { reason: REASONS[sig.reason] });
    let body: unknown;
    try {
      body = JSON.parse(rawBody);
    } catch {
      throw new AppError('notification_rejected', { reason: REASONS.body });
    }
    const errors = schemaErrors(NotificationBody, body);
    const b = body as {
      notificationId: string;
      transactionId: string;
      paymentCode: string;
      amountFen: number;
      paidAt: string;
    };
    if (errors.length || !isPaymentCode(b.paymentCode))
      throw new AppError('notification_rejected', { reason: REASONS.body }, errors);
    return {
      gateway: this.name,
      notificationId: b.notificationId,
      transactionId: b.transactionId,
      paymentCode: b.paymentCode,
      amountFen: b.amountFen,
      paidAt: new Date(b.paidAt).toISOString(),
    };
  }
}
