import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/sensitive-lexicon.schema.json';
import type { CoachConfig } from '../config/types';
import { errorText, parseYaml, validateYaml } from '../data/yaml';
import type { DataProblem } from '../model/types';
import { proseSpan } from '../note/prose';
import type { Note } from '../note/types';
import { addWord, createWordIndex, forEachWord, type WordIndex } from '../language/word-index';

/** One sensitive area, with its matchers compiled once per setup. */
export interface SensitiveTopic {
  id: string;
  /** Name of the area, e.g. “Grief and death”. */
  title: string;
  /** Short noun for sentences, e.g. “grief”. */
  label: string;
  terms: string[];
  exclusions: string[];
  /** Whole-word matcher for any of the exclusions, when there are some. (The terms are matched by first word: see findSensitiveMentions.) */
  excluded?: RegExp;
}

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
}

interface RawLexicon {
  topics: Array<{ id: string; title: string; label: string; terms: string[]; exclusions?: string[] }>;
}

export const SENSITIVE_LEXICON_FILE = join('lexicons', 'sensitive-topics.yaml');

/**
 * Loads the built-in topics and merges the workspace config: `extra` adds terms to a topic of the
 * same id, title or label, or a new topic; `allow` phrases are never mentions. Never throws.
 */
export function loadSensitiveLexicon(dataRoot: string, config: CoachConfig): { lexicon: SensitiveLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, SENSITIVE_LEXICON_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const problem = { file, line: 1, column: 1, field: '', message: `The sensitive-topic list could not be read: ${errorText(error)}` };
    return { lexicon: buildLexicon([], config), problems: [problem] };
  }
  const { topics, problems } = parseSensitiveTopics(text, file);
  return { lexicon: buildLexicon(topics, config), problems };
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
  if (problems.length > 0) return { topics: [], problems };
  const topics = raw.topics.map((t) => ({ id: t.id, title: t.title, label: t.label, terms: [...t.terms], exclusions: [...(t.exclusions ?? [])] }));
  return { topics, problems };
}

function buildLexicon(builtin: SensitiveTopic[], config: CoachConfig): SensitiveLexicon {
  const topics = builtin.map((t) => ({ ...t, terms: [...t.terms], exclusions: [...t.exclusions] }));
  for (const extra of config.sensitiveTopics.extra) {
    const name = extra.topic.trim();
    const id = slug(name);
    const terms = extra.terms.map((t) => t.trim()).filter((t) => t !== '');
    if (name === '' || terms.length === 0) continue;
    const same = (s: string) => s.toLowerCase() === name.toLowerCase();
    const existing = topics.find((t) => t.id === id || same(t.title) || same(t.label));
    if (existing) existing.terms.push(...terms);
    else topics.push({ id: id || `topic-${topics.length + 1}`, title: name, label: name, terms, exclusions: [] });
  }
  const allow = config.sensitiveTopics.allow.map((a) => a.trim()).filter((a) => a !== '');
  for (const topic of topics) {
    const excluded = phrasePattern(topic.exclusions);
    if (excluded) topic.excluded = excluded;
  }
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
 * config can never inject a pattern, and a plain alternation of literals cannot backtrack badly.
 * Longer phrases come first so that "panic attacks" wins over "panic attack".
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const parts = [...new Set(phrases.map(normalizeText).map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.split(/\s+/).map(escapeRegExp).join('\\s+'));
  if (parts.length === 0) return undefined;
  return new RegExp(`${BEFORE}(?:${parts.join('|')})${AFTER}`, 'giu');
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
type Matchers = Array<{ topic: SensitiveTopic; sticky: RegExp }>;

interface StartIndex extends WordIndex<Matchers> {
  anywhere: Array<{ topic: SensitiveTopic; pattern: RegExp }>;
}

const startIndexes = new WeakMap<SensitiveLexicon, StartIndex>();

const STARTS_WITH_WORD = /^[\p{L}\p{N}]/u;

function startIndexOf(lexicon: SensitiveLexicon): StartIndex {
  let index = startIndexes.get(lexicon);
  if (index) return index;
  index = { ...createWordIndex<Matchers>(), anywhere: [] };
  for (const topic of lexicon.topics) {
    const byFirst = new Map<string, string[]>();
    const elsewhere: string[] = [];
    for (const term of topic.terms) {
      const key = normalizeText(term).trim().toLowerCase();
      const first = STARTS_WITH_WORD.test(key) ? key.match(/^[\p{L}\p{N}]+/u)?.[0] : undefined;
      if (first === undefined) elsewhere.push(term);
      else byFirst.set(first, [...(byFirst.get(first) ?? []), term]);
    }
    for (const [word, terms] of byFirst) {
      const pattern = phrasePattern(terms);
      if (!pattern) continue;
      const list = index.byWord.get(word) ?? [];
      list.push({ topic, sticky: new RegExp(pattern.source, 'iuy') });
      addWord(index, word, list);
    }
    const fallback = phrasePattern(elsewhere);
    if (fallback) index.anywhere.push({ topic, pattern: fallback });
  }
  startIndexes.set(lexicon, index);
  return index;
}

/**
 * Every sensitive mention in a text, in order. A mention inside an exclusion of its topic or inside
 * an allowed phrase is dropped, and so is one inside a longer mention ("health" in "mental health").
 * Each topic's mentions are the same as a global scan with its whole-word matcher would give.
 */
export function findSensitiveMentions(lexicon: SensitiveLexicon, rawText: string): SensitiveMention[] {
  const text = normalizeText(rawText);
  const index = startIndexOf(lexicon);
  const candidates: Array<{ topic: SensitiveTopic; start: number; end: number }> = [];
  // Like a global regex, one topic's matches never overlap: the next starts after the last ends.
  const reachOf = new Map<SensitiveTopic, number>();
  forEachWord(text, index, (start, matchers) => {
    for (const { topic, sticky } of matchers) {
      if (start < (reachOf.get(topic) ?? 0)) continue;
      sticky.lastIndex = start;
      const m = sticky.exec(text);
      if (!m) continue;
      candidates.push({ topic, start: m.index, end: m.index + m[0].length });
      reachOf.set(topic, m.index + m[0].length);
    }
  });
  for (const { topic, pattern } of index.anywhere) for (const [start, end] of ranges(pattern, text)) candidates.push({ topic, start, end });
  if (candidates.length === 0) return [];

  const allowed = lexicon.allowed ? ranges(lexicon.allowed, text) : [];
  const excludedOf = new Map<SensitiveTopic, Array<[number, number]>>();
  const found: SensitiveMention[] = [];
  for (const { topic, start, end } of candidates) {
    let excluded = excludedOf.get(topic);
    if (!excluded) excludedOf.set(topic, (excluded = topic.excluded ? [...ranges(topic.excluded, text), ...allowed] : allowed));
    if (excluded.some(([s, e]) => s <= start && end <= e)) continue;
    found.push({ topic, start, end, text: rawText.slice(start, end) });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: SensitiveMention[] = [];
  let reach = -1;
  for (const m of found) {
    if (m.end <= reach) continue;
    kept.push(m);
    reach = Math.max(reach, m.end);
  }
  return kept;
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
    for (const mention of findSensitiveMentions(lexicon, block.text)) {
      const [start, end] = proseSpan(note, block, mention.start, mention.end);
      mentions.push({ mention, start, end });
    }
  }
  return mentions;
}
