// How long an extension host's thread is ever held, measured in a fresh process. Two scenarios:
//
// - index (child process of bench/run.ts, figures 3b–3c): indexes a corpus set the way the
//   extension does (2 worker threads asked for, a cache folder), cold and then warm, and prints
//   as JSON the longest block in each. Bundled by bench/run.ts into dist/bench/host-blocking.js.
//   Arguments: <corpus set folder> <worker script>.
// - lint (issue 11): a 4 MB hostile note is opened and edited as in the editor, through the
//   extension's own LintScheduler and LintWorkerClient with the bundled dist/lint-worker.js, and
//   the longest block is printed with what happened. Needs `npm run build` first; then
//   `node --expose-gc --import tsx bench/host-blocking.ts --lint [--mb=4]`, or `npm run bench -- --only=9`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lintNote } from '../src/core/engine/lint';
import { loadSetup } from '../src/core/engine/setup';
import { indexWorkspace } from '../src/core/indexer/index';
import type { Finding } from '../src/core/model/types';
import { parseWith } from '../src/core/workspace/batch';
import { findNotes } from '../src/core/workspace/files';
import { NoteIndex } from '../src/core/workspace/index';
import { summarize } from '../src/core/workspace/summary';
import { createNodeWorker, LintWorkerClient } from '../src/extension/diagnostics/lint-worker-client';
import { foldingOf, LintScheduler, OFF_HOST_THRESHOLD, type LintDoc } from '../src/extension/diagnostics/lint-scheduler';
import { longestBlock } from './event-loop';

/** The 4 MB hostile shape of issue 11: one paragraph, no blank line, a short quotation and a label on every line. */
function hostileNote(bytes: number): string {
  const parts = ['---\nclient: Dana Okafor\ndate: 2026-06-15\nsession: 9\n---\n\n## 3.1 Genuine concern\n\n'];
  let length = parts[0]?.length ?? 0;
  for (let i = 0; length < bytes; i++) {
    const line = i % 2 ? 'She said "fine" and he is lazy.\n' : `He told me "it is nothing" and she is so stubborn ${i}.\n`;
    parts.push(line);
    length += line.length;
  }
  return parts.join('');
}

/** What VS Code's Problems panel receives: toDiagnostic without the `vscode` module. */
function asDiagnostics(findings: readonly Finding[]): unknown[] {
  return findings.map((f) => ({
    range: [f.place.start.line - 1, f.place.start.column - 1, f.place.end.line - 1, f.place.end.column - 1],
    message: f.reason,
    severity: f.severity,
    source: 'Coach Notes',
    code: { value: `coach:${f.ruleId}`, target: f.url },
  }));
}

/**
 * An open document as VS Code's extension host holds it (ExtHostDocumentData): an array of lines
 * that a keystroke changes in place, line offsets from a prefix sum (rebuilt here per version;
 * VS Code updates it), getText() a join of every line, a range's text a join of its lines.
 */
class EditorDoc implements LintDoc {
  version = 1;
  readonly isClosed = false;
  private readonly lines: string[];
  private starts: number[] | undefined;

  constructor(
    readonly key: string,
    readonly path: string,
    text: string,
  ) {
    this.lines = text.split('\n');
  }

  /** Types one character at the start of the middle line. */
  type(char: string): void {
    const at = this.lines.length >> 1;
    this.lines[at] = `${char}${this.lines[at] ?? ''}`;
    this.version++;
    this.starts = undefined;
  }

  get length(): number {
    const starts = this.lineStarts();
    return (starts.at(-1) ?? 0) + (this.lines.at(-1)?.length ?? 0);
  }

  getText(): string {
    return this.lines.join('\n');
  }

  getSlice(start: number, end: number): string {
    const [l0, c0] = this.position(start);
    const [l1, c1] = this.position(end);
    const line = (l: number) => this.lines[l] ?? '';
    if (l0 === l1) return line(l0).slice(c0, c1);
    const pieces = [line(l0).slice(c0)];
    for (let l = l0 + 1; l < l1; l++) pieces.push(line(l));
    pieces.push(line(l1).slice(0, c1));
    return pieces.join('\n');
  }

