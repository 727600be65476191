import type { Config } from '../../../config/config.js';
import type { Db } from '../../../db/database.js';
import type { Clock } from '../../../shared/clock.js';
import type { Channel } from './channel.js';
import { emailChannel } from './email-channel.js';
import { inboxChannel } from './inbox-channel.js';
import { smsChannel } from './sms-channel.js';

/** The inbox always; email when SMTP_URL is set; SMS when SMS_GATEWAY_URL is. */
export function channelsFromConfig(
  config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'smsGateway'>,
  db: Db,
  clock: Clock,
): Channel[] {
  return [
    inboxChannel(db),
    ...(config.smtpUrl ? [emailChannel(config.smtpUrl, config.mailFrom)] : []),
    ...(config.smsGateway ? [smsChannel(config.smsGateway, clock)] : []),
  ];
}
