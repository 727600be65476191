import { randomBytes } from 'node:crypto';
import type { AppContext } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import type { CaseFees } from '../cases/case-deps.js';
import { FeeCaseSeam } from './case-fees.js';
import { counterChannel, type PaymentChannel } from './gateway/payment-channel.js';
import { SignedGateway } from './gateway/signed-gateway.js';
import { NotificationBatcher } from './notification-batcher.js';
import type { NotificationOutcome } from './apply-notifications.js';
import type { FeeRuntime } from './runtime.js';

export interface FeesModule {
  rt: FeeRuntime;
  caseFees: CaseFees;
  /** online gateways by name: the simulated one (when on) and the configured HTTP one */
  gateways: Map<string, SignedGateway>;
  /** every channel, in the order the payment form lists them */
  channels: PaymentChannel[];
  batcher: NotificationBatcher;
  /** verifies a notification as it arrived (raw body, headers) and applies it once */
  receive(
    gateway: string,
    rawBody: string,
    headers: Record<string, string | string[] | undefined>,
  ): Promise<NotificationOutcome>;
}

const modules = new WeakMap<AppContext, FeesModule>();

/** The fee module's wiring for one application context (the case module calls it for its seam). */
export function feesModule(ctx: AppContext): FeesModule {
  let m = modules.get(ctx);
  if (m) return m;
  const cfg = ctx.config.fees;
  const rt: FeeRuntime = {
    db: ctx.db,
    clock: ctx.clock,
    calendars: ctx.calendars,
    config: cfg,
    publicBaseUrl: ctx.config.publicBaseUrl,
  };
  const gateways = new Map<string, SignedGateway>();
  // The simulator's secret lives in this process only: its notifications are made and checked here.
  if (cfg.simulator)
    gateways.set(
      'simulated',
      new SignedGateway(
        'simulated',
        randomBytes(32).toString('hex'),
        `${rt.publicBaseUrl}/api/v1/pay/{paymentCode}`,
        cfg.notificationMaxAgeSeconds,
        '网上缴款（模拟支付，演示用）',
      ),
    );
  if (cfg.gateway) {
    const checkout = cfg.gateway.checkoutUrl ?? `${rt.publicBaseUrl}/api/v1/pay/{paymentCode}`;
    gateways.set(
      cfg.gateway.name,
      new SignedGateway(
        cfg.gateway.name,
        cfg.gateway.secret,
        checkout,
        cfg.notificationMaxAgeSeconds,
        '网上缴款',
      ),
    );
  }
  const batcher = new NotificationBatcher(rt, { parallel: ctx.database.dialect === 'postgres' ? 4 : 1 });
  m = {
    rt,
    caseFees: new FeeCaseSeam(rt),
    gateways,
    batcher,
    channels: [
      ...[...gateways.values()].filter((g) => g.name !== 'simulated' || !cfg.gateway),
      counterChannel('清河市政务服务中心一楼统一收费窗口'),
    ],
    receive: async (gateway, rawBody, headers) => {
      const g = gateways.get(gateway);
      if (!g) throw notFound('gateway', gateway);
      const n = g.verify(rawBody, headers, rt.clock.now());
      if (n.gateway !== gateway) throw new AppError('notification_rejected', { reason: 'gateway' });
      return batcher.submit(n);
    },
  };
  modules.set(ctx, m);
  return m;
}