  private lineStarts(): number[] {
    if (!this.starts) {
      const starts = new Array<number>(this.lines.length);
      let offset = 0;
      for (let l = 0; l < this.lines.length; l++) {
        starts[l] = offset;
        offset += (this.lines[l]?.length ?? 0) + 1;
      }
      this.starts = starts;
    }
    return this.starts;
  }

  private position(offset: number): [number, number] {
    const starts = this.lineStarts();
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo, Math.min(offset - (starts[lo] ?? 0), this.lines[lo]?.length ?? 0)];
  }
}

/** Linux: the calling thread's time on a CPU so far, in ms (/proc/thread-self/schedstat); undefined elsewhere. */
function onCpuMs(): number | undefined {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return undefined;
  }
}

/** A phase's longest block of the host thread: wall-clock, and the part of it the thread spent on a CPU. */
export interface Blocks {
  wall: number;
  /** Undefined where the OS does not say (not Linux). */
  cpu: number | undefined;
}

/**
 * The longest event-loop block while `run` runs, in wall-clock time (what a user feels) and in
 * time on a CPU (what this code costs). On a busy machine the two differ: while other processes
 * hold the cores, a waiting thread's loop is late by however long the OS keeps it waiting. A 2 ms
 * ticker reads the thread's CPU time; the most it advanced between two ticks is the longest stretch
 * the host thread itself was busy.
 */
