import type { English } from '../../language/english';
import type { JudgmentalEntry, JudgmentalLexicon } from '../../lexicons/judgmental';
import { firstWordIndex, phraseKey, phrasesAt, type PhraseScan } from '../../lexicons/judgmental';
import { forEachWord } from '../../language/word-index';
import { tokenize, type BlockView, type Token } from './block-view';

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
}

const CLIENT: Person = { client: true };
/** A double quote, or a single one opening a word: the only blocks that can hold a scare quote. */
const OPENING_QUOTE = /["“«‘]|(?:^|[\s([{—–])'[\p{L}\p{N}]/u;

/** Not the second half of a hyphenated word (“non-lazy”) nor after an underscore. */
function phraseMayStart(text: string, at: number): boolean {
  const prev = text.charCodeAt(at - 1);
  if (prev === 95) return false; // _
  return prev !== 45 || !/[\p{L}\p{N}]/u.test(text[at - 2] ?? ''); // -
}
/** Where a clause starts, for reading the words before a phrase. */
const FRAME_BREAKS = new Set(['.', '!', '?', ';', ':', '(', ')']);
/** Where reported speech stops reaching: “She said it was fine, but she was defensive.” */
const REPORT_BREAKS = new Set(['.', '!', '?', ';', ',']);
const MAX_CONJUNCT_WORDS = 6;
const NAME_SHAPE = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const POSTPOSED = new Set(['his', 'hers', 'theirs']);
/** “HR”, “the CFO”: a role written in capitals needs no determiner. */
const ACRONYM = /^\p{Lu}{2,4}s?$/u;
const NOUN_PHRASE_WORDS = 4;

/** One pass of the combined pattern over the block; context is only read around hits, which are rare. */
export function findJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People): Judgment[] {
  const scanning: Scanning = { view, lexicon, people, found: [], resume: 0 };
  const scan = lexicon.scan;
  if (scan) {
    forEachWord(view.raw, firstWordIndex(scan), atFirstWord, scanning);
    if (scan.anywhere) {
      scanning.resume = 0;
      for (const m of view.raw.matchAll(scan.anywhere)) {
        if (m.index >= scanning.resume && !overlapsAny(scanning.found, m.index, m.index + m[0].length)) consider(scanning, m.index, m[0]);
      }
    }
  }
  const found = scanning.found;
  const habits = lexicon.habits;
  if (habits && view.hasHabitMarker(lexicon.english.habitMarkers)) for (const j of habitJudgments(view, lexicon, habits, people)) if (!overlapsAny(found, j.start, j.end)) found.push(j);
  const scare = lexicon.scareQuotes;
  if (scare && OPENING_QUOTE.test(view.raw)) for (const j of scareQuotes(view, lexicon, scare, people)) if (!overlapsAny(found, j.start, j.end)) found.push(j);
  return found.sort((a, b) => a.start - b.start);
}

/** The state of one block's scan; the word callback is a plain function, so a block allocates no closures. */
interface Scanning {
  view: BlockView;
  lexicon: JudgmentalLexicon;
  people: People;
  found: Judgment[];
  /** The words an accepted judgment covers are not read again. */
  resume: number;
}

function atFirstWord(start: number, key: string, s: Scanning): void {
  const raw = s.view.raw;
  if (start < s.resume || !phraseMayStart(raw, start)) return;
  const phrases = phrasesAt(s.lexicon.scan as PhraseScan, key);
  if (!phrases) return;
  phrases.lastIndex = start;
  const m = phrases.exec(raw);
  if (m) consider(s, start, m[0]);
}

function consider(s: Scanning, start: number, text: string): void {
  const end = start + text.length;
  const entry = s.lexicon.entries.get(phraseKey(text));
  // Settled before anything is read around the hit: most blocks have no frequency marker.
  if (!entry || (entry.needsFrequency && !s.view.hasFrequencyMarker(s.lexicon.english.frequency))) return;
  const judgment = !s.view.masked(start, end) ? judge(s.view, s.lexicon, entry, start, end, s.people) : undefined;
  if (judgment && !s.view.allowed(judgment.start, judgment.end)) {
    s.found.push(judgment);
    s.resume = judgment.end;
  }
}

