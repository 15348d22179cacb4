// The benchmark suite: `npm run bench` (builds first). Prints every figure as a median over
// repeats, beside a baseline measured in the same process on the same bytes, with its target and
// a ✓/✗ verdict; then writes bench/results.json and bench/results.md. See bench/README.md.
//
// Options: --only=1,5   run only these figure groups (results are then not saved); 10 is the
//                       scaling suite (bench/scaling.ts), 11 the hostile corpus through the CLI
//                       and the time budget (bench/hostile-cli.ts), 12 the Agreements view (bench/agreements.ts),
//                       13 whole processes: CLI start-up and throughput (bench/startup.ts), the lint cache
//                       (bench/lint-cache.ts) and extension activation in the real VS Code (bench/activation.ts).
//          --reps10k=1  run the 10k-note figures (2.2, 6) once instead of three times (a quicker look).
//          --no-indexer run as if the workspace indexer did not exist (results are then not saved).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { DEFAULT_BUDGET_MS, lintNote, lintText } from '../src/core/engine/lint';
import { loadSetup, type EngineSetup } from '../src/core/engine/setup';
import { buildReport } from '../src/core/report/build';
import { parseWith } from '../src/core/workspace/batch';
import { findNotes, type NoteFile } from '../src/core/workspace/files';
import { NoteIndex } from '../src/core/workspace/index';
import { summarize } from '../src/core/workspace/summary';
import { bundleOptions } from '../scripts/bundle-options';
import { longestBlock } from './event-loop';
import { BUDGET_SLACK_MS, runBudget, runHostileCli, TARGET_SECONDS } from './hostile-cli';
import { LIMIT as SCALING_LIMIT, runScaling } from './scaling';
import { runAgreementsBench } from './agreements';
import { runStartup } from './startup';
import { runLintCache } from './lint-cache';
import { runActivation } from './activation';
import { clientsOf, CORPUS_ROOT, ensureSet, Random, singleNote, type CorpusSet } from './corpus';

type Indexer = typeof import('../src/core/indexer/index');

const ROOT = resolve(__dirname, '..');
const WORKER_SCRIPT = join(ROOT, 'dist', 'index-worker.js');
const EXTENSION_BUNDLE = join(ROOT, 'dist', 'extension.js');
const SEED_1K = 1000;
const SEED_10K = 10000;
const PENDING = 'pending (indexWorkspace not available)';

// ── Measuring ───────────────────────────────────────────────────────────────────────────────────

const gcFn = (globalThis as { gc?: (options?: { type: 'major' | 'minor' }) => void }).gc;
const gc = () => gcFn?.();
/** A scavenge of the young generation only: clears one measurement's short-lived garbage before the next. */
const minorGc = () => gcFn?.({ type: 'minor' });

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] as number;
}

/** One measurement: wall-clock ms, and CPU ms of the whole process (all threads) over the same span. */
interface Sample {
  wall: number;
  cpu: number;
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
};

function measureSync(fn: () => void): Sample {
  gc();
  const c = process.cpuUsage();
  const t = performance.now();
  fn();
  return { wall: performance.now() - t, cpu: cpuMs(c) };
}

async function measureAsync(fn: () => Promise<unknown>): Promise<Sample> {
  gc();
  const c = process.cpuUsage();
  const t = performance.now();
  await fn();
  return { wall: performance.now() - t, cpu: cpuMs(c) };
}

const wallOf = (samples: readonly Sample[] | undefined) => median((samples ?? []).map((s) => s.wall));
const cpuOf = (samples: readonly Sample[] | undefined) => median((samples ?? []).map((s) => s.cpu));

/** Runs each named measurement `reps` times, interleaved so drift hits them all alike. */
async function interleaved(reps: number, runs: Record<string, () => Promise<Sample> | Sample>): Promise<Record<string, Sample[]>> {
  const out: Record<string, Sample[]> = {};
  for (const key of Object.keys(runs)) out[key] = [];
  for (let r = 0; r < reps; r++) {
    for (const [key, run] of Object.entries(runs)) (out[key] as Sample[]).push(await run());
  }
  return out;
}

/**
 * `reps` passes over `files`; each pass is measured chunk by chunk, every measurement taking its
 * turn on a chunk before the next chunk (in rotating order), so a burst of load on a shared machine
 * hits them all alike. A scavenge before each chunk keeps one library's young garbage from being
 * collected in another's time. A sample is the sum over one pass.
 */
function chunked(reps: number, files: readonly NoteFile[], size: number, runs: Record<string, (file: NoteFile) => void>): Record<string, Sample[]> {
  const keys = Object.keys(runs);
  const out: Record<string, Sample[]> = Object.fromEntries(keys.map((k) => [k, []]));
  for (let r = 0; r < reps; r++) {
    gc();
    const total: Record<string, Sample> = Object.fromEntries(keys.map((k) => [k, { wall: 0, cpu: 0 }]));
    for (let i = 0, turn = 0; i < files.length; i += size, turn++) {
      const slice = files.slice(i, i + size);
      for (let j = 0; j < keys.length; j++) {
        const key = keys[(j + turn) % keys.length] as string;
        const run = runs[key] as (file: NoteFile) => void;
        const sum = total[key] as Sample;
        minorGc();
        const c = process.cpuUsage();
        const t = performance.now();
        for (const f of slice) run(f);
        sum.wall += performance.now() - t;
        sum.cpu += cpuMs(c);
      }
    }
    for (const k of keys) (out[k] as Sample[]).push(total[k] as Sample);
  }
  return out;
}

// ── Figures ─────────────────────────────────────────────────────────────────────────────────────

interface Target {
  /** What the target applies to: the figure's own value or its ratio to the baseline. */
  on: 'value' | 'ratio';
  op: '<=' | '>=';
  limit: number;
  text: string;
}

interface Figure {
  id: string;
  name: string;
  /** null while pending. */
  value: number | null;
  unit: string;
  display: string;
  n?: number;
  baseline?: { name: string; value: number; unit: string; display: string };
  /** `cpu`: the same ratio in process CPU time, a cross-check that machine load hardly moves. */
  ratio?: { value: number; display: string; meaning: string; cpu?: number };
  target?: Target;
  pass: boolean | null;
  note?: string;
}

const figures: Figure[] = [];

const fmt = (x: number, digits = 3) => (x >= 100 ? x.toFixed(0) : Number(x.toPrecision(digits)).toString());
const ms = (x: number) => `${fmt(x)} ms`;
const mbs = (x: number) => `${x.toFixed(2)} MB/s`;
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
// Four significant digits: a ratio of 1.497 must not print as 1.5 beside a ✗ for ≥ 1.5.
const times = (x: number) => `${fmt(x, 4)}×`;

function add(f: Omit<Figure, 'pass'>): Figure {
  let pass: boolean | null = null;
  if (f.target && f.value !== null) {
    const x = f.target.on === 'value' ? f.value : f.ratio?.value;
    if (x !== undefined) pass = f.target.op === '<=' ? x <= f.target.limit : x >= f.target.limit;
  }
  const figure: Figure = { ...f, pass };
  figures.push(figure);
  printFigure(figure);
  return figure;
}

