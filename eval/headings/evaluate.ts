import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import type { Finding } from '../../src/core/model/types';
import { byGroup, tsvRows } from '../scoring';

/** One labelled heading line of the heading evaluation sets (see eval/headings/README.md). */
export interface Row {
  id: string;
  framework: string;
  /** The marker id the coach meant, or `none`. */
  expected: string;
  kind: string;
  /** The line as typed; a setext heading's two lines joined by a real line break. */
  line: string;
}

/**
 * What the engine made of a row.
 * - `credited`: a section counted for the intended marker.
 * - `offered`: not counted, but a `marker-heading` finding names the intended marker with a one-click fix.
 * - `wrong`: counted for, or offered as, another marker.
 * - `missed`: neither (the coach gets "No section" where that marker is required).
 * - `taken` / `questioned` / `left`: a `none` row counted as a marker, offered as one, or left alone.
 */
export type Verdict = 'credited' | 'offered' | 'wrong' | 'missed' | 'taken' | 'questioned' | 'left';

export interface Outcome {
  row: Row;
  verdict: Verdict;
  /** The marker the engine credited or offered, if any. */
  got?: string;
  /** Whether "No section for <expected>" was also reported: the contradiction the rule must avoid. */
  contradicted: boolean;
  findings: Finding[];
}

const HEADER = 'id\tframework\texpected\tkind\tline';
export const EVAL_DIR = join(__dirname);

export function readSet(set: string, dir = EVAL_DIR): Row[] {
  const file = `${set}.tsv`;
  return parseTsv(readFileSync(join(dir, file), 'utf8'), file);
}

export function parseTsv(text: string, file: string): Row[] {
  return tsvRows(text, file, HEADER).map((cells, i) => {
    const [id, framework, expected, kind, text] = cells;
    if (cells.length !== 5 || !id || !framework || !expected || !kind || !text) throw new Error(`${file}:${i + 2}: expected 5 tab-separated fields`);
    return { id, framework, expected, kind, line: text.replace(/\\n/g, '\n') };
  });
}

/** The line as a section of its own, with one line of evidence, in a note of the row's framework. */
export function noteFor(row: Row): string {
  return `---\nclient: Maria\ndate: 2026-03-02\nframework: ${row.framework}\n---\n\n${row.line}\n\nAsked how the first week back had gone.\n`;
}

/**
 * A setup in which every marker of every framework is required, so that a heading the engine does
 * not recognise also shows whether "No section" contradicts it (icf-pcc-2020 requires none by default).
 */
export function evalSetup(setup: EngineSetup): EngineSetup {
  const requiredMarkers = Object.fromEntries(setup.frameworks.ids().map((id) => [id, 'all' as const]));
  return { ...setup, config: { ...setup.config, requiredMarkers } };
}

export function run(rows: readonly Row[], base: EngineSetup): Outcome[] {
  const setup = evalSetup(base);
  return rows.map((row) => {
    const { note, findings } = lintText(noteFor(row), `${row.id}.coach.md`, setup, { only: ['marker-heading', 'missing-marker-section'] });
    const credited = note.sections.find((s) => s.marker)?.marker?.id;
    const offered = findings.find((f) => f.ruleId === 'marker-heading' && f.fixes.length > 0)?.data?.['marker'];
    const got = credited ?? (typeof offered === 'string' ? offered : undefined);
    const contradicted = findings.some((f) => f.ruleId === 'missing-marker-section' && f.data?.['marker'] === row.expected);
    let verdict: Verdict;
    if (row.expected === 'none') verdict = credited ? 'taken' : got ? 'questioned' : 'left';
    else if (!got) verdict = 'missed';
    else if (got !== row.expected) verdict = 'wrong';
    else verdict = credited ? 'credited' : 'offered';
    return { row, verdict, ...(got ? { got } : {}), contradicted, findings };
  });
}

export interface Figures {
  /** Rows meant as a marker, and rows that are not. */
  intended: number;
  none: number;
  credited: number;
  offered: number;
  wrong: number;
  missed: number;
  taken: number;
  questioned: number;
  /** Intended rows reported both as near misses and as missing sections. */
  contradictions: number;
  /** Share of intended rows credited, strictly (a section that counts). */
  creditRate: number;
  /** Share of intended rows credited or offered as a one-click heading for the right marker. */
  recognizedRate: number;
  /** Share of `none` rows counted as a marker section. */
  takenRate: number;
}

export function figures(outcomes: readonly Outcome[]): Figures {
  const count = (v: Verdict) => outcomes.filter((o) => o.verdict === v).length;
  const intended = outcomes.filter((o) => o.row.expected !== 'none').length;
  const none = outcomes.length - intended;
  const credited = count('credited');
  const offered = count('offered');
  const taken = count('taken');
  return {
    intended,
    none,
    credited,
    offered,
    wrong: count('wrong'),
    missed: count('missed'),
    taken,
    questioned: count('questioned'),
    contradictions: outcomes.filter((o) => o.verdict === 'offered' && o.contradicted).length,
    creditRate: intended === 0 ? 1 : credited / intended,
    recognizedRate: intended === 0 ? 1 : (credited + offered) / intended,
    takenRate: none === 0 ? 0 : taken / none,
  };
}

/** Figures per group (kind, framework), groups in name order. */
export function breakdown(outcomes: readonly Outcome[], key: (o: Outcome) => string): Map<string, Figures> {
  return byGroup(outcomes, key, figures);
}
