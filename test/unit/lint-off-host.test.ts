// The routing and scheduling of checks between the extension host thread and the lint worker
// (src/extension/diagnostics/lint-scheduler.ts, lint-worker-client.ts), driven with a fake worker
// and a fake clock: which path a note takes, stale results dropped, superseded checks stopped or
// left to finish, crashes restarting the worker with a message. No timing is asserted.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/model/types';
import { foldingSpans, outline } from '../../src/core/note/outline';
import type { Note } from '../../src/core/note/types';
import { parseWith } from '../../src/core/workspace/batch';
import type { NoteSummaryForRules } from '../../src/core/workspace/view';
import { DEFAULT_RESTART_MS, LintWorkerClient, MAX_CRASHES, type Clock, type WorkerLike } from '../../src/extension/diagnostics/lint-worker-client';
import { skeletonOf, textOf, type CheckRequest, type FromWorker, type ToWorker } from '../../src/extension/diagnostics/lint-worker-protocol';
import { foldingOf, LintScheduler, type DocSettings, type LintDoc, type SchedulerPort } from '../../src/extension/diagnostics/lint-scheduler';
import { setupWith } from './support/setup';

class FakeClock implements Clock {
  t = 0;
  private id = 0;
  readonly timers = new Map<number, { at: number; fn: () => void }>();
  now(): number {
    return this.t;
  }
  setTimeout(fn: () => void, ms: number): unknown {
    this.timers.set(++this.id, { at: this.t + ms, fn });
    return this.id;
  }
  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }
  /** Moves time on, firing due timers in order. */
  advance(ms: number): void {
    const target = this.t + ms;
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.timers) if (entry[1].at <= target && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = next[1].at;
      next[1].fn();
    }
    this.t = target;
  }
}

class FakeWorker implements WorkerLike {
  readonly posted: ToWorker[] = [];
  /** The transfer list of each posted message. */
  readonly transfers: ArrayBuffer[][] = [];
  terminated = false;
  private readonly listeners: Record<string, ((arg: never) => void)[]> = { message: [], error: [], exit: [] };
  on(event: 'message' | 'error' | 'exit', listener: (arg: never) => void): unknown {
    this.listeners[event]?.push(listener);
    return this;
  }
  postMessage(message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.posted.push(structuredClone(message));
    this.transfers.push(transfer);
  }
  terminate(): Promise<number> {
    this.terminated = true;
    // As node's Worker: 'exit' follows, asynchronously, with code 1.
    return Promise.resolve().then(() => {
      this.emit('exit', 1);
      return 1;
    });
  }
  emit(event: 'message' | 'error' | 'exit', arg: unknown): void {
    for (const l of this.listeners[event] ?? []) l(arg as never);
  }
  reply(message: FromWorker): void {
    this.emit('message', structuredClone(message));
  }
  checks(): CheckRequest[] {
    return this.posted.filter((m): m is CheckRequest => m.type === 'check');
  }
  lastCheck(): CheckRequest {
    const last = this.checks().at(-1);
    assert.ok(last, 'a check was sent to the worker');
    return last;
  }
  crash(message: string): void {
    this.emit('error', new Error(message));
    this.emit('exit', 1);
  }
}

const setup = setupWith();
const settle = () => new Promise((resolve) => setImmediate(resolve));
const finding = (reason: string): Finding => ({
  reason,
  place: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } },
  ruleId: 'judgmental-language',
  severity: 'warning',
  url: 'https://example.invalid/rules#judgmental-language',
  fixes: [],
});

class FakeDoc implements LintDoc {
  version = 1;
  isClosed = false;
  constructor(
    readonly key: string,
    public text: string,
  ) {}
  get path(): string {
    return `/notes/${this.key}`;
  }
  get length(): number {
    return this.text.length;
  }
  /** Calls of getText(): a large note must never be built in one piece on the host. */
  wholeReads = 0;
  getText(): string {
    this.wholeReads++;
    return this.text;
  }
  getSlice(start: number, end: number): string {
    this.slices.push([start, end]);
    return this.text.slice(start, end);
  }
  /** Every slice read, to check that a large note is read piecemeal and never as a whole. */
  readonly slices: [number, number][] = [];
  edit(more: string): void {
    this.text += more;
    this.version++;
  }
}

