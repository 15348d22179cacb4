import { monitorEventLoopDelay } from 'node:perf_hooks';

/** The longest the event loop was held (ms) while `run` ran: what an extension host would feel. */
export async function longestBlock(run: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  try {
    await run();
  } finally {
    delay.disable();
  }
  return delay.max / 1e6;
}
