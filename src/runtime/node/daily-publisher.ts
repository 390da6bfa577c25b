import { nextShanghaiMidnight } from '../../daily/calendar.ts';
import type { DailyService } from '../../daily/service.ts';

/**
 * The Node server's publishing job: fixes the days that have gone out now (catching up after
 * downtime), then again at every Shanghai midnight. Failures are logged and retried at the next
 * boundary (or in a minute); reads never depend on this having run, since they answer from the
 * same plan. Returns a function that stops the timer.
 */
export function startDailyPublisher(daily: DailyService, log = console): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const run = async () => {
    let retry = false;
    try {
      const written = await daily.publishDue();
      if (written.length)
        log.info(`daily: published ${written.map((d) => `${d.day} ${d.quoteId}`).join(', ')}`);
    } catch (error) {
      retry = true;
      log.error(`daily: publishing failed: ${(error as Error).message}`);
    }
    if (stopped) return;
    const wait = retry ? 60_000 : nextShanghaiMidnight().getTime() - Date.now() + 1_000;
    timer = setTimeout(() => void run(), Math.max(1_000, wait));
    timer.unref();
  };
  void run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
