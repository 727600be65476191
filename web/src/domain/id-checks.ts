/**
 * Resident ID numbers (GB 11643) and unified social credit codes (GB 32100) checked in the browser
 * before anything is sent — by the server's own module (pure, no Node imports), so the two can
 * never disagree. The browser's "today" is the default bound on birth dates.
 */
import { checkResidentId as check } from '../../../src/modules/identity/id-checks';

export {
  checkCreditCode,
  creditCodeCheckChar,
  residentIdCheckChar,
  type IdCheckFailure,
} from '../../../src/modules/identity/id-checks';

export const checkResidentId = (raw: string, today: Date = new Date()) => check(raw, today);
