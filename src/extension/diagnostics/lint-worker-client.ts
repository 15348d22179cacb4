// The extension host's side of the lint worker: one long-lived worker thread, one check at a time,
// open documents before Lint Workspace's notes, and a newer version of a document superseding the
// older check. No `vscode` import, so the unit tests and the bench drive it with a fake worker and
// clock, or the real bundled worker.
import { Worker } from 'node:worker_threads';
import type { Finding } from '../../core/model/types';
import type { WorkspaceView } from '../../core/workspace/view';
import { toWire, type CheckRequest, type FromWorker, type NoteSkeleton, type ToWorker } from './lint-worker-protocol';

/** What the client needs of a worker thread (node's Worker, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export interface Clock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realClock: Clock = {
  now: () => performance.now(),
  setTimeout: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending idle or watchdog timer never keeps a process (the CLI, a test, the bench) alive.
    t.unref();
    return t;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A worker that has not reported a check within this time is stopped and started again (the rules' own budget is 5 s). */
export const WATCHDOG_MS = 120_000;
/** An idle worker is stopped after this long, which frees its copy of the setup (some 100 MB). */
export const IDLE_MS = 5 * 60_000;
/** Restart cost assumed until one is measured: starting a worker and loading a setup. */
export const DEFAULT_RESTART_MS = 2000;
/** After this many crashes in a row, with no check finished between them, the worker is not started again. */
export const MAX_CRASHES = 3;

export interface OffHostJob {
  /** The document (its URI); a newer `edit` job of the same key supersedes this one. */
  key: string;
  /** `edit`: an open document, checked first; `batch`: a note of Lint Workspace. */
  priority: 'edit' | 'batch';
  request: Omit<CheckRequest, 'type' | 'id'>;
  /** Answers the worker's question about the other notes of a client (cross-note rules). */
  view: WorkspaceView;
}

export type OffHostOutcome =
  | { status: 'done'; findings: Finding[]; skeleton?: NoteSkeleton; ms: number }
  /** Superseded by a newer version of the document, or cancelled: nothing to show. */
  | { status: 'dropped' };

export interface LintWorkerClientOptions {
  /** Starts a worker thread; by default the bundled dist/lint-worker.js. */
  create: () => WorkerLike;
  clock?: Clock;
  /** Errors that belong to no check (the worker failing while idle, or given up on). */
  error: (context: string, error: unknown) => void;
  watchdogMs?: number;
  idleMs?: number;
}

interface Queued {
  id: number;
  job: OffHostJob;
  size: number;
  resolve: (outcome: OffHostOutcome) => void;
  reject: (error: Error) => void;
}

interface Running extends Queued {
  startedAt: number;
  /** A newer version arrived while it ran: its result is dropped. */
  stale: boolean;
}

export class LintWorkerClient {
  private worker: WorkerLike | undefined;
  private createdAt = 0;
  /** Workers stopped on purpose: their exit is no crash. */
  private readonly stopping = new Set<WorkerLike>();
  private lastError: Error | undefined;
  private running: Running | undefined;
  private readonly queue: Queued[] = [];
  private nextId = 1;
  private bootMs: number | undefined;
  private setupMs: number | undefined;
  /** Milliseconds per character of the last check of each document, and of any document. */
  private readonly rates = new Map<string, number>();
  private rate: number | undefined;
  private crashes = 0;
  private watchdog: unknown;
  private idle: unknown;
  private disposed = false;
  /** Set after MAX_CRASHES crashes in a row: checks then stay on the host thread. */
  broken = false;
  /** Workers started so far (for tests and the bench). */
  starts = 0;
  /** Workers stopped because a newer version made their check stale. */
  restartsForStale = 0;

  private readonly clock: Clock;

  constructor(private readonly options: LintWorkerClientOptions) {
    this.clock = options.clock ?? realClock;
  }

