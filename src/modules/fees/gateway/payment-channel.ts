/** A payment notification as every online gateway sends it, once its signature has been checked. */
export interface VerifiedNotification {
  gateway: string;
  notificationId: string;
  transactionId: string;
  paymentCode: string;
  amountFen: number;
  paidAt: string;
}

export interface FormForChannel {
  number: string;
  paymentCode: string;
  outstandingFen: number;
}

/**
 * One interface for every way a payer pays. Online channels send signed notifications and have a
 * checkout address; the counter is recorded by a clerk. Each says on the form how to use it.
 */
export interface PaymentChannel {
  name: string;
  kind: 'online' | 'counter';
  /** The line printed under 缴款方式 on the payment form. */
  describe(form: FormForChannel): string;
  checkoutUrl?(form: FormForChannel): string;
  /** Online only: checks signature, freshness and shape; throws AppError('notification_rejected'). */
  verify?(
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
    now: Date,
  ): VerifiedNotification;
}

export const counterChannel = (where: string): PaymentChannel => ({
  name: 'counter',
  kind: 'counter',
  describe: () => `窗口缴款：${where}（现金、POS 刷卡），凭缴款书编号缴款`,
});
