import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/judgmental-lexicon.schema.json';
import type { CoachConfig, ExtraPhrase } from '../config/types';
import { errorText, parseYaml, validateYaml, type ParsedYaml } from '../data/yaml';
import type { DataProblem } from '../model/types';

/** How a phrase is used in a sentence; decides which patterns around it make it a judgment. */
export type PhraseKind = 'adjective' | 'noun' | 'verb' | 'phrase';
/** How much person context a phrase needs before it fires (see lexicons/judgmental.yaml). */
export type ContextNeed = 'subject' | 'label' | 'anywhere';

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
}

/** The compiled lexicon: one combined pattern and a lookup from matched text to its entry. */
export interface JudgmentalLexicon {
  /** Global, case-insensitive; matches every phrase at word boundaries. Undefined when empty. */
  pattern: RegExp | undefined;
  /** By `phraseKey` of each form. */
  entries: ReadonlyMap<string, JudgmentalEntry>;
  /** Matches the workspace's `judgmental.allow` phrases; findings overlapping them are dropped. */
  allow: RegExp | undefined;
  personNouns: ReadonlySet<string>;
  categories: ReadonlyMap<string, JudgmentalCategory>;
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
}

interface RawLexicon {
  person_nouns?: string[];
  categories: Array<{ id: string; title: string; explanation: string }>;
  entries: RawEntry[];
  generalizations?: { category: string; never?: string[]; always?: string[] };
}

/** What the built-in file yields before the workspace config is applied; cached per file. */
export interface BaseLexicon {
  entries: Map<string, JudgmentalEntry>;
  categories: Map<string, JudgmentalCategory>;
  personNouns: Set<string>;
  problems: DataProblem[];
}

const LEXICON_FILE = join('lexicons', 'judgmental.yaml');
const MAX_EXTRA_LENGTH = 200;
const baseCache = new Map<string, BaseLexicon>();
const plainCache = new Map<string, JudgmentalLexicon>();

/** Loads the built-in lexicon plus the workspace's extra and allowed phrases. Never throws. */
export function loadJudgmentalLexicon(dataRoot: string, config: CoachConfig): { lexicon: JudgmentalLexicon; problems: DataProblem[] } {
  const file = join(dataRoot, LEXICON_FILE);
  let base = baseCache.get(file);
  if (!base) {
    base = readBase(file);
    baseCache.set(file, base);
  }
  const { extra, allow } = config.judgmental;
  if (extra.length === 0 && allow.length === 0) {
    // The common case: no workspace tuning, so the compiled pattern is shared by every setup.
    let lexicon = plainCache.get(file);
    if (!lexicon) {
      lexicon = compile(base, new Map(), []);
      plainCache.set(file, lexicon);
    }
    return { lexicon, problems: [...base.problems] };
  }
  const problems = [...base.problems];
  const entries = new Map(base.entries);
  addExtras(entries, base.categories, extra, config.file ?? join('.coach', 'config.yaml'), problems);
  return { lexicon: compile(base, entries, allow), problems };
}

function readBase(file: string): BaseLexicon {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const problem = { file, line: 1, column: 1, field: '', message: `The judgmental-language lexicon could not be read: ${errorText(error)}` };
    return { entries: new Map(), categories: new Map(), personNouns: new Set(), problems: [problem] };
  }
  return parseJudgmentalLexicon(text, file);
}

/** Parses and validates lexicon YAML; on problems the lexicon is empty, and the problems name file, line and field. */
export function parseJudgmentalLexicon(text: string, file: string): BaseLexicon {
  const empty = (problems: DataProblem[]): BaseLexicon => ({ entries: new Map(), categories: new Map(), personNouns: new Set(), problems });
  const parsed = parseYaml(text, file);
  const schemaProblems = validateYaml(parsed, schema, file);
  if (schemaProblems.length > 0) return empty(schemaProblems);
  const raw = parsed.value as RawLexicon;
  const problems: DataProblem[] = [];
  const at = (path: Array<string | number>, field: string, message: string) => problems.push(problemAt(parsed, file, path, field, message));
  const categories = new Map<string, JudgmentalCategory>();
  for (const [i, c] of raw.categories.entries()) {
    if (categories.has(c.id)) at(['categories', i, 'id'], `categories[${i}].id`, `categories[${i}].id "${c.id}" is used twice`);
    categories.set(c.id, { ...c, builtin: true });
  }
  const entries = new Map<string, JudgmentalEntry>();
  for (const [i, e] of raw.entries.entries()) {
    const category = categories.get(e.category);
    if (!category) {
      at(['entries', i, 'category'], `entries[${i}].category`, `entries[${i}].category "${e.category}" is not one of the categories`);
      continue;
    }
    const entry = toEntry(e, category);
    for (const [j, form] of [e.phrase, ...(e.forms ?? [])].entries()) {
      const path = j === 0 ? ['entries', i, 'phrase'] : ['entries', i, 'forms', j - 1];
      const field = j === 0 ? `entries[${i}].phrase` : `entries[${i}].forms[${j - 1}]`;
      if (!addForm(entries, form, { ...entry, phrase: form })) at(path, field, `${field} "${form}" is listed twice in the lexicon`);
    }
  }
  addGeneralizations(raw.generalizations, categories, entries, (field, message) => at(['generalizations', 'category'], field, message));
  if (problems.length > 0) return empty(problems);
  return { entries, categories, personNouns: new Set(raw.person_nouns ?? []), problems };
}

function problemAt(parsed: ParsedYaml, file: string, path: Array<string | number>, field: string, message: string): DataProblem {
  const node = parsed.doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  const pos = parsed.lines.linePos(node?.range?.[0] ?? 0);
  return { file, line: pos.line, column: pos.col, field, message };
}

