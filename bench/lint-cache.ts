// Group 13 of `npm run bench`, the lint cache (issue 13): `coach-notes lint --cache` over 10,000
// notes as whole processes. The first run starts with no cache and writes it; a second run over the
// same unchanged notes should take at most a tenth of the first. Both must print the same bytes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureSet } from './corpus';

/** The same 10k set as bench/run.ts (name, seed, notes, clients), so it is generated once for both. */
const SET_10K = { name: 'notes-10k', seed: 10000, notes: 10000, clients: 300 } as const;
const SECOND_RUNS = 3;
const TARGET = 0.1;

export interface LintCacheRow {
  id: string;
  name: string;
  /** Median wall ms of a second run (unchanged notes, the cache in place). */
  wall: number;
  baseName: string;
  /** Wall ms of the first run (no cache yet; it writes one). */
  baseWall: number;
  /** wall / baseWall; the target is at most `limit`. */
  ratio: number;
  limit: number;
  /** Second runs measured. */
  n: number;
  /** Size of the cache file the first run wrote, in bytes. */
  cacheBytes: number;
}

export type Row = LintCacheRow;

/** One whole `coach-notes lint` process; standard output goes to a file, whose SHA-1 is returned. */
function lint(cli: string, args: readonly string[], cwd: string, outFile: string): { wall: number; out: string } {
  const fd = openSync(outFile, 'w');
  try {
    const t = performance.now();
    const child = spawnSync(process.execPath, [cli, 'lint', ...args], { cwd, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
    const wall = performance.now() - t;
    // lint exits 1 when a note has an error-severity finding; 2 or a signal is a failure.
    if (child.status === null || child.status > 1) throw new Error(`coach-notes lint ${args.join(' ')} failed: ${child.stderr}`);
    return { wall, out: createHash('sha1').update(readFileSync(outFile)).digest('hex') };
  } finally {
    closeSync(fd);
  }
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Runs the lint-cache figure against the built CLI (`npm run bench` builds it); `root` is the project root. */
export async function runLintCache(root: string, log: (line: string) => void = () => {}): Promise<Row> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const set = ensureSet(SET_10K.name, SET_10K.seed, SET_10K.notes, SET_10K.clients);
  const work = mkdtempSync(join(tmpdir(), 'coach-notes-bench-lint-cache-'));
  try {
    const outFile = join(work, 'out.json');
    const cacheDir = join(work, 'cache');
    const cached = ['--cache', '--cache-location', `${cacheDir}/`, '--format', 'json', set.dir];
    // Warms the file system cache and the bundle's pages, so the first run measures the lint, not the disk.
    const plain = lint(cli, ['--format', 'json', set.dir], root, outFile);
    const first = lint(cli, cached, root, outFile);
    const seconds = Array.from({ length: SECOND_RUNS }, () => lint(cli, cached, root, outFile));
    for (const run of [first, ...seconds]) {
      if (run.out !== plain.out) throw new Error('coach-notes lint --cache printed other findings than a run without the cache');
    }
    const cacheBytes = readdirSync(cacheDir).reduce((sum, name) => sum + statSync(join(cacheDir, name)).size, 0);
    const wall = median(seconds.map((s) => s.wall));
    log(`10k set: ${set.manifest.notes} notes in ${set.manifest.clients} clients; without cache ${Math.round(plain.wall)} ms, first --cache run ${Math.round(first.wall)} ms, second runs ${seconds.map((s) => Math.round(s.wall)).join(', ')} ms; cache ${(cacheBytes / 1048576).toFixed(1)} MB`);
    return { id: '13d', name: 'CLI lint --cache, 10,000 unchanged notes, second run vs first', wall, baseName: 'first run (no cache)', baseWall: first.wall, ratio: wall / first.wall, limit: TARGET, n: SECOND_RUNS, cacheBytes };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
