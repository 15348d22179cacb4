// The adversarial scaling suite (issue 11): hostile but plausible note shapes, each grown to
// 10 KB, 100 KB, 1 MB and 4 MB, checked the way the CLI and Lint Workspace check a note
// (`lintBatch`: parse, summary, every local rule, then the cross-note rules), with the per-note
// time budget lifted so that the whole note is read. Prints ms and ms/KB per shape and size, and
// the growth of the cost per KB from 100 KB to 4 MB, which must stay ≤ 2× for every shape.
//
// Run alone: `node --expose-gc --import tsx bench/scaling.ts [--shapes=a,b] [--sizes=10,100,1024,4096]`,
// or as part of `npm run bench` (`-- --only=10`). The shapes are shared with the unit test
// test/unit/scaling.test.ts, which checks growth between two small sizes.
import { loadSetup, type EngineSetup } from '../src/core/engine/setup';
import { clearSectionCache } from '../src/core/note/chunks';
import { lintBatch } from '../src/core/workspace/batch';
import type { NoteFile } from '../src/core/workspace/files';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\nsession: 4\nduration: 60\n---\n\n';
const HEAD_PREVIOUS = '---\nclient: Maria\ndate: 2026-02-16\nsession: 3\nduration: 60\n---\n\n';
const IDS = ['3.1 Genuine concern', '3.2 Integrity and honesty', '3.3 Clear agreements', '3.4 Respect for the client', '3.5 Championing new behaviours', '3.6 Permission in sensitive areas'];

/**
 * Repeats `unit(i)` after `head` until the text reaches `bytes` characters (all shapes are ASCII,
 * so characters are bytes), counting `i` from `from`: a run with another `from` gets other numbers
 * in its sentences, so it cannot be served from the tagger's sentence cache filled by the last run.
 */
function grow(head: string, bytes: number, from: number, unit: (i: number) => string, tail = ''): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let i = from; length < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    length += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

export interface Shape {
  name: string;
  /** What it holds, for the table. */
  what: string;
  /** The notes to lint together (most shapes: one), about `bytes` characters in all; `salt` (a multiple of SALT) varies the numbers in the text, not its shape. */
  build(bytes: number, salt: number): NoteFile[];
  /** The size from which the shape is what it says (below it, a bounded part such as a frontmatter under its limit is read in full). */
  from?: number;
}

const one = (name: string, text: string): NoteFile[] => [{ path: `/scaling/${name}.coach.md`, text }];

