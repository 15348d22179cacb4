import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/sensitive-lexicon.schema.json';
import type { CoachConfig } from '../config/types';
import { compiledDerived, compiledValue } from '../data/compiled';
import { builtinDataRoot } from '../data/paths';
import { errorText, parseYaml, validateYaml } from '../data/yaml';
import { tick } from '../engine/deadline';
import type { DataProblem } from '../model/types';
import { proseSpan } from '../note/prose';
import type { Note } from '../note/types';
import { addWord, createWordIndex, forEachWord, type WordIndex } from '../language/word-index';
import { buildPhraseTrie, matchPhraseAt, startsWord, type PhraseTrie } from '../language/phrase-trie';

/** One sensitive area, with its matchers compiled once per setup. */
export interface SensitiveTopic {
  id: string;
  /** Name of the area, e.g. “Grief and death”. */
  title: string;
  /** Short noun for sentences, e.g. “grief”. */
  label: string;
  /** What the area covers, for docs. */
  description?: string;
  /** Mentions call for a referral, not only a permission check (coach:referral-check). */
  referral: boolean;
  /** Literal phrases, word classes already expanded. */
  terms: string[];
  /** Terms that name this topic only in a block that mentions no other topic. */
  yielding: string[];
  /** Figurative-use guards. (Terms and guards are matched by first word: see findSensitiveMentions.) */
  exclusions: string[];
  /**
   * Set by the build (compile-data.ts) when each list above is in order of first word: each first
   * word with how many phrases in a row begin with it (`''` for those that begin otherwise), so a
   * start indexes 65,000 forms a run at a time instead of reading each.
   */
  runs?: { terms: FirstWordRuns; yielding: FirstWordRuns; exclusions: FirstWordRuns };
}

export type FirstWordRuns = Array<[word: string, count: number]>;

export interface SensitiveLexicon {
  topics: SensitiveTopic[];
  /** The workspace's `sensitive_topics.allow` phrases, ignored for every topic. */
  allow: string[];
  allowed?: RegExp;
}

/** A mention of a sensitive topic in a piece of text: `start`/`end` index that text. */
export interface SensitiveMention {
  topic: SensitiveTopic;
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  /** Found by one of the topic's yielding terms. */
  yielding?: boolean;
}

interface RawTopic {
  id: string;
  title: string;
  label: string;
  description?: string;
  referral?: boolean;
  terms: string[];
  yielding_terms?: string[];
  exclusions?: string[];
}

interface RawLexicon {
  word_classes?: Record<string, string[]>;
  topics: RawTopic[];
}

/** The most forms one term may stand for once its word classes are expanded. */
export const MAX_FORMS_PER_TERM = 5000;

export const SENSITIVE_LEXICON_FILE = join('lexicons', 'sensitive-topics.yaml');
/** The build's topics, word classes expanded and each list in order of first word (`SensitiveTopic.runs`). */
export const SENSITIVE_TOPICS_FILE = join('lexicons', 'sensitive-topics.topics.json');

/** The built topics as the build stores them, with the hash of the YAML they come from. */
export interface StoredTopics {
  sources: Record<string, string>;
  topics: SensitiveTopic[];
}

/**
 * Loads the built-in topics and merges the workspace config: `extra` adds terms to a topic of the
 * same id, title or label, or a new topic; `allow` phrases are never mentions. Never throws.
 */
export function loadSensitiveLexicon(dataRoot: string, config: CoachConfig): { lexicon: SensitiveLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, SENSITIVE_LEXICON_FILE);
  const stored = file === join(builtinDataRoot(), SENSITIVE_LEXICON_FILE) ? storedTopics() : undefined;
  if (stored) return { lexicon: buildSensitiveLexicon(stored, config), problems: [] };
  const compiled = compiledValue(file);
  if (compiled) {
    const { topics, problems } = topicsFrom(compiled.value as RawLexicon, file);
    return { lexicon: buildSensitiveLexicon(topics, config), problems };
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const problem = { file, line: 1, column: 1, field: '', message: `The sensitive-topic list could not be read: ${errorText(error)}` };
    return { lexicon: buildSensitiveLexicon([], config), problems: [problem] };
  }
  const { topics, problems } = parseSensitiveTopics(text, file);
  return { lexicon: buildSensitiveLexicon(topics, config), problems };
}