function pending(id: string, name: string, target: Target | undefined, note = PENDING): void {
  add({ id, name, value: null, unit: '', display: note, ...(target ? { target } : {}), note });
}

const verdict = (f: Figure) => (f.pass === null ? (f.target ? '…' : '') : f.pass ? '✓' : '✗');
const pad = (s: string, n: number) => (s.length >= n ? `${s} ` : s + ' '.repeat(n - s.length));
const COL = { id: 6, name: 54, value: 12, baseline: 40, ratio: 34, target: 15 };

function printFigure(f: Figure): void {
  const name = f.n !== undefined ? `${f.name} (n=${f.n})` : f.name;
  if (f.value === null) {
    console.log(`  ${pad(f.id, 6)}${pad(name, COL.name)}${f.display}${f.target ? `   target ${f.target.text}` : ''}`);
    return;
  }
  const base = f.baseline ? `${f.baseline.name} ${f.baseline.display}` : '';
  const ratio = f.ratio ? `${f.ratio.display} ${f.ratio.meaning}${f.ratio.cpu !== undefined ? ` (CPU ${times(f.ratio.cpu)})` : ''}` : '';
  console.log(`  ${pad(f.id, COL.id)}${pad(name, COL.name)}${pad(f.display, COL.value)}${pad(base, COL.baseline)}${pad(ratio, COL.ratio)}${pad(f.target ? f.target.text : '', COL.target)}${verdict(f)}`.trimEnd());
  if (f.note) console.log(`        ${f.note}`);
}

function heading(title: string): void {
  console.log(`\n${title}`);
}

// ── Corpus ──────────────────────────────────────────────────────────────────────────────────────

interface Loaded {
  set: CorpusSet;
  setup: EngineSetup;
  files: NoteFile[];
  bytes: number;
}

function load(set: CorpusSet): Loaded {
  const files = set.files.map((path) => ({ path, text: readFileSync(path, 'utf8') }));
  return { set, setup: loadSetup({ root: set.dir }), files, bytes: set.manifest.bytes };
}

function workspaceOf(loaded: Loaded): NoteIndex {
  const index = new NoteIndex();
  for (const file of loaded.files) index.set(summarize(parseWith(loaded.setup, file), loaded.setup));
  return index;
}

// ── 1. Lint throughput ──────────────────────────────────────────────────────────────────────────

const parser = unified().use(remarkParse);

const mbps = (bytes: number, t: number) => bytes / 1e6 / (t / 1000);
const lintOf = (set: Loaded, workspace: NoteIndex) => (f: NoteFile) => void lintText(f.text, f.path, set.setup, { workspace });

/** 1a–1c: lint against bare remark-parse, markdownlint and alex, each measured beside lint. */
async function lintThroughput(set: Loaded, workspace: NoteIndex): Promise<void> {
  heading(`1. Full lint throughput: ${set.files.length.toLocaleString('en')} notes, ${mb(set.bytes)}, one note at a time, no cache`);
  const { lint: markdownlint } = await import('markdownlint/sync');
  const { markdown: alex } = await import('alex');
  const files = set.files;
  const lint = lintOf(set, workspace);
  const parse = (f: NoteFile) => void parser.parse(f.text);
  const mdl = (f: NoteFile) => void markdownlint({ strings: { [f.path]: f.text } });
  const alexRun = (f: NoteFile) => void alex(f.text);
  // Warm-up on a tenth of the notes, so the JIT has seen the code.
  chunked(1, files.slice(0, 100), 50, { parse, lint, mdl });
  chunked(1, files.slice(0, 20), 10, { alexRun });

  // alex is slow: a fixed 15% subset (150 of 1,000 notes), lint and remark-parse measured again beside it on
  // the same subset. First, while the heap holds least: alex leaves much garbage, and its collection should
  // not also fall on markdownlint's runs.
  const subset = files.filter((_, i) => i % 20 < 3);
  const subsetBytes = subset.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const alexReps = 3;
  // Chunks of 50 as in 1a: after each forced scavenge the next few notes run slower, and with chunks of 10
  // that cost weighed on lint (1.36× remark-parse instead of 1.13× on the same notes).
  const ra = chunked(alexReps, subset, 50, { lint, parse, alex: alexRun });

  const reps = 5;
  const r = chunked(reps, files, 50, { parse, lint, markdownlint: mdl });
  const tParse = wallOf(r.parse);
  const tMdl = wallOf(r.markdownlint);
  const full = { n: reps, bytes: set.bytes, lint: r.lint };
  throughput({ ...full, id: '1a', name: 'lintText, all rules, vs bare remark-parse', baseName: 'remark-parse', base: r.parse, meaning: 'time/byte', target: { on: 'ratio', op: '<=', limit: 1.25, text: '≤ 1.25×' } });
  throughput({
    ...full, id: '1b', name: 'lintText vs markdownlint (default rules)', baseName: 'markdownlint', base: r.markdownlint, meaning: 'faster',
    target: { on: 'ratio', op: '>=', limit: 1.5, text: '≥ 1.5×' },
    note: `ceiling: bare remark-parse alone is ${times(tMdl / tParse)} faster than markdownlint here, and a remark-based lint also parses every note with it`,
  });
  throughput({
    id: '1c', name: `lintText vs alex (${subset.length}-note subset, ${mb(subsetBytes)})`, n: alexReps, bytes: subsetBytes, lint: ra.lint, baseName: 'alex', base: ra.alex, meaning: 'faster',
    target: { on: 'ratio', op: '>=', limit: 10, text: '≥ 10×' },
    note: `ceiling: bare remark-parse alone is ${times(wallOf(ra.alex) / wallOf(ra.parse))} faster than alex on this subset`,
  });
}

/**
 * A lint throughput figure beside its baseline, both from the same chunked passes: the ratio is
 * lint's time per byte over the baseline's ('time/byte'), or how many times faster lint is ('faster').
 */
function throughput(f: { id: string; name: string; n: number; bytes: number; lint: Sample[] | undefined; baseName: string; base: Sample[] | undefined; meaning: 'time/byte' | 'faster'; target: Target; note?: string }): void {
  const t = wallOf(f.lint);
  const b = wallOf(f.base);
  const cpu = cpuOf(f.lint) / cpuOf(f.base);
  const [ratio, ratioCpu] = f.meaning === 'faster' ? [b / t, 1 / cpu] : [t / b, cpu];
  add({
    id: f.id, name: f.name, n: f.n,
    value: mbps(f.bytes, t), unit: 'MB/s', display: mbs(mbps(f.bytes, t)),
    baseline: { name: f.baseName, value: mbps(f.bytes, b), unit: 'MB/s', display: mbs(mbps(f.bytes, b)) },
    ratio: { value: ratio, display: times(ratio), meaning: f.meaning, cpu: ratioCpu },
    target: f.target,
    ...(f.note ? { note: f.note } : {}),
  });
}

// ── 2–4, 7. Workspace index ─────────────────────────────────────────────────────────────────────

async function loadIndexer(): Promise<Indexer | undefined> {
  try {
    const mod = (await import('../src/core/indexer/index')) as Partial<Indexer>;
    if (typeof mod.indexWorkspace === 'function' && typeof mod.updateNote === 'function') return mod as Indexer;
  } catch {
    // Not written yet: the figures that need it print as pending.
  }
  return undefined;
}

