// Extension activation as a user meets it (issue 13): the real VS Code of the integration suite
// (scripts/test-host/run.mjs) opens a generated 1,000-note workspace with one note already in an
// editor, so opening that note is what activates the extension; test/bench-host/activation.test.ts
// then opens more notes one by one and writes the extension's timing marks (src/extension/timing.ts)
// to a JSON file. Each host run is a fresh VS Code with empty storage: a cold first scan every time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ActivationRun } from '../test/bench-host/activation.test';
import { ensureSet } from './corpus';

export interface ActivationFigures {
  /** Host runs the medians are taken over. */
  runs: number;
  notes: number;
  /** activate() entered to returned (target ≤ 50 ms). */
  activateMs: number;
  /** The bundle starting to run (the activation event's first visible moment) to activate() being entered. */
  loadToActivateMs: number;
  /** Activation (the bundle starting to run) to the first diagnostics of the note whose opening activated it. */
  activationToDiagnosticsMs: number;
  /** Opening the first note after activation to its first diagnostics, as published by the extension (target ≤ 300 ms). */
  openToDiagnosticsMs: number;
  /** The same, as seen through onDidChangeDiagnostics (VS Code batches those events). */
  openToDiagnosticsEventMs: number;
  /** Of openToDiagnosticsMs, the extension's own part: from being told the note opened to publishing its diagnostics. */
  seenToDiagnosticsMs: number;
  /** Opening any note (all notes opened, every run) to its first diagnostics. */
  openToDiagnosticsAllMs: number;
  /** How many of the first notes were opened before the first workspace scan had finished. */
  openedDuringScan: number;
  /** Activation to the end of the first workspace scan (a cold scan of the 1,000 notes). */
  activationToScanMs: number;
  /** One-minute load average before and after the runs: on a busy machine every figure here waits for a core. */
  loadAverage: [number, number];
  limits: { activateMs: number; openToDiagnosticsMs: number };
}

const RUNS = 3;
/** Notes opened by the test in each run, after the one open at start-up. */
const OPENED = 5;
const LIMITS = { activateMs: 50, openToDiagnosticsMs: 300 };

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

