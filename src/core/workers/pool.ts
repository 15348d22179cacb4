import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** A worker bundled beside the bundle that runs it (dist/); from the TypeScript sources there is none. */
export function bundledWorker(name: string): string | undefined {
  const file = join(__dirname, name);
  return existsSync(file) ? file : undefined;
}

/**
 * A few worker threads running one bundled script, fed jobs as they finish: the indexer's
 * summaries and the CLI's many-note lint. Each worker keeps two jobs in flight, so it starts the
 * next while this thread takes in the last. Any worker error stops the whole pool.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  /** Per worker, what to do with each reply still to come, in the order the messages went. */
  private readonly waiting: Array<Array<(reply: unknown) => void>> = [];
  private failure: ((error: unknown) => void) | undefined;

  constructor(script: string, count: number, workerData: unknown, resourceLimits?: ResourceLimits) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(script, { workerData, ...(resourceLimits ? { resourceLimits } : {}) });
      const queue: Array<(reply: unknown) => void> = [];
      worker.on('message', (reply: unknown) => queue.shift()?.(reply));
      worker.on('error', (error) => this.failure?.(error));
      this.workers.push(worker);
      this.waiting.push(queue);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Hands out the jobs in order; `take` gets each reply with the number of the worker that did it. */
  run<J, R>(jobs: readonly J[], take: (reply: R, worker: number, job: J) => void, signal?: AbortSignal): Promise<void> {
    return this.conversation((finish) => {
      let next = 0;
      let outstanding = 0;
      const feed = (n: number) => {
        if (signal?.aborted) return finish(signal.reason);
        if (next >= jobs.length) {
          if (outstanding === 0) finish();
          return;
        }
        const job = jobs[next++] as J;
        outstanding++;
        this.reply<R>(n, job, (reply) => {
          outstanding--;
          take(reply, n, job);
          feed(n);
        });
      };
      signal?.addEventListener('abort', () => finish(signal.reason), { once: true });
      if (jobs.length === 0) return finish();
      this.workers.forEach((_, n) => {
        feed(n);
        feed(n);
      });
    });
  }

  /** One message to every worker (`message(n)` for worker n); resolves with their replies, in worker order. */
  each<R>(message: (worker: number) => unknown): Promise<R[]> {
    const replies: R[] = [];
    return this.conversation<R[]>((finish) => {
      let left = this.workers.length;
      if (left === 0) return finish(undefined, replies);
      this.workers.forEach((_, n) => {
        this.reply<R>(n, message(n), (reply) => {
          replies[n] = reply;
          if (--left === 0) finish(undefined, replies);
        });
      });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((w) => w.terminate()));
  }

  /** Sends one message and calls `then` with its reply (a worker answers its messages in the order sent). */
  private reply<R>(n: number, message: unknown, then: (reply: R) => void): void {
    (this.waiting[n] as Array<(reply: unknown) => void>).push(then as (reply: unknown) => void);
    (this.workers[n] as Worker).postMessage(message);
  }

  private conversation<T = void>(body: (finish: (error?: unknown, value?: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let finished = false;
      const finish = (error?: unknown, value?: T) => {
        if (finished) return;
        finished = true;
        this.failure = undefined;
        // Replies still to come after a failure are dropped: the caller closes the pool.
        if (error !== undefined) for (const queue of this.waiting) queue.length = 0;
        if (error !== undefined) reject(error);
        else resolve(value as T);
      };
      this.failure = (error) => finish(error ?? new Error('A worker thread failed'));
      body(finish);
    });
  }
}