function overlapsAny(found: readonly Judgment[], start: number, end: number): boolean {
  return found.some((j) => j.start < end && start < j.end);
}

interface Frame {
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

type Span = Omit<Judgment, 'entry' | 'phrase' | 'hitStart' | 'hitEnd'>;
interface Subject {
  token: Token;
  person: Person;
  /** The judgment is of something the person has (“her complaints”), not of the person's word itself. */
  owned?: boolean;
}

function judge(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, start: number, end: number, people: People): Judgment | undefined {
  const c = lexicon.english.classes;
  const next = view.after(end);
  if (next && entry.unlessNext.has(next.w)) return undefined;
  if (entry.needsParticiple && !(next && isParticiple(view, next))) return undefined;
  // “complained that his director never …”: a reporting verb's “never” belongs to the words reported.
  if (entry.needsFrequency && ((!entry.phrase.includes(' ') && c.reporting.has(entry.phrase)) || !hasFrequencyMarker(view, lexicon.english, start))) return undefined;
  if (entry.deontic && !isVerdict(view, c, end, next)) return undefined;
  // An adjective followed by another word describes that thing (“a lazy Sunday”, “challenging the
  // plan”) unless it is a person noun. Most situational hits end here, before reading backwards.
  if (entry.kind === 'adjective' && next && !c.followers.has(next.w) && !isPersonNoun(view, lexicon, next, true)) {
    // No adjective modifies “the”: “smug the entire session” is a predicate — unless the word is a
    // verb here (“challenging the plan”).
    const determiner = c.determiners.has(next.w) || c.articles.has(next.w);
    if (!determiner || view.tags(start).has('Gerund') || view.tags(start).has('Verb')) return undefined;
  }
  const before = view.before(start, FRAME_BREAKS);
  const commaBeforeHit = view.text.slice(before[before.length - 1]?.end ?? start, start).includes(',');
  const frame: Frame = { view, lexicon, entry, c, start, end, before, next, commaBeforeHit, people };
  const span = SPANS[entry.kind](frame);
  if (!span || isReported(c, view.before(span.start, REPORT_BREAKS)) || reportedAfter(view, c, span.end)) return undefined;
  return { ...span, entry, phrase: view.text.slice(start, end).replace(/\s+/g, ' '), hitStart: start, hitEnd: end };
}

const SPANS: Record<JudgmentalEntry['kind'], (f: Frame) => Span | undefined> = {
  adjective: adjectiveSpan,
  // “a selfish layabout”, “a classic codependent”: adjectives before a noun label belong to it.
  noun: (f) => {
    const lead = skipLeads(f, f.before.length, f.c.noun_leads, true);
    if (f.entry.needsArticle && !f.before.slice(lead).some((t) => f.c.articles.has(t.w))) return undefined;
    return predicateSpan(f, lead);
  },
  // “she claims”, “she has claimed”, “her husband is supposedly …”: past auxiliaries and adverbs to the subject.
  verb: (f) => actorSpan(f, skipBack(f.before, f.before.length, linkChain(f.c)) - 1),
  phrase: (f) => {
    // “a bit OCD about”, “always making excuses”: the intensifiers go with the phrase.
    const start = f.before[skipLeads(f, f.before.length, f.c.intensifiers)]?.start ?? f.start;
    const i = throughCoordination(f, skipLeads(f, f.before.length, phraseLeads(f.c)) - 1);
    return actorSpan(f, f.before[i]?.w === 'as' ? i : skipBack(f.before, i + 1, linkChain(f.c)) - 1, start);
  },
  'trait-noun': traitNounSpan,
};

const chains = new WeakMap<object, { link: Set<string>; leads: Set<string> }>();
function chainsOf(c: English['classes']) {
  let got = chains.get(c);
  if (!got) {
    const link = new Set([...c.auxiliaries, ...c.links, ...c.adverbs]);
    got = { link, leads: new Set([...link, ...c.intensifiers]) };
    chains.set(c, got);
  }
  return got;
}
const linkChain = (c: English['classes']) => chainsOf(c).link;
const phraseLeads = (c: English['classes']) => chainsOf(c).leads;

/**
 * An adjective judges a person after “she is …”, before a person noun, or opening a fragment.
 * (`judge` has already dropped adjectives followed by other words: “a lazy Sunday”.)
 */
function adjectiveSpan(f: Frame): Span | undefined {
  if (f.next && isPersonNoun(f.view, f.lexicon, f.next, true)) return attributiveSpan(f, f.next);
  return predicateSpan(f, skipLeads(f, f.before.length, f.c.intensifiers));
}

/** `lead` is the index of the first word that belongs to the span (intensifiers, articles). */
function predicateSpan(f: Frame, lead: number): Span | undefined {
  const start = f.before[lead]?.start ?? f.start;
  const subject = linkedSubject(f, lead) ?? judgedObject(f, lead) ?? appositive(f, lead) ?? ofPerson(f, lead);
  if (subject) return { start, end: f.end, subject: subject.token, person: subject.person };
  // A fragment (“Lazy again.”, “Tired, whiny and unfocused.”, “Defensive when we got to feedback.”) is about the client.
  const fragment = lead === 0 || f.before.slice(0, lead).every((t) => f.c.conjunctions.has(t.w) || f.c.intensifiers.has(t.w) || f.view.tags(t.start).has('Adjective'));
  if (fragment && (f.entry.context !== 'subject' || !f.next || f.c.followers.has(f.next.w))) return { start, end: f.end, person: CLIENT };
  if (f.entry.context === 'anywhere' && !selfOrNegated(f, skipBack(f.before, lead, linkChain(f.c)) - 1)) return { start, end: f.end, person: CLIENT };
  return undefined;
}

/** “a (really) difficult client”, “a spineless boss”: the span takes the article so the rewrite can fix a/an. */
function attributiveSpan(f: Frame, noun: Token): Span | undefined {
  const following = f.view.after(noun.end);
  if (following && f.c.compound_heads.has(following.w)) return undefined;
  let lead = skipLeads(f, f.before.length, f.c.intensifiers);
  let article = f.c.articles.has(f.before[lead]?.w ?? '');
  if (!article && f.c.articles.has(f.before[lead - 1]?.w ?? '')) {
    lead--;
    article = true;
  }
  if (f.c.negations.has(f.before[lead - 1]?.w ?? '')) return undefined;
  if (f.c.self.has(f.before[lead - 1]?.w ?? '') && !f.c.articles.has(f.before[lead]?.w ?? '')) return undefined; // “my difficult …” is the coach's own
  const person: Person = f.c.client_nouns.has(noun.w) ? CLIENT : { client: false, text: `the ${noun.w}` };
  return { start: f.before[lead]?.start ?? f.start, end: noun.end, attributive: { article, noun: noun.raw }, person };
}

/** Verbs and phrases need a person as their subject (`i` is the word before them), or a fragment. */
function actorSpan(f: Frame, i: number, start = f.start): Span | undefined {
  const t = f.before[i];
  const subject = t && f.c.joiners.has(t.w) ? clauseSubject(f) : t ? personAt(f, f.before, i) : undefined;
  if (subject) return { start, end: f.end, subject: subject.token, person: subject.person };
  if (!t) return { start, end: f.end, person: CLIENT }; // a fragment: “Claims she sent it.”
  if (f.entry.context === 'anywhere' && !selfOrNegated(f, i)) return { start, end: f.end, person: CLIENT };
  return undefined;
}

/** “her clinginess”, “his constant complaining”, “Maria's arrogance”: a trait noun after a person's possessive. */
function traitNounSpan(f: Frame): Span | undefined {
  let i = f.before.length - 1;
  let start = f.start;
  for (let k = 0; k < 3 && i >= 0; k++) {
    const t = f.before[i] as Token;
    if (!f.c.intensifiers.has(t.w) && !f.view.tags(t.start).has('Adjective')) break;
    start = t.start;
    i--;
  }
  const owner = f.before[i];
  // A fragment (“Excuses again about the report.”), not a subject (“Whining is a word she used”).
  if (!owner) return i < 0 && (!f.next || f.c.followers.has(f.next.w)) ? { start, end: f.end, person: CLIENT } : undefined;
  // “It's not Tom's fault”, “hardly her laziness”: negated.
  if (f.before.slice(Math.max(0, i - 4), i).some((t) => f.c.negations.has(t.w))) return undefined;
  if (f.c.possessives.has(owner.w)) return { start, end: f.end, person: CLIENT, subject: owner };
  if (owner.w === "'s") {
    const who = personAt(f, f.before, i - 1);
    if (who) return { start, end: f.end, person: who.person };
  }
  return undefined;
}

/** “It was selfish of Elena to …”, “it's unprofessional of him”: the person after “of”, with “it” as the subject. */
function ofPerson(f: Frame, lead: number): Subject | undefined {
  if (f.next?.w !== 'of' || f.entry.kind !== 'adjective') return undefined;
  const i = skipBack(f.before, lead, linkChain(f.c)) - 1;
  if (f.before[i]?.w !== 'it' || !f.c.links.has(f.before[lead - 1]?.w ?? '')) return undefined;
  const who = f.view.after(f.next.end);
  if (!who) return undefined;
  if (f.c.object_pronouns.has(who.w) || f.people.names.has(who.w)) return { token: who, person: CLIENT };
  return NAME_SHAPE.test(who.raw) && !f.c.not_names.has(who.w) ? { token: who, person: { client: false, text: who.raw } } : undefined;
}

/** “Yara, ever the martyr, …”: a noun label set off by a comma right after a person. */
function appositive(f: Frame, lead: number): Subject | undefined {
  if (f.entry.kind !== 'noun') return undefined;
  // Step back over “the”, “ever the” … to the word that opens the appositive.
  let k = lead;
  while (k > 0 && !(f.before[k]?.comma ?? f.commaBeforeHit) && f.c.appositive_leads.has(f.before[k - 1]?.w ?? '')) k--;
  const opensWithComma = k < f.before.length ? (f.before[k]?.comma ?? false) : f.commaBeforeHit;
  return opensWithComma ? personAt(f, f.before, k - 1) : undefined;
}

/** “she is / has been / came across as …”: the person before a linking verb. */
function linkedSubject(f: Frame, lead: number): Subject | undefined {
  const before = f.before;
  let i = throughCoordination(f, skipBack(before, lead, f.c.adverbs) - 1);
  const t = before[i];
  if (!t) return undefined;
  if (t.w === 'as' && (before[i - 1]?.w === 'across' || before[i - 1]?.w === 'off') && f.c.come.has(before[i - 2]?.w ?? '')) i -= 3;
  else if (f.entry.afterHave && f.c.have_verbs.has(t.w)) i -= 1; // “has a personality disorder”, “must have ADD”
  else if (t.w === 'like' && f.c.links.has(before[i - 1]?.w ?? '')) i -= 2; // “sounds like a …”
  else if (f.c.links.has(t.w)) i -= 1;
  else return undefined;
  i = skipBack(before, i + 1, linkChain(f.c)) - 1;
  if (f.c.joiners.has(before[i]?.w ?? '')) return clauseSubject(f); // “Maria sighed and got defensive”
  if (f.c.relatives.has(before[i]?.w ?? '')) return personAt(f, before, i - 1); // “Daniel, who is frankly clueless”
  return personAt(f, before, i);
}

/**
 * “She was tired and lazy”, “She's resistant to feedback, manipulative …”: from a conjunction or
 * comma before the span, the linking verb of the first predicate (within a few words), so the
 * subject check reads “She was”. Otherwise `i` itself.
 */
function throughCoordination(f: Frame, i: number): number {
  const conjunction = f.c.conjunctions.has(f.before[i]?.w ?? '');
  const comma = i >= 0 && (f.before[i + 1]?.comma ?? f.commaBeforeHit);
  if (!conjunction && !comma) return i;
  const from = conjunction ? i - 1 : i;
  for (let k = from; k >= Math.max(0, from - MAX_CONJUNCT_WORDS); k--) {
    const w = f.before[k]?.w ?? '';
    if (f.c.links.has(w) || w === 'as') return k;
  }
  return i;
}

/** The subject that opens the clause (after adverbs and conjunctions), when it is a person: “She sighed and …”. */
function clauseSubject(f: Frame): Subject | undefined {
  let k = 0;
  const openers = f.c;
  while (k < f.before.length) {
    const w = f.before[k]?.w ?? '';
    if (!openers.adverbs.has(w) && !openers.contrasts.has(w) && !openers.conjunctions.has(w) && w !== 'so' && w !== 'when' && w !== 'after' && w !== 'once') break;
    k++;
  }
  // The subject may be a noun phrase: “Her boss sighed and …” — find its head.
  for (let h = k; h < Math.min(f.before.length, k + NOUN_PHRASE_WORDS); h++) {
    const who = personAt(f, f.before, h);
    if (who) return who;
    const w = f.before[h]?.w ?? '';
    if (!f.c.determiners.has(w) && w !== "'s" && !f.view.tags(f.before[h]?.start ?? 0).has('Adjective') && !isName(f, f.before, h)) break;
  }
  return undefined;
}

/** “I found her defensive”: the coach's judgment of a person as an object. Someone else's view is reported speech. */
function judgedObject(f: Frame, lead: number): Subject | undefined {
  const before = f.before;
  let i = lead - 1;
  // “I found her cold and rather selfish”: past the conjunction and the first adjective.
  if (f.c.conjunctions.has(before[i]?.w ?? '')) {
    i--;
    while (i >= 0 && (f.c.intensifiers.has(before[i]?.w ?? '') || f.view.tags(before[i]?.start ?? 0).has('Adjective'))) i--;
  }
  const object = before[i];
  if (!object) return undefined;
  // The object may be a noun phrase: “I found her manager dismissive”.
  let v = i - 1;
  while (v >= 0 && v > i - NOUN_PHRASE_WORDS && !f.c.judging_verbs.has(before[v]?.w ?? '')) v--;
  const verb = before[v];
  if (!verb || !f.c.judging_verbs.has(verb.w)) return undefined;
  const who = f.c.object_pronouns.has(object.w) && v === i - 1 ? { token: object, person: CLIENT } : personAt(f, before, i);
  if (!who) return undefined;
  const judge = before[skipBack(before, v, f.c.adverbs) - 1];
  return !judge || f.c.self.has(judge.w) ? who : undefined;
}

/** The person word at `before[i]`, if it names one: a pronoun, the client, someone's name, or a person noun (“her manager”). */
function personAt(f: Frame, before: Token[], i: number): Subject | undefined {
  const t = before[i];
  if (!t) return undefined;
  // “that team of his”: the noun phrase before the “of”.
  if (POSTPOSED.has(t.w) && before[i - 1]?.w === 'of') return personAt(f, before, i - 2);
  if (f.c.subject_pronouns.has(t.w) || f.people.names.has(t.w)) return { token: t, person: CLIENT };
  if (f.c.client_nouns.has(t.w)) return { token: t, person: CLIENT }; // “she”, “Maria”, “the client”, “my client”
  if (isName(f, before, i)) return { token: t, person: { client: false, text: t.raw } };
  if (isPersonNoun(f.view, f.lexicon, t, false) && (ownedOrDetermined(f, before, i) || ACRONYM.test(t.raw))) return { token: t, person: { client: false, text: nounPhrase(f, before, i) } };
  return ownerOf(f, before, i);
}

/**
 * “her complaints are petty”, “Kofi's perfectionism is pathological”: a judgment of what a person
 * feels, says or does judges its owner. Words that are also ordinary about situations (context
 * `subject`: “her deadline is aggressive”) do not count this way.
 */
function ownerOf(f: Frame, before: Token[], i: number): Subject | undefined {
  const head = before[i];
  if (!head || f.entry.kind === 'verb') return undefined;
  if (f.entry.context === 'subject' && !f.c.expressions.has(head.w)) return undefined;
  // Right after a possessive a word is a noun, whatever the tagger says (“her fear”, “his worry”).
  const owned = f.c.possessives.has(before[i - 1]?.w ?? '') || before[i - 1]?.w === "'s";
  if (!owned && (!f.view.tags(head.start).has('Noun') || f.view.tags(head.start).has('Pronoun'))) return undefined;
  // “Daniel's conduct in the negotiation was …”: back over a phrase qualifying what the person said or did.
  for (let at = i - 1; at >= Math.max(0, i - 6); at--) {
    if (!f.c.expressions.has(before[at]?.w ?? '')) continue;
    if (before.slice(at + 1, i).some((t) => f.c.complement_starts.has(t.w))) return ownerOf(f, before, at);
    break;
  }
  for (let k = i - 1; k >= Math.max(0, i - NOUN_PHRASE_WORDS); k--) {
    const t = before[k] as Token;
    if (f.c.possessives.has(t.w)) return { token: t, person: CLIENT, owned: true };
    if (t.w === "'s") {
      const owner = personAt(f, before, k - 1);
      return owner ? { ...owner, owned: true } : undefined;
    }
    const tags = f.view.tags(t.start);
    if (!tags.has('Adjective') && !tags.has('Noun')) return undefined;
  }
  return undefined;
}

/** A noun that names a person (“boss”, “sister”, “team”), from the lexicon's list or the tagger. */
function isPersonNoun(view: BlockView, lexicon: JudgmentalLexicon, t: Token, strict: boolean): boolean {
  const nouns = lexicon.personNouns;
  if (nouns.has(t.w) || (!strict && t.w.endsWith('s') && nouns.has(t.w.slice(0, -1)))) return true;
  if (strict || lexicon.english.classes.compound_heads.has(t.w)) return false;
  const tags = view.tags(t.start);
  return tags.has('Actor') && tags.has('Noun') && !tags.has('Pronoun') && !tags.has('ProperNoun');
}

/** A person noun needs a determiner or possessive before it (“her boss”, “the team”, “Tom's wife”), or modifiers then one (“Aiko's project sponsor”). */
function ownedOrDetermined(f: Frame, before: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - NOUN_PHRASE_WORDS); k--) {
    const t = before[k] as Token;
    if (f.c.determiners.has(t.w) || t.w === "'s" || f.c.articles.has(t.w)) return true;
    const tags = f.view.tags(t.start);
    if (!tags.has('Adjective') && !(tags.has('Noun') && !tags.has('Pronoun'))) return false;
  }
  return false;
}

