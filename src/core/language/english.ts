import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import schema from '../../../schemas/english.schema.json';
import { compiledValue } from '../data/compiled';
import { errorText, parseYaml, validateYaml } from '../data/yaml';
import type { DataProblem } from '../model/types';

/** The word classes of lexicons/english.yaml; see that file for what each holds. */
export type WordClass =
  | 'subject_pronouns'
  | 'object_pronouns'
  | 'possessives'
  | 'client_nouns'
  | 'self'
  | 'determiners'
  | 'negations'
  | 'articles'
  | 'links'
  | 'come'
  | 'auxiliaries'
  | 'adverbs'
  | 'intensifiers'
  | 'noun_leads'
  | 'of_leads'
  | 'followers'
  | 'compound_heads'
  | 'judging_verbs'
  | 'reporting'
  | 'contrasts'
  | 'conjunctions'
  | 'joiners'
  | 'always_like'
  | 'epistemic_verbs'
  | 'epistemic_adjectives'
  | 'plan_words'
  | 'light_verbs'
  | 'relatives'
  | 'have_verbs'
  | 'appositive_leads'
  | 'attributions'
  | 'complement_starts'
  | 'expressions'
  | 'not_names'
  | 'opinion_verbs'
  | 'quantifiers'
  | 'group_plurals'
  | 'behaviour_noun_endings'
  | 'hypothetical_modals'
  | 'question_words'
  | 'due_words'
  | 'due_times'
  | 'due_spans'
  | 'due_leads'
  | 'conditions'
  | 'inverting_auxiliaries'
  | 'answers'
  | 'dismissing'
  | 'diagnosis_words'
  | 'contracted_subjects'
  | 'be_forms'
  | 'becoming'
  | 'titles';

export interface English {
  classes: Readonly<Record<WordClass, ReadonlySet<string>>>;
  /** Base form → [third person, past, past participle, -ing]. */
  irregular: ReadonlyMap<string, readonly [string, string, string, string]>;
  /** Matches a word or phrase that makes a habit a trait (“all the time”); global, case-insensitive. */
  frequency: RegExp;
  deonticModals: readonly string[];
  /** The strongest frequency markers (“every single time”): any present-tense habit of a person becomes a trait. */
  habitMarkers: RegExp;
  /** “always”, “constantly”, “never” …: a sweeping word whose predicate's valence decides whether it judges. */
  sweeping: RegExp;
  /** Valences (−5…5) that add to or correct the AFINN-165 list, for words coaching notes use. */
  valence: ReadonlyMap<string, number>;
  /** “as usual”, “yet again” …: a behaviour called the usual one, or one time too many. */
  repeats: RegExp;
  /** The `again` half of `repeats` (lower case): these judge unless the sentence is positive. */
  againLike: ReadonlySet<string>;
  /** Words before a person's name that make it a type or talk down to them (“Typical Dmitri”, “Poor Evan”), by category id. */
  nameLeads: ReadonlyArray<{ category: string; pattern: RegExp }>;
}

interface RawEnglish {
  classes: Record<WordClass, string[]>;
  irregular_verbs: Record<string, [string, string, string, string]>;
  frequency_markers: string[];
  deontic_modals: string[];
  habit_markers: string[];
  sweeping_markers: { always: string[]; never: string[]; universal: string[] };
  repeat_markers?: { usual: string[]; again: string[] };
  name_leads?: Array<{ category: string; words: string[] }>;
  valence?: Record<string, number>;
}

const ENGLISH_FILE = join('lexicons', 'english.yaml');
const cache = new Map<string, { english: English; problems: DataProblem[] }>();

/** Loads lexicons/english.yaml from the data root (cached per file). Never throws; on problems the classes are empty. */
export function loadEnglish(dataRoot: string): { english: English; problems: DataProblem[] } {
  const file = join(dataRoot, ENGLISH_FILE);
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = readEnglish(file);
    cache.set(file, loaded);
  }
  return loaded;
}

