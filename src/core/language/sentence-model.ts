import type { DataProblem } from '../model/types';

// A linear model of whether a sentence of a note reads as the coach's judgment of someone, and of
// which kind. Word lists find the wordings someone thought to list; the model, trained on the
// project's labelled sentences (scripts/train-judgmental-model.ts), generalizes over wordings
// nobody listed ("Tess is a time-sink", "Drove her last two assistants away"). It reads words and
// word pairs, with names, numbers and quotations replaced by placeholders, so it learns kinds of
// wording rather than people. Scoring is one map lookup per word and pair: linear in the sentence.

export const SENTENCE_START = '<s>';
export const NAME = '<name>';
export const NUMBER = '<num>';
export const QUOTED = '<quote>';

/** A weight per feature: a Map when trained, a view of the parsed file's object when read. */
export interface Weights {
  get(feature: string): number | undefined;
  readonly size: number;
  entries(): Iterable<[string, number]>;
}

export interface CategoryWeights {
  id: string;
  bias: number;
  weights: Weights;
}

export interface SentenceModel {
  /** A sentence is read as a judgment when its probability reaches this. */
  threshold: number;
  bias: number;
  weights: Weights;
  /** One-against-the-rest weights per lexicon category: the likeliest names the kind of judgment. */
  categories: readonly CategoryWeights[];
}

/** The words (already normalized: lower case, placeholders) and adjacent pairs of a sentence, each once. */
export function featuresOf(words: readonly string[]): string[] {
  const out = new Set<string>();
  let previous = SENTENCE_START;
  for (const w of words) {
    out.add(w);
    out.add(`${previous} ${w}`);
    previous = w;
  }
  return [...out];
}

/**
 * Each feature counts 1/√n in a sentence of n features, so a long sentence does not add up many
 * small weights into a verdict: what tips it is what it says, not how much it says.
 */
export function featureValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