function storedTopics(): SensitiveTopic[] | undefined {
  return compiledDerived(SENSITIVE_TOPICS_FILE, (bytes) => {
    const stored = JSON.parse(bytes.toString('utf8')) as StoredTopics;
    return { sources: stored.sources, value: stored.topics };
  });
}

/** Each list of the topics put in order of first word, with its runs (`SensitiveTopic.runs`): what the build stores. */
export function withFirstWordRuns(topics: readonly SensitiveTopic[]): SensitiveTopic[] {
  const ordered = (list: readonly string[]): [string[], FirstWordRuns] => {
    const byFirst = byFirstWord(list);
    return [[...byFirst.values()].flat(), [...byFirst].map(([word, phrases]) => [word, phrases.length])];
  };
  return topics.map((t) => {
    const [terms, termRuns] = ordered(t.terms);
    const [yielding, yieldingRuns] = ordered(t.yielding);
    const [exclusions, exclusionRuns] = ordered(t.exclusions);
    return { ...t, terms, yielding, exclusions, runs: { terms: termRuns, yielding: yieldingRuns, exclusions: exclusionRuns } };
  });
}

/** Parses and validates lexicon YAML; on any problem the list is empty, so no half-read data is used. */
export function parseSensitiveTopics(text: string, file: string): { topics: SensitiveTopic[]; problems: DataProblem[] } {
  const parsed = parseYaml(text, file);
  const problems = validateYaml(parsed, schema, file);
  if (problems.length > 0) return { topics: [], problems };
  const raw = parsed.value as RawLexicon;
  const seen = new Set<string>();
  for (const [index, topic] of raw.topics.entries()) {
    if (seen.has(topic.id)) {
      const node = parsed.doc.getIn(['topics', index, 'id'], true) as { range?: [number, number, number] } | undefined;
      const pos = parsed.lines.linePos(node?.range?.[0] ?? 0);
      problems.push({ file, line: pos.line, column: pos.col, field: `topics[${index}].id`, message: `topics[${index}].id "${topic.id}" is used twice in this list` });
    }
    seen.add(topic.id);
  }
  const built = topicsFrom(raw, file);
  problems.push(...built.problems);
  return problems.length > 0 ? { topics: [], problems } : built;
}

/** The topics from the file's validated value (parsed now, or compiled by the build), word classes expanded. */
function topicsFrom(raw: RawLexicon, file: string): { topics: SensitiveTopic[]; problems: DataProblem[] } {
  const problems: DataProblem[] = [];
  const classes = raw.word_classes ?? {};
  const topics: SensitiveTopic[] = [];
  for (const [index, t] of raw.topics.entries()) {
    const expand = (list: string[] | undefined, field: string) =>
      (list ?? []).flatMap((term, k) => {
        const forms = expandTerm(term, classes);
        if (typeof forms === 'string') {
          problems.push({ file, line: 1, column: 1, field: `topics[${index}].${field}[${k}]`, message: `topics[${index}].${field}[${k}] "${term}": ${forms}` });
          return [];
        }
        return forms;
      });
    const topic: SensitiveTopic = {
      id: t.id,
      title: t.title,
      label: t.label,
      referral: t.referral === true,
      terms: expand(t.terms, 'terms'),
      yielding: expand(t.yielding_terms, 'yielding_terms'),
      exclusions: expand(t.exclusions, 'exclusions'),
    };
    if (t.description !== undefined) topic.description = t.description;
    topics.push(topic);
  }
  if (problems.length > 0) return { topics: [], problems };
  return { topics, problems };
}

/**
 * Every literal form of a term with `{class}` slots (“lost {poss} job”), or why it has none. Each
 * slot takes each word of its class in turn; an empty word leaves the slot out. Only the built-in
 * list uses classes: workspace terms stay literal text.
 */
