import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import { fillPlaceholders } from '../../src/core/model/snippet';
import type { Finding } from '../../src/core/model/types';

/** One labelled sentence of the judgmental-language evaluation sets (see eval/judgmental/README.md). */
export interface Row {
  id: string;
  /** J: the coach's own judgment of a person; N: not. */
  label: 'J' | 'N';
  /** For J rows the kind of judgment; for N rows the kind of hard negative. */
  category: string;
  person: 'client' | 'other' | 'coach';
  client: string;
  source: string;
  text: string;
}

export interface Outcome {
  row: Row;
  findings: Finding[];
  /** The note text each finding covers. */
  spans: string[];
  note: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
}

const HEADER = 'id\tlabel\tcategory\tperson\tclient\tsource\ttext';
export const EVAL_DIR = join(__dirname);

/** Reads every `<set>-*.tsv` file of the folder (`dev` or `holdout`), in name order. */
export function readSet(set: string, dir = EVAL_DIR): Row[] {
  const files = readdirSync(dir).filter((f) => f.startsWith(`${set}-`) && f.endsWith('.tsv')).sort();
  if (files.length === 0) throw new Error(`No ${set}-*.tsv files in ${dir}`);
  return files.flatMap((f) => parseTsv(readFileSync(join(dir, f), 'utf8'), f));
}

export function parseTsv(text: string, file: string): Row[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0] !== HEADER) throw new Error(`${file}: the header must be: ${HEADER}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    const [id, label, category, person, client, source, text] = cells;
    if (cells.length !== 7 || !id || !text || !client || (label !== 'J' && label !== 'N') || (person !== 'client' && person !== 'other' && person !== 'coach')) {
      throw new Error(`${file}:${i + 2}: expected 7 tab-separated fields with label J/N and person client/other/coach`);
    }
    return { id, label, category: category ?? '', person, client, source: source ?? '', text };
  });
}

/** The sentence as the body of a note for its client. */
export function noteFor(row: Row): string {
  return `---\nclient: ${row.client}\ndate: 2026-03-02\n---\n\n${row.text}\n`;
}

export function run(rows: readonly Row[], setup: EngineSetup): Outcome[] {
  return rows.map((row) => {
    const note = noteFor(row);
    const { findings } = lintText(note, `${row.id}.coach.md`, setup, { only: ['judgmental-language'] });
    return { row, findings, spans: findings.map((f) => note.slice(f.place.start.offset, f.place.end.offset)), note };
  });
}

export function score(outcomes: readonly Outcome[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const o of outcomes) {
    const flagged = o.findings.length > 0;
    if (o.row.label === 'J' && flagged) tp++;
    else if (o.row.label === 'J') fn++;
    else if (flagged) fp++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** Scores per group: judgmental rows by their category, hard negatives by their kind, and both by person. */
export function breakdown(outcomes: readonly Outcome[], key: (o: Outcome) => string): Map<string, Score> {
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) {
    const k = key(o);
    const list = groups.get(k) ?? [];
    list.push(o);
    groups.set(k, list);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => [k, score(list)]));
}

/** One suggestion applied to its sentence, as a reviewer reads it. */
export interface AppliedRewrite {
  id: string;
  before: string;
  after: string;
  /** The flagged words and what replaced them (a template's placeholder shown as written). */
  flagged: string;
  replacement: string;
  template: boolean;
}

/** Every fix of every finding applied to its sentence; a template's placeholder reads as its default text. */
export function appliedRewrites(outcomes: readonly Outcome[]): AppliedRewrite[] {
  const out: AppliedRewrite[] = [];
  for (const o of outcomes) {
    const bodyStart = o.note.indexOf('---\n\n') + 5;
    for (const f of o.findings) {
      for (const fix of f.fixes) {
        const edit = fix.edits[0];
        if (!edit || fix.edits.length !== 1) continue;
        const replacement = edit.snippet ? fillPlaceholders(edit.newText) : edit.newText;
        const after = o.note.slice(0, edit.start) + replacement + o.note.slice(edit.end);
        out.push({
          id: o.row.id,
          before: o.note.slice(bodyStart).trim(),
          after: after.slice(bodyStart).trim(),
          flagged: o.note.slice(edit.start, edit.end),
          replacement,
          template: edit.snippet === true,
        });
      }
    }
  }
  return out;
}
