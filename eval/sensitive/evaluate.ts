import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import type { Finding } from '../../src/core/model/types';
import { byGroup, scoreOf, tsvRows, type Score } from '../scoring';

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

export type { Score } from '../scoring';

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
  return tsvRows(text, file, HEADER).map((cells, i) => {
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
  return scoreOf(outcomes, (o) => shouldWarn(o.row), (o) => o.findings.length > 0);
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
  return byGroup(outcomes, key, score);
}