type IndexResult = Awaited<ReturnType<Indexer['indexWorkspace']>>;

interface ColdResult {
  /** Median ms, main thread. */
  single: number;
  /** Median ms of the read + remark-parse floor, wall and CPU. */
  floor: number;
  floorCpu: number;
  /** The last main-thread result (built with the cache folder, when one was given; not yet saved). */
  last: IndexResult;
}

const T_INDEX: Target = { on: 'ratio', op: '<=', limit: 1.3, text: '≤ 1.3×' };
const T_WORKERS: Target = { on: 'ratio', op: '<=', limit: 0.75, text: '≤ 0.75×' };
const T_GROWTH: Target = { on: 'value', op: '<=', limit: 11, text: '≤ 11×' };

/**
 * Cold index of a set: the read + remark-parse floor, the main thread and 2 workers, interleaved.
 * With `cacheDir`, the main-thread runs use it (still cold: nothing is saved until the caller
 * calls save() on the returned result), so the warm-start figure needs no extra cold run.
 */
async function coldIndex(indexer: Indexer | undefined, set: Loaded, label: string, reps: number, id: string, cacheDir?: string): Promise<ColdResult | undefined> {
  if (!indexer) {
    pending(`${id}a`, `cold index ${label}, main thread, vs read + remark-parse`, T_INDEX);
    pending(`${id}b`, `cold index ${label}, 2 workers, vs main thread`, T_WORKERS);
    return undefined;
  }
  const dir = set.set.dir;
  const expected = set.files.length;
  const check = (result: IndexResult) => {
    const { stats } = result;
    if (stats.files !== expected || stats.parsed !== expected) throw new Error(`indexWorkspace saw ${stats.files} files and parsed ${stats.parsed}; expected ${expected} (cold)`);
    return result;
  };
  const workersReady = existsSync(WORKER_SCRIPT);
  let last: IndexResult | undefined;
  // The longest the event loop waited while indexing: what an extension host would feel.
  const blocked = { single: 0, workers: 0 };
  const watching = async (key: keyof typeof blocked, run: () => Promise<unknown>) => {
    blocked[key] = Math.max(blocked[key], await longestBlock(run));
  };
  const runs: Record<string, () => Promise<Sample>> = {
    floor: () => measureAsync(async () => {
      const found = await findNotes([dir]);
      for (const f of found.files) parser.parse(readFileSync(f, 'utf8'));
    }),
    single: () => {
      last = undefined;
      return measureAsync(() =>
        watching('single', async () => {
          last = check(await indexer.indexWorkspace([dir], { root: dir, workers: 0, setup: set.setup, ...(cacheDir ? { cacheDir } : {}) }));
        }),
      );
    },
  };
  if (workersReady) runs.workers = () => measureAsync(() => watching('workers', async () => check(await indexer.indexWorkspace([dir], { root: dir, workers: 2, setup: set.setup, workerScript: WORKER_SCRIPT }))));
  const r = await interleaved(reps, runs);
  const floor = wallOf(r.floor);
  const single = wallOf(r.single);
  add({
    id: `${id}a`, name: `cold index ${label}, main thread (workers: 0)`, n: reps,
    value: single, unit: 'ms', display: ms(single),
    baseline: { name: 'read + remark-parse', value: floor, unit: 'ms', display: ms(floor) },
    ratio: { value: single / floor, display: times(single / floor), meaning: 'time', cpu: cpuOf(r.single) / cpuOf(r.floor) },
    target: T_INDEX,
  });
  if (workersReady) {
    const w = wallOf(r.workers);
    add({
      id: `${id}b`, name: `cold index ${label}, 2 worker threads`, n: reps,
      value: w, unit: 'ms', display: ms(w),
      baseline: { name: 'main thread', value: single, unit: 'ms', display: ms(single) },
      ratio: { value: w / single, display: times(w / single), meaning: 'wall time', cpu: cpuOf(r.workers) / cpuOf(r.single) },
      // The issue sets this target at 10k notes; at 1k, starting two workers (bundle, setup, a cold JIT) is a large share of the work.
      ...(expected >= 10_000 ? { target: T_WORKERS } : { note: 'no target at 1k notes: each worker loads the bundle and warms its JIT (its first batch takes several times longer than the next), against ~1.5–3 s of work in all' }),
    });
  } else pending(`${id}b`, `cold index ${label}, 2 workers, vs main thread`, T_WORKERS, 'pending (dist/index-worker.js not built)');
  // Information: this process holds both corpora, so GC pauses are longer than an extension host's; 3b–3c measure the host.
  add({ id: `${id}c`, name: `longest event-loop block in this process, indexing ${label} on the main thread (sliced)`, n: reps, value: blocked.single, unit: 'ms', display: ms(blocked.single), note: 'info: monitorEventLoopDelay max over all runs; the thread yields after 12 ms of work, but one GC pause of this large bench heap, or a note parsed with a cold JIT, can take longer' });
  if (workersReady) add({ id: `${id}d`, name: `longest event-loop block in this process, indexing ${label} with 2 worker threads`, n: reps, value: blocked.workers, unit: 'ms', display: ms(blocked.workers) });
  if (!last) throw new Error('no index was built');
  return { single, floor, floorCpu: cpuOf(r.floor), last };
}

/** Bytes of every file under a folder (the cache folder is the bench's own temporary one). */
function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

interface MemoryResult {
  pending: boolean;
  files?: number;
  heapBefore?: number;
  heapAfter?: number;
  rssBefore?: number;
  maxRSS?: number;
}

const BENCH_OUT = join(ROOT, 'dist', 'bench');
const COMMON_BUILD = { ...bundleOptions, logLevel: 'silent' } as const;

/**
 * bench/index-memory.ts, bundled like the shipped code so the child's memory is not the tsx
 * loader's. It goes in dist/bench/, where the built-in data (frameworks/, lexicons/) is found above.
 */
async function memoryChild(): Promise<string> {
  const outfile = join(BENCH_OUT, 'index-memory.js');
  await esbuild.build({ ...COMMON_BUILD, entryPoints: [join(__dirname, 'index-memory.ts')], outfile });
  return outfile;
}

/**
 * 3b–3c: how long the host thread is ever blocked when a fresh process indexes 10k notes as the
 * extension does (2 workers asked for, a cache folder): cold, then warm.
 */
