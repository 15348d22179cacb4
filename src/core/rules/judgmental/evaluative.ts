import { tick } from '../../engine/deadline';
import { categoryOf, contributions, featuresOf, NAME, NUMBER, probability, QUOTED, type SentenceModel } from '../../language/sentence-model';
import type { JudgmentalEntry, JudgmentalLexicon } from '../../lexicons/judgmental';
import { tokenize, type BlockView, type Token } from './block-view';
import { isPersonNoun, personAt } from './people';
import { reportedAround } from './whose-words';
import { CLIENT, type Frame, type Judgment, type People, type Person } from './reading';

// The last reading of a block: a sentence that no word list matched, but that the sentence model
// (src/core/language/sentence-model.ts) reads as the coach's judgment of someone. The finding is
// placed on the clause holding the word that weighs most toward a judgment; its quick fix is the
// observation template, since no word-level rewrite is known.

/** Shorter sentences carry too little to read (“He doesn't like it.”, “It's treatable.”): their few words weigh too much. */
const MIN_WORDS = 6;
/** A run-on paste is not a coach's sentence: longer ones are not read, which keeps a huge paragraph linear. */
const MAX_SENTENCE_CHARS = 1000;
/** How far into its clause the person judged is looked for. */
const SUBJECT_WORDS = 8;
const CLAUSE_BREAK = /[,;:()—–]/;
const NO_WORDS: ReadonlySet<string> = new Set();

/** A sentence's words as the model reads them: names, numbers and quoted words as placeholders. */
export function sentenceWords(view: BlockView, start: number, end: number, people: People): { words: string[]; tokens: Token[] } {
  const tokens: Token[] = [];
  const words: string[] = [];
  for (const t of tokenize(view.text, start, end)) {
    if (view.masked(t.start, t.end)) {
      if (words[words.length - 1] !== QUOTED) {
        words.push(QUOTED);
        tokens.push(t);
      }
      continue;
    }
    tokens.push(t);
    words.push(wordOf(t, tokens.length === 1, people));
  }
  return { words, tokens };
}

function wordOf(t: Token, first: boolean, people: People): string {
  if (/^\d/.test(t.w)) return NUMBER;
  if (people.names.has(t.w)) return NAME;
  // A capital inside a sentence is a name (“I” and acronyms aside); at its start it may be any word.
  if (!first && t.w !== 'i' && /^\p{Lu}\p{Ll}/u.test(t.raw)) return NAME;
  return t.w;
}

/**
 * Judgments of the sentences that have none yet (`found`, in reading order) and no listed phrase
 * whose guards declined it (`declined`, offsets in reading order): the word lists know why
 * “not a difficult client” or “a resistant strain” judges no one, and the model does not.
 */
export function evaluativeJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People, found: readonly Judgment[], declined: readonly number[] = []): Judgment[] {
  const model = lexicon.model;
  if (!model) return [];
  const out: Judgment[] = [];
  let k = 0;
  let d = 0;
  for (const [start, end] of view.sentences()) {
    tick();
    while (k < found.length && (found[k] as Judgment).end <= start) k++;
    while (d < declined.length && (declined[d] as number) < start) d++;
    if ((k < found.length && (found[k] as Judgment).start < end) || (d < declined.length && (declined[d] as number) < end) || end - start > MAX_SENTENCE_CHARS) continue;
    const j = readSentence(view, lexicon, model, people, start, end);
    if (j && !view.allowed(j.start, j.end)) out.push(j);
  }
  return out;
}

function readSentence(view: BlockView, lexicon: JudgmentalLexicon, model: SentenceModel, people: People, start: number, end: number): Judgment | undefined {
  const { words, tokens } = sentenceWords(view, start, end, people);
  if (words.filter((w) => w !== QUOTED).length < MIN_WORDS) return undefined;
  const features = featuresOf(words);
  if (probability(model, features) < model.threshold || recordsAnAction(view, lexicon, tokens, 0)) return undefined;
  const category = lexicon.categories.get(categoryOf(model, features) ?? '');
  if (!category) return undefined;
  const weights = contributions(model, words);
  let top = -1;
  for (let i = 0; i < words.length; i++) if (words[i] !== QUOTED && words[i] !== NAME && (top < 0 || (weights[i] as number) > (weights[top] as number))) top = i;
  if (top < 0) return undefined;
  const [first, last] = clauseAround(view, tokens, top);
  if (first > 0 && recordsAnAction(view, lexicon, tokens, first)) return undefined;
  const from = (tokens[first] as Token).start;
  const to = (tokens[last] as Token).end;
  // Someone else's words (“Pavel admitted he'd been short-tempered”) are theirs, as for every reading.
  if (reportedAround(view, lexicon.english.classes, (tokens[top] as Token).start, (tokens[top] as Token).end)) return undefined;
  const phrase = view.raw.slice(from, to).replace(/\s+/g, ' ');
  const entry: JudgmentalEntry = { phrase, category, kind: 'phrase', context: 'anywhere', suggestions: [], unlessNext: NO_WORDS, needsParticiple: false, evaluative: true };
  if (aboutAThing(view, lexicon, people, tokens, first, last)) return undefined;
  return { entry, phrase, hitStart: from, hitEnd: to, start: from, end: to, person: personIn(view, lexicon, entry, people, tokens, first, last) };
}

