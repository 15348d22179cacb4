// The hostile corpus through the CLI (issue 11): the notes of test/unit/hostile.test.ts (the
// committed ones in test/fixtures/hostile/notes and the generated large ones) plus one 16 MB
// pasted transcript kept as a single paragraph with a quotation and a label on every line, linted
// by `node dist/cli.js lint --format json` in one run. Prints the total seconds (target < 60 s),
// and fails when a note gets no finding or standard error shows a stack trace.
//
// Then, in this process, the time budget: each large note (and each scaling shape at 4 MB) is
// parsed, and `lintNote` with the default 5 s budget is timed alone; it must end within the budget
// plus 100 ms whatever the shape.
//
// Run alone after `npm run build`: `node --expose-gc --import tsx bench/hostile-cli.ts [--no-budget]`,
// or as part of `npm run bench` (`-- --only=11`).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import type { LintJsonEntry } from '../src/cli/output/lint-json';
import { DEFAULT_BUDGET_MS, lintNote } from '../src/core/engine/lint';
import { loadSetup } from '../src/core/engine/setup';
import { clearSectionCache } from '../src/core/note/chunks';
import { parseWith } from '../src/core/workspace/batch';
import { HOSTILE_NOTES, writeLargeNotes } from '../test/fixtures/hostile/generate';
import { SALT, SHAPES } from './scaling';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
export const TARGET_SECONDS = 60;
/** How far past its budget a note's checking may run. */
export const BUDGET_SLACK_MS = 100;
const MB = 1024 * 1024;

export interface HostileResult {
  seconds: number;
  /** CPU seconds of the CLI process (user + system), which machine load hardly moves; NaN where /proc is missing. */
  cpuSeconds: number;
  files: number;
  bytes: number;
  findings: number;
  exitCode: number | null;
  /** Notes without a finding, and other failures; empty when all is well. */
  problems: string[];
}

/** CPU seconds used by this process's waited-for children so far (Linux: /proc/self/stat cutime + cstime). */
function childrenCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // After the command name: field 3 is index 0, so cutime (16) and cstime (17) are 13 and 14.
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Writes the corpus into a fresh temporary folder: committed notes, generated large ones, and the 16 MB transcript. */
function writeCorpus(): string {
  const dir = mkdtempSync(join(os.tmpdir(), 'coach-notes-hostile-'));
  for (const name of readdirSync(HOSTILE_NOTES)) copyFileSync(join(HOSTILE_NOTES, name), join(dir, name));
  writeLargeNotes(join(dir, 'large'));
  const giant = SHAPES.find((s) => s.name === 'quoted-paragraph')?.build(16 * MB, SALT)[0];
  if (giant) writeFileSync(join(dir, 'giant-quoted-paragraph-16mb.coach.md'), giant.text);
  return dir;
}

function notesIn(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.coach.md'))
    .map((name) => join(dir, name))
    .sort();
}

