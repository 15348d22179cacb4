// The real lint worker (src/extension/diagnostics/lint-worker.ts, bundled as in dist/): its
// findings are the host's findings, byte for byte, for every example note and for a large hostile
// note, cross-note rules included; its skeleton gives the host the same outline and folding; and a
// worker that dies is reported and replaced.
import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { lintNote } from '../../src/core/engine/lint';
import { loadSetup } from '../../src/core/engine/setup';
import { foldingSpans, outline } from '../../src/core/note/outline';
import { parseWith } from '../../src/core/workspace/batch';
import { findNotes } from '../../src/core/workspace/files';
import { NoteIndex } from '../../src/core/workspace/index';
import { summarize } from '../../src/core/workspace/summary';
import { createNodeWorker, LintWorkerClient, type OffHostOutcome, type WorkerLike } from '../../src/extension/diagnostics/lint-worker-client';
import { noteFromSkeleton } from '../../src/extension/diagnostics/lint-worker-protocol';
import { LintScheduler, type LintDoc, type SchedulerPort } from '../../src/extension/diagnostics/lint-scheduler';
import { bundleOptions, ENTRY_POINTS } from '../../scripts/bundle-options';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'notes');

describe('the lint worker', function () {
  // Each worker loads the whole setup (lexicons included) once: seconds on a busy 2-core machine.
  this.timeout(300_000);
  let script: string;
  const setup = loadSetup({ root: EXAMPLES });
  const index = new NoteIndex();
  const errors: string[] = [];
  let client: LintWorkerClient;

  /** The scheduler's view of the editor: off-host checks go to the example folder's setup; findings are collected in `published`. */
  const port = (path: string, published: unknown[], lintHere: () => never): SchedulerPort => ({
    settings: () => ({ run: 'onType', lintDelay: 400, severities: {} }),
    lintHere,
    relintHere: () => [],
    offHost: () => ({ setup: { id: 1, root: EXAMPLES }, view: index }),
    emptyNote: () => parseWith(setup, { path, text: '' }),
    publish: (_doc, findings) => published.push(findings),
    clear: () => undefined,
    error: (context, error) => errors.push(`${context}: ${String(error)}`),
    warn: (message) => errors.push(message),
  });

  before(async () => {
    // Inside the project, so the bundle finds the built-in data above it, as dist/lint-worker.js does.
    script = join(ROOT, 'out', 'unit', 'lint-worker.js');
    await build({ ...bundleOptions, logLevel: 'silent', entryPoints: [join(ROOT, ENTRY_POINTS.lintWorker)], outfile: script });
    for (const path of (await findNotes([EXAMPLES])).files) index.set(summarize(parseWith(setup, { path, text: readFileSync(path, 'utf8') }), setup));
    client = new LintWorkerClient({ create: createNodeWorker(script), error: (context, error) => errors.push(`${context}: ${String(error)}`) });
  });
  after(() => client.dispose());

  const check = (path: string, text: string | undefined, severities = {}): Promise<OffHostOutcome> =>
    client.check({ key: path, priority: 'edit', request: { setup: { id: 1, root: EXAMPLES }, path, ...(text !== undefined ? { text } : {}), severities, live: true, skeleton: true }, view: index });

  it('finds exactly what the host finds in every example note, cross-note rules and severity settings included', async () => {
    const severities = { 'empty-marker-section': 'error' as const };
    let crossNote = 0;
    for (const path of (await findNotes([EXAMPLES])).files) {
      const text = readFileSync(path, 'utf8');
      const note = parseWith(setup, { path, text }, true);
      const here = lintNote(note, setup, { workspace: index, severities });
      crossNote += here.filter((f) => f.ruleId === 'agreement-follow-up').length;
      const there = await check(path, text, severities);
      assert.equal(there.status, 'done');
      if (there.status !== 'done') continue;
      assert.deepEqual(there.findings, here, path);
      assert.ok(there.skeleton);
      const light = noteFromSkeleton(there.skeleton, text);
      assert.deepEqual(outline(light), outline(note), `outline of ${path}`);
      assert.deepEqual(foldingSpans(light), foldingSpans(note), `folding of ${path}`);
      // The worker's own folding ranges, which the host uses without reading the text.
      assert.deepEqual(there.skeleton.folding, foldingSpans(note), `worker folding of ${path}`);
      assert.deepEqual(light.frontmatter, note.frontmatter);
    }
    assert.ok(crossNote > 0, 'the examples exercise the cross-note rule');
    assert.deepEqual(errors, []);
  });

  it('finds the same in a note read in many slices, with a BOM, CRLF line breaks, accents, emoji and a lone surrogate', async () => {
    const files = (await findNotes([EXAMPLES])).files;
    const path = files.find((f) => readFileSync(f, 'utf8').includes('lazy')) ?? files[0];
    assert.ok(path);
    const plain = readFileSync(path, 'utf8');
    const texts = [
      `\uFEFF${plain.replace(/\n/g, '\r\n')}\r\nShe was lazy — très « paresseuse » 😀😀 this week.\r\n`,
      `${plain}\nHe is lazy \uD83D and stubborn.\n`,
    ];
    for (const text of texts) {
      let whole = 0;
      const doc: LintDoc = {
        key: `${path}#${texts.indexOf(text)}`,
        path,
        version: 1,
        isClosed: false,
        length: text.length,
        getText: () => (whole++, text),
        getSlice: (start, end) => text.slice(start, end),
      };
      const published: unknown[] = [];
      const scheduler = new LintScheduler(
        port(path, published, () => assert.fail('checked on this thread')),
        client,
        { threshold: 1, slice: 97 },
      );
      await scheduler.check(doc);
      assert.deepEqual(errors, []);
      // A lone surrogate cannot go as UTF-8: that note alone is sent as one string, read whole.
      assert.equal(whole, text.includes('\uD83D and') ? 1 : 0);
      assert.ok(scheduler.counts.slices > (whole ? 0 : 10));
      const expected = lintNote(parseWith(setup, { path, text }, true), setup, { workspace: index });
      assert.ok(expected.some((f) => f.ruleId === 'judgmental-language'));
      assert.deepEqual(published, [expected]);
    }
    assert.deepEqual(errors, []);
  });

  it('reads the file itself for Lint Workspace, with the same findings', async () => {
    const [path] = (await findNotes([EXAMPLES])).files;
    assert.ok(path);
    const here = lintNote(parseWith(setup, { path, text: readFileSync(path, 'utf8') }), setup, { workspace: index });
    const there = await client.check({ key: path, priority: 'batch', request: { setup: { id: 1, root: EXAMPLES }, path, severities: {}, live: false, skeleton: false }, view: index });
    assert.equal(there.status, 'done');
    if (there.status === 'done') {
      assert.deepEqual(there.findings, here);
      assert.equal(there.skeleton, undefined);
    }
  });

  it('checks a large hostile note through the scheduler in the worker, with the findings of an in-process check', async () => {
    const path = join(EXAMPLES, 'dana-okafor', 'pasted-transcript.coach.md');
    const text = `---\nclient: Dana Okafor\ndate: 2026-06-15\n---\n\n${'She said "fine" and he is lazy. Her boss is a tyrant.\n'.repeat(6000)}`;
    assert.ok(text.length > 256 * 1024);
    const doc: LintDoc = { key: path, path, version: 1, isClosed: false, length: text.length, getText: () => text, getSlice: (start, end) => text.slice(start, end) };
    const published: unknown[] = [];
    let here = 0;
    const scheduler = new LintScheduler(
      port(path, published, () => {
        here++;
        throw new Error('a large note must not be parsed on this thread');
      }),
      client,
    );
    await scheduler.check(doc);
    assert.equal(here, 0);
    assert.deepEqual(errors, []);
    const expected = lintNote(parseWith(setup, { path, text }, true), setup, { workspace: index });
    assert.ok(expected.length > 0);
    // The 5-second budget can cut a rule short on a slow machine; only then may the two differ.
    const cut = (fs: unknown) => JSON.stringify(fs).includes('cut short') || JSON.stringify(fs).includes('skipped');
    if (!cut(expected) && !cut(published[0])) assert.deepEqual(published, [expected]);
    else assert.equal(published.length, 1);
  });

  it('reports a worker that dies while starting, and starts a working one for the next check', async () => {
    let starts = 0;
    const messages: string[] = [];
    const started: WorkerLike[] = [];
    const flaky = new LintWorkerClient({
      create: () => {
        const worker = ++starts === 1 ? (new Worker('throw new Error("broken bundle")', { eval: true }) as unknown as WorkerLike) : createNodeWorker(script)();
        started.push(worker);
        return worker;
      },
      error: (context, error) => messages.push(`${context}: ${String(error)}`),
    });
    try {
      const [path] = (await findNotes([EXAMPLES])).files;
      assert.ok(path);
      const text = readFileSync(path, 'utf8');
      const request = { setup: { id: 1, root: EXAMPLES }, path, text, severities: {}, live: true, skeleton: false };
      await assert.rejects(flaky.check({ key: path, priority: 'edit', request, view: index }), /The lint worker stopped unexpectedly \(exit code 1\): .*Error: broken bundle.*It starts again for the next check/s);
      const second = await flaky.check({ key: path, priority: 'edit', request, view: index });
      assert.equal(second.status, 'done');
      assert.equal(flaky.starts, 2);
      assert.deepEqual(messages, []);
      // Disposing terminates the live worker thread, and that is no crash.
      const exited = once(started[1] as unknown as Worker, 'exit');
      flaky.dispose();
      await exited;
      await new Promise((resolve) => setImmediate(resolve));
      assert.deepEqual(messages, []);
    } finally {
      flaky.dispose();
    }
  });
});