export function expandTerm(term: string, classes: Readonly<Record<string, readonly string[]>>): string[] | string {
  let forms = [''];
  for (const part of term.split(/(\{[a-z][a-z0-9_]*\})/)) {
    const name = /^\{([a-z][a-z0-9_]*)\}$/.exec(part)?.[1];
    const words = name === undefined ? [part] : classes[name];
    if (!words) return `uses the word class {${name}}, which word_classes does not define`;
    if (forms.length * words.length > MAX_FORMS_PER_TERM) return `stands for more than ${MAX_FORMS_PER_TERM} forms; split it`;
    forms = forms.flatMap((f) => words.map((w) => f + w));
  }
  return [...new Set(forms.map((f) => f.replace(/\s+/g, ' ').trim()).filter((f) => f !== ''))];
}

/** Compiles topics (as parsed) with a workspace config into a lexicon ready to match. */
export function buildSensitiveLexicon(builtin: SensitiveTopic[], config: CoachConfig): SensitiveLexicon {
  const topics = builtin.map((t) => ({ ...t, terms: [...t.terms] }));
  for (const extra of config.sensitiveTopics.extra) {
    const name = extra.topic.trim();
    const id = slug(name);
    const terms = extra.terms.map((t) => t.trim()).filter((t) => t !== '');
    if (name === '' || terms.length === 0) continue;
    const same = (s: string) => s.toLowerCase() === name.toLowerCase();
    const existing = topics.find((t) => t.id === id || same(t.title) || same(t.label));
    if (existing) {
      existing.terms.push(...terms);
      // Its terms are no longer in order of first word: indexed one by one.
      if (existing.runs) existing.runs = { ...existing.runs, terms: [] };
    }
    else topics.push({ id: id || `topic-${topics.length + 1}`, title: name, label: name, referral: false, terms, yielding: [], exclusions: [] });
  }
  const allow = config.sensitiveTopics.allow.map((a) => a.trim()).filter((a) => a !== '');
  const lexicon: SensitiveLexicon = { topics, allow };
  const allowed = phrasePattern(allow);
  if (allowed) lexicon.allowed = allowed;
  return lexicon;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .replace(/^[0-9-]+/, '');
}

// A word character; a hyphen between word characters joins a compound ("ill-advised" is one word).
const WORD = '[\\p{L}\\p{N}]';
const BEFORE = `(?<!${WORD})(?<!${WORD}-)`;
const AFTER = `(?!${WORD})(?!-${WORD})`;

/**
 * One whole-word, case-insensitive matcher for literal phrases. Every phrase is escaped, so user
 * config can never inject a pattern. The phrases are laid out as a trie of words ("her doctor",
 * "her GP" → `her\s+(?:doctor|gp)`), so a match attempt reads each word once however many phrases
 * share it, and a literal trie cannot backtrack badly. At every step the longer word, and the
 * longer phrase, is tried first, so "panic attacks" wins over "panic attack".
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const source = phraseSource(phrases);
  return source === undefined ? undefined : new RegExp(source, 'giu');
}

/** The source of phrasePattern's matcher, without building it (a regex with `u` and `i` is costly to build). */
function phraseSource(phrases: readonly string[]): string | undefined {
  const root: TrieNode = { children: new Map(), end: false };
  for (const phrase of new Set(phrases.map(normalizeText).map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))) {
    let node = root;
    for (const word of phrase.split(/\s+/)) {
      let next = node.children.get(word);
      if (!next) node.children.set(word, (next = { children: new Map(), end: false }));
      node = next;
    }
    node.end = true;
  }
  if (root.children.size === 0) return undefined;
  return `${BEFORE}(?:${trieSource(root)})${AFTER}`;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** A phrase ends here. */
  end: boolean;
}