/** Runs the CLI over the whole corpus once and checks what it printed. */
export function runHostileCli(log: (line: string) => void = (line) => console.log(line)): HostileResult {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first.`);
  const dir = writeCorpus();
  try {
    const notes = notesIn(dir);
    const bytes = notes.reduce((n, path) => n + statSync(path).size, 0);
    log(`Corpus: ${notes.length} notes, ${(bytes / MB).toFixed(1)} MB (committed hostile notes, the generated large ones, a 16 MB quoted paragraph) in ${dir}`);
    const started = performance.now();
    const cpuBefore = childrenCpuSeconds();
    const run = spawnSync(process.execPath, [CLI, 'lint', '--format', 'json', dir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1024 * MB });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = childrenCpuSeconds() - cpuBefore;
    const problems: string[] = [];
    if (run.error) problems.push(`the CLI did not run: ${run.error.message}`);
    // Exit 1: findings at error severity (frontmatter problems). 2 would be an unreadable path, and a crash is anything else.
    if (run.status !== 1) problems.push(`exit code ${run.status} (signal ${run.signal ?? 'none'}), expected 1`);
    const stderr = run.stderr ?? '';
    if (/\n\s+at .+:\d+:\d+\)?/.test(stderr) || /something went wrong/i.test(stderr)) problems.push(`a stack trace or crash on standard error:\n${stderr.slice(0, 2000)}`);
    let entries: LintJsonEntry[] = [];
    try {
      entries = JSON.parse(run.stdout ?? '') as LintJsonEntry[];
    } catch (error) {
      problems.push(`standard output is not JSON: ${String(error)}`);
    }
    const flagged = new Set(entries.map((e) => e.file));
    // Every hostile note has something to say (none has all its marker sections).
    for (const note of notes) if (!flagged.has(note)) problems.push(`no finding for ${note.slice(dir.length + 1)}`);
    const giant = entries.filter((e) => e.file.endsWith('giant-quoted-paragraph-16mb.coach.md')).map((e) => e.ruleId);
    log(`The 16 MB quoted paragraph: ${giant.length} findings (${[...new Set(giant)].join(', ')})`);
    if (!giant.includes('note-too-large')) problems.push('the 16 MB note has no note-too-large finding');
    const result = { seconds, cpuSeconds, files: notes.length, bytes, findings: entries.length, exitCode: run.status, problems };
    log(`coach-notes lint over the hostile corpus: ${seconds.toFixed(1)} s (target < ${TARGET_SECONDS} s; CPU ${cpuSeconds.toFixed(1)} s), ${entries.length.toLocaleString('en-US')} findings, exit ${run.status}, standard error ${stderr.split('\n').filter(Boolean).length} lines`);
    for (const p of problems) log(`  ✗ ${p}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface BudgetRow {
  note: string;
  parseMs: number;
  /** Wall-clock ms of lintNote: what the budget (itself wall-clock) bounds. */
  lintMs: number;
  /** CPU ms of lintNote, which says how much of that time the rules had the CPU. */
  lintCpuMs: number;
  cutShort: boolean;
}

/**
 * `lintNote` alone (after the parse), default budget, on each large hostile note, the 16 MB
 * transcript and each scaling shape at 4 MB. Returns the rows; the longest must stay within the
 * budget plus BUDGET_SLACK_MS.
 */
export function runBudget(log: (line: string) => void = (line) => console.log(line)): BudgetRow[] {
  const setup = loadSetup();
  const dir = mkdtempSync(join(os.tmpdir(), 'coach-notes-budget-'));
  const rows: BudgetRow[] = [];
  const measure = (name: string, text: string) => {
    clearSectionCache();
    (globalThis as { gc?: () => void }).gc?.();
    let t = performance.now();
    const note = parseWith(setup, { path: `${name}.coach.md`, text });
    const parseMs = performance.now() - t;
    const cpu = process.cpuUsage();
    t = performance.now();
    const findings = lintNote(note, setup);
    const lintMs = performance.now() - t;
    const used = process.cpuUsage(cpu);
    const lintCpuMs = (used.user + used.system) / 1000;
    const cutShort = findings.some((f) => f.ruleId === 'note-too-large' && /took too long/.test(f.reason));
    rows.push({ note: name, parseMs, lintMs, lintCpuMs, cutShort });
    log(`  ${name.padEnd(34)} parse ${Math.round(parseMs).toString().padStart(6)} ms   rules ${Math.round(lintMs).toString().padStart(6)} ms (CPU ${Math.round(lintCpuMs)} ms)${cutShort ? '   cut short at the budget' : ''}`);
  };
  try {
    log(`Time budget: the rules of one note (lintNote, after the parse), default budget ${DEFAULT_BUDGET_MS} ms + ${BUDGET_SLACK_MS} ms`);
    // The first check of a process builds the lexicons' indexes and loads the tagger: once, not per note.
    const t = performance.now();
    lintNote(parseWith(setup, { path: 'warm-up.coach.md', text: SHAPES[0]?.build(20 * 1024, SALT * 4)[0]?.text ?? '' }), setup);
    log(`  (first check of the process, a 20 KB note, builds the lexicon indexes and loads the tagger: ${Math.round(performance.now() - t)} ms; not counted)`);
    const paths = writeLargeNotes(join(dir, 'large'));
    for (const [name, path] of Object.entries(paths)) measure(name.replace(/\.coach\.md$/, ''), readFileSync(path, 'utf8'));
    const giant = SHAPES.find((s) => s.name === 'quoted-paragraph')?.build(16 * MB, SALT * 2)[0];
    if (giant) measure('giant-quoted-paragraph-16mb', giant.text);
    for (const shape of SHAPES) for (const file of shape.build(4 * MB, SALT * 3)) measure(`${shape.name} 4 MB${file.path.endsWith('-1.coach.md') ? ' (previous)' : ''}`, file.text);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const longest = Math.max(...rows.map((r) => r.lintMs));
  log(`Longest lintNote: ${Math.round(longest)} ms (budget ${DEFAULT_BUDGET_MS} + ${BUDGET_SLACK_MS} ms: ${longest <= DEFAULT_BUDGET_MS + BUDGET_SLACK_MS ? '✓' : '✗'}); ${rows.filter((r) => r.cutShort).length} of ${rows.length} notes cut short at the budget`);
  return rows;
}

if (require.main === module) {
  const result = runHostileCli();
  const rows = process.argv.includes('--no-budget') ? [] : runBudget();
  const overBudget = rows.some((r) => r.lintMs > DEFAULT_BUDGET_MS + BUDGET_SLACK_MS);
  process.exitCode = result.problems.length === 0 && result.seconds < TARGET_SECONDS && !overBudget ? 0 : 1;
}