async function hostBlocks(run: () => Promise<unknown>): Promise<Blocks> {
  let last = onCpuMs();
  let cpu = last === undefined ? undefined : 0;
  const ticker = setInterval(() => {
    const now = onCpuMs();
    if (now !== undefined && last !== undefined && cpu !== undefined) cpu = Math.max(cpu, now - last);
    last = now;
  }, 2);
  try {
    const wall = await longestBlock(run);
    return { wall, cpu };
  } finally {
    clearInterval(ticker);
  }
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

interface LintScenario {
  root: string;
  workerScript: string;
  bytes: number;
  log: (line: string) => void;
}

/** What the lint scenario measured (printed as JSON with --json, for bench/run.ts figure 9). */
export interface LintResult {
  bytes: number;
  /** Longest event-loop block of the host thread, wall-clock ms: the figure (target ≤ 50 ms). */
  longest: number;
  /** The most CPU time the host thread spent in one block (Linux; undefined elsewhere). */
  longestCpu: number | undefined;
  open: Blocks;
  typing: Blocks;
  typingDuringCheck: Blocks;
  /** Longest block of the same process doing nothing but timers: the machine's floor. */
  idle: Blocks;
  firstFindings: number;
  /** The same note checked on the host thread, as before the worker: how long it holds it. */
  onHost: number;
  inWorker: number;
  here: number;
  published: number;
  dropped: number;
  stopped: number;
  slices: number;
  findings: number;
  problems: string[];
  load: [number, number];
}

/**
 * Opens the note, types 20 characters (one every 60 ms), waits for their findings, then types again
 * while the worker is checking (the newer version cancels that check): the extension's own
 * scheduler and worker client, with the folding ranges asked for after every keystroke as
 * VS Code does. Prints the longest event-loop block of each phase.
 */
async function lintScenario({ root, workerScript, bytes, log }: LintScenario): Promise<LintResult> {
  if (!existsSync(workerScript)) throw new Error(`${workerScript} is missing: run \`npm run build\` first`);
  const examples = join(root, 'examples', 'notes');
  // As at activation: the setup loaded and the workspace indexed before the note is opened.
  const setup = loadSetup({ root: examples });
  const index = new NoteIndex();
  for (const path of (await findNotes([examples])).files) index.set(summarize(parseWith(setup, { path, text: readFileSync(path, 'utf8') }), setup));
  const path = join(examples, 'dana-okafor', 'hostile.coach.md');
  const doc = new EditorDoc(`file://${path}`, path, hostileNote(bytes));

  const published: { version: number; findings: number; at: number }[] = [];
  const problems: string[] = [];
  let waiting: { version: number; resolve: () => void } | undefined;
  let here = 0;
  const client = new LintWorkerClient({ create: createNodeWorker(workerScript), error: (context, error) => problems.push(`${context}: ${String(error)}`) });
  const scheduler = new LintScheduler(
    {
      settings: () => ({ run: 'onType', lintDelay: 400, severities: {} }),
      lintHere: (_doc, body, severities) => {
        here++;
        const note = parseWith(setup, { path, text: body }, true);
        return { note, findings: lintNote(note, setup, { workspace: index, severities }) };
      },
      relintHere: (_doc, note, severities) => lintNote(note, setup, { workspace: index, severities }),
      offHost: () => ({ setup: { id: 1, root: examples }, view: index }),
      emptyNote: () => parseWith(setup, { path, text: '' }),
      publish: (_doc, findings) => {
        asDiagnostics(findings);
        published.push({ version: doc.version, findings: findings.length, at: performance.now() });
        if (waiting && doc.version >= waiting.version) waiting.resolve();
      },
      clear: () => undefined,
      error: (context, error) => problems.push(`${context}: ${String(error)}`),
      warn: (message) => problems.push(message),
    },
    client,
  );
  const landed = (v: number) =>
    new Promise<void>((resolveLanded, reject) => {
      const timer = setTimeout(() => reject(new Error(`version ${v} was not checked within 10 minutes`)), 600_000);
      waiting = { version: v, resolve: () => (clearTimeout(timer), resolveLanded()) };
    });
  // VS Code asks for the folding ranges of the edited document (its outline is Markdown's own).
  const providers = () => foldingOf(scheduler.snapshot(doc));
  const type = async (keys: number) => {
    for (let k = 0; k < keys; k++) {
      doc.type('x');
      scheduler.changed(doc);
      providers();
      await sleep(60);
    }
  };

  const blocks: Record<'open' | 'typing' | 'typingDuringCheck', Blocks> = { open: { wall: 0, cpu: 0 }, typing: { wall: 0, cpu: 0 }, typingDuringCheck: { wall: 0, cpu: 0 } };
  // The floor: the same process and heap, timers only. On a busy machine the OS's scheduling and
  // GC pauses alone hold the loop this long, whatever the extension does.
  const load = loadavg()[0] ?? 0;
  const idle = await hostBlocks(async () => {
    for (let k = 0; k < 50; k++) await sleep(60);
  });
  const opened = performance.now();
  let result: Omit<LintResult, 'onHost'>;
  try {
    blocks.open = await hostBlocks(async () => {
      const first = landed(1);
      scheduler.opened(doc);
      providers();
      await first;
      providers();
    });
    const firstFindings = (published[0]?.at ?? opened) - opened;
    blocks.typing = await hostBlocks(async () => {
      const done = landed(doc.version + 20);
      await type(20);
      await done;
      providers();
    });
    const restartsBefore = client.restartsForStale;
    blocks.typingDuringCheck = await hostBlocks(async () => {
      await type(5);
      // The pause lets the check of this version start in the worker; typing on supersedes it.
      await sleep(900);
      const done = landed(doc.version + 5);
      await type(5);
      await done;
      providers();
    });
    const all = Object.values(blocks);
    const longest = Math.max(...all.map((b) => b.wall));
    const onCpu = all.map((b) => b.cpu);
    const longestCpu = onCpu.every((c) => c !== undefined) ? Math.max(...(onCpu as number[])) : undefined;
    const ms = (n: number | undefined) => (n === undefined ? 'n/a' : `${n.toFixed(1)} ms`);
    const phase = (b: Blocks) => `${ms(b.wall)} (${ms(b.cpu)} on CPU)`;
    const verdict = (n: number | undefined) => (n === undefined ? '' : n <= 50 ? ' ✓' : ' ✗');
    log(`Host thread while a ${(bytes / 1048576).toFixed(1)} MB hostile note (one quoted paragraph) is opened and edited, off-host threshold ${OFF_HOST_THRESHOLD / 1024} KB, worker ${workerScript}:`);
    log(`  longest event-loop block: ${ms(longest)} wall-clock${verdict(longest)}, ${ms(longestCpu)} of it on a CPU${verdict(longestCpu)} (target ≤ 50 ms); open ${phase(blocks.open)}, typing 20 keys ${phase(blocks.typing)}, typing while a check runs ${phase(blocks.typingDuringCheck)}`);
    log(`  checks: ${scheduler.counts.offHost} in the worker, ${here} on the host thread; ${scheduler.counts.published} published (versions ${published.map((p) => p.version).join(', ')}), ${scheduler.counts.dropped} stale dropped, ${client.restartsForStale - restartsBefore} stale check(s) stopped with their worker; text read in ${scheduler.counts.slices} slices of ≤ 64 K characters; ${published.at(-1)?.findings ?? 0} findings`);
    log(`  floor: ${phase(idle)} longest block of the same process doing nothing but 60 ms timers for 3 s (load average ${load.toFixed(2)} on ${cpus().length} cores before, ${(loadavg()[0] ?? 0).toFixed(2)} after)`);
    log(`  first findings ${ms(firstFindings)} after opening (worker start, setup load in the worker, check)`);
    if (problems.length) log(`  problems reported: ${problems.join(' | ')}`);
    result = {
      bytes,
      longest,
      longestCpu,
      open: blocks.open,
      typing: blocks.typing,
      typingDuringCheck: blocks.typingDuringCheck,
      idle,
      firstFindings,
      inWorker: scheduler.counts.offHost,
      here,
      published: scheduler.counts.published,
      dropped: scheduler.counts.dropped,
      stopped: client.restartsForStale - restartsBefore,
      slices: scheduler.counts.slices,
      findings: published.at(-1)?.findings ?? 0,
      problems,
      load: [load, loadavg()[0] ?? 0],
    };
  } finally {
    scheduler.dispose();
    client.dispose();
  }
  // Baseline: the same check on the host thread, as before the worker (one live parse and the rules).
  const text = doc.getText();
  const host = await hostBlocks(async () => {
    // The pauses let the monitors see the loop before and after the block.
    await sleep(10);
    lintNote(parseWith(setup, { path, text }, true), setup, { workspace: index });
    await sleep(10);
  });
  log(`  baseline: the same note checked on the host thread holds it for ${host.wall.toFixed(0)} ms${host.cpu === undefined ? '' : ` (${host.cpu.toFixed(0)} ms on CPU)`}`);
  return { ...result, onHost: host.wall };
}

async function indexing(dir: string, workerScript: string): Promise<void> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'coach-bench-host-'));
  try {
    // As the extension: the setup is loaded at activation, before indexing starts.
    const setup = loadSetup({ root: dir });
    const options = { root: dir, setup, workers: 2, workerScript, cacheDir };
    let parsed = 0;
    const cold = await longestBlock(async () => {
      const result = await indexWorkspace([dir], options);
      parsed = result.stats.parsed;
      await result.save();
    });
    let fromCache = 0;
    const warm = await longestBlock(async () => {
      fromCache = (await indexWorkspace([dir], options)).stats.fromCache;
    });
    process.stdout.write(`${JSON.stringify({ cold, warm, parsed, fromCache })}\n`);
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.includes('--lint')) {
    const mb = Number(args.find((a) => a.startsWith('--mb='))?.slice('--mb='.length) ?? 4);
    // bench/run.ts passes the checkout (this file then runs bundled from dist/bench/); under tsx it is the folder above.
    const root = resolve(args.find((a) => a.startsWith('--root='))?.slice('--root='.length) ?? join(__dirname, '..'));
    const json = args.includes('--json');
    // With --json (bench/run.ts) the prose goes to stderr and the last stdout line is the result.
    const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);
    const result = await lintScenario({ root, workerScript: join(root, 'dist', 'lint-worker.js'), bytes: Math.round(mb * 1024 * 1024), log });
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const [dir, workerScript] = args;
  if (!dir || !workerScript) throw new Error('usage: node dist/bench/host-blocking.js <folder> <worker script>, or --lint [--mb=4] [--root=<checkout>] [--json]');
  await indexing(dir, workerScript);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