function toEntry(e: RawEntry, category: JudgmentalCategory): JudgmentalEntry {
  const entry: JudgmentalEntry = {
    phrase: e.phrase,
    category,
    kind: e.pos ?? 'phrase',
    context: e.context,
    suggestions: e.suggestions,
    unlessNext: new Set((e.unless_next ?? []).map((w) => w.toLowerCase())),
    needsParticiple: e.next === 'participle',
  };
  if (e.explanation !== undefined) entry.explanation = e.explanation;
  return entry;
}

/** Adds a form unless an entry already has it; false for a duplicate. */
function addForm(entries: Map<string, JudgmentalEntry>, form: string, entry: JudgmentalEntry): boolean {
  const key = phraseKey(form);
  if (key === '' || entries.has(key)) return false;
  entries.set(key, entry);
  return true;
}

// ── Generalizations: "always" / "never" + verb phrase, with generated forms and rewrites ──

/** Third person, past and past participle of the few irregular (or spelling-changing) verbs the lexicon uses. */
const IRREGULAR: Record<string, [string, string, string]> = {
  do: ['does', 'did', 'done'],
  have: ['has', 'had', 'had'],
  take: ['takes', 'took', 'taken'],
  make: ['makes', 'made', 'made'],
  keep: ['keeps', 'kept', 'kept'],
  get: ['gets', 'got', 'got'],
  show: ['shows', 'showed', 'shown'],
  stick: ['sticks', 'stuck', 'stuck'],
  go: ['goes', 'went', 'gone'],
  give: ['gives', 'gave', 'given'],
  find: ['finds', 'found', 'found'],
  run: ['runs', 'ran', 'run'],
  admit: ['admits', 'admitted', 'admitted'],
  commit: ['commits', 'committed', 'committed'],
  forget: ['forgets', 'forgot', 'forgotten'],
  cancel: ['cancels', 'cancelled', 'cancelled'],
};

interface Verb {
  base: string;
  third: string;
  past: string;
  participle: string;
  rest: string;
}

export function inflect(verbPhrase: string): Verb {
  const [base = '', ...tail] = verbPhrase.trim().split(/\s+/);
  const rest = tail.length > 0 ? ` ${tail.join(' ')}` : '';
  const irregular = IRREGULAR[base.toLowerCase()];
  if (irregular) return { base, third: irregular[0], past: irregular[1], participle: irregular[2], rest };
  const third = /(s|sh|ch|x|z|o)$/.test(base) ? `${base}es` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ies` : `${base}s`;
  const past = /e$/.test(base) ? `${base}d` : /[^aeiou]y$/.test(base) ? `${base.slice(0, -1)}ied` : `${base}ed`;
  return { base, third, past, participle: past, rest };
}

function addGeneralizations(
  raw: RawLexicon['generalizations'],
  categories: Map<string, JudgmentalCategory>,
  entries: Map<string, JudgmentalEntry>,
  problem: (field: string, message: string) => void,
): void {
  if (!raw) return;
  const category = categories.get(raw.category);
  if (!category) return problem('generalizations.category', `generalizations.category "${raw.category}" is not one of the categories`);
  const add = (phrase: string, suggestions: string[]) => {
    const entry: JudgmentalEntry = { phrase, category, kind: 'verb', context: 'label', suggestions, unlessNext: new Set(), needsParticiple: false };
    addForm(entries, phrase, entry);
  };
  for (const item of raw.never ?? []) {
    const v = inflect(item);
    add(`never ${v.third}${v.rest}`, [`did not ${v.base}${v.rest}`, `has not yet ${v.participle}${v.rest}`]);
    add(`never ${v.base}${v.rest}`, [`did not ${v.base}${v.rest}`, `have not yet ${v.participle}${v.rest}`]);
  }
  for (const item of raw.always ?? []) {
    const v = inflect(item);
    add(`always ${v.third}${v.rest}`, [`${v.past}${v.rest}`, `sometimes ${v.third}${v.rest}`]);
    add(`always ${v.base}${v.rest}`, [`${v.past}${v.rest}`, `sometimes ${v.base}${v.rest}`]);
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
    const entry: JudgmentalEntry = {
      phrase,
      category,
      kind: 'phrase',
      context: 'anywhere',
      suggestions: (item.suggestions ?? []).filter((s) => s.trim() !== '').slice(0, 3),
      unlessNext: new Set(),
      needsParticiple: false,
    };
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

/** The lookup key of a phrase or matched text: lower case, no spaces or hyphens, straight apostrophes. */
export function phraseKey(text: string): string {
  return text.toLowerCase().replace(/[\s\-\u2010\u2011]+/g, '').replace(/\u2019/g, "'");
}

function compile(base: BaseLexicon, workspaceEntries: Map<string, JudgmentalEntry>, allow: readonly string[]): JudgmentalLexicon {
  const entries = workspaceEntries.size > 0 ? workspaceEntries : new Map(base.entries);
  const allowKeys = new Set(allow.map(phraseKey).filter((k) => k !== ''));
  // Allowed phrases never need matching at all; multi-word or partial ones are handled by `allow`.
  for (const key of allowKeys) entries.delete(key);
  return {
    pattern: phrasePattern([...entries.values()].map((e) => e.phrase)),
    entries,
    allow: phrasePattern(allow.filter((a) => phraseKey(a) !== '')),
    personNouns: base.personNouns,
    categories: base.categories,
  };
}

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
  // Word edges: no letter or digit (or a hyphen joining one) right before or after a phrase.
  return new RegExp(`(?<![\\p{L}\\p{N}_]|[\\p{L}\\p{N}]-)${trieSource(root)}(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'giu');
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