function trieSource(node: TrieNode): string {
  // Words with the same continuation share it ("lost (her|his) (mother|father)"), so word classes
  // do not multiply the pattern. Order is kept: longer words first, within and across groups.
  const groups = new Map<string, string[]>();
  for (const [word, child] of node.children) {
    const inner = child.children.size === 0 ? '' : `\\s+(?:${trieSource(child)})`;
    const rest = child.end && inner !== '' ? `(?:${inner})?` : inner;
    const words = groups.get(rest);
    if (words) words.push(word);
    else groups.set(rest, [word]);
  }
  const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
  return [...groups]
    .map(([rest, words]) => {
      words.sort(byLength);
      const head = words.length === 1 ? escapeRegExp(words[0] ?? '') : `(?:${words.map(escapeRegExp).join('|')})`;
      return { longest: words[0] ?? '', source: head + rest };
    })
    .sort((x, y) => byLength(x.longest, y.longest))
    .map((g) => g.source)
    .join('|');
}

// Only syntax characters are escaped: the `u` flag rejects needless escapes such as `\-`.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Curly apostrophes read as straight ones; the length stays the same, so indices still line up. */
function normalizeText(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

/**
 * Where a topic's terms can start: every term begins with a word, so a mention can only begin at
 * the start of a word. Each first word maps to one sticky matcher per topic (its terms that begin
 * with that word), so a block is scanned once, word by word, instead of once per topic. Terms that
 * begin with a non-word character (none in the built-in list) fall back to a whole-text scan.
 */
type Matchers = Array<{
  topic: SensitiveTopic;
  yielding: boolean;
  /** The terms that begin with the word; their trie is built the first time the word is met (a regex of them with `u` and `i` costs milliseconds to build, in the middle of a keystroke). */
  phrases: readonly string[];
  trie?: PhraseTrie;
  /** When every phrase has a second word: the words that can follow the first (a cheap test before the trie); null when not. Worked out the first time the word is met. */
  second?: Set<string> | null;
}>;

interface StartIndex extends WordIndex<Matchers> {
  anywhere: Array<{ topic: SensitiveTopic; yielding: boolean; pattern: RegExp }>;
  /** The figurative-use guards, indexed the same way. */
  guards: WordIndex<Matchers>;
  guardsAnywhere: Array<{ topic: SensitiveTopic; pattern: RegExp }>;
}

const startIndexes = new WeakMap<SensitiveLexicon, StartIndex>();

const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;

function startIndexOf(lexicon: SensitiveLexicon): StartIndex {
  let index = startIndexes.get(lexicon);
  if (index) return index;
  index = { ...createWordIndex<Matchers>(), anywhere: [], guards: createWordIndex<Matchers>(), guardsAnywhere: [] };
  for (const topic of lexicon.topics) {
    for (const [yielding, list, runs] of [[false, topic.terms, topic.runs?.terms], [true, topic.yielding, topic.runs?.yielding]] as const) {
      const fallback = indexPhrases(index, topic, yielding, list, runs);
      if (fallback) index.anywhere.push({ topic, yielding, pattern: fallback });
    }
    const fallback = indexPhrases(index.guards, topic, false, topic.exclusions, topic.runs?.exclusions);
    if (fallback) index.guardsAnywhere.push({ topic, pattern: fallback });
  }
  startIndexes.set(lexicon, index);
  return index;
}

/** Phrases by first word (`firstWordOf`; `''` for those that begin otherwise), each group in the phrases' order. */
function byFirstWord(phrases: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const phrase of phrases) {
    const first = firstWordOf(phrase) ?? '';
    const group = groups.get(first);
    if (group) group.push(phrase);
    else groups.set(first, [phrase]);
  }
  return groups;
}

/** The first word of a phrase as the scan reads it (lower case, curly apostrophes straight), or undefined when it begins otherwise. */
function firstWordOf(phrase: string): string | undefined {
  const key = normalizeText(phrase).trim().toLowerCase();
  return STARTS_WITH_WORD.test(key) ? key.match(/^[\p{L}\p{N}]+/u)?.[0] : undefined;
}

/**
 * Adds phrases to a word index by first word; returns a whole-text matcher for those that start
 * otherwise. With `runs` that add up to the list (the build's order), the list is taken a run at a time.
 */