/**
 * The coach's own sentence (“I asked …”, “We agreed …”) or a subjectless action (“Reviewed the
 * plan”, “Decide what to hand over”) records what was done, not a view of someone, unless the
 * coach gives an opinion (“I think she …”). Asked of the sentence and of the flagged clause, and
 * only for the rare sentences the model flags, as it tags a word.
 */
function recordsAnAction(view: BlockView, lexicon: JudgmentalLexicon, tokens: readonly Token[], at: number): boolean {
  const c = lexicon.english.classes;
  const first = tokens[at] as Token;
  if (c.self.has(first.w)) return !c.opinion_verbs.has(tokens[at + 1]?.w ?? '');
  const tags = view.tags(first.start);
  return tags.has('Verb') && !tags.has('Adjective') && !tags.has('Copula') && (tags.has('PastTense') || tags.has('Imperative') || tags.has('Infinitive'));
}

/** The tokens of the clause holding `i`: commas, semicolons, colons, brackets and dashes end one. */
function clauseAround(view: BlockView, tokens: readonly Token[], i: number): [number, number] {
  const text = view.text;
  const broken = (a: Token, b: Token) => CLAUSE_BREAK.test(text.slice(a.end, b.start));
  let first = i;
  while (first > 0 && !broken(tokens[first - 1] as Token, tokens[first] as Token)) first--;
  let last = i;
  while (last < tokens.length - 1 && !broken(tokens[last] as Token, tokens[last + 1] as Token)) last++;
  // A masked quotation at either edge is the client's words, not part of the span.
  while (last > first && view.masked((tokens[last] as Token).start, (tokens[last] as Token).end)) last--;
  while (first < last && view.masked((tokens[first] as Token).start, (tokens[first] as Token).end)) first++;
  return [first, last];
}

/** The first person named in the clause (“her manager”, “Anna”, “she”); the client when none is. */
function personIn(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, people: People, tokens: readonly Token[], first: number, last: number): Person {
  return firstPerson(view, lexicon, entry, people, tokens.slice(first, Math.min(last + 1, first + SUBJECT_WORDS))) ?? CLIENT;
}

function firstPerson(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, people: People, words: readonly Token[]): Person | undefined {
  const at = words[0];
  if (!at) return undefined;
  const before = [...words];
  const frame: Frame = { view, lexicon, entry, c: lexicon.english.classes, start: at.start, end: at.end, before, next: undefined, commaBeforeHit: false, people };
  for (let i = 0; i < before.length; i++) {
    if (lexicon.english.classes.self.has((before[i] as Token).w)) continue; // “I think Jonas …”
    const who = personAt(frame, before, i);
    if (who) return who.person;
  }
  return undefined;
}

/**
 * What a clause's words before its first verb are: a person (“Her boss …”, “She …”), a thing
 * (“Most of the session went into …”, “Her insurance claims are still open”, “It seems rude”) or
 * nothing (“Checked out again”, “… and then went quiet”). A way of behaving counts as its
 * person's (“Her attitude is the problem”).
 */
function subjectOf(view: BlockView, lexicon: JudgmentalLexicon, people: People, tokens: readonly Token[]): 'person' | 'thing' | 'none' {
  const c = lexicon.english.classes;
  const verb = tokens.findIndex((t) => {
    // “It's”, “He's”: the pronoun and the verb are one word to the tagger.
    if (t.w === 'it' || t.w === 'there' || c.subject_pronouns.has(t.w)) return false;
    if (t.w.startsWith("'")) return true; // 's, 're, 'll …
    const tags = view.tags(t.start);
    return tags.has('Verb') || tags.has('Copula') || tags.has('Modal') || tags.has('Auxiliary');
  });
  if (verb <= 0) return 'none';
  const subject = tokens.slice(0, verb);
  const isPerson = (t: Token) => c.subject_pronouns.has(t.w) || people.names.has(t.w) || c.client_nouns.has(t.w) || isPersonNoun(view, lexicon, t, false);
  if (subject.some(isPerson)) return 'person';
  if (subject.every((t) => t.w === 'it' || t.w === 'there')) return 'thing';
  const thing = subject.some((t) => {
    const tags = view.tags(t.start);
    return tags.has('Noun') && !tags.has('Pronoun') && ![...c.behaviour_noun_endings].some((ending) => t.w.endsWith(ending));
  });
  return thing ? 'thing' : 'none';
}

/** A sentence about a thing describes events, whatever its words: the flagged clause's own subject decides, or the sentence's when the clause has none. */
function aboutAThing(view: BlockView, lexicon: JudgmentalLexicon, people: People, tokens: readonly Token[], first: number, last: number): boolean {
  const own = subjectOf(view, lexicon, people, tokens.slice(first, last + 1));
  if (own !== 'none' || first === 0) return own === 'thing';
  return subjectOf(view, lexicon, people, tokens) === 'thing';
}