async function hostBlocking(dir: string): Promise<void> {
  heading('3b–3c. Host thread while indexing 10k notes as the extension does (fresh process, 2 workers asked for, cache folder)');
  const T_BLOCK: Target = { on: 'value', op: '<=', limit: 50, text: '≤ 50 ms' };
  if (!existsSync(WORKER_SCRIPT)) {
    pending('3b', 'longest host block, cold index 10k', T_BLOCK, 'pending (dist/index-worker.js not built)');
    pending('3c', 'longest host block, warm start 10k', T_BLOCK, 'pending (dist/index-worker.js not built)');
    return;
  }
  const child = join(BENCH_OUT, 'host-blocking.js');
  await esbuild.build({ ...COMMON_BUILD, entryPoints: [join(__dirname, 'host-blocking.ts')], outfile: child });
  const run = spawnSync(process.execPath, [child, dir, WORKER_SCRIPT], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench/host-blocking.ts failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { cold: number; warm: number; parsed: number; fromCache: number };
  add({ id: '3b', name: 'longest host event-loop block, cold index 10k (parsing in workers)', value: r.cold, unit: 'ms', display: ms(r.cold), target: T_BLOCK, note: `monitorEventLoopDelay max; ${r.parsed} notes parsed in the workers, the cache then saved` });
  add({ id: '3c', name: 'longest host event-loop block, warm start 10k (host thread, sliced)', value: r.warm, unit: 'ms', display: ms(r.warm), target: T_BLOCK, note: `${r.fromCache} notes from the cache: no workers are started for a warm start` });
}

/**
 * 9: how long the host thread is ever blocked while a 4 MB hostile note is opened and edited, with
 * the extension's own LintScheduler and lint worker (dist/lint-worker.js), in a fresh process.
 */
async function lintBlocking(): Promise<void> {
  heading('9. Host thread while a 4 MB hostile note is opened and edited (fresh process, checks in the lint worker)');
  const T_BLOCK: Target = { on: 'value', op: '<=', limit: 50, text: '≤ 50 ms' };
  if (!existsSync(join(ROOT, 'dist', 'lint-worker.js'))) {
    pending('9a', 'longest host block, 4 MB hostile note edited', T_BLOCK, 'pending (dist/lint-worker.js not built)');
    return;
  }
  const child = join(BENCH_OUT, 'host-blocking.js');
  await esbuild.build({ ...COMMON_BUILD, entryPoints: [join(__dirname, 'host-blocking.ts')], outfile: child });
  const run = spawnSync(process.execPath, [child, '--lint', '--json', `--root=${ROOT}`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench/host-blocking.ts --lint failed: ${run.stderr}`);
  const r = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as import('./host-blocking').LintResult;
  const both = (b: { wall: number; cpu?: number | null }) => `${ms(b.wall)}${typeof b.cpu === 'number' ? ` (${ms(b.cpu)} on CPU)` : ''}`;
  const phases = `open ${both(r.open)}, typing 20 keys ${both(r.typing)}, typing while a check runs ${both(r.typingDuringCheck)}`;
  const what = `${r.inWorker} checks in the worker, ${r.here} on the host thread, ${r.dropped} stale dropped, ${r.stopped} stopped with their worker; floor ${both(r.idle)} (same process, timers only); load ${r.load[0].toFixed(2)} → ${r.load[1].toFixed(2)}`;
  const onHost = { name: 'checked on the host thread', value: r.onHost, unit: 'ms', display: ms(r.onHost) };
  add({ id: '9a', name: 'longest host event-loop block, 4 MB hostile note edited', value: r.longest, unit: 'ms', display: ms(r.longest), baseline: onHost, target: T_BLOCK, note: `monitorEventLoopDelay max, wall-clock: ${phases}; ${what}${r.problems.length ? `; problems: ${r.problems.join(' | ')}` : ''}` });
  if (typeof r.longestCpu === 'number') add({ id: '9b', name: 'the same, time the host thread was on a CPU', value: r.longestCpu, unit: 'ms', display: ms(r.longestCpu), baseline: onHost, target: T_BLOCK, note: 'the most /proc/thread-self/schedstat CPU time between two 2 ms ticks: what the code costs, without the time other processes held the cores' });
  else pending('9b', 'the same, time the host thread was on a CPU', T_BLOCK, 'pending (needs Linux /proc/thread-self/schedstat)');
  add({ id: '9c', name: 'first findings after opening the 4 MB note', value: r.firstFindings, unit: 'ms', display: ms(r.firstFindings), note: 'info: a worker started, the setup loaded in it, the note checked there' });
}

/** Indexes a set in a fresh child process (main thread), for heap and peak RSS free of the bench's own data. */
function memoryOf(child: string, dir: string): MemoryResult {
  const run = spawnSync(process.execPath, ['--expose-gc', child, dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (run.status !== 0) throw new Error(`bench/index-memory.ts failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as MemoryResult;
}

async function warmStart(indexer: Indexer | undefined, set: Loaded, cold: ColdResult | undefined, cacheDir: string): Promise<IndexResult | undefined> {
  heading(`3. Warm start: ${set.files.length.toLocaleString('en')} notes again, same cache folder, nothing changed`);
  const T_WARM: Target = { on: 'ratio', op: '<=', limit: 0.05, text: '≤ 5%' };
  if (!indexer || !cold) {
    pending('3', 'warm start 10k vs cold', T_WARM);
    return undefined;
  }
  const dir = set.set.dir;
  const options = { root: dir, workers: 0, setup: set.setup, cacheDir };
  const save = (
    await measureAsync(async () => {
      await cold.last.save();
    })
  ).wall;
  const cacheBytes = folderBytes(cacheDir);
  const reps = 5;
  let last = cold.last;
  let blocked = 0;
  const r = await interleaved(reps, {
    warm: () => measureAsync(async () => {
      blocked = Math.max(blocked, await longestBlock(async () => {
        last = await indexer.indexWorkspace([dir], options);
      }));
      if (last.stats.fromCache !== set.files.length) throw new Error(`warm start reused ${last.stats.fromCache} of ${set.files.length} notes`);
    }),
  });
  const warm = wallOf(r.warm);
  add({
    id: '3', name: 'warm start 10k (all from cache)', n: reps,
    value: warm, unit: 'ms', display: ms(warm),
    baseline: { name: 'cold, main thread', value: cold.single, unit: 'ms', display: ms(cold.single) },
    ratio: { value: warm / cold.single, display: `${((100 * warm) / cold.single).toFixed(1)}%`, meaning: 'of cold' },
    target: T_WARM,
    note: `cache ${mb(cacheBytes)} in the cache folder, written once by save() in ${ms(save)} (in neither figure); fromCache ${last.stats.fromCache}/${last.stats.files}`,
  });
  add({ id: '3a', name: 'longest event-loop block in this process during the warm starts', n: reps, value: blocked, unit: 'ms', display: ms(blocked), note: 'info: see 3b–3c for a fresh process' });
  return last;
}

async function incremental(indexer: Indexer | undefined, set: Loaded, built: IndexResult | undefined): Promise<void> {
  heading('4. Incremental update after one note changes (updateNote on a rewritten ~3 KB note)');
  const T_INC: Target = { on: 'value', op: '<=', limit: 15, text: '≤ 15 ms' };
  if (!indexer || !built) {
    pending('4a', 'updateNote p50', undefined);
    pending('4b', 'updateNote p95', T_INC);
    return;
  }
  // 50 notes nearest 3 KB, from different clients.
  const sized = set.files.map((f) => ({ path: f.path, text: f.text, size: Buffer.byteLength(f.text), client: basename(dirname(f.path)) }));
  sized.sort((a, b) => Math.abs(a.size - 3072) - Math.abs(b.size - 3072) || (a.path < b.path ? -1 : 1));
  const chosen: typeof sized = [];
  const clients = new Set<string>();
  for (const s of sized) {
    if (chosen.length >= 50) break;
    if (clients.has(s.client)) continue;
    clients.add(s.client);
    chosen.push(s);
  }
  const { index, setup, entries } = built;
  // Five warm-up edits on other notes (not counted), then one edit of each chosen note.
  const warmUp = sized.filter((s) => !chosen.includes(s)).slice(0, 5);
  const touched: typeof sized = [];
  const samples: number[] = [];
  try {
    for (const s of [...warmUp, ...chosen]) {
      // A small edit: a few words at the end of the first paragraph after the frontmatter.
      const body = s.text.indexOf('\n---\n', 4) + 5;
      const at = s.text.indexOf('\n\n', body + 1);
      touched.push(s);
      writeFileSync(s.path, `${s.text.slice(0, at)} Noted later.${s.text.slice(at)}`);
      // No forced GC before a latency sample: V8 would then sweep the big heap lazily inside the sample.
      const t = performance.now();
      await indexer.updateNote(index, setup, s.path, entries);
      if (chosen.includes(s)) samples.push(performance.now() - t);
    }
  } finally {
    for (const s of touched) writeFileSync(s.path, s.text);
  }
  const sizes = chosen.map((c) => c.size);
  const note = `${chosen.length} notes of ${fmt(Math.min(...sizes) / 1024)}–${fmt(Math.max(...sizes) / 1024)} KB, one per client; originals restored afterwards`;
  add({ id: '4a', name: 'updateNote p50', n: samples.length, value: median(samples), unit: 'ms', display: ms(median(samples)) });
  add({ id: '4b', name: 'updateNote p95', n: samples.length, value: percentile(samples, 95), unit: 'ms', display: ms(percentile(samples, 95)), target: T_INC, note });
}

// ── 5. Keystroke latency ────────────────────────────────────────────────────────────────────────

function keystrokes(set: Loaded, workspace: NoteIndex): void {
  heading('5. Keystroke lint latency after one-character edits, as the extension does it: live parse, summary, all rules (cross-note rules on, 1k workspace)');
  const client = clientsOf(SEED_1K, 60)[0];
  if (!client) throw new Error('no client');
  const dir = join(CORPUS_ROOT, 'keystroke');
  mkdirSync(dir, { recursive: true });
  const cases = [
    { ids: ['5a', '5b'], label: '3 KB note', size: 3 * 1024, iterations: 100, warm: 10, limit: 5 },
    { ids: ['5c', '5d'], label: '300 KB note', size: 300 * 1024, iterations: 20, warm: 3, limit: 250 },
  ];
  for (const c of cases) {
    let text = singleNote(SEED_1K, c.size, client, 99);
    const path = join(dir, `${client.slug}-${c.size >= 100_000 ? '300k' : '3k'}.coach.md`);
    writeFileSync(path, text);
    const bytes = Buffer.byteLength(text);
    const rng = new Random(c.size);
    const body = text.indexOf('\n---\n', 4) + 5;
    const samples: number[] = [];
    let first = 0;
    for (let i = 0; i < c.warm + c.iterations; i++) {
      const at = rng.int(body, text.length - 1);
      text = text.slice(0, at) + rng.pick(['e', 't', 'a', 'o', ' ', 'n', 's']) + text.slice(at);
      const t = performance.now();
      // The extension's keystroke path: WorkspaceIndex.updateFromText, then the lint controller's lintNote.
      const note = parseWith(set.setup, { path, text }, true);
      summarize(note, set.setup);
      lintNote(note, set.setup, { workspace });
      const dt = performance.now() - t;
      if (i === 0) first = dt;
      if (i >= c.warm) samples.push(dt);
    }
    const target: Target = { on: 'value', op: '<=', limit: c.limit, text: `≤ ${c.limit} ms` };
    add({ id: c.ids[0] as string, name: `${c.label} (${fmt(bytes / 1024)} KB) p50`, n: samples.length, value: median(samples), unit: 'ms', display: ms(median(samples)) });
    add({ id: c.ids[1] as string, name: `${c.label} (${fmt(bytes / 1024)} KB) p95`, n: samples.length, value: percentile(samples, 95), unit: 'ms', display: ms(percentile(samples, 95)), target, note: `first lint of the note (warm-up, nothing of it cached yet): ${ms(first)}` });
  }
}

// ── 6. Report ───────────────────────────────────────────────────────────────────────────────────

async function report(set: Loaded, reps: number, floor: Sample | undefined): Promise<void> {
  heading('6. Quarterly report for 2026-Q2 of the 10k workspace (buildReport, files already read)');
  const quarter = { year: 2026, q: 2 as const };
  let inQuarter = 0;
  const runs: Record<string, () => Sample> = {
    report: () => measureSync(() => {
      inQuarter = buildReport(set.files, set.setup, { quarter, root: set.set.dir }).notes.length;
    }),
  };
  // The floor is figure 2.2's read + remark-parse of the same files, unless that did not run.
  if (floor === undefined) {
    runs.floor = () => measureSync(() => {
      for (const f of set.files) parser.parse(f.text);
    });
  }
  const r = await interleaved(reps, runs);
  const t = wallOf(r.report);
  const p = floor?.wall ?? wallOf(r.floor);
  const pCpu = floor?.cpu ?? cpuOf(r.floor);
  add({
    id: '6', name: `buildReport 2026-Q2, ${inQuarter.toLocaleString('en')} notes in quarter`, n: reps,
    value: t, unit: 'ms', display: ms(t),
    baseline: { name: floor === undefined ? 'remark-parse of all 10k' : 'read + remark-parse of all 10k', value: p, unit: 'ms', display: ms(p) },
    ratio: { value: t / p, display: times(t / p), meaning: 'time', cpu: cpuOf(r.report) / pCpu },
    note: 'no target; buildReport parses and summarises every note (both quarters need every summary) and lints only the notes of the quarter',
  });
}

// ── 8. Bundle ───────────────────────────────────────────────────────────────────────────────────

/** Every top-level name of the `vscode` API, read from @types/vscode, for the stub below. */
function vscodeNames(): string[] {
  const dts = readFileSync(join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8');
  const names = new Set<string>();
  for (const m of dts.matchAll(/^\t?export (?:class|enum|namespace|function|const|let|var) (\w+)/gm)) if (m[1]) names.add(m[1]);
  return [...names];
}

/**
 * Time to require a bundle in a fresh Node process. `vscode` is stubbed: every API name from
 * @types/vscode answers with a proxy that takes any property path (vscode.DiagnosticSeverity.Error …)
 * and can be called, constructed or extended.
 */
function requireTime(bundle: string, names: readonly string[]): number {
  const script = [
    "const Module = require('node:module');",
    'const stub = new Proxy(function () {}, {',
    "  get: (_t, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => 0 : stub),",
    '  apply: () => stub,',
    '  construct: () => stub,',
    '});',
    `const vscode = Object.fromEntries(${JSON.stringify(names)}.map((name) => [name, stub]));`,
    'const load = Module._load;',
    "Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };",
    'const t = process.hrtime.bigint();',
    `require(${JSON.stringify(bundle)});`,
    'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
  ].join('\n');
  const child = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`requiring ${bundle} failed: ${child.stderr}`);
  return Number(child.stdout);
}

async function bundle(): Promise<void> {
  heading('8. Extension bundle: size and time to require it in a fresh Node process (vscode stubbed)');
  const reps = 5;
  const devSize = statSync(EXTENSION_BUNDLE).size;
  const names = vscodeNames();
  const dev = Array.from({ length: reps }, () => requireTime(EXTENSION_BUNDLE, names));
  // The .vsix ships a minified build (scripts/build.ts --production); build one aside to measure it too.
  // It goes in dist/bench/ so the built-in data (frameworks/, lexicons/) is still found above it.
  const prodFile = join(BENCH_OUT, 'extension.min.js');
  await esbuild.build({ ...COMMON_BUILD, entryPoints: [join(ROOT, 'src', 'extension', 'main.ts')], outfile: prodFile, minify: true, external: ['vscode'] });
  const prodSize = statSync(prodFile).size;
  const prod = Array.from({ length: reps }, () => requireTime(prodFile, names));
  add({ id: '8a', name: 'dist/extension.js size (npm run build, not minified)', value: devSize, unit: 'bytes', display: `${fmt(devSize / 1024)} KB` });
  add({ id: '8b', name: 'require dist/extension.js', n: reps, value: median(dev), unit: 'ms', display: ms(median(dev)) });
  add({ id: '8c', name: 'minified build size (as in the .vsix)', value: prodSize, unit: 'bytes', display: `${fmt(prodSize / 1024)} KB` });
  add({ id: '8d', name: 'require the minified build', n: reps, value: median(prod), unit: 'ms', display: ms(median(prod)) });
}

// ── 13. Whole-process start-up (issue 13) ─────────────────────────────────────────────────────

async function startup(): Promise<void> {
  heading('13. The CLI as a whole process (bench/startup.ts): median wall time beside a baseline process, interleaved');
  for (const r of await runStartup(ROOT, (line) => console.log(`  ${line}`))) {
    const cpu = r.cpu !== undefined && r.baseCpu !== undefined && r.baseCpu > 0 ? r.cpu / r.baseCpu : undefined;
    add({
      id: r.id, name: r.name, n: r.n, value: r.wall, unit: 'ms', display: ms(r.wall),
      baseline: { name: r.baseName, value: r.baseWall, unit: 'ms', display: ms(r.baseWall) },
      ratio: { value: r.wall / r.baseWall, display: times(r.wall / r.baseWall), meaning: 'its time', ...(cpu !== undefined ? { cpu } : {}) },
      target: { on: 'ratio', op: '<=', limit: r.limit, text: `≤ ${r.limit}×` },
    });
  }
  const cache = await runLintCache(ROOT, (line) => console.log(`  ${line}`));
  add({
    id: cache.id, name: cache.name, n: cache.n, value: cache.wall, unit: 'ms', display: ms(cache.wall),
    baseline: { name: cache.baseName, value: cache.baseWall, unit: 'ms', display: ms(cache.baseWall) },
    ratio: { value: cache.ratio, display: `${(100 * cache.ratio).toFixed(1)}%`, meaning: 'of the first run' },
    target: { on: 'ratio', op: '<=', limit: cache.limit, text: `≤ ${100 * cache.limit}%` },
    note: `cache file ${mb(cache.cacheBytes)}; the first run writes it, on one thread (a run with --cache does not use worker threads)`,
  });
  // The real VS Code of the integration suite; installed here when missing, as `npm test` does.
  if (!existsSync(join(ROOT, '.test-host', 'code-server', 'installed.json'))) execFileSync(process.execPath, [join(ROOT, 'scripts', 'test-host', 'install.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const a = await runActivation(ROOT, (line) => console.log(`  ${line}`));
  const load = `${a.runs} host runs, load average ${a.loadAverage.map((l) => l.toFixed(1)).join(' → ')}`;
  add({ id: '13e', name: `extension activate() in the real VS Code, ${a.notes.toLocaleString('en-US')}-note workspace`, n: a.runs, value: a.activateMs, unit: 'ms', display: ms(a.activateMs), target: { on: 'value', op: '<=', limit: a.limits.activateMs, text: `≤ ${a.limits.activateMs} ms` }, note: load });
  add({
    id: '13f', name: 'open a note → its first diagnostics (first note after activation)', n: a.runs, value: a.openToDiagnosticsMs, unit: 'ms', display: ms(a.openToDiagnosticsMs),
    target: { on: 'value', op: '<=', limit: a.limits.openToDiagnosticsMs, text: `≤ ${a.limits.openToDiagnosticsMs} ms` },
    note: `${ms(a.seenToDiagnosticsMs)} of it after the extension heard of the open; ${a.openedDuringScan} of ${a.runs} opened during the first scan; every note opened: ${ms(a.openToDiagnosticsAllMs)}`,
  });
  add({ id: '13g', name: 'activation → first diagnostics of the note that activated the extension', n: a.runs, value: a.activationToDiagnosticsMs, unit: 'ms', display: ms(a.activationToDiagnosticsMs), note: `bundle start → activate(): ${ms(a.loadToActivateMs)}; first scan done after ${ms(a.activationToScanMs)}` });
}

// ── Scaling and hostile notes (issue 11) ────────────────────────────────────────────────────────

function scaling(): void {
  heading('10. Scaling: adversarial note shapes at 10 KB, 100 KB, 1 MB and 4 MB (bench/scaling.ts); CPU ms of the check, and its cost per KB');
  const { rows } = runScaling({ log: (line) => console.log(`  ${line}`) });
  const target: Target = { on: 'value', op: '<=', limit: SCALING_LIMIT, text: `≤ ${SCALING_LIMIT}×` };
  rows.forEach((row, i) => {
    const base = row.cells.find((c) => Math.round(c.kb) === 100) ?? row.cells[0];
    const top = row.cells[row.cells.length - 1];
    add({
      id: `10.${i + 1}`,
      name: `scaling ${row.shape}: ms/KB at 4 MB ÷ at 100 KB`,
      value: row.growth,
      unit: '×',
      display: times(row.growth),
      ...(base && top ? { baseline: { name: 'ms/KB', value: base.msPerKb, unit: 'ms/KB', display: `${base.msPerKb.toFixed(3)} → ${top.msPerKb.toFixed(3)}` } } : {}),
      target,
    });
  });
}

function hostile(): void {
  heading('11. The hostile corpus through the CLI, and the time budget inside rules (bench/hostile-cli.ts)');
  const log = (line: string) => console.log(`  ${line}`);
  const cli = runHostileCli(log);
  add({
    id: '11a',
    name: `coach-notes lint over the hostile corpus (${cli.files} notes, ${mb(cli.bytes)})`,
    value: cli.problems.length === 0 ? cli.seconds : Number.POSITIVE_INFINITY,
    unit: 's',
    display: `${fmt(cli.seconds)} s (CPU ${fmt(cli.cpuSeconds)} s)${cli.problems.length ? `, ${cli.problems.length} problems` : ''}`,
    target: { on: 'value', op: '<=', limit: TARGET_SECONDS, text: `< ${TARGET_SECONDS} s, a finding per note, no stack trace` },
  });
  const rows = runBudget(log);
  const longest = Math.max(...rows.map((r) => r.lintMs));
  add({
    id: '11b',
    name: `longest lintNote of ${rows.length} hostile notes and 4 MB shapes (default budget)`,
    value: longest,
    unit: 'ms',
    display: ms(longest),
    target: { on: 'value', op: '<=', limit: DEFAULT_BUDGET_MS + BUDGET_SLACK_MS, text: `≤ ${DEFAULT_BUDGET_MS} + ${BUDGET_SLACK_MS} ms` },
    note: `${rows.filter((r) => r.cutShort).length} of ${rows.length} cut short at the budget; the parse before it is not budgeted (longest ${ms(Math.max(...rows.map((r) => r.parseMs)))})`,
  });
}

// ── 12. Agreements view (issue 14) ──────────────────────────────────────────────────────────────

async function agreementsView(indexer: Indexer | undefined, set: Loaded): Promise<void> {
  heading('12. Agreements view on the warm 10k index: the pure model from summaries to the first screen, and after a one-note edit (bench/agreements.ts)');
  const T_FIRST: Target = { on: 'value', op: '<=', limit: 100, text: '≤ 100 ms' };
  const T_EDIT: Target = { on: 'value', op: '<=', limit: 15, text: '≤ 15 ms' };
  if (!indexer) {
    pending('12a', 'first render', T_FIRST);
    pending('12b', 'one-note edit p95', T_EDIT);
    return;
  }
  // The warm index's summaries (building it is not measured).
  const dir = set.set.dir;
  const built = await indexer.indexWorkspace([dir], { root: dir, setup: set.setup, ...(existsSync(WORKER_SCRIPT) ? { workers: 2, workerScript: WORKER_SCRIPT } : { workers: 0 }) });
  const r = runAgreementsBench(built.index.all(), { today: '2026-06-15', runs: 9, edits: 100, seed: 12, agreements: 20_000 });
  const counts = `${r.notes.toLocaleString('en')} notes, ${r.lines.toLocaleString('en')} agreement lines = ${r.threads.toLocaleString('en')} agreements once carried lines are one (the corpus's, topped up to 20,000), ${r.overdue.toLocaleString('en')} overdue on 2026-06-15`;
  const rebuild = median(r.rebuild);
  add({
    id: '12a',
    name: 'Agreements view first render (thread + groups + expanded rows + badge)',
    n: r.first.length,
    value: median(r.first),
    unit: 'ms',
    display: ms(median(r.first)),
    target: T_FIRST,
    note: `${counts}; CPU ${ms(median(r.firstCpu))} (median); the very first run, nothing compiled yet: ${ms(r.first[0] ?? 0)} (CPU ${ms(r.firstCpu[0] ?? 0)})`,
  });
  add({ id: '12b', name: 'Agreements view after a one-note edit p50', n: r.update.length, value: median(r.update), unit: 'ms', display: ms(median(r.update)) });
  const p95 = percentile(r.update, 95);
  add({
    id: '12c',
    name: 'Agreements view after a one-note edit p95',
    n: r.update.length,
    value: p95,
    unit: 'ms',
    display: ms(p95),
    baseline: { name: 'full rebuild', value: rebuild, unit: 'ms', display: ms(rebuild) },
    ratio: { value: rebuild / p95, display: times(rebuild / p95), meaning: 'faster' },
    target: T_EDIT,
    note: 'an edit checks or unchecks one open item of a random note; the edited client is re-threaded and the first screen redrawn (the index’s own updateNote is figure 4)',
  });
}

// ── Machine, saving ─────────────────────────────────────────────────────────────────────────────

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GB`,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
  };
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

function save(meta: Record<string, unknown>): void {
  figures.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const results = { schemaVersion: 1, ...meta, figures };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  const m = meta.machine as ReturnType<typeof machine>;
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '# Benchmark results',
    '',
    `Commit \`${String(meta.commit).slice(0, 12)}\`${meta.dirty ? ' (with uncommitted changes)' : ''}, ${meta.date}. Machine: ${m.cpu}, ${m.cores} cores, ${m.memory}; Node ${m.node}; ${m.os}.`,
    `Load average ${(meta.loadAverage as { start: number }).start} at start on ${m.cores} cores; total ${meta.totalSeconds} s.`,
    `Corpus: synthetic notes from bench/corpus.ts (generator v${meta.generatorVersion}); 1k = ${meta.corpus1k}, 10k = ${meta.corpus10k}. Medians over n runs; baselines measured in the same process on the same bytes.`,
    '',
    '| # | Figure | Value | Baseline | Ratio | Target | |',
    '|---|---|---|---|---|---|---|',
    ...figures.map((f) =>
      `| ${f.id} | ${cell(f.name)}${f.n !== undefined ? ` (n=${f.n})` : ''} | ${cell(f.display)} | ${f.baseline ? cell(`${f.baseline.name}: ${f.baseline.display}`) : ''} | ${f.ratio ? cell(`${f.ratio.display} ${f.ratio.meaning}${f.ratio.cpu !== undefined ? ` (CPU ${times(f.ratio.cpu)})` : ''}`) : ''} | ${f.target ? cell(f.target.text) : ''} | ${verdict(f)} |`),
    '',
    ...figures.filter((f) => f.note).map((f) => `- ${f.id}: ${f.note}`),
    '',
    'Run `npm run bench` to reproduce; bench/README.md explains each figure.',
    '',
  ];
  writeFileSync(join(__dirname, 'results.md'), lines.join('\n'));
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const started = performance.now();
  const onlyArg = process.argv.find((a) => a.startsWith('--only='));
  const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
  const want = (group: number) => !only || only.has(String(group));
  const repsArg = process.argv.find((a) => a.startsWith('--reps10k='));
  // The 10k figures (cold index, report) take tens of seconds per run on a 2-core machine: one run by default.
  const reps10k = repsArg ? Math.max(1, Number(repsArg.slice('--reps10k='.length)) || 1) : 3;
  const m = machine();
  const commit = git(['rev-parse', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '';
  console.log('Coach Notes benchmark');
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM; Node ${m.node}; ${m.os}`);
  console.log(`Commit ${commit.slice(0, 12) || 'unknown'}${dirty ? ' (uncommitted changes)' : ''}; ${new Date().toISOString()}`);
  const loadStart = os.loadavg()[0] ?? 0;
  console.log(`Load average at start: ${loadStart.toFixed(2)} on ${m.cores} cores${loadStart > m.cores * 0.75 ? ' (busy machine: expect slower, noisier figures)' : ''}`);
  if (!gcFn) console.log('(run with node --expose-gc for steadier figures: GC is not forced between runs)');

  let t = performance.now();
  const s1k = ensureSet('notes-1k', SEED_1K, 1000, 60);
  const s10k = ensureSet('notes-10k', SEED_10K, 10000, 300);
  const describe = (s: CorpusSet) => `${s.manifest.notes.toLocaleString('en')} notes, ${s.manifest.clients} clients, ${mb(s.manifest.bytes)} (avg ${fmt(s.manifest.bytes / s.manifest.notes / 1024)} KB), sha256 ${s.manifest.contentHash.slice(0, 12)}`;
  console.log(`Corpus (bench/corpus/, ${s1k.generated || s10k.generated ? `generated in ${ms(performance.now() - t)}` : 'cached'}): 1k = ${describe(s1k)}; 10k = ${describe(s10k)}`);
  t = performance.now();
  const c1k = load(s1k);
  const c10k = load(s10k);
  const workspace1k = workspaceOf(c1k);
  console.log(`Loaded the texts and the 1k workspace summaries in ${ms(performance.now() - t)} (not measured)`);

  // --no-indexer: behave as before src/core/indexer existed (checks the pending paths).
  const indexer = process.argv.includes('--no-indexer') ? undefined : await loadIndexer();
  if (!indexer) console.log(`Note: src/core/indexer/index.ts does not export indexWorkspace/updateNote yet: figures 2–4 and 7 are ${PENDING}.`);
  console.log(`\n  ${pad('#', COL.id)}${pad('figure', COL.name)}${pad('value', COL.value)}${pad('baseline (same process, same bytes)', COL.baseline)}${pad('ratio', COL.ratio)}target`);

  if (want(1)) await lintThroughput(c1k, workspace1k);

  let cold10k: ColdResult | undefined;
  let mem1k: MemoryResult | undefined;
  let mem10k: MemoryResult | undefined;
  const cacheDir = mkdtempSync(join(os.tmpdir(), 'coach-notes-bench-cache-'));
  try {
    if (want(2)) {
      heading('2. Cold workspace index (no cache), main thread and 2 worker threads');
      const cold1k = await coldIndex(indexer, c1k, '1k', 5, '2.1');
      cold10k = await coldIndex(indexer, c10k, '10k', reps10k, '2.2', cacheDir);
      if (indexer) {
        const child = await memoryChild();
        mem1k = memoryOf(child, s1k.dir);
        mem10k = memoryOf(child, s10k.dir);
      }
      const heap = (r?: MemoryResult) => (r && !r.pending && r.heapAfter !== undefined && r.heapBefore !== undefined ? r.heapAfter - r.heapBefore : undefined);
      const h1 = heap(mem1k);
      const h10 = heap(mem10k);
      if (cold1k && cold10k) {
        const ratio = cold10k.single / cold1k.single;
        add({ id: '2.3a', name: 'growth 1k → 10k notes: cold index time', value: ratio, unit: '×', display: times(ratio), baseline: { name: 'notes', value: 10, unit: '×', display: `×10, bytes ×${fmt(s10k.manifest.bytes / s1k.manifest.bytes)}` }, target: T_GROWTH });
      } else pending('2.3a', 'growth 1k → 10k notes: cold index time', T_GROWTH);
      if (h1 !== undefined && h10 !== undefined) {
        add({ id: '2.3b', name: 'growth 1k → 10k notes: index heap', value: h10 / h1, unit: '×', display: times(h10 / h1), baseline: { name: 'heap', value: h1, unit: 'bytes', display: `${mb(h1)} → ${mb(h10)}` }, target: T_GROWTH, note: 'heap measured in fresh child processes (figure 7)' });
      } else pending('2.3b', 'growth 1k → 10k notes: index heap', T_GROWTH);
    }
    if (want(3) || want(4)) {
      if (!cold10k && indexer) {
        const options = { root: s10k.dir, workers: 0, setup: c10k.setup, cacheDir };
        let last: IndexResult | undefined;
        const { wall: single } = await measureAsync(async () => (last = await indexer.indexWorkspace([s10k.dir], options)));
        if (last) cold10k = { single, floor: Number.NaN, floorCpu: Number.NaN, last };
      }
      const built = await warmStart(indexer, c10k, cold10k, cacheDir);
      if (want(3) && indexer) await hostBlocking(s10k.dir);
      if (want(4)) await incremental(indexer, c10k, built);
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const floor10k = cold10k && Number.isFinite(cold10k.floor) ? { wall: cold10k.floor, cpu: cold10k.floorCpu } : undefined;
  cold10k = undefined;

  if (want(5)) keystrokes(c1k, workspace1k);
  if (want(6)) await report(c10k, reps10k, floor10k);

  if (want(7)) {
    heading('7. Memory of the 10k-note index (fresh child process, main thread, after a forced GC)');
    const T_MEM: Target = { on: 'value', op: '<=', limit: 150, text: '≤ 150 MB' };
    if (!indexer) {
      pending('7a', 'heap held by the 10k index', T_MEM);
      pending('7b', 'peak RSS while indexing 10k', undefined);
    } else {
      mem10k ??= memoryOf(await memoryChild(), s10k.dir);
      const heap = (mem10k.heapAfter ?? 0) - (mem10k.heapBefore ?? 0);
      add({ id: '7a', name: 'heap held by the 10k index (after − before)', value: heap / 1048576, unit: 'MB', display: mb(heap), baseline: { name: 'heap before', value: (mem10k.heapBefore ?? 0) / 1048576, unit: 'MB', display: mb(mem10k.heapBefore ?? 0) }, target: T_MEM });
      add({ id: '7b', name: 'peak RSS of a process indexing 10k notes', value: (mem10k.maxRSS ?? 0) / 1048576, unit: 'MB', display: mb(mem10k.maxRSS ?? 0), baseline: { name: 'RSS before indexing', value: (mem10k.rssBefore ?? 0) / 1048576, unit: 'MB', display: mb(mem10k.rssBefore ?? 0) }, note: 'info (the memory target is the heap the index holds, 7a): a fresh Node process running bench/index-memory.ts bundled by esbuild (dist/bench/index-memory.js), workers: 0; the peak includes garbage V8 has not yet collected' });
    }
    const rss = process.resourceUsage().maxRSS * 1024;
    add({ id: '7c', name: 'peak RSS of this whole bench process', value: rss / 1048576, unit: 'MB', display: mb(rss), note: 'info only: holds both corpora, the 1k summaries, markdownlint and alex' });
  }

  if (want(8)) await bundle();
  if (want(10)) scaling();
  if (want(11)) hostile();
  if (want(9)) await lintBlocking();
  if (want(12)) await agreementsView(indexer, c10k);
  if (want(13)) await startup();

  const total = performance.now() - started;
  const failed = figures.filter((f) => f.pass === false).length;
  const passed = figures.filter((f) => f.pass === true).length;
  const open = figures.filter((f) => f.target && f.pass === null).length;
  const loadEnd = os.loadavg()[0] ?? 0;
  console.log(`\nTargets: ${passed} ✓, ${failed} ✗${open ? `, ${open} pending` : ''}. Total ${fmt(total / 1000)} s; load average ${loadStart.toFixed(2)} at start, ${loadEnd.toFixed(2)} at end.`);
  if (only || !indexer) {
    console.log(only ? '(--only: results not saved)' : '(no indexer: results not saved)');
    return;
  }
  save({
    date: new Date().toISOString(),
    commit,
    dirty,
    machine: m,
    generatorVersion: s1k.manifest.generatorVersion,
    corpus1k: describe(s1k),
    corpus10k: describe(s10k),
    totalSeconds: Math.round(total / 1000),
    loadAverage: { start: Number(loadStart.toFixed(2)), end: Number(loadEnd.toFixed(2)) },
  });
  console.log('Saved bench/results.json and bench/results.md.');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