function indexPhrases(index: WordIndex<Matchers>, topic: SensitiveTopic, yielding: boolean, phrases: readonly string[], runs?: FirstWordRuns): RegExp | undefined {
  let byFirst: Array<[string, readonly string[]]>;
  if (runs && runs.reduce((n, [, count]) => n + count, 0) === phrases.length) {
    let at = 0;
    byFirst = runs.map(([word, count]) => [word, phrases.slice(at, (at += count))]);
  } else byFirst = [...byFirstWord(phrases)];
  const elsewhere: string[] = [];
  for (const [word, list] of byFirst) {
    if (word === '') {
      for (const phrase of list) elsewhere.push(phrase);
      continue;
    }
    const matchers = index.byWord.get(word) ?? [];
    matchers.push({ topic, yielding, phrases: list.map(normalizeText) });
    addWord(index, word, matchers);
  }
  return phrasePattern(elsewhere);
}

/**
 * The run of letters and digits that starts the second word of the text at `from` (words split at
 * white space), lower-cased, or '' when there is none. For a phrase, the second word's; for the
 * text, what follows the word at `from`.
 */
function secondWord(text: string, from: number): string {
  let i = from;
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  const start = i;
  while (i < text.length && isWordChar(text, i)) i++;
  return text.slice(start, i).toLowerCase();
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || (c > 255 && /\s/.test(String.fromCharCode(c)));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return WORD_CHAR.test(text.charAt(i));
}

/** Runs the matchers that can start at `start`, skipping those whose second word is not the text's. */
function tryMatchers(text: string, start: number, matchers: Matchers, visit: (m: Matchers[number], end: number) => void, skip?: (m: Matchers[number]) => boolean): void {
  if (!startsWord(text, start)) return;
  let next: string | undefined;
  for (const matcher of matchers) {
    if (skip?.(matcher)) continue;
    if (matcher.second === undefined) {
      const seconds = matcher.phrases.map((phrase) => secondWord(phrase.trim().toLowerCase(), 0));
      matcher.second = seconds.every((w) => w !== '') ? new Set(seconds) : null;
    }
    if (matcher.second && !matcher.second.has((next ??= secondWord(text, start)))) continue;
    const end = matchPhraseAt((matcher.trie ??= buildPhraseTrie(matcher.phrases, false)), text, start);
    if (end > start) visit(matcher, end);
  }
}

/**
 * Every sensitive mention in a text, in order. A mention inside an exclusion of its topic or inside
 * an allowed phrase is dropped, and so is one inside a longer mention ("health" in "mental health",
 * "therapy" in "hormone therapy"). A mention by a yielding term is dropped when the text mentions
 * another topic by a term of its own ("therapy" beside "transition"). Each topic's mentions are
 * the same as a global scan with its whole-word matcher would give.
 */