function node(root: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Runs the activation figures against the built extension (`npm run build`); `root` is the project
 * root. Needs the test host (`node scripts/test-host/install.mjs`) and Chromium.
 */
export async function runActivation(root: string, log: (line: string) => void = () => {}, runs = RUNS): Promise<ActivationFigures> {
  if (!existsSync(join(root, 'dist', 'extension.js'))) throw new Error('dist/extension.js is missing: run npm run build');
  if (!existsSync(join(root, '.test-host', 'code-server', 'installed.json'))) throw new Error('the test host is not installed: run node scripts/test-host/install.mjs');
  const built = await node(root, [join('scripts', 'test-host', 'build-tests.mjs'), '--suite', 'bench-host'], process.env);
  if (built.code !== 0) throw new Error(`building test/bench-host failed:\n${built.output}`);
  const set = ensureSet('notes-1k', 1000, 1000, 60);
  log(`1k set: ${set.manifest.notes} notes (bench/corpus/notes-1k), ${runs} host runs, ${OPENED} notes opened after activation in each`);

  const loadBefore = loadavg()[0] as number;
  const results: ActivationRun[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'coach-activation-'));
  try {
    for (let r = 0; r < runs; r++) {
      // Different notes each run, spread over the workspace.
      const step = Math.floor(set.files.length / ((OPENED + 1) * runs));
      const notes = Array.from({ length: OPENED + 1 }, (_, i) => set.files[(r + i * runs) * step + 7] as string);
      const out = join(dir, `run-${r}.json`);
      const env = { ...process.env, COACH_BENCH_OUT: out, COACH_BENCH_NOTES: JSON.stringify(notes) };
      const args = [join('scripts', 'test-host', 'run.mjs'), set.dir, '--tests', join('out', 'bench-host'), '--open', notes[0] as string, '--timeout', '300'];
      const ran = await node(root, args, env);
      if (ran.code !== 0 || !existsSync(out)) throw new Error(`host run ${r + 1} failed (exit ${ran.code}):\n${ran.output.slice(-4000)}`);
      const run = JSON.parse(readFileSync(out, 'utf8')) as ActivationRun;
      results.push(run);
      const first = run.opened[0] as ActivationRun['opened'][number];
      log(`  run ${r + 1}: activate() ${(run.activateReturned - run.activateEntered).toFixed(1)} ms; activation → diagnostics ${(run.startup.published - run.moduleLoaded).toFixed(0)} ms; ` +
        `open → diagnostics ${run.opened.map((o) => `${(o.published - o.opened).toFixed(0)} (${(o.published - o.seen).toFixed(0)})`).join(', ')} ms` +
        ` (in brackets: from the extension hearing of it)${first.scanDone ? '' : '; the first while the scan ran'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const firsts = results.map((r) => r.opened[0] as ActivationRun['opened'][number]);
  const figures: ActivationFigures = {
    runs,
    notes: set.manifest.notes,
    activateMs: median(results.map((r) => r.activateReturned - r.activateEntered)),
    loadToActivateMs: median(results.map((r) => r.activateEntered - r.moduleLoaded)),
    activationToDiagnosticsMs: median(results.map((r) => r.startup.published - r.moduleLoaded)),
    openToDiagnosticsMs: median(firsts.map((o) => o.published - o.opened)),
    openToDiagnosticsEventMs: median(firsts.map((o) => o.event - o.opened)),
    seenToDiagnosticsMs: median(firsts.map((o) => o.published - o.seen)),
    openToDiagnosticsAllMs: median(results.flatMap((r) => r.opened.map((o) => o.published - o.opened))),
    openedDuringScan: firsts.filter((o) => !o.scanDone).length,
    activationToScanMs: median(results.map((r) => r.ready - r.moduleLoaded)),
    loadAverage: [loadBefore, loadavg()[0] as number],
    limits: LIMITS,
  };
  const mark = (value: number, limit: number) => (value <= limit ? 'met' : 'NOT met');
  log(`activate() returns in ${figures.activateMs.toFixed(1)} ms (median; target ≤ ${LIMITS.activateMs} ms: ${mark(figures.activateMs, LIMITS.activateMs)})`);
  log(`first diagnostics ${figures.openToDiagnosticsMs.toFixed(0)} ms after opening a note in a 1,000-note workspace (first note after activation, median; ` +
    `target ≤ ${LIMITS.openToDiagnosticsMs} ms: ${mark(figures.openToDiagnosticsMs, LIMITS.openToDiagnosticsMs)}), of which ${figures.seenToDiagnosticsMs.toFixed(0)} ms after the extension heard of it; ` +
    `${figures.openToDiagnosticsEventMs.toFixed(0)} ms via onDidChangeDiagnostics; ` +
    `${figures.openToDiagnosticsAllMs.toFixed(0)} ms over all ${OPENED * runs} notes opened`);
  log(`activation → first diagnostics of the note that activated it: ${figures.activationToDiagnosticsMs.toFixed(0)} ms (bundle start → activate(): ${figures.loadToActivateMs.toFixed(1)} ms); ` +
    `first scan done ${figures.activationToScanMs.toFixed(0)} ms after activation; ${figures.openedDuringScan} of ${runs} first notes opened during it; ` +
    `load average ${figures.loadAverage.map((l) => l.toFixed(1)).join(' → ')} on ${availableParallelism()} cores`);
  return figures;
}

// `node --import tsx bench/activation.ts [RUNS]`: the figures alone, without the rest of `npm run bench`.
if (require.main === module) {
  runActivation(join(__dirname, '..'), console.log, Number(process.argv[2] ?? RUNS)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
