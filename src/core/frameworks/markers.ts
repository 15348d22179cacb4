import { titleWords } from './heading-words';
import type { Framework, Marker } from './types';

/** A heading that starts with something shaped like a marker id: `3.1`, `3.10`, `8.9.` … (no framework known). */
const MARKER_ID_AT_START = /^(\d+(?:\.\d+)+)\.?(?=$|[\s:–—-])/;

/**
 * A marker id anywhere in a heading: `3.1`, `3,1`, `#3.1`, in brackets or not. Not part of a
 * longer number or word (`Q3.1`, `3.1.2026`, `Python 3.12` has no such marker), not a percentage,
 * a fraction or a range (`6.3%`, `8.5/10`, `5.1–5.3`).
 */
const ID_TOKEN = /(?<![\p{L}\p{N}.,]|\d\s?[–—-]\s?)#?(\d{1,2}(?:[.,]\d{1,2})+)(?![\p{L}\p{N}%/]|[.,]\d|\s?[–—-]\s?\d)/gu;
/** After an id at the start, a separator says the id labels what follows (`3.4 — what I noticed`). */
const SEPARATOR = /^\s*[)\]]?\s*(?:[:|–—]|-\s)/;
/** Before an id at the start: only brackets, `#` and prefix words such as `Marker` or `PCC`. */
const LEAD = /^[\s([{#]*$/;

const MAX_IDS = 3;
/** Headings longer than this many words are prose, not titles: only their id is read. */
const MAX_TITLE_WORDS = 12;

export interface HeadingMatch {
  /** The marker the heading counts for. */
  marker?: Marker;
  /**
   * The id a heading starts with: for a marker that counts, or alone when the framework has no such
   * marker (`## 3.9 Deep listening`, reported by `unknown-marker`).
   */
  idLike?: string;
  /** A marker the heading reads like, not clearly enough to count (`marker-heading` asks). */
  nearMiss?: Marker;
}

/** Normalizes heading text for exact comparison: case, spacing, trailing punctuation. */
export function normalizeTitle(text: string): string {
  return text.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').replace(/[\s:.]+$/, '').trim();
}

/**
 * Reads a heading within a framework (ids mean different markers in different frameworks).
 *
 * - **By id**, anywhere in the heading (`3.1 Genuine concern`, `Genuine concern (3.1)`,
 *   `[3.1]`, `Marker 3,1:`): the id counts when nothing else is left but prefix words
 *   (`Marker`, `ICF`, `PCC`), when it starts the heading followed by a separator (`3.4 — notes`),
 *   or when the other words share one with the marker's title or aliases, or two with its
 *   description. So `3.5 hours of prep` and `the 3.2 release plan` are not sections.
 * - **By title**: every meaningful word of the title or an alias is there, give or take spelling,
 *   case and inflection, with the competency's name and words of the marker's description free and
 *   at most one other word (`Genuine concern for the client`, `Championing new behaviors`); or the
 *   heading is part of exactly one marker's title or alias (`Concern`, `Emotions`).
 * - **A near miss**: at least two of the heading's words, and all but one, come from one marker's
 *   title, aliases or description (`Client voicing feelings and beliefs`).
 */
export function matchMarkerHeading(text: string, framework: Framework | undefined): HeadingMatch {
  const trimmed = text.trim();
  // The id a heading starts with, as the grammar highlights it; also kept for a marker that counts.
  const startId = MARKER_ID_AT_START.exec(trimmed)?.[1];
  if (!framework) return startId ? { idLike: startId } : {};
  const plain = trimmed.replace(/[*_`~]/g, ' ');
  const vocab = vocabulary(framework);
  let idLike: string | undefined;
  let tokens = 0;
  for (const m of plain.matchAll(ID_TOKEN)) {
    // A title names one marker: a few ids are read, never every number of a long line.
    if (++tokens > MAX_IDS) break;
    const id = (m[1] ?? '').replace(/,/g, '.');
    const before = plain.slice(0, m.index);
    const after = plain.slice(m.index + m[0].length);
    const words = titleWords(before + ' ' + after);
    const atStart = LEAD.test(before.replace(/\p{L}+/gu, (w) => (titleWords(w)[0]?.idPrefix ? '' : w)));
    const known = vocab.find((v) => v.marker.id === id);
    if (!known) {
      if (startId === id && idLike === undefined && vocab.some((v) => v.competency === id.split('.')[0] && v.depth === id.split('.').length)) idLike = id;
      continue;
    }
    const rest = words.filter((w) => !w.stop && !w.idPrefix).map((w) => w.stem);
    if (rest.length === 0 || (atStart && SEPARATOR.test(after)) || affinity(rest, known) >= 2) {
      return startId === id ? { marker: known.marker, idLike: id } : { marker: known.marker };
    }
  }
  if (idLike) return { idLike };
  const words = titleWords(plain).filter((w) => !w.stop && !w.idPrefix).map((w) => w.stem);
  if (words.length === 0 || words.length > MAX_TITLE_WORDS) return {};
  const marker = byTitle(words, vocab) ?? byPartOfTitle(words, vocab);
  if (marker) return { marker };
  const near = byDescription(words, vocab);
  return near ? { nearMiss: near } : {};
}

/** The marker ids a heading names, in order, read as `ID_TOKEN` reads them (`3,3` is `3.3`). */
export function idsInHeading(text: string): string[] {
  return [...text.replace(/[*_`~]/g, ' ').matchAll(ID_TOKEN)].map((m) => (m[1] ?? '').replace(/,/g, '.'));
}

/** A marker's words, as headings are compared with them. */
interface MarkerWords {
  marker: Marker;
  competency: string;
  /** How many parts its id has (`3.1`: 2). */
  depth: number;
  /** The meaningful stems of the title and of each alias. */
  names: Set<string>[];
  /** Every stem of the title, the aliases and the description. */
  all: Set<string>;
  /** The stems of its competency's title (`Establishing trust` before a title is no extra word). */
  competencyWords: Set<string>;
}

const cache = new WeakMap<Framework, MarkerWords[]>();

function vocabulary(framework: Framework): MarkerWords[] {
  let vocab = cache.get(framework);
  if (vocab) return vocab;
  const stems = (text: string) => titleWords(text).filter((w) => !w.stop && !w.idPrefix).map((w) => w.stem);
  vocab = framework.markers.map((marker) => {
    const competency = competencyOf(marker);
    const names = [marker.title, ...marker.aliases].map((n) => new Set(stems(n))).filter((s) => s.size > 0);
    const title = framework.competencies.find((c) => c.id === competency)?.title ?? '';
    return {
      marker,
      competency,
      depth: marker.id.split('.').length,
      names,
      all: new Set([...names.flatMap((n) => [...n]), ...stems(marker.description)]),
      competencyWords: new Set(stems(title)),
    };
  });
  cache.set(framework, vocab);
  return vocab;
}

/** How strongly the words beside an id speak for its marker: 2 for a title or alias word, 1 for a description word. */
function affinity(words: readonly string[], v: MarkerWords): number {
  let score = 0;
  for (const w of words) score += v.names.some((n) => n.has(w)) ? 2 : v.all.has(w) ? 1 : 0;
  return score;
}

/** Every word of a title or alias is in the heading, with at most one unrelated word besides. */
function byTitle(words: readonly string[], vocab: readonly MarkerWords[]): Marker | undefined {
  let best: { v: MarkerWords; size: number; foreign: number; at: number } | undefined;
  let tied = false;
  for (const v of vocab) {
    for (const name of v.names) {
      if (![...name].every((w) => words.includes(w))) continue;
      const foreign = words.filter((w) => !name.has(w) && !v.competencyWords.has(w) && !v.all.has(w)).length;
      if (foreign > 1) continue;
      const at = Math.min(...[...name].map((w) => words.indexOf(w)));
      const better = !best || name.size > best.size || (name.size === best.size && (foreign < best.foreign || (foreign === best.foreign && at < best.at)));
      const same = best && name.size === best.size && foreign === best.foreign && at === best.at;
      if (better) [best, tied] = [{ v, size: name.size, foreign, at }, false];
      else if (same && best?.v !== v) tied = true;
    }
  }
  return best && !tied ? best.v.marker : undefined;
}

/** The heading is a shortened title or alias (`Concern`, `Emotions`) of exactly one marker. */
function byPartOfTitle(words: readonly string[], vocab: readonly MarkerWords[]): Marker | undefined {
  const found = vocab.filter((v) => v.names.some((n) => words.every((w) => n.has(w))));
  return found.length === 1 ? found[0]?.marker : undefined;
}

/** Two words or more, and all but at most one, from one marker's title, aliases or description. */
function byDescription(words: readonly string[], vocab: readonly MarkerWords[]): Marker | undefined {
  let best: MarkerWords | undefined;
  let bestHits = 0;
  let tied = false;
  for (const v of vocab) {
    const own = words.filter((w) => !v.competencyWords.has(w));
    const hits = own.filter((w) => v.all.has(w)).length;
    if (hits < 2 || own.length - hits > 1) continue;
    if (hits > bestHits) [best, bestHits, tied] = [v, hits, false];
    else if (hits === bestHits) tied = true;
  }
  return best && !tied ? best.marker : undefined;
}

export function markerByRole(framework: Framework | undefined, role: Marker['role']): Marker | undefined {
  return framework?.markers.find((m) => m.role === role);
}

export function competencyOf(marker: Marker): string {
  return marker.competency ?? marker.id.split('.')[0] ?? '';
}