function linear(bias: number, weights: Weights, features: readonly string[]): number {
  let sum = 0;
  for (const f of features) sum += weights.get(f) ?? 0;
  return bias + sum * featureValue(features.length);
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** How likely the sentence is a judgment of someone, 0…1. */
export function probability(model: SentenceModel, features: readonly string[]): number {
  return sigmoid(linear(model.bias, model.weights, features));
}

/** The category whose weights score the sentence highest. */
export function categoryOf(model: SentenceModel, features: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestScore = -Infinity;
  for (const c of model.categories) {
    const z = linear(c.bias, c.weights, features);
    if (z > bestScore) {
      bestScore = z;
      best = c.id;
    }
  }
  return best;
}

/**
 * How much each word pushes the sentence toward a judgment: its own weight and half of each pair it
 * is in. The strongest word is where the finding is placed.
 */
export function contributions(model: SentenceModel, words: readonly string[]): number[] {
  // Relative to each other only (the 1/√n scale is the same for every word of the sentence).
  const pair = (i: number) => (i < 0 || i >= words.length ? 0 : (model.weights.get(`${i === 0 ? SENTENCE_START : words[i - 1]} ${words[i]}`) ?? 0));
  return words.map((w, i) => (model.weights.get(w) ?? 0) + (pair(i) + pair(i + 1)) / 2);
}

// ── The model file (lexicons/judgmental-model.json) ──

interface RawCategory {
  id: unknown;
  bias: unknown;
  weights: unknown;
}

const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/**
 * The file's weights object as it was parsed, read through `Object.hasOwn` (a feature may be
 * “constructor”): copying 80,000 weights into Maps was a tenth of a CLI start.
 */
class ObjectWeights implements Weights {
  constructor(private readonly table: Readonly<Record<string, number>>) {}

  get(feature: string): number | undefined {
    return Object.hasOwn(this.table, feature) ? this.table[feature] : undefined;
  }

  get size(): number {
    return Object.keys(this.table).length;
  }

  entries(): Iterable<[string, number]> {
    return Object.entries(this.table);
  }
}

/**
 * Weights as two parallel lists, the features sorted, looked up by binary search: how the build
 * stores the model (`packSentenceModel`). Parsing one string and one list of numbers per table
 * takes a sixth of parsing the file's objects, and no map is built.
 */
class SortedWeights implements Weights {
  constructor(
    private readonly features: readonly string[],
    private readonly values: readonly number[],
  ) {}

  get(feature: string): number | undefined {
    let lo = 0;
    let hi = this.features.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const f = this.features[mid] as string;
      if (f === feature) return this.values[mid];
      if (f < feature) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  get size(): number {
    return this.features.length;
  }

  entries(): Iterable<[string, number]> {
    return this.features.map((f, i) => [f, this.values[i] as number]);
  }
}

/** A model as the build stores it: each table's features sorted and joined by new lines, and their weights. */
export interface PackedModel {
  threshold: number;
  bias: number;
  weights: PackedWeights;
  categories: Array<{ id: string; bias: number; weights: PackedWeights }>;
}

interface PackedWeights {
  features: string;
  values: number[];
}

export function packSentenceModel(model: SentenceModel): PackedModel {
  const pack = (w: Weights): PackedWeights => {
    const sorted = [...w.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    if (sorted.some(([f]) => f.includes('\n'))) throw new Error('A feature of the sentence model holds a line break');
    return { features: sorted.map(([f]) => f).join('\n'), values: sorted.map(([, v]) => v) };
  };
  return { threshold: model.threshold, bias: model.bias, weights: pack(model.weights), categories: model.categories.map((c) => ({ id: c.id, bias: c.bias, weights: pack(c.weights) })) };
}

/** The model from its packed form; undefined when a table's features and weights do not pair up. */
export function unpackSentenceModel(packed: PackedModel): SentenceModel | undefined {
  const unpack = (w: PackedWeights): Weights | undefined => {
    const features = w.features === '' ? [] : w.features.split('\n');
    return features.length === w.values.length ? new SortedWeights(features, w.values) : undefined;
  };
  const weights = unpack(packed.weights);
  const categories: CategoryWeights[] = [];
  for (const c of packed.categories) {
    const cw = unpack(c.weights);
    if (!cw) return undefined;
    categories.push({ id: c.id, bias: c.bias, weights: cw });
  }
  return weights ? { threshold: packed.threshold, bias: packed.bias, weights, categories } : undefined;
}

function weightMap(raw: unknown): Weights | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const table = raw as Record<string, unknown>;
  for (const k in table) if (!isNumber(table[k])) return undefined;
  return new ObjectWeights(table as Record<string, number>);
}

/** Reads a model file's JSON; a malformed file gives a problem and no model, so the word lists still work. */
export function parseSentenceModel(text: string, file: string): { model?: SentenceModel; problems: DataProblem[] } {
  const problem = (field: string, message: string) => ({ problems: [{ file, line: 1, column: 1, field, message }] });
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    return problem('', `The sentence model is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const weights = weightMap(raw['weights']);
  const { threshold, bias } = raw;
  if (!isNumber(threshold) || threshold <= 0 || threshold >= 1) return problem('threshold', 'The sentence model needs a threshold between 0 and 1.');
  if (!isNumber(bias) || !weights) return problem('weights', 'The sentence model needs a numeric bias and an object of numeric weights.');
  const categories: CategoryWeights[] = [];
  for (const c of Array.isArray(raw['categories']) ? (raw['categories'] as RawCategory[]) : []) {
    const cw = weightMap(c.weights);
    if (typeof c.id !== 'string' || !isNumber(c.bias) || !cw) return problem('categories', 'Each category of the sentence model needs an id, a bias and weights.');
    categories.push({ id: c.id, bias: c.bias, weights: cw });
  }
  return { model: { threshold, bias, weights, categories }, problems: [] };
}

/** The model as the JSON file stores it: weights as plain objects, keys sorted, for a stable diff. */
export function serializeSentenceModel(model: SentenceModel, header: Record<string, unknown>): string {
  const obj = (m: Weights) => Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const head = JSON.stringify({ ...header, threshold: model.threshold, bias: model.bias }, null, 1).slice(0, -2);
  const categories = model.categories.map((c) => ` {"id":${JSON.stringify(c.id)},"bias":${c.bias},"weights":${JSON.stringify(obj(c.weights))}}`).join(',\n');
  return `${head},\n "weights": ${JSON.stringify(obj(model.weights))},\n "categories": [\n${categories}\n ]\n}\n`;
}