export function findSensitiveMentions(lexicon: SensitiveLexicon, rawText: string): SensitiveMention[] {
  const text = normalizeText(rawText);
  const index = startIndexOf(lexicon);
  const candidates: Array<{ topic: SensitiveTopic; yielding: boolean; start: number; end: number }> = [];
  // Like a global regex of a topic's terms (or of its yielding terms), one topic's matches never
  // overlap: the next starts after the last ends.
  const reachOf = [new Map<SensitiveTopic, number>(), new Map<SensitiveTopic, number>()] as const;
  forEachWord(text, index, (start, matchers) => {
    tick();
    tryMatchers(
      text,
      start,
      matchers,
      (matcher, end) => {
        candidates.push({ topic: matcher.topic, yielding: matcher.yielding, start, end });
        reachOf[matcher.yielding ? 1 : 0].set(matcher.topic, end);
      },
      (matcher) => start < (reachOf[matcher.yielding ? 1 : 0].get(matcher.topic) ?? 0),
    );
  });
  for (const { topic, yielding, pattern } of index.anywhere) for (const [start, end] of ranges(pattern, text)) candidates.push({ topic, yielding, start, end });
  if (candidates.length === 0) return [];

  // The guards of the topics found, in one more pass over the words: every guard that starts at a
  // word, so a mention inside any of them, overlapping or not, is dropped.
  const allowed = lexicon.allowed ? ranges(lexicon.allowed, text) : [];
  const excludedOf = new Map<SensitiveTopic, Array<[number, number]>>(candidates.map((c) => [c.topic, [...allowed]]));
  forEachWord(text, index.guards, (start, matchers) => {
    tryMatchers(text, start, matchers, ({ topic }, end) => excludedOf.get(topic)?.push([start, end]), ({ topic }) => !excludedOf.has(topic));
  });
  for (const { topic, pattern } of index.guardsAnywhere) {
    const into = excludedOf.get(topic);
    if (into) for (const r of ranges(pattern, text)) into.push(r); // not push(...): one huge paragraph may hold more guards than a call takes arguments
  }
  const found: SensitiveMention[] = [];
  // Looked up by binary search: a pasted transcript can hold thousands of mentions and of guards.
  const inside = new Map<SensitiveTopic | undefined, (start: number, end: number) => boolean>();
  const insideOf = (topic: SensitiveTopic) => {
    const key = excludedOf.has(topic) ? topic : undefined;
    let test = inside.get(key);
    if (!test) inside.set(key, (test = containment(excludedOf.get(topic) ?? allowed)));
    return test;
  };
  for (const { topic, yielding, start, end } of candidates) {
    if (insideOf(topic)(start, end)) continue;
    const mention: SensitiveMention = { topic, start, end, text: rawText.slice(start, end) };
    if (yielding) mention.yielding = true;
    found.push(mention);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SensitiveMention[] = [];
  let reach = -1;
  for (const m of found) {
    if (m.end <= reach) continue;
    kept.push(m);
    reach = Math.max(reach, m.end);
  }
  if (!kept.some((m) => m.yielding)) return kept;
  const firm = new Set(kept.filter((m) => !m.yielding).map((m) => m.topic));
  return kept.filter((m) => !m.yielding || firm.has(m.topic) || firm.size === 0);
}

/** Whether some range holds [start, end): ranges by start with the farthest end so far, then a binary search. */
function containment(ranges: ReadonlyArray<[number, number]>): (start: number, end: number) => boolean {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const reach: number[] = [];
  let farthest = -1;
  for (const [, e] of sorted) reach.push((farthest = Math.max(farthest, e)));
  return (start, end) => {
    let lo = 0;
    let hi = sorted.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as [number, number])[0] <= start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return at >= 0 && (reach[at] as number) >= end;
  };
}

function ranges(pattern: RegExp, text: string): Array<[number, number]> {
  return [...text.matchAll(pattern)].map((m) => [m.index, m.index + m[0].length]);
}

type NoteMention = { mention: SensitiveMention; start: number; end: number };
// The rule and the note summary both ask; a note is scanned once per lexicon.
const scanned = new WeakMap<Note, WeakMap<SensitiveLexicon, NoteMention[]>>();

/** Every sensitive mention in a note's prose (blockquotes included), with note offsets. */
export function noteSensitiveMentions(note: Note, lexicon: SensitiveLexicon): NoteMention[] {
  let byLexicon = scanned.get(note);
  if (!byLexicon) scanned.set(note, (byLexicon = new WeakMap()));
  let mentions = byLexicon.get(lexicon);
  if (!mentions) byLexicon.set(lexicon, (mentions = scanNote(note, lexicon)));
  return mentions;
}

function scanNote(note: Note, lexicon: SensitiveLexicon): NoteMention[] {
  const mentions: Array<{ mention: SensitiveMention; start: number; end: number }> = [];
  for (const block of note.prose) {
    tick(); // inside a rule's check, the budget holds per block (a summary has none)
    for (const mention of findSensitiveMentions(lexicon, block.text)) {
      const [start, end] = proseSpan(note, block, mention.start, mention.end);
      mentions.push({ mention, start, end });
    }
  }
  return mentions;
}
