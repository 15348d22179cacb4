/**
 * Trains the sentence model of coach:judgmental-language (lexicons/judgmental-model.json) on the
 * labelled sets of this folder, and measures it across sets: each fresh set in turn is left out of
 * training and scored, as a new user's notes would be. The held-out sets are never trained on.
 */
import { lintText } from '../../src/core/engine/lint';
import type { EngineSetup } from '../../src/core/engine/setup';
import { featureValue, featuresOf, probability, sigmoid, type CategoryWeights, type SentenceModel } from '../../src/core/language/sentence-model';
import { parseNote } from '../../src/core/note/parse';
import { peopleOf } from '../../src/core/rules/judgmental-language';
import { BlockView } from '../../src/core/rules/judgmental/block-view';
import { sentenceWords } from '../../src/core/rules/judgmental/evaluative';
import { noteFor, run, type Row } from './evaluate';

export interface Example {
  row: Row;
  /** The words of each sentence the rule reads (blockquotes left out), as the model sees them. */
  sentences: string[][];
}

/** Training settings: fixed, so the model file is reproducible from the sets. */
export const TRAINING = { epochs: 30, rate: 0.2, l2: 1e-4, seed: 20261202, prune: 0.05, categoryPrune: 0.2 } as const;
/** The lowest precision, pooled over the left-out sets, that the threshold may give (rule and model together). */
export const MIN_PRECISION = 0.95;
const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99];

/** The eval sets' category names → the lexicon's category ids. */
export function lexiconCategory(category: string, ids: readonly string[]): string | undefined {
  const head = category.split('-')[0] ?? category;
  return ids.find((id) => id === category) ?? ids.find((id) => id.startsWith(head));
}

export function examplesOf(rows: readonly Row[], setup: EngineSetup): Example[] {
  return rows.map((row) => {
    const note = parseNote(noteFor(row), `${row.id}.coach.md`, { frameworks: setup.frameworks, defaultFramework: setup.config.framework });
    const people = peopleOf(note);
    const sentences: string[][] = [];
    for (const block of note.prose) {
      if (block.quoted) continue;
      const view = new BlockView(block.text, undefined);
      for (const [start, end] of view.sentences()) sentences.push(sentenceWords(view, start, end, people).words);
    }
    return { row, sentences };
  });
}

