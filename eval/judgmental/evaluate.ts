import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import { fillPlaceholders } from '../../src/core/model/snippet';
import type { Finding } from '../../src/core/model/types';
import { byGroup, scoreOf, tsvRows, type Score } from '../scoring';

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

export type { Score } from '../scoring';

const HEADER = 'id\tlabel\tcategory\tperson\tclient\tsource\ttext';
export const EVAL_DIR = join(__dirname);

/** Reads every `<set>-*.tsv` file of the folder (`dev`, `holdout`, `fresh`), or the one file `<set>.tsv` (`fresh-d`), in name order. */
export function readSet(set: string, dir = EVAL_DIR): Row[] {
  const files = readdirSync(dir).filter((f) => f === `${set}.tsv` || (f.startsWith(`${set}-`) && f.endsWith('.tsv'))).sort();
  if (files.length === 0) throw new Error(`No ${set}-*.tsv files in ${dir}`);
  return files.flatMap((f) => parseTsv(readFileSync(join(dir, f), 'utf8'), f));
}

export function parseTsv(text: string, file: string): Row[] {
  return tsvRows(text, file, HEADER).map((cells, i) => {
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
  return scoreOf(outcomes, (o) => o.row.label === 'J', (o) => o.findings.length > 0);
}

/** Scores per group: judgmental rows by their category, hard negatives by their kind, and both by person. */
export function breakdown(outcomes: readonly Outcome[], key: (o: Outcome) => string): Map<string, Score> {
  return byGroup(outcomes, key, score);
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