interface Harness {
  clock: FakeClock;
  workers: FakeWorker[];
  client: LintWorkerClient;
  scheduler: LintScheduler;
  here: string[];
  published: { key: string; version: number; reasons: string[] }[];
  errors: string[];
  warnings: string[];
  settings: DocSettings;
  clientNotes: NoteSummaryForRules[];
  worker(): FakeWorker;
}

function harness(threshold = 100, slice?: number): Harness {
  const clock = new FakeClock();
  const workers: FakeWorker[] = [];
  const h = {
    clock,
    workers,
    here: [] as string[],
    published: [] as Harness['published'],
    errors: [] as string[],
    warnings: [] as string[],
    settings: { run: 'onType', lintDelay: 400, severities: {} } as DocSettings,
    clientNotes: [] as NoteSummaryForRules[],
    worker: () => {
      const w = workers.at(-1);
      assert.ok(w, 'a worker was started');
      return w;
    },
  } as Harness;
  h.client = new LintWorkerClient({
    create: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
    clock,
    error: (context, error) => h.errors.push(`${context}: ${error instanceof Error ? error.message : String(error)}`),
  });
  const port: SchedulerPort = {
    settings: () => h.settings,
    lintHere: (doc, text) => {
      h.here.push(doc.key);
      return { note: parseWith(setup, { path: doc.path, text }, true), findings: [finding(`here v${doc.version}`)] };
    },
    relintHere: (doc) => [finding(`relint v${doc.version}`)],
    offHost: () => ({ setup: { id: 1, root: '/notes' }, view: { notesOfClient: () => h.clientNotes } }),
    emptyNote: (doc) => parseWith(setup, { path: doc.path, text: '' }),
    publish: (doc, findings) => h.published.push({ key: doc.key, version: doc.version, reasons: findings.map((f) => f.reason) }),
    clear: () => undefined,
    error: (context, error) => h.errors.push(`${context}: ${error instanceof Error ? error.message : String(error)}`),
    warn: (message) => h.warnings.push(message),
  };
  h.scheduler = new LintScheduler(port, h.client, { threshold, clock, ...(slice !== undefined ? { slice } : {}) });
  return h;
}

const BIG = `---\nclient: Ana\ndate: 2026-03-02\n---\n\n## 3.1 Genuine concern\n\n${'She said "fine" and he is lazy.\n'.repeat(8)}`;

/** The worker finishes the check it was last sent, with `reasons` as findings. */
function done(w: FakeWorker, reasons: string[], ms = 1000, note?: Note): void {
  const check = w.lastCheck();
  w.reply({ type: 'done', id: check.id, findings: reasons.map(finding), ms, ...(note ? { skeleton: skeletonOf(note) } : {}) });
}