/** A row's features for training: those of all its sentences (which one judges is not labelled). */
const rowFeatures = (e: Example) => [...new Set(e.sentences.flatMap(featuresOf))];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logistic regression by stochastic gradient descent with L2 shrinkage; weights below `prune` dropped (they change almost no score). */
function logistic(data: ReadonlyArray<{ f: string[]; y: number }>, prune: number): { bias: number; weights: Map<string, number> } {
  const random = mulberry32(TRAINING.seed);
  const order = data.map((_, i) => i);
  const w = new Map<string, number>();
  let bias = 0;
  for (let epoch = 0; epoch < TRAINING.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    for (const index of order) {
      const d = data[index] as { f: string[]; y: number };
      const x = featureValue(d.f.length);
      let z = 0;
      for (const k of d.f) z += w.get(k) ?? 0;
      const g = sigmoid(bias + z * x) - d.y;
      for (const k of d.f) {
        const v = w.get(k) ?? 0;
        w.set(k, v - TRAINING.rate * (g * x + TRAINING.l2 * v));
      }
      bias -= TRAINING.rate * g;
    }
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return { bias: round(bias), weights: new Map([...w].filter(([, v]) => Math.abs(v) >= prune).map(([k, v]) => [k, round(v)])) };
}

export function train(examples: readonly Example[], categoryIds: readonly string[], threshold: number): SentenceModel {
  const data = examples.map((e) => ({ f: rowFeatures(e), y: e.row.label === 'J' ? 1 : 0 }));
  const { bias, weights } = logistic(data, TRAINING.prune);
  const judged = examples.filter((e) => e.row.label === 'J');
  const categories: CategoryWeights[] = [];
  for (const id of categoryIds) {
    const own = judged.map((e) => ({ f: rowFeatures(e), y: lexiconCategory(e.row.category, categoryIds) === id ? 1 : 0 }));
    if (!own.some((d) => d.y === 1)) continue;
    categories.push({ id, ...logistic(own, TRAINING.categoryPrune) });
  }
  return { threshold, bias, weights, categories };
}

/** A row's score as the rule reads it: its most judgmental sentence. */
export function rowProbability(model: SentenceModel, e: Example): number {
  let best = 0;
  for (const words of e.sentences) best = Math.max(best, probability(model, featuresOf(words)));
  return best;
}

export interface Counts {
  threshold: number;
  /** Judgmental and hard-negative rows of the left-out fresh set. */
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  /** Neutral note sentences of the left-out fold: flagged, and not. */
  noteFp: number;
  noteTn: number;
}

export interface CrossSetResult {
  set: string;
  rows: number;
  /** Per threshold: what the word lists and the model flag together. */
  byThreshold: Counts[];
  ruleRecall: number;
}

/** How often a sentence of a real note is the coach's judgment of someone: a few in a hundred. */
export const JUDGMENT_RATE = 0.04;
/** The precision a coach must meet in whole notes, at that rate (the target). */
export const MIN_NOTE_PRECISION = 0.9;

/**
 * Each of `heldOutSets` left out of training in turn, with a matching share of the neutral note
 * sentences (`neutralSets`, which are otherwise only trained on), and scored with the word lists
 * plus the model.
 */
export function crossSet(all: readonly Example[], setOf: (r: Row) => string, heldOutSets: readonly string[], neutralSets: readonly string[], setup: EngineSetup, categoryIds: readonly string[]): CrossSetResult[] {
  const withoutModel: EngineSetup = { ...setup, judgmental: { ...setup.judgmental } };
  delete withoutModel.judgmental.model;
  const neutral = all.filter((e) => neutralSets.includes(setOf(e.row)));
  const fold = new Map(neutral.map((e, i) => [e, i % heldOutSets.length]));
  return heldOutSets.map((set, k) => {
    const left = (e: Example) => setOf(e.row) === set || fold.get(e) === k;
    const test = all.filter(left);
    const model = train(all.filter((e) => !left(e)), categoryIds, 0.5);
    const rule = run(test.map((e) => e.row), withoutModel).map((o) => o.findings.length > 0);
    const p = test.map((e) => rowProbability(model, e));
    const judged = test.filter((e) => e.row.label === 'J').length;
    const byThreshold = THRESHOLDS.map((threshold) => {
      const s: Counts = { threshold, tp: 0, fp: 0, fn: 0, tn: 0, noteFp: 0, noteTn: 0 };
      test.forEach((e, i) => {
        const flagged = rule[i] || (p[i] as number) >= threshold;
        if (fold.has(e)) {
          if (flagged) s.noteFp++;
          else s.noteTn++;
          return;
        }
        const J = e.row.label === 'J';
        if (flagged && J) s.tp++;
        else if (flagged) s.fp++;
        else if (J) s.fn++;
        else s.tn++;
      });
      return s;
    });
    return { set, rows: test.length, byThreshold, ruleRecall: test.filter((e, i) => rule[i] && e.row.label === 'J').length / judged };
  });
}

/** Counts at one threshold, summed over the left-out sets. */
export function pooled(results: readonly CrossSetResult[], threshold: number): Counts {
  const sum: Counts = { threshold, tp: 0, fp: 0, fn: 0, tn: 0, noteFp: 0, noteTn: 0 };
  for (const r of results) {
    const s = r.byThreshold.find((b) => b.threshold === threshold);
    if (!s) continue;
    sum.tp += s.tp;
    sum.fp += s.fp;
    sum.fn += s.fn;
    sum.tn += s.tn;
    sum.noteFp += s.noteFp;
    sum.noteTn += s.noteTn;
  }
  return sum;
}

/** Precision in whole notes, where JUDGMENT_RATE of sentences judge: recall against the neutral note sentences' false-alarm rate. */
export function notePrecision(s: Counts): number {
  const recall = s.tp / (s.tp + s.fn);
  const falseAlarms = s.noteFp / Math.max(1, s.noteFp + s.noteTn);
  return (JUDGMENT_RATE * recall) / (JUDGMENT_RATE * recall + (1 - JUDGMENT_RATE) * falseAlarms);
}

/** The share of note sentences the model alone may flag: in a real note almost every sentence is neutral. */
export const MAX_NOTE_FLAGS = 0.01;

/** Validation notes: real-looking notes the model is never trained on, as path and text. */
export interface ValidationNote {
  path: string;
  text: string;
}

/** Sentences the rule reads in the notes: what the false-alarm rate is a share of. */
export function sentenceCount(notes: readonly ValidationNote[], setup: EngineSetup): number {
  let n = 0;
  for (const { path, text } of notes) {
    const note = parseNote(text, path, { frameworks: setup.frameworks, defaultFramework: setup.config.framework });
    for (const block of note.prose) if (!block.quoted && !block.heading) n += new BlockView(block.text, undefined).sentences().length;
  }
  return n;
}

/** At each threshold, the findings of the model's own reading in the validation notes (the word lists' are not counted). */
export function noteFlags(model: SentenceModel, notes: readonly ValidationNote[], setup: EngineSetup): Map<number, number> {
  return new Map(
    THRESHOLDS.map((threshold) => {
      const withModel: EngineSetup = { ...setup, judgmental: { ...setup.judgmental, model: { ...model, threshold } } };
      let flags = 0;
      for (const { path, text } of notes) flags += lintText(text, path, withModel, { only: ['judgmental-language'] }).findings.filter((f) => f.data?.['source'] === 'model').length;
      return [threshold, flags];
    }),
  );
}

/**
 * The lowest threshold at which, pooled over the left-out sets, precision reaches MIN_PRECISION on
 * the labelled sets and MIN_NOTE_PRECISION in whole notes, and at which the model flags at most
 * MAX_NOTE_FLAGS of the validation notes' sentences. When none reaches both, the one that comes
 * closest in whole notes (the lowest of equals): past that point a higher threshold only costs
 * recall, and the highest threshold would switch the model nearly off.
 */
export function chooseThreshold(results: readonly CrossSetResult[], flags: ReadonlyMap<number, number>, noteSentences: number): number {
  let best: { threshold: number; precision: number } | undefined;
  for (const threshold of THRESHOLDS) {
    if ((flags.get(threshold) ?? 0) > MAX_NOTE_FLAGS * noteSentences) continue;
    const s = pooled(results, threshold);
    if (s.tp / (s.tp + s.fp) < MIN_PRECISION) continue;
    const inNotes = notePrecision(s);
    if (inNotes >= MIN_NOTE_PRECISION) return threshold;
    // Compared to three places, as the table prints them: 0.8974 and 0.8972 are a tie.
    const rounded = Math.round(inNotes * 1000) / 1000;
    if (!best || rounded > best.precision) best = { threshold, precision: rounded };
  }
  return best?.threshold ?? (THRESHOLDS[THRESHOLDS.length - 1] as number);
}