function readEnglish(file: string): { english: English; problems: DataProblem[] } {
  const compiled = compiledValue(file);
  if (compiled) return { english: englishFrom(compiled.value as RawEnglish), problems: [] };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { english: emptyEnglish(), problems: [{ file, line: 1, column: 1, field: '', message: `The English word classes could not be read: ${errorText(error)}` }] };
  }
  return parseEnglish(text, file);
}

export function parseEnglish(text: string, file: string): { english: English; problems: DataProblem[] } {
  const parsed = parseYaml(text, file);
  const problems = validateYaml(parsed, schema, file);
  if (problems.length > 0) return { english: emptyEnglish(), problems };
  return { english: englishFrom(parsed.value as RawEnglish), problems: [] };
}

/** The word classes from the file's validated value (parsed now, or compiled by the build). */
function englishFrom(raw: RawEnglish): English {
  const classes = Object.fromEntries(Object.entries(raw.classes).map(([k, words]) => [k, new Set(words)])) as unknown as Record<WordClass, ReadonlySet<string>>;
  const english: English = {
    classes,
    irregular: new Map(Object.entries(raw.irregular_verbs)),
    frequency: markerPattern(raw.frequency_markers),
    deonticModals: raw.deontic_modals,
    habitMarkers: markerPattern(raw.habit_markers),
    sweeping: markerPattern([...raw.sweeping_markers.always, ...raw.sweeping_markers.never]),
    valence: new Map(Object.entries(raw.valence ?? {})),
    repeats: markerPattern([...(raw.repeat_markers?.usual ?? []), ...(raw.repeat_markers?.again ?? [])]),
    againLike: new Set(raw.repeat_markers?.again ?? []),
    nameLeads: (raw.name_leads ?? []).map((l) => ({ category: l.category, pattern: nameLeadPattern(l.words) })),
  };
  neverLike.set(english, new Set(raw.sweeping_markers.never));
  universals.set(english, new Set(raw.sweeping_markers.universal));
  return english;
}

const globalClones = new WeakMap<RegExp, RegExp>();
/** Every match of one of the English patterns (which are not global) in `text`; the global copy is made once per pattern. */
export function matchesOf(text: string, pattern: RegExp): ReturnType<string['matchAll']> {
  let global = globalClones.get(pattern);
  if (!global) globalClones.set(pattern, (global = new RegExp(pattern.source, `${pattern.flags}g`)));
  return text.matchAll(global);
}

const neverLike = new WeakMap<English, ReadonlySet<string>>();
const universals = new WeakMap<English, ReadonlySet<string>>();
/** “anyone”, “everything” …: after “never”, a sweeping habit whatever the verb. */
export function isUniversal(english: English, word: string): boolean {
  return universals.get(english)?.has(word) ?? false;
}
/** Whether a sweeping marker denies (“never”) rather than asserts (“always”). */
export function isNeverLike(english: English, word: string): boolean {
  return neverLike.get(english)?.has(word.toLowerCase().replace(/\s+/g, ' ')) ?? false;
}

/** Any of the words or phrases, whole, case-insensitive; a phrase's spaces match any run of spaces. */
function markerPattern(markers: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${markers.map((m) => m.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
}

function emptyEnglish(): English {
  const empty = new Set<string>();
  return { classes: new Proxy({} as Record<WordClass, ReadonlySet<string>>, { get: () => empty }), irregular: new Map(), frequency: /(?!)/, deonticModals: [], habitMarkers: /(?!)/, sweeping: /(?!)/, valence: new Map(), repeats: /(?!)/, againLike: new Set(), nameLeads: [] };
}

/** “Typical Dmitri”: a lead word (any case) then a capitalised word; global, so every one is found. */
function nameLeadPattern(words: readonly string[]): RegExp {
  // Not case-insensitive as a whole, so that the name must start with a capital: only the lead's first letter may be either.
  const alternatives = [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .map((w) => `[${w.charAt(0).toUpperCase()}${w.charAt(0)}]${w.slice(1)}`);
  return new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${alternatives.join('|')})\\s+(\\p{Lu}\\p{Ll}+)(?![\\p{L}\\p{N}'’])`, 'gu');
}