describe('checking large notes off the extension host thread', () => {
  it('checks a small note on this thread and a large one in the worker, with the text and options', async () => {
    const h = harness();
    const small = new FakeDoc('small.coach.md', 'A short note.\n');
    const big = new FakeDoc('big.coach.md', BIG);
    await h.scheduler.check(small);
    assert.deepEqual(h.here, ['small.coach.md']);
    assert.equal(h.workers.length, 0, 'no worker is started for a small note');
    assert.deepEqual(h.published, [{ key: 'small.coach.md', version: 1, reasons: ['here v1'] }]);

    h.settings.severities = { 'judgmental-language': 'error' };
    const checking = h.scheduler.check(big);
    const request = h.worker().lastCheck();
    assert.equal(textOf(request), BIG);
    // The text crosses as UTF-8 in shared memory, not copied as a string.
    assert.ok(Array.isArray(request.text) && request.text.every((bytes) => bytes.buffer instanceof SharedArrayBuffer));
    assert.equal(request.text.reduce((n, bytes) => n + bytes.byteLength, 0), Buffer.byteLength(BIG));
    assert.equal(request.path, '/notes/big.coach.md');
    assert.deepEqual(request.severities, { 'judgmental-language': 'error' });
    assert.deepEqual(request.setup, { id: 1, root: '/notes' });
    assert.equal(request.live, true);
    assert.equal(request.skeleton, true);
    done(h.worker(), ['from the worker']);
    await checking;
    assert.deepEqual(h.here, ['small.coach.md'], 'the large note was never parsed on this thread');
    assert.equal(big.wholeReads, 0, 'nor was its whole text ever built here');
    assert.deepEqual(h.published.at(-1), { key: 'big.coach.md', version: 1, reasons: ['from the worker'] });
  });

  it('folds a large note with the worker\'s folding ranges, never indexing its text on this thread', async () => {
    const h = harness();
    const big = new FakeDoc('big.coach.md', BIG);
    const checking = h.scheduler.check(big);
    const skeleton = skeletonOf(parseWith(setup, { path: big.path, text: BIG }));
    assert.deepEqual(skeleton.folding, foldingSpans(parseWith(setup, { path: big.path, text: BIG })));
    // Ranges the note itself would not give: only the worker's answer can produce them here.
    const theWorkers = [{ startLine: 2, endLine: 3, kind: 'region' as const }];
    const check = h.worker().lastCheck();
    h.worker().reply({ type: 'done', id: check.id, findings: [], ms: 5, skeleton: { ...skeleton, folding: theWorkers } });
    await checking;
    const snap = h.scheduler.snapshot(big);
    assert.equal(snap.offHost, true);
    assert.deepEqual(foldingOf(snap), theWorkers);
    // A note checked here has no worker ranges: its own are read from it.
    const small = new FakeDoc('small.coach.md', '---\nclient: Ana\n---\n\n## 3.1 One\n\nText.\n\nMore.\n');
    await h.scheduler.check(small);
    assert.deepEqual(foldingOf(h.scheduler.snapshot(small)), foldingSpans(h.scheduler.snapshot(small).note));
    assert.ok(foldingOf(h.scheduler.snapshot(small)).length > 0);
  });

  it('reads a large note slice by slice, one per turn of the event loop, and sends exactly its text', async () => {
    const h = harness(100, 64);
    // A surrogate pair across the first slice boundary (characters 63 and 64), CRLF line breaks.
    const text = `${'a'.repeat(63)}😀 then ${BIG.replace(/\n/g, '\r\n')}`;
    const doc = new FakeDoc('big.coach.md', text);
    const checking = h.scheduler.check(doc);
    assert.equal(doc.slices.length, 1, 'one slice now, the rest on later turns');
    assert.equal(h.workers.length, 0, 'nothing is sent before the whole text is read');
    for (let i = 0; i < 20 && h.workers.length === 0; i++) await settle();
    assert.deepEqual(doc.slices[1]?.[0], 63, 'the first slice stopped before the pair rather than split it');
    assert.ok(doc.slices.every(([start, end]) => end - start <= 64), 'no slice is longer than asked');
    assert.equal(doc.slices.at(-1)?.[1], text.length);
    assert.ok(doc.slices.length > 3);
    const request = h.worker().lastCheck();
    assert.ok(Array.isArray(request.text) && request.text.length === doc.slices.length, 'one UTF-8 buffer per slice');
    assert.ok(request.text.every((bytes) => bytes.buffer instanceof SharedArrayBuffer), 'in shared memory: the worker reads them without a copy');
    assert.equal(textOf(request), text);
    assert.equal(doc.wholeReads, 0);
    done(h.worker(), ['found'], 1000, parseWith(setup, { path: doc.path, text }));
    await checking;
    assert.equal(h.scheduler.snapshot(doc).note.text, text, 'the outline reads the same text, joined from the slices');
  });

  it('never sends a version that was edited while it was being read', async () => {
    const h = harness(100, 64);
    const doc = new FakeDoc('big.coach.md', BIG);
    const first = h.scheduler.check(doc);
    doc.edit(' more');
    await first;
    assert.equal(h.workers.length, 0, 'the half-read version 1 was dropped before reaching the worker');
    assert.equal(doc.slices.length, 1, 'and no slice was read after the edit');
    assert.equal(h.scheduler.counts.dropped, 1);
    const second = h.scheduler.check(doc);
    for (let i = 0; i < 20 && h.workers.length === 0; i++) await settle();
    assert.equal(textOf(h.worker().lastCheck()), doc.text, 'version 2 is read in full and sent');
    done(h.worker(), ['v2']);
    await second;
    assert.deepEqual(h.published, [{ key: 'big.coach.md', version: 2, reasons: ['v2'] }]);
  });

  it('sends the text so that the worker reads exactly the same characters: a leading BOM kept, a lone surrogate sent as a string', async () => {
    const h = harness();
    const bom = new FakeDoc('bom.coach.md', `\uFEFF${BIG}é “quoted” 😀`);
    const checking = h.scheduler.check(bom);
    await settle();
    const request = h.worker().lastCheck();
    assert.ok(Array.isArray(request.text));
    assert.equal(textOf(request), bom.text);
    done(h.worker(), [], 1000, parseWith(setup, { path: bom.path, text: bom.text }));
    await checking;
    assert.equal(h.scheduler.snapshot(bom).note.text, bom.text.slice(1), 'the outline reads the text as parsed: without the BOM its offsets leave out');
    // TextEncoder would turn a lone surrogate into U+FFFD: the text then goes as it is.
    const lone = new FakeDoc('lone.coach.md', `${BIG}broken \uD83D pair`);
    void h.scheduler.check(lone);
    await settle();
    assert.equal(h.worker().lastCheck().text, lone.text);
    assert.deepEqual(h.worker().transfers.at(-1), []);
  });

  it('answers the worker\'s question about the client\'s other notes with plain summaries', async () => {
    const h = harness();
    h.clientNotes = [{ path: '/notes/a.coach.md', client: 'Ana', date: '2026-02-16', agreements: [{ text: 'Draft it', key: 'draft it', kept: false }] }];
    const checking = h.scheduler.check(new FakeDoc('big.coach.md', BIG));
    const id = h.worker().lastCheck().id;
    h.worker().reply({ type: 'need', id, client: 'Ana' });
    assert.deepEqual(h.worker().posted.at(-1), { type: 'clientNotes', id, client: 'Ana', notes: h.clientNotes });
    done(h.worker(), []);
    await checking;
  });

  it('drops the result of a version that was edited meanwhile, and publishes the newer one', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    h.scheduler.opened(doc);
    const first = h.worker().lastCheck();
    doc.edit(' more');
    h.scheduler.changed(doc);
    h.clock.advance(399);
    assert.equal(h.worker().checks().length, 1, 'nothing more is sent before the pause is over');
    h.clock.advance(1);
    // No estimate of its remaining time yet: the running check is left to finish, the new one waits.
    assert.equal(h.worker().checks().length, 1);
    assert.equal(h.worker().terminated, false);
    h.worker().reply({ type: 'done', id: first.id, findings: [finding('of version 1')], ms: 1000 });
    await settle();
    assert.equal(h.worker().checks().length, 2, 'the newer version is sent as soon as the worker is free');
    assert.equal(textOf(h.worker().lastCheck()), doc.text);
    done(h.worker(), ['of version 2']);
    await settle();
    assert.deepEqual(h.published, [{ key: 'big.coach.md', version: 2, reasons: ['of version 2'] }], 'version 1 was never shown');
  });

  it('resolves a running check that a newer version superseded as dropped, even when the worker answers it', async () => {
    const h = harness();
    const view = { notesOfClient: () => [] };
    const request = (text: string) => ({ setup: { id: 1 }, path: '/notes/big.coach.md', text, severities: {}, live: true, skeleton: false });
    const older = h.client.check({ key: 'big', priority: 'edit', request: request('version 1'), view });
    const newer = h.client.check({ key: 'big', priority: 'edit', request: request('version 2'), view });
    h.worker().reply({ type: 'done', id: h.worker().checks()[0]?.id ?? 0, findings: [finding('of version 1')], ms: 1 });
    assert.deepEqual(await older, { status: 'dropped' });
    done(h.worker(), ['of version 2']);
    const outcome = await newer;
    assert.equal(outcome.status, 'done');
    assert.deepEqual(outcome.status === 'done' && outcome.findings.map((f) => f.reason), ['of version 2']);
  });

  it('coalesces queued versions: only the newest waits for the worker', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    h.scheduler.opened(doc);
    for (let i = 0; i < 5; i++) {
      doc.edit('x');
      h.scheduler.changed(doc);
      h.clock.advance(500);
    }
    done(h.worker(), ['stale']);
    await settle();
    const sent = h.worker().checks();
    assert.equal(sent.length, 2, 'version 1, then only the newest of the five edits');
    assert.equal(sent[1] && textOf(sent[1]), doc.text);
    done(h.worker(), ['newest']);
    await settle();
    assert.deepEqual(h.published.map((p) => p.reasons), [['newest']]);
  });

  it('stops a superseded check that would take longer than starting the worker again, and checks the new version at once', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    h.scheduler.opened(doc);
    // The worker reports its start-up and its first check: 10 s for this note, 300 ms to start, 700 ms of setup.
    h.clock.advance(300);
    h.worker().reply({ type: 'ready' });
    const id = h.worker().lastCheck().id;
    h.worker().reply({ type: 'done', id, findings: [], ms: 10_000, setupMs: 700 });
    await settle();
    assert.equal(h.client.restartCost(), 1000);
    doc.edit('a');
    h.scheduler.changed(doc);
    h.clock.advance(400);
    const old = h.worker();
    h.clock.advance(1000);
    doc.edit('b');
    h.scheduler.changed(doc);
    h.clock.advance(400);
    // About 8.6 s of the stale check would remain: more than the 1 s a restart costs.
    assert.equal(old.terminated, true, 'the stale check is stopped with its worker');
    await settle();
    assert.equal(h.workers.length, 2, 'a new worker is started');
    assert.equal(textOf(h.worker().lastCheck()), doc.text, 'and checks the newest version straight away');
    assert.equal(h.client.restartsForStale, 1);
    done(h.worker(), ['newest']);
    await settle();
    assert.deepEqual(h.published.map((p) => [p.version, p.reasons]), [[1, []], [3, ['newest']]]);
    assert.deepEqual(h.errors, [], 'stopping a stale check on purpose is not an error');
  });

  it('lets a superseded check that is nearly done finish, and drops its result', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    h.scheduler.opened(doc);
    done(h.worker(), [], 3000);
    await settle();
    doc.edit('a');
    h.scheduler.changed(doc);
    h.clock.advance(400);
    h.clock.advance(2500);
    doc.edit('b');
    h.scheduler.changed(doc);
    h.clock.advance(400);
    // 3 s expected, 2.9 s spent: finishing costs less than the default restart.
    assert.ok(DEFAULT_RESTART_MS > 100);
    assert.equal(h.worker().terminated, false);
    done(h.worker(), ['version 2']);
    await settle();
    done(h.worker(), ['version 3']);
    await settle();
    assert.deepEqual(h.published.map((p) => [p.version, p.reasons]), [[1, []], [3, ['version 3']]]);
  });

  it('drops queued and running checks of a note that is closed', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    h.scheduler.opened(doc);
    doc.isClosed = true;
    h.scheduler.closed(doc.key);
    done(h.worker(), ['too late']);
    await settle();
    assert.deepEqual(h.published, []);
  });

  it('debounces typing: one check of the newest version after the pause, none while typing goes on', () => {
    const h = harness();
    const doc = new FakeDoc('small.coach.md', 'Short.\n');
    for (let i = 0; i < 3; i++) {
      doc.edit('x');
      h.scheduler.changed(doc);
      h.clock.advance(300);
    }
    assert.deepEqual(h.here, [], 'no check while the pauses are shorter than lintDelay');
    h.clock.advance(100);
    assert.deepEqual(h.here, ['small.coach.md']);
    assert.deepEqual(h.published, [{ key: 'small.coach.md', version: 4, reasons: ['here v4'] }]);
  });

  it('follows coachNotes.run: nothing on type when checking on save, and nothing at all when off', () => {
    const h = harness();
    const doc = new FakeDoc('small.coach.md', 'Short.\n');
    h.settings.run = 'onSave';
    doc.edit('x');
    h.scheduler.changed(doc);
    h.clock.advance(10_000);
    assert.deepEqual(h.here, []);
    h.scheduler.saved(doc);
    assert.deepEqual(h.here, ['small.coach.md']);
    h.settings.run = 'off';
    h.scheduler.opened(doc);
    h.scheduler.saved(doc);
    assert.deepEqual(h.here, ['small.coach.md']);
  });

  it('on dispose, cancels pending checks, resolves the running one as dropped and terminates the worker', async () => {
    const h = harness();
    const big = new FakeDoc('big.coach.md', BIG);
    const small = new FakeDoc('small.coach.md', 'Short.\n');
    const running = h.scheduler.check(big);
    small.edit('x');
    h.scheduler.changed(small);
    h.scheduler.dispose();
    h.client.dispose();
    await running;
    assert.equal(h.worker().terminated, true);
    h.clock.advance(10_000);
    assert.deepEqual(h.here, [], 'the debounced check never fires');
    assert.equal(h.published.length, 0);
    assert.deepEqual(await h.client.check({ key: 'x', priority: 'edit', request: { setup: { id: 1 }, path: 'x', severities: {}, live: true, skeleton: false }, view: { notesOfClient: () => [] } }), { status: 'dropped' });
    assert.equal(h.workers.length, 1, 'no worker is started after dispose');
    assert.equal(h.clock.timers.size, 0, 'no timer is left behind');
    await settle();
    assert.deepEqual(h.errors, [], 'terminating on purpose is no crash');
  });

  it('checks open documents before the notes of Lint Workspace', async () => {
    const h = harness();
    const view = { notesOfClient: () => [] };
    const request = (path: string) => ({ setup: { id: 1 }, path, severities: {}, live: false, skeleton: false });
    const outcomes = ['a', 'b', 'c'].map((p) => h.client.check({ key: p, priority: 'batch', request: request(p), view }));
    void h.scheduler.check(new FakeDoc('big.coach.md', BIG));
    assert.deepEqual(h.worker().checks().map((c) => c.path), ['a']);
    done(h.worker(), []);
    await settle();
    assert.deepEqual(h.worker().checks().map((c) => c.path), ['a', '/notes/big.coach.md'], 'the open note jumps the queue');
    h.client.cancelBatch();
    done(h.worker(), []);
    await settle();
    assert.deepEqual((await Promise.all(outcomes)).map((o) => o.status), ['done', 'dropped', 'dropped']);
  });

  it('reports a worker crash on the output channel, and starts a new worker for the next check', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    const first = h.scheduler.check(doc);
    h.worker().crash('out of memory');
    await first;
    assert.equal(h.errors.length, 1);
    assert.match(h.errors[0] ?? '', /^Checking \/notes\/big\.coach\.md: The lint worker stopped unexpectedly \(exit code 1\): Error: out of memory/);
    assert.match(h.errors[0] ?? '', /starts again for the next check/);
    assert.equal(h.published.length, 0, 'nothing is published for the crashed check');
    doc.edit('x');
    const second = h.scheduler.check(doc);
    assert.equal(h.workers.length, 2);
    done(h.worker(), ['after the restart']);
    await second;
    assert.deepEqual(h.published.map((p) => p.reasons), [['after the restart']]);
  });

  it('reports an error a check raised in the worker, which keeps running', async () => {
    const h = harness();
    const checking = h.scheduler.check(new FakeDoc('big.coach.md', BIG));
    h.worker().reply({ type: 'failed', id: h.worker().lastCheck().id, error: 'Error: a rule broke' });
    await checking;
    assert.deepEqual(h.errors, ['Checking /notes/big.coach.md: The lint worker could not check /notes/big.coach.md: Error: a rule broke']);
    assert.equal(h.worker().terminated, false);
  });

  it('after repeated crashes, stops starting workers and checks large notes here, saying so once', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    for (let i = 0; i < MAX_CRASHES; i++) {
      const checking = h.scheduler.check(doc);
      h.worker().crash(`crash ${i}`);
      await checking;
    }
    assert.equal(h.errors.length, MAX_CRASHES);
    assert.match(h.errors.at(-1) ?? '', /checked on the host thread from now on/);
    await h.scheduler.check(doc);
    await h.scheduler.check(doc);
    assert.equal(h.workers.length, MAX_CRASHES, 'no further worker');
    assert.deepEqual(h.here, ['big.coach.md', 'big.coach.md']);
    assert.equal(h.warnings.length, 1);
    assert.match(h.warnings[0] ?? '', /checked on the extension host thread/);
  });

  it('stops a worker that never answers, with a message, and starts a new one', async () => {
    const h = harness();
    const doc = new FakeDoc('big.coach.md', BIG);
    const checking = h.scheduler.check(doc);
    h.clock.advance(120_000);
    await checking;
    assert.equal(h.workers[0]?.terminated, true);
    assert.match(h.errors[0] ?? '', /took more than 120 s to check \/notes\/big\.coach\.md/);
    void h.scheduler.check(doc);
    assert.equal(h.workers.length, 2);
  });

  it('stops an idle worker after five minutes', async () => {
    const h = harness();
    const checking = h.scheduler.check(new FakeDoc('big.coach.md', BIG));
    done(h.worker(), []);
    await checking;
    h.clock.advance(5 * 60_000 - 1);
    assert.equal(h.worker().terminated, false);
    h.clock.advance(1);
    assert.equal(h.worker().terminated, true);
    await settle();
    assert.deepEqual(h.errors, []);
  });

  it('never parses a large note on this thread for a snapshot; the outline comes from the worker\'s skeleton', async () => {
    const h = harness();
    const text = `${BIG}\n## 3.2 Integrity and honesty\n\nNoted.\n\n<!-- a comment\nover two lines -->\n`;
    const doc = new FakeDoc('big.coach.md', text);
    const checking = h.scheduler.check(doc);
    const before = h.scheduler.snapshot(doc);
    assert.deepEqual(before.findings, [], 'no findings before the check lands');
    assert.deepEqual(outline(before.note), []);
    const full = parseWith(setup, { path: doc.path, text });
    done(h.worker(), ['found'], 1000, full);
    await checking;
    const after = h.scheduler.snapshot(doc);
    assert.deepEqual(after.findings.map((f) => f.reason), ['found']);
    assert.deepEqual(outline(after.note), outline(full), 'the same outline as from a full parse');
    assert.equal(after.note.frontmatter.place?.end.line, full.frontmatter.place?.end.line);
    doc.edit('x');
    const stale = h.scheduler.snapshot(doc);
    assert.deepEqual(stale.findings, [], 'no quick fix at positions of an older version');
    assert.equal(stale.version, doc.version);
    assert.deepEqual(h.here, [], 'never parsed here');
  });

  it('re-runs the rules of a small note on its last parse when only other notes changed, and sends a large one to the worker again', async () => {
    const h = harness();
    const small = new FakeDoc('small.coach.md', 'Short.\n');
    await h.scheduler.check(small);
    await h.scheduler.check(small, true);
    assert.deepEqual(h.published.map((p) => p.reasons), [['here v1'], ['relint v1']]);
    const big = new FakeDoc('big.coach.md', BIG);
    const first = h.scheduler.check(big);
    done(h.worker(), []);
    await first;
    const again = h.scheduler.check(big, true);
    assert.equal(h.worker().checks().length, 2);
    done(h.worker(), []);
    await again;
  });
});