  /** Queues a check; an `edit` job replaces any older check of the same document. */
  check(job: OffHostJob): Promise<OffHostOutcome> {
    if (this.disposed) return Promise.resolve({ status: 'dropped' });
    if (this.broken) return Promise.reject(new Error('The lint worker stopped too often and is no longer started.'));
    if (job.priority === 'edit') this.cancel(job.key);
    return new Promise<OffHostOutcome>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, size: sizeOf(job.request.text), resolve, reject });
      this.next();
    });
  }

  /**
   * The document's checks are no longer wanted (a newer version, or the document closed). Queued
   * ones are dropped. A running one is stopped, with its worker, when it would still take longer
   * than starting a new worker (estimated from this document's last check); otherwise it finishes
   * and its result is dropped. Either way the host never waits for it.
   */
  cancel(key: string): void {
    this.drop((q) => q.job.priority === 'edit' && q.job.key === key);
    const running = this.running;
    if (!running || running.job.priority !== 'edit' || running.job.key !== key || running.stale) return;
    running.stale = true;
    const rate = this.rates.get(key) ?? this.rate;
    const remaining = rate === undefined ? undefined : running.size * rate - (this.clock.now() - running.startedAt);
    if (remaining !== undefined && remaining > this.restartCost()) {
      this.restartsForStale++;
      this.stop();
      this.finish(running, { status: 'dropped' });
    }
  }

  /** Drops every queued Lint Workspace check (the command was cancelled). */
  cancelBatch(): void {
    this.drop((q) => q.job.priority === 'batch');
  }

  /** What a restart costs: starting the worker and loading the setup, as last measured. */
  restartCost(): number {
    return this.bootMs !== undefined && this.setupMs !== undefined ? this.bootMs + this.setupMs : DEFAULT_RESTART_MS;
  }

  get busy(): boolean {
    return this.running !== undefined || this.queue.length > 0;
  }

  dispose(): void {
    this.disposed = true;
    this.drop(() => true);
    if (this.running) this.finish(this.running, { status: 'dropped' });
    this.clock.clearTimeout(this.idle);
    this.stop();
  }

  private drop(which: (q: Queued) => boolean): void {
    for (let i = this.queue.length - 1; i >= 0; i--) {
      const q = this.queue[i] as Queued;
      if (!which(q)) continue;
      this.queue.splice(i, 1);
      q.resolve({ status: 'dropped' });
    }
  }

  private next(): void {
    if (this.running || this.disposed || this.broken) return;
    const index = Math.max(0, this.queue.findIndex((q) => q.job.priority === 'edit'));
    const [q] = this.queue.splice(index, 1);
    this.clock.clearTimeout(this.idle);
    if (!q) {
      this.idle = this.clock.setTimeout(() => this.stop(), this.options.idleMs ?? IDLE_MS);
      return;
    }
    const worker = this.ensureWorker();
    this.running = { ...q, startedAt: this.clock.now(), stale: false };
    this.watchdog = this.clock.setTimeout(() => this.timedOut(), this.options.watchdogMs ?? WATCHDOG_MS);
    try {
      // A string (Lint Workspace, tests) is encoded only now: a superseded queued one never is.
      const { message, transfer } = toWire({ type: 'check', id: q.id, ...q.job.request });
      worker.postMessage(message, transfer);
    } catch (error) {
      this.fail(this.running, error instanceof Error ? error : new Error(String(error)));
    }
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.options.create();
    this.worker = worker;
    this.createdAt = this.clock.now();
    this.lastError = undefined;
    this.starts++;
    worker.on('message', (message) => {
      if (worker === this.worker) this.onMessage(worker, message);
    });
    worker.on('error', (error) => {
      if (worker === this.worker) this.lastError = error;
    });
    worker.on('exit', (code) => this.onExit(worker, code));
    return worker;
  }

  private onMessage(worker: WorkerLike, message: FromWorker): void {
    if (message.type === 'ready') {
      this.bootMs = this.clock.now() - this.createdAt;
      return;
    }
    const running = this.running;
    if (!running || running.id !== message.id) return;
    if (message.type === 'need') {
      let notes: ReturnType<WorkspaceView['notesOfClient']> = [];
      try {
        notes = running.job.view.notesOfClient(message.client);
      } catch (error) {
        this.options.error(`Reading the notes of ${message.client} for the lint worker`, error);
      }
      // Only what cross-note rules read, as plain data.
      const plain = notes.map((n) => ({ path: n.path, client: n.client, date: n.date, ...(n.session !== undefined ? { session: n.session } : {}), agreements: n.agreements }));
      worker.postMessage({ type: 'clientNotes', id: message.id, client: message.client, notes: plain });
      return;
    }
    this.crashes = 0;
    if (message.type === 'failed') {
      this.fail(running, new Error(`The lint worker could not check ${running.job.request.path}: ${message.error}`));
      return;
    }
    if (message.setupMs !== undefined) this.setupMs = message.setupMs;
    if (running.size > 0) {
      const rate = message.ms / running.size;
      this.rates.set(running.job.key, rate);
      this.rate = rate;
    }
    this.finish(running, running.stale ? { status: 'dropped' } : { status: 'done', findings: message.findings, ...(message.skeleton ? { skeleton: message.skeleton } : {}), ms: message.ms });
  }

  private onExit(worker: WorkerLike, code: number): void {
    if (this.stopping.delete(worker)) return;
    if (worker !== this.worker) return;
    this.worker = undefined;
    this.crashes++;
    const cause = this.lastError ? `: ${this.lastError.stack ?? this.lastError.message}` : '';
    const restart = this.crashes >= MAX_CRASHES ? `It stopped ${this.crashes} times in a row, so large notes are checked on the host thread from now on.` : 'It starts again for the next check.';
    const error = new Error(`The lint worker stopped unexpectedly (exit code ${code})${cause}. ${restart}`);
    if (this.crashes >= MAX_CRASHES) {
      this.broken = true;
      for (const q of this.queue.splice(0)) q.reject(error);
    }
    if (this.running) this.fail(this.running, error);
    else this.options.error('The lint worker', error);
  }

  private timedOut(): void {
    const running = this.running;
    if (!running) return;
    this.stop();
    this.fail(running, new Error(`The lint worker took more than ${Math.round((this.options.watchdogMs ?? WATCHDOG_MS) / 1000)} s to check ${running.job.request.path}, so it was stopped; it starts again for the next check.`));
  }

  /** Stops the worker on purpose (stale check, idle, watchdog, dispose). */
  private stop(): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    this.stopping.add(worker);
    worker.terminate().catch((error: unknown) => this.options.error('Stopping the lint worker', error));
  }

  private finish(running: Running, outcome: OffHostOutcome): void {
    this.settle(running);
    running.resolve(outcome);
    this.next();
  }

  private fail(running: Running, error: Error): void {
    this.settle(running);
    // A stale check's failure is still reported: nothing the worker does goes unsaid.
    running.reject(error);
    this.next();
  }

  private settle(running: Running): void {
    if (this.running !== running) return;
    this.running = undefined;
    this.clock.clearTimeout(this.watchdog);
  }
}

/** Characters of a string, bytes of UTF-8 slices: a document's checks always come in the same form, so its rate is comparable. */
function sizeOf(text: CheckRequest['text']): number {
  if (text === undefined) return 0;
  return typeof text === 'string' ? text.length : text.reduce((sum, bytes) => sum + bytes.byteLength, 0);
}

/** The bundled worker beside the running bundle (dist/lint-worker.js); absent under the TypeScript sources. */
export function createNodeWorker(script: string): () => WorkerLike {
  return () => new Worker(script) as unknown as WorkerLike;
}