/** “her new manager”, “Tom's wife”: the noun phrase ending at `before[i]`, as the message names the person. */
function nounPhrase(f: Frame, before: Token[], i: number): string {
  let k = i;
  while (k > 0 && k > i - NOUN_PHRASE_WORDS) {
    const t = before[k - 1] as Token;
    if (f.c.determiners.has(t.w) || f.c.articles.has(t.w)) {
      k--;
      break;
    }
    if (t.w === "'s" && before[k - 2]) {
      k -= 2;
      break;
    }
    const tags = f.view.tags(t.start);
    if (!tags.has('Adjective') && !(tags.has('Noun') && !tags.has('Pronoun'))) break;
    k--;
  }
  const words = before.slice(k, i + 1);
  const text = f.view.raw.slice(words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0);
  return f.c.determiners.has(words[0]?.w ?? '') || f.c.articles.has(words[0]?.w ?? '') ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A capitalised word that the tagger reads as a person's name, or any capitalised word mid-sentence. */
function isName(f: Frame, before: Token[], i: number): boolean {
  const t = before[i];
  if (!t || !NAME_SHAPE.test(t.raw) || f.c.not_names.has(t.w)) return false;
  const tags = f.view.tags(t.start);
  if (tags.has('Person') || tags.has('FirstName')) return true;
  return i > 0 && !tags.has('Date') && !tags.has('Place') && !tags.has('Organization');
}

/** The coach writing about themself (“I …”, “we …” opening the clause, or right before), or a negation right before. */
function selfOrNegated(f: Frame, i: number): boolean {
  const w = f.before[i]?.w ?? '';
  return f.c.self.has(w) || f.c.negations.has(w) || f.c.self.has(f.before[0]?.w ?? '');
}

/** Whether a reporting word with someone other than the coach as subject introduces the clause. */
function isReported(c: English['classes'], clause: Token[]): boolean {
  for (let i = clause.length - 1; i >= 0; i--) {
    const w = clause[i]?.w ?? '';
    if (c.contrasts.has(w)) return false;
    if (!c.reporting.has(w)) continue;
    const speaker = clause[skipBack(clause, i, linkChain(c)) - 1];
    // “I think she is …” is the coach's own view; an earlier reporter may still hold it (“Mateo asked if I think …”).
    if (!(speaker && c.self.has(speaker.w))) return true;
  }
  return false;
}

/**
 * “Ibrahim goes quiet every single time feedback comes up”: in a sentence with a strong frequency
 * marker, the first present-tense verb of a person is a habit made a trait, whatever the verb.
 */
function habitJudgments(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, people: People): Judgment[] {
  const c = lexicon.english.classes;
  const out: Judgment[] = [];
  const markers = new RegExp(lexicon.english.habitMarkers.source, 'gi');
  let lastSentence = -1;
  for (const m of view.text.matchAll(markers)) {
    const [a, b] = view.sentence(m.index);
    if (a === lastSentence) continue;
    lastSentence = a;
    for (const t of tokenize(view.text, a, b)) {
      if (c.auxiliaries.has(t.w) || c.links.has(t.w) || c.reporting.has(t.w)) continue;
      const tags = view.tags(t.start);
      if (!tags.has('Verb') || !tags.has('PresentTense') || tags.has('PastTense') || tags.has('Gerund') || tags.has('Copula')) continue;
      const before = view.before(t.start, FRAME_BREAKS);
      const frame: Frame = { view, lexicon, entry, c, start: t.start, end: t.end, before, next: view.after(t.end), commaBeforeHit: false, people };
      const i = skipBack(before, before.length, c.adverbs) - 1;
      const subject = before[i] && !before.slice(0, i).some((w) => c.negations.has(w.w)) ? personAt(frame, before, i) : undefined;
      if (subject && !isReported(c, view.before(t.start, REPORT_BREAKS)) && !reportedAfter(view, c, t.end)) {
        out.push({ entry, phrase: t.raw, hitStart: t.start, hitEnd: t.end, start: t.start, end: t.end, person: subject.person, subject: subject.token });
      }
      break; // the sentence's first present-tense verb only
    }
  }
  return out;
}

/** A word or phrase such as “always” or “all the time” in the hit's sentence, outside quotes. */
function hasFrequencyMarker(view: BlockView, english: English, pos: number): boolean {
  const [a, b] = view.sentence(pos);
  return english.frequency.test(view.text.slice(a, b));
}

/**
 * “should set a better example” is a verdict; “should receive the offer by Monday”, “should be
 * eligible”, “per the agreement, she should submit …” and “should have more time” are not.
 */
function isVerdict(view: BlockView, c: English['classes'], end: number, next: Token | undefined): boolean {
  if (!next) return false;
  if (c.epistemic_verbs.has(next.w)) return false; // “should have” + participle is its own entry
  if (next.w === 'be') {
    const complement = view.after(next.end);
    if (!complement || c.epistemic_adjectives.has(complement.w) || view.tags(complement.start).has('Participle')) return false;
  }
  const [a] = view.sentence(end);
  return !tokenize(view.text, a, end).some((t) => c.plan_words.has(t.w));
}

/** “…, she said.”: a reporting clause closing the sentence makes the words before it someone else's. */
function reportedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const [, sentenceEnd] = view.sentence(end);
  const rest = view.text.slice(end, Math.min(sentenceEnd, end + 200));
  if (/,\s*(?:according to|in (?:her|his|their) (?:view|words|telling)|as (?:she|he|they) (?:sees?|puts?|tells?) it)\b/i.test(rest)) return true;
  const m = /,\s*([\p{L}'’]+)\s+(?:[\p{L}]+\s+)?([\p{L}]+)\W*$/u.exec(rest);
  if (!m) return false;
  const speaker = (m[1] ?? '').toLowerCase();
  return !c.self.has(speaker) && c.reporting.has((m[2] ?? '').toLowerCase());
}

/** “…”, in her words / as he put it / she said: the rest of the sentence says whose words the quote holds. */
function attributedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const [, sentenceEnd] = view.sentence(end);
  const words = view.text.slice(end, Math.min(sentenceEnd, end + 200)).toLowerCase().split(/[^\p{L}'’]+/u);
  const owned = (i: number) => c.possessives.has(words[i - 1] ?? '') || (words[i - 1] === 'own' && c.possessives.has(words[i - 2] ?? ''));
  return words.some((w, i) => (c.attributions.has(w) && owned(i)) || (c.reporting.has(w) && (c.subject_pronouns.has(words[i - 1] ?? '') || words[i - 2] === 'as')));
}

/** Steps back from index `from` over words in `set`; returns the index of the first skipped word (or `from`). */
function skipBack(tokens: readonly Token[], from: number, set: ReadonlySet<string>): number {
  let i = from;
  while (i > 0 && set.has(tokens[i - 1]?.w ?? '')) i--;
  return i;
}

/**
 * Like skipBack, and also over “of” in “kind of”, “a bit of”, over degree adverbs the tagger knows
 * (“hopelessly disorganised”), and, before a noun label, over its adjectives.
 */
function skipLeads(f: Frame, from: number, set: ReadonlySet<string>, adjectives = false): number {
  let i = from;
  for (;;) {
    const t = f.before[i - 1];
    const w = t?.w ?? '';
    if (!t) return i;
    if (set.has(w)) i--;
    else if (w === 'of' && f.c.of_leads.has(f.before[i - 2]?.w ?? '')) i -= 2;
    else if (/ly$/.test(w) && !f.c.links.has(w) && f.view.tags(t.start).has('Adverb')) i--;
    else if (adjectives && isModifier(f, t)) i--;
    else return i;
  }
}

/** A modifier before a noun label, not a determiner or a person's name: “a heavy …”, “a gambling …”, “a painkiller …”. */
function isModifier(f: Frame, t: Token): boolean {
  const c = f.c;
  if (c.determiners.has(t.w) || c.links.has(t.w) || c.self.has(t.w) || c.articles.has(t.w) || c.complement_starts.has(t.w) || c.conjunctions.has(t.w)) return false;
  const tags = f.view.tags(t.start);
  if (tags.has('Pronoun') || tags.has('ProperNoun') || tags.has('Person')) return false;
  return tags.has('Adjective') || tags.has('Noun') || tags.has('Gerund');
}

/** “should have asked”: the tagger's past participle or past tense (“should have told”). */
function isParticiple(view: BlockView, t: Token): boolean {
  const tags = view.tags(t.start);
  return tags.has('Participle') || tags.has('PastTense') || tags.has('Perfect');
}

// ── Scare quotes: “She was "too busy" to do it.” ──

/** Whether the sentence has more words after `pos` (a quote that does not end it). */
function goesOn(view: BlockView, pos: number): boolean {
  const [, end] = view.sentence(pos);
  return /[\p{L}\p{N}]/u.test(view.text.slice(pos, end));
}

function scareQuotes(view: BlockView, lexicon: JudgmentalLexicon, scare: NonNullable<JudgmentalLexicon['scareQuotes']>, people: People): Judgment[] {
  const c = lexicon.english.classes;
  const out: Judgment[] = [];
  for (const [a, b] of view.quotes()) {
    const inner = view.raw.slice(a + 1, b - 1);
    const words = inner.trim().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0 || words.length > scare.maxWords || /[.!?,:;]$/.test(inner.trim())) continue;
    const before = view.before(a, FRAME_BREAKS);
    const lead = before[before.length - 1];
    if (!lead || /\S/.test(view.text.slice(lead.end, a))) continue;
    if (!scare.leads.has(lead.w) && !(scare.midSentenceLeads.has(lead.w) && words.length <= scare.midSentenceMaxWords && goesOn(view, b))) continue;
    if (before.some((t) => c.self.has(t.w)) || isReported(c, view.before(a, REPORT_BREAKS)) || attributedAfter(view, c, b)) continue;
    const entry = scare.entry;
    const person = before.some((t) => c.subject_pronouns.has(t.w) || c.possessives.has(t.w) || t.w === "'s" || people.names.has(t.w)) ? CLIENT : undefined;
    if (!person) continue;
    out.push({ entry: { ...entry, suggestions: [inner] }, phrase: `“${inner}”`, hitStart: a, hitEnd: b, start: a, end: b, person });
  }
  return out;
}

