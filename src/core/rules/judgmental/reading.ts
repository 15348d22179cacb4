import type { English } from '../../language/english';
import type { JudgmentalEntry, JudgmentalLexicon } from '../../lexicons/judgmental';
import type { BlockView, Token } from './block-view';

// What the judgmental rule reads a hit with: who is judged, the clause before the hit, and how
// to step back over words that belong to the span or the linking-verb chain.

/** Who a judgment is about: the client, or someone else named as the note names them (“her manager”). */
export interface Person {
  client: boolean;
  /** For someone other than the client: “her manager”, “Anna”, “the team”. */
  text?: string;
}

/** Who the note is about, from its frontmatter. */
export interface People {
  client?: string;
  /** Lower-case parts of the client's name. */
  names: ReadonlySet<string>;
  /** From the frontmatter `pronouns:` field, if any. */
  pronoun?: string;
  /**
   * Lower-case words the note writes capitalised in mid-sentence (“met with Declan”): names, known
   * also where they open a sentence (“Declan is …”), where the tagger only sees a capitalised noun.
   */
  others?: ReadonlySet<string>;
}

export interface Judgment {
  entry: JudgmentalEntry;
  /** The lexicon phrase as written in the note. */
  phrase: string;
  hitStart: number;
  hitEnd: number;
  /** The span to flag and replace (may include intensifiers, an article or a person noun). */
  start: number;
  end: number;
  person: Person;
  /** The subject word, when the judgment has one (for `{they}` in rewrites). */
  subject?: Token;
  /** “a difficult client”: rewrites keep the noun. */
  attributive?: { article: boolean; noun: string };
  /** A marker the sentence reads right without (“Late as usual.” → “Late.”): the block text to replace, and with what. */
  removal?: { start: number; end: number; text: string };
}

export const CLIENT: Person = { client: true };
/** Where a clause starts, for reading the words before a phrase. */
export const FRAME_BREAKS = new Set(['.', '!', '?', ';', ':', '(', ')']);
/** Where reported speech stops reaching: “She said it was fine, but she was defensive.”, “Says she's fine — I don't buy it.” */
export const REPORT_BREAKS = new Set(['.', '!', '?', ';', ',', '—', '–']);
export const NOUN_PHRASE_WORDS = 4;

/** Where the clause that runs from `from` ends: its next comma, semicolon or colon, else `sentenceEnd`. */
export function clauseEndAfter(text: string, from: number, sentenceEnd: number): number {
  const at = text.slice(from, sentenceEnd).search(/[,;:]/);
  return at < 0 ? sentenceEnd : from + at;
}

export interface Frame {
  view: BlockView;
  entry: JudgmentalEntry;
  lexicon: JudgmentalLexicon;
  c: English['classes'];
  start: number;
  end: number;
  /** Words of the clause before the hit, nearest last. */
  before: Token[];
  next: Token | undefined;
  /** A comma stands between the last word of `before` and the hit. */
  commaBeforeHit: boolean;
  people: People;
}

export type Span = Omit<Judgment, 'entry' | 'phrase' | 'hitStart' | 'hitEnd'>;
export interface Subject {
  token: Token;
  person: Person;
  /** The judgment is of something the person has (“her complaints”), not of the person's word itself. */
  owned?: boolean;
}

const chains = new WeakMap<object, { link: Set<string>; leads: Set<string> }>();
export function chainsOf(c: English['classes']) {
  let got = chains.get(c);
  if (!got) {
    const link = new Set([...c.auxiliaries, ...c.links, ...c.adverbs]);
    got = { link, leads: new Set([...link, ...c.intensifiers]) };
    chains.set(c, got);
  }
  return got;
}
export const linkChain = (c: English['classes']) => chainsOf(c).link;
export const phraseLeads = (c: English['classes']) => chainsOf(c).leads;

/** Steps back from index `from` over words in `set`; returns the index of the first skipped word (or `from`). */
export function skipBack(tokens: readonly Token[], from: number, set: ReadonlySet<string>): number {
  let i = from;
  // Stryker disable next-line EqualityOperator,ConditionalExpression,OptionalChaining,StringLiteral: before the first token there is no word, and no set holds an empty or made-up one.
  while (i > 0 && set.has(tokens[i - 1]?.w ?? '')) i--;
  return i;
}

/**
 * Like skipBack, and also over “of” in “kind of”, “a bit of”, over degree adverbs the tagger knows
 * (“hopelessly disorganised”), and, before a noun label, over its adjectives.
 */
export function skipLeads(f: Frame, from: number, set: ReadonlySet<string>, adjectives = false): number {
  let i = from;
  // An article opens the noun phrase: words before it are not its modifiers (“last autumn a dosing failure”).
  let opened = false;
  for (;;) {
    const t = f.before[i - 1];
    // Stryker disable next-line StringLiteral: `w` is read only when `t` exists.
    const w = t?.w ?? '';
    if (!t) return i;
    if (set.has(w)) {
      i--;
      opened ||= f.c.articles.has(w);
    } else if (w === 'of' && f.c.of_leads.has(f.before[i - 2]?.w ?? '')) i -= 2;
    else if (/ly$/.test(w) && !f.c.links.has(w) && f.view.tags(t.start).has('Adverb')) i--;
    else if (adjectives && !opened && isModifier(f, t)) i--;
    else return i;
  }
}

/** A modifier before a noun label, not a determiner or a person's name: “a heavy …”, “a gambling …”, “a painkiller …”. */
export function isModifier(f: Frame, t: Token): boolean {
  const c = f.c;
  if (c.determiners.has(t.w) || c.links.has(t.w) || c.self.has(t.w) || c.articles.has(t.w) || c.complement_starts.has(t.w) || c.conjunctions.has(t.w)) return false;
  const tags = f.view.tags(t.start);
  if (tags.has('Pronoun') || tags.has('ProperNoun') || tags.has('Person')) return false;
  return tags.has('Adjective') || tags.has('Noun') || tags.has('Gerund');
}
