// Group 13 of `npm run bench`: the CLI as a user meets it, a whole process each time (issue 13).
// Each figure is a median of interleaved runs beside a baseline process run the same way: `node -e 0`
// for one note; for 2,000 notes, a bare remark-parse of the same files and markdownlint (the
// library, default rules), both bundled by esbuild like the CLI (bench/startup-baselines.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { bundleOptions } from '../scripts/bundle-options';
import { ensureSet } from './corpus';

export interface StartupRow {
  id: string;
  name: string;
  /** Median wall ms of the measured process, and of its baseline. */
  wall: number;
  baseName: string;
  baseWall: number;
  /** Median CPU ms (user + system) of each, where /proc says (Linux). */
  cpu?: number;
  baseCpu?: number;
  limit: number;
  n: number;
}

/** User + system CPU ms of the children this process has waited for, from /proc/self/stat; undefined elsewhere. */
function childrenCpu(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // Fields after the command name (which may hold spaces): cutime and cstime are the 14th and 15th of them.
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[13]) + Number(fields[14]);
  // Linux reports clock ticks; USER_HZ is 100 on every architecture Node runs on.
  return Number.isFinite(ticks) ? ticks * 10 : undefined;
}

interface Run {
  wall: number;
  cpu: number | undefined;
}

function run(args: readonly string[], cwd: string): Run {
  const before = childrenCpu();
  const t = performance.now();
  const child = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - t;
  const after = childrenCpu();
  // lint exits 1 when a note has an error-severity finding; 2 or a signal is a failure.
  if (child.status === null || child.status > 1) throw new Error(`node ${args.join(' ')} failed: ${child.stderr}`);
  return { wall, cpu: before === undefined || after === undefined ? undefined : after - before };
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** `reps` rounds, each running every command once in turn, so a burst of load hits them all alike. */
function interleaved(reps: number, commands: Record<string, readonly string[]>, cwd: string): Record<string, { wall: number; cpu: number | undefined }> {
  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const args of Object.values(commands)) run(args, cwd); // warm the file cache
  for (let r = 0; r < reps; r++) for (const [key, args] of Object.entries(commands)) runs[key]?.push(run(args, cwd));
  return Object.fromEntries(
    Object.entries(runs).map(([key, list]) => {
      const cpus = list.map((x) => x.cpu);
      return [key, { wall: median(list.map((x) => x.wall)), cpu: cpus.every((c) => c !== undefined) ? median(cpus as number[]) : undefined }];
    }),
  );
}

/** Runs group 13 against the built CLI (`npm run bench` builds it); `root` is the project root. */
export async function runStartup(root: string, log: (line: string) => void = () => {}): Promise<StartupRow[]> {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run npm run build');
  const baselines = join(root, 'dist', 'bench', 'startup-baselines.js');
  await esbuild.build({ ...bundleOptions, logLevel: 'silent', entryPoints: [join(__dirname, 'startup-baselines.ts')], outfile: baselines });
  const set = ensureSet('notes-2k', 2000, 2000, 120);
  log(`2k set: ${set.manifest.notes} notes, ${(set.manifest.bytes / set.manifest.notes / 1024).toFixed(2)} KB on average (bench/corpus/notes-2k)`);
  const one = set.files[0] as string;
  const rows: StartupRow[] = [];
  const row = (id: string, name: string, r: Record<string, { wall: number; cpu: number | undefined }>, key: string, base: string, baseName: string, limit: number, n: number) => {
    const a = r[key] as { wall: number; cpu: number | undefined };
    const b = r[base] as { wall: number; cpu: number | undefined };
    rows.push({ id, name, wall: a.wall, baseName, baseWall: b.wall, ...(a.cpu !== undefined && b.cpu !== undefined ? { cpu: a.cpu, baseCpu: b.cpu } : {}), limit, n });
  };
  const single = interleaved(7, { node: ['-e', '0'], lint: [cli, 'lint', '--format', 'json', one] }, root);
  row('13a', 'CLI lint of one note, whole process', single, 'lint', 'node', 'node -e 0', 3, 7);
  const many = interleaved(5, {
    lint: [cli, 'lint', '--format', 'json', set.dir],
    remark: [baselines, 'remark', set.dir],
    markdownlint: [baselines, 'markdownlint', set.dir],
  }, root);
  row('13b', 'CLI lint of 2,000 notes vs bare remark-parse', many, 'lint', 'remark', 'remark-parse process', 1.25, 5);
  row('13c', 'CLI lint of 2,000 notes vs markdownlint', many, 'lint', 'markdownlint', 'markdownlint process', 0.75, 5);
  return rows;
}