export const SHAPES: Shape[] = [
  {
    name: 'quoted-paragraph',
    what: 'one paragraph, no blank line: a short quotation and a label on every line',
    build: (b, s) => one('quoted-paragraph', grow(HEAD, b, s, (i) => (i % 2 ? `She said "fine" and he is lazy.\n` : `He told me "it is nothing" and she is so stubborn ${i}.\n`))),
  },
  {
    name: 'judgmental',
    what: 'a judgmental finding in every short paragraph',
    build: (b, s) => one('judgmental', grow(HEAD, b, s, (i) => `She was lazy about the budget again (${i}). He is arrogant and in denial.\n\n`)),
  },
  {
    name: 'headings',
    what: 'marker headings (and an unknown 3.9) with a line of evidence each: 20,000 at 1 MB',
    build: (b, s) => one('headings', grow(HEAD, b, s, (i) => (i % 7 === 6 ? `## 3.9 Not a marker\n\nSaw ${i}.\n` : `## ${IDS[i % 6]}\n\nSaw ${i}.\n`))),
  },
  {
    name: 'empty-sections',
    what: 'empty marker sections, near-miss headings (bold, ##3.1) and ordinary ones',
    // A comment with the number on each: no two sections alike, so none is parsed once and reused (comments are not evidence).
    build: (b, s) => one('empty-sections', grow(HEAD, b, s, (i) => `${[`## ${IDS[i % 6]}`, `**${IDS[(i + 1) % 6]}**`, `##3.${(i % 6) + 1} Marker`, `## Part ${i}`][i % 4] as string}\n<!-- ${i} -->\n\n`)),
  },
  {
    name: 'tags',
    what: 'inline evidence tags, known and unknown, many on a line',
    build: (b, s) => one('tags', grow(HEAD + '## 3.1 Genuine concern\n\n', b, s, (i) => `She chose the next step ${i} [#3.5] and named it [#3.1 #3.4] [#3.9] [#9.${i % 10}].\n`)),
  },
  {
    name: 'agreements',
    what: 'two notes of one client: open agreements in the previous one, half carried forward',
    build: (b, s) => [
      { path: '/scaling/agreements-1.coach.md', text: grow(HEAD_PREVIOUS + '## Agreements\n\n', b / 2, s, (i) => `- [ ] Send the proposal draft number ${i} to her manager, due 2026-03-${String((i % 28) + 1).padStart(2, '0')}\n`) },
      { path: '/scaling/agreements-2.coach.md', text: grow(HEAD + '## Agreements\n\n', b / 2, s, (i) => (i % 2 ? `- [x] Send the proposal draft number ${i} to her manager\n` : `- [ ] Open the budget meeting number ${i}, due 2026-04-01\n`)) },
    ],
  },
  {
    name: 'sensitive',
    what: 'sensitive mentions (health, grief, money, self-harm) and no permission line',
    build: (b, s) => one('sensitive', grow(HEAD, b, s, (i) => `We talked about her mother's cancer diagnosis, the grief after the funeral, her debt (${i}), and thoughts of self-harm.\n\n`)),
  },
  {
    name: 'permission',
    what: 'permission lines, each after a sensitive mention',
    build: (b, s) => one('permission', grow(HEAD, b, s, (i) => `Her divorce came up again (${i}).\n\n**Permission:** Asked whether she wanted to bring her health into coaching. She said yes.\n\n`)),
  },
  {
    name: 'frontmatter',
    what: 'a frontmatter of thousands of keys (past its size limit), then a body',
    build: (b, s) => one('frontmatter', grow('---\nclient: Maria\ndate: 2026-02-30\nduration: -5\n', b - 40, s, (i) => `key${i}: value ${i}\n`, '---\n\n## 3.1 Genuine concern\n\nAsked.\n')),
    // Up to its 64 KB limit a frontmatter is read as YAML (whose duplicate-key check is quadratic, bounded by the limit); past it, not at all.
    from: 96 * 1024,
  },
  {
    name: 'nesting',
    what: 'lists and blockquotes nested 40 deep, over and over',
    build: (b, s) => one('nesting', grow(HEAD, b, s, (i) => Array.from({ length: 40 }, (_, d) => `${d % 2 ? '  '.repeat(d >> 1) + '- ' : '> '.repeat((d >> 1) + 1)}She was lazy ${i}.\n`).join('') + '\n')),
  },
  {
    name: 'one-line',
    what: 'the whole body on one line, a judgmental word every sentence or so',
    build: (b, s) => one('one-line', grow(HEAD, b, s, (i) => (i % 3 ? `She talked about the plan and what she wants from it. ` : `He is lazy (${i}). `), '\n')),
  },
  {
    name: 'disable-comments',
    what: 'disable comments of every kind, each beside a finding',
    build: (b, s) =>
      one('disable-comments', grow(HEAD, b, s, (i) => [
        `<!-- coach-disable-next-line judgmental-language -->\nShe was lazy (${i}).\n\n`,
        `He was arrogant (${i}). <!-- coach-disable-line coach:judgmental-language, permission-check -->\n\n`,
        `<!-- coach-disable judgmental-language -->\nShe is stubborn (${i}).\n<!-- coach-enable judgmental-language -->\n\n`,
        `<!-- coach-disable unknown-marker -->\nShe was lazy [#3.9] (${i}).\n\n`,
      ][i % 4] as string)),
  },
  {
    name: 'crlf',
    what: 'an ordinary note body (sections, prose, a label, a tag) with CRLF line ends',
    build: (b, s) => one('crlf', grow(HEAD, b, s, (i) => `## ${IDS[i % 6]}\n\nAsked how the week went (${i}); she was lazy about it [#3.5].\n- [ ] Call her, due 2026-03-16\n\n`).replace(/\n/g, '\r\n')),
  },
  {
    name: 'lone-cr',
    what: 'the same body with lone CR line ends',
    build: (b, s) => one('lone-cr', grow(HEAD, b, s, (i) => `## ${IDS[i % 6]}\n\nAsked how the week went (${i}); she was lazy about it [#3.5].\n- [ ] Call her, due 2026-03-16\n\n`).replace(/\n/g, '\r')),
  },
];

/**
 * The check the CLI runs on these files, with the time budget lifted. Returns the number of findings.
 * The section cache is emptied first, so no run reuses the parse of an earlier one.
 */
export function check(files: readonly NoteFile[], setup: EngineSetup): number {
  clearSectionCache();
  const { results } = lintBatch(files, setup, { budgetMs: Number.POSITIVE_INFINITY });
  return results.reduce((n, r) => n + r.findings.length, 0);
}

const gcFn = (globalThis as { gc?: () => void }).gc;

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** Salts are multiples of this (the least common multiple of 1…8, times 1,000), so the `i % k` of every shape is unchanged. */
export const SALT = 840_000;

/**
 * Median CPU ms (and wall-clock ms) of `reps` checks (a full GC before each), each of a freshly
 * built text with its own salt: no run finds its sentences in the tagger's cache from an earlier
 * one. CPU time is what the growth is judged on: on a 2-core machine shared with other work, wall
 * time measures the neighbours as much as the code.
 */
export function timeCheck(shape: Shape, bytes: number, setup: EngineSetup, reps: number, firstSalt = 1): { ms: number; wall: number; findings: number; bytes: number } {
  const cpu: number[] = [];
  const wall: number[] = [];
  let findings = 0;
  let size = 0;
  for (let r = 0; r < reps; r++) {
    const files = shape.build(bytes, (firstSalt + r) * SALT);
    size = files.reduce((n, f) => n + f.text.length, 0);
    gcFn?.();
    const c = process.cpuUsage();
    const t = performance.now();
    findings = check(files, setup);
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ms: median(cpu), wall: median(wall), findings, bytes: size };
}

export const SIZES_KB = [10, 100, 1024, 4096];
/** Runs per size: more for the small sizes, where a run is short and noise is large. */
const REPS: Record<number, number> = { 10: 5, 100: 3, 1024: 1, 4096: 1 };
export const LIMIT = 2;

export interface ScalingRow {
  shape: string;
  what: string;
  /** `ms`: CPU time of the check; `wall`: its wall-clock time. */
  cells: { kb: number; ms: number; wall: number; msPerKb: number; findings: number }[];
  /** ms/KB at the largest size ÷ ms/KB at 100 KB. */
  growth: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Measures every shape at every size and prints the table as it goes; returns the rows and the Markdown table. */
export function runScaling(options: { shapes?: readonly string[]; sizes?: readonly number[]; log?: (line: string) => void } = {}): { rows: ScalingRow[]; markdown: string; pass: boolean } {
  const log = options.log ?? ((line: string) => console.log(line));
  const sizes = options.sizes ?? SIZES_KB;
  const setup = loadSetup();
  const shapes = SHAPES.filter((s) => !options.shapes || options.shapes.includes(s.name));
  // Warm up every code path (lexicon, tagger, regexps) before the first measurement.
  for (const s of shapes) check(s.build(10 * 1024, 0), setup);
  const base = sizes.includes(100) ? 100 : (sizes[0] as number);
  const header = `| shape | ${sizes.map((kb) => `${sizeName(kb)}: CPU ms (ms/KB)`).join(' | ')} | findings at ${sizeName(sizes.at(-1) as number)} | ms/KB ${sizeName(sizes.at(-1) as number)} ÷ ${sizeName(base)} | ≤ ${LIMIT} |`;
  const rule = `|---|${sizes.map(() => '---:|').join('')}---:|---:|---|`;
  const lines = [header, rule];
  log(header);
  log(rule);
  const rows: ScalingRow[] = [];
  for (const s of shapes) {
    const cells: ScalingRow['cells'] = [];
    for (const kb of sizes) {
      const { ms, wall, findings, bytes } = timeCheck(s, kb * 1024, setup, REPS[kb] ?? 1);
      cells.push({ kb: bytes / 1024, ms, wall, msPerKb: ms / (bytes / 1024), findings });
    }
    const growth = (cells.at(-1) as ScalingRow['cells'][number]).msPerKb / (cells[sizes.indexOf(base)] as ScalingRow['cells'][number]).msPerKb;
    rows.push({ shape: s.name, what: s.what, cells, growth });
    const line = `| ${s.name} | ${cells.map((c) => `${fmt(c.ms, c.ms < 100 ? 1 : 0)} (${fmt(c.msPerKb, 3)})`).join(' | ')} | ${fmt(cells.at(-1)?.findings ?? 0)} | ${fmt(growth, 2)} | ${growth <= LIMIT ? '✓' : '✗'} |`;
    lines.push(line);
    log(line);
  }
  return { rows, markdown: lines.join('\n'), pass: rows.every((r) => r.growth <= LIMIT) };
}

function sizeName(kb: number): string {
  return kb >= 1024 ? `${kb / 1024} MB` : `${kb} KB`;
}

if (require.main === module) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const shapes = arg('shapes')?.split(',');
  const sizes = arg('sizes')?.split(',').map(Number);
  const { pass } = runScaling({ ...(shapes ? { shapes } : {}), ...(sizes ? { sizes } : {}) });
  process.exitCode = pass ? 0 : 1;
}
