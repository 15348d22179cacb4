import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import type { Finding } from '../../src/core/model/types';

/** One labelled paragraph of the sensitive-topic evaluation sets (see eval/sensitive/README.md). */
export interface Row {
  id: string;
  /** The sensitive family the paragraph is about, or `none`. */
  topic: string;
  /** keyword, everyday, other-person, figurative or ordinary. */
  kind: string;
  /** Whether the text records a permission check in a documented form. */
  permission: boolean;
  source: string;
  /** The note body, with real line breaks. */
  text: string;
}

export interface Outcome {
  row: Row;
  /** Findings of coach:permission-check and coach:referral-check. */
  findings: Finding[];
  /** Topic ids the findings name (from their data), in order. */
  topics: string[];
  /** Whether a referral message was given. */
  referral: boolean;
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

/** The rules the set measures: the permission reminder, and the referral message for self-harm. */
export const RULE_IDS = ['permission-check', 'referral-check'] as const;
const HEADER = 'id\ttopic\tkind\tpermission\tsource\ttext';
export const EVAL_DIR = join(__dirname);

/** Reads `<set>.tsv` (`dev` or `holdout`). */
export function readSet(set: string, dir = EVAL_DIR): Row[] {
  const file = `${set}.tsv`;
  return parseTsv(readFileSync(join(dir, file), 'utf8'), file);
}

export function parseTsv(text: string, file: string): Row[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines[0] !== HEADER) throw new Error(`${file}: the header must be: ${HEADER}`);
  return lines.slice(1).map((line, i) => {
    const cells = line.split('\t');
    const [id, topic, kind, permission, source, text] = cells;
    if (cells.length !== 6 || !id || !topic || !kind || !text || (permission !== 'yes' && permission !== 'no')) {
      throw new Error(`${file}:${i + 2}: expected 6 tab-separated fields with permission yes/no`);
    }
    return { id, topic, kind, permission: permission === 'yes', source: source ?? '', text: text.replace(/\\n/g, '\n') };
  });
}

/** The paragraph as the body of a note. */
export function noteFor(row: Row): string {
  return `---\nclient: Client ${row.id}\ndate: 2026-03-02\n---\n\n${row.text}\n`;
}

/** Whether the rules should speak on this row (README, "Expected rule behaviour"). */
export function shouldWarn(row: Row): boolean {
  if (row.topic === 'none') return false;
  return row.topic === 'self-harm' || !row.permission;
}

export function run(rows: readonly Row[], setup: EngineSetup): Outcome[] {
  return rows.map((row) => {
    const note = noteFor(row);
    const { findings } = lintText(note, `${row.id}.coach.md`, setup, { only: RULE_IDS });
    const topics = [...new Set(findings.flatMap((f) => String(f.data?.['topics'] ?? '').split(',').filter((t) => t !== '')))];
    return {
      row,
      findings,
      topics,
      referral: findings.some((f) => f.ruleId === 'referral-check'),
      spans: findings.map((f) => note.slice(f.place.start.offset, f.place.end.offset)),
      note,
    };
  });
}

/**
 * Whether the outcome is right for a row that should warn: flagged, naming the row's topic; for
 * self-harm, with the referral message (a permission reminder alone is not enough).
 */
export function rightTopic(o: Outcome): boolean {
  if (o.row.topic === 'self-harm') return o.referral;
  return o.topics.includes(o.row.topic);
}

/** Flagged at all: any finding, whatever topic it names. */
export function score(outcomes: readonly Outcome[]): Score {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const o of outcomes) {
    const flagged = o.findings.length > 0;
    if (shouldWarn(o.row) && flagged) tp++;
    else if (shouldWarn(o.row)) fn++;
    else if (flagged) fp++;
    else tn++;
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, tn, precision, recall, f1 };
}

/** Of the rows flagged that should be, the share whose finding names the topic actually mentioned. */
export function rightTopicRate(outcomes: readonly Outcome[]): { right: number; flagged: number; only: number; rate: number; onlyRate: number } {
  const flagged = outcomes.filter((o) => shouldWarn(o.row) && o.findings.length > 0);
  const right = flagged.filter(rightTopic).length;
  const only = flagged.filter((o) => rightTopic(o) && o.topics.length === 1).length;
  return { right, flagged: flagged.length, only, rate: flagged.length === 0 ? 1 : right / flagged.length, onlyRate: flagged.length === 0 ? 1 : only / flagged.length };
}

/** Scores per group (topic, kind, …), in name order. */
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
