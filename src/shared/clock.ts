/** The only source of "now" in the server. Use cases receive it; nothing calls Date.now() directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that tests (and the refused-in-production test mode) can move forward. */
export class ManualClock implements Clock {
  private current: number;
  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.current);
  }
  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export const isoNow = (clock: Clock): string => clock.now().toISOString();

/**
 * The clock of the test mode (ONEWINDOW_TIME_MODE=test, refused in production): real time plus an
 * offset that an administrator can move forward, so a demo or an end-to-end test can watch
 * deadlines pass.
 */
export class OffsetClock implements Clock {
  private offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
  advance(ms: number): void {
    if (ms < 0) throw new RangeError('the test clock only moves forward');
    this.offsetMs += ms;
  }
  get offset(): number {
    return this.offsetMs;
  }
}

/** How far a clock is from real time, in ms: what another thread needs to keep the same time. */
export const offsetFromRealTime = (clock: Clock): number => clock.now().getTime() - Date.now();

/** Real time plus an offset set from outside: a thread keeping the time of the thread that sends it work. */
export class FollowingClock implements Clock {
  offsetMs = 0;
  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}
