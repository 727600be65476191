import type { HallDeps } from './hall-deps.js';
import { recordNoShows } from './record-no-shows.js';

/**
 * The hall's background pass: no-shows are recorded once a minute. Every instance may run it; an
 * appointment changes at its version, so two instances never count one no-show twice.
 */
export class HallRunner {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  constructor(
    private readonly deps: HallDeps,
    private readonly onError: (e: unknown) => void = () => {},
  ) {}

  start(intervalMs = 60_000): void {
    this.timer ??= setInterval(() => {
      if (this.running) return;
      this.running = recordNoShows(this.deps)
        .catch(this.onError)
        .finally(() => (this.running = undefined));
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
    this.deps.feed.close();
  }
}
