import { matchesOf, type English } from '../../language/english';
import { matchPhraseAt } from '../../language/phrase-trie';
import { forEachWord } from '../../language/word-index';
import { firstWordIndex, phraseKey, phrasesAt, type JudgmentalEntry, type JudgmentalLexicon, type PhraseScan } from '../../lexicons/judgmental';
import { tokenize, type BlockView, type Token } from './block-view';
import { appositive, coachOpensSentence, isPersonNoun, judgedObject, linkedSubject, ofPerson, ownedOrDetermined, personAt, selfOrNegated, subjectAt, throughCoordination, clauseSubject } from './people';
import { clauseEndAfter, CLIENT, FRAME_BREAKS, linkChain, phraseLeads, REPORT_BREAKS, skipBack, skipLeads, type Frame, type Judgment, type People, type Person, type Span } from './reading';
import { evaluativeJudgments } from './evaluative';
import { nameLeadJudgments, repeatJudgments } from './repeats';
import { sweepingJudgments } from './sweeping';
import { attributedAfter, attributedBefore, isReported, reportedAround } from './whose-words';

export type { Judgment, People, Person } from './reading';

/** A double quote, or a single one opening a word: the only blocks that can hold a scare quote. */
const OPENING_QUOTE = /["“«‘]|(?:^|[\s([{—–])'[\p{L}\p{N}]/u;

/** Not the second half of a hyphenated word (“non-lazy”) nor after an underscore. */
function phraseMayStart(text: string, at: number): boolean {
  const prev = text.charCodeAt(at - 1);
  if (prev === 95) return false; // _
  return prev !== 45 || !/[\p{L}\p{N}]/u.test(text[at - 2] ?? ''); // -
}

/** Whether some character a whole-text phrase begins with stands where a phrase may start: after no letter, digit or underscore, nor a letter and a hyphen. */
function mayHoldAnywhere(text: string, starts: ReadonlySet<string> | undefined): boolean {
  if (!starts) return true;
  for (let i = 0; i < text.length; i++) {
    if (!starts.has(text.charAt(i))) continue;
    const before = i >= 2 && /[\uDC00-\uDFFF]/.test(text.charAt(i - 1)) ? text.slice(i - 2, i) : text.charAt(i - 1);
    if (!/[\p{L}\p{N}_]/u.test(before) && phraseMayStart(text, i)) return true;
  }
  return false;
}

/**
 * One word-by-word scan of the block for the lexicon's phrases, then the patterns that need no
 * phrase; context is only read around hits, which are rare. Last, unless `readSentences` is false
 * (a heading, an action item), the sentence model reads the sentences nothing matched.
 */
export function findJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People, expired?: () => boolean, readSentences = true): Judgment[] {
  const scanning: Scanning = { view, lexicon, people, found: [], declined: [], resume: 0, hits: 0, stopped: false, ...(expired ? { expired } : {}) };
  const scan = lexicon.scan;
  if (scan) {
    forEachWord(view.raw, firstWordIndex(scan), atFirstWord, scanning);
    if (scan.anywhere && mayHoldAnywhere(view.raw, scan.anywhereStarts)) {
      scanning.resume = 0;
      // The word scan's findings are in reading order and disjoint, and so are these matches: one
      // pointer finds the first that could overlap each match (a transcript can hold thousands).
      const earlier = scanning.found.slice();
      let k = 0;
      for (const m of view.raw.matchAll(scan.anywhere)) {
        const end = m.index + m[0].length;
        while (k < earlier.length && (earlier[k] as Judgment).end <= m.index) k++;
        if (m.index >= scanning.resume && !(k < earlier.length && (earlier[k] as Judgment).start < end)) consider(scanning, m.index, m[0]);
      }
    }
  }
  let found = scanning.found.sort((a, b) => a.start - b.start);
  const late = () => scanning.stopped || (expired?.() ?? false);
  if (late()) return found;
  const habits = lexicon.habits;
  if (habits && view.mentions(lexicon.english.habitMarkers)) found = mergeDisjoint(found, habitJudgments(view, lexicon, habits, people));
  if (late()) return found;
  found = mergeDisjoint(found, sweepingJudgments(view, lexicon, people).filter((j) => !view.allowed(j.start, j.end)));
  if (late()) return found;
  found = mergeDisjoint(found, repeatJudgments(view, lexicon, people));
  if (late()) return found;
  found = mergeDisjoint(found, nameLeadJudgments(view, lexicon, people));
  const scare = lexicon.scareQuotes;
  if (scare && !late() && OPENING_QUOTE.test(view.raw)) found = mergeDisjoint(found, scareQuotes(view, lexicon, scare, people));
  if (lexicon.model && readSentences && !late()) found = mergeDisjoint(found, evaluativeJudgments(view, lexicon, people, found, scanning.declined.sort((a, b) => a - b)));
  return found;
}

/**
 * `found` and `more` each in reading order; `more`'s judgments that overlap none already found
 * are merged in. One pass over both: a pasted transcript can hold tens of thousands.
 */
function mergeDisjoint(found: Judgment[], more: readonly Judgment[]): Judgment[] {
  if (more.length === 0) return found;
  const out: Judgment[] = [];
  let i = 0;
  for (const j of more) {
    while (i < found.length && (found[i] as Judgment).start < j.start) out.push(found[i++] as Judgment);
    const previous = out[out.length - 1];
    const following = found[i];
    if ((previous && previous.end > j.start) || (following && following.start < j.end)) continue;
    out.push(j);
  }
  while (i < found.length) out.push(found[i++] as Judgment);
  return out;
}

/** The state of one block's scan; the word callback is a plain function, so a block allocates no closures. */
interface Scanning {
  view: BlockView;
  lexicon: JudgmentalLexicon;
  people: People;
  found: Judgment[];
  /**
   * Where a listed phrase was found but its guards declined it (“not a difficult client”, “a
   * resistant strain”, “her insurance claims”): the sentence model does not overrule them.
   */
  declined: number[];
  /** The words an accepted judgment covers are not read again. */
  resume: number;
  /** The note's time budget: asked every HITS_PER_CLOCK_CHECK hits, so one huge paragraph cannot run unbounded. */
  expired?: () => boolean;
  hits: number;
  stopped: boolean;
}

const HITS_PER_CLOCK_CHECK = 64;

function atFirstWord(start: number, key: string, s: Scanning): void {
  if (s.stopped) return;
  if (s.expired && ++s.hits % HITS_PER_CLOCK_CHECK === 0 && s.expired()) {
    s.stopped = true;
    return;
  }
  const raw = s.view.raw;
  if (start < s.resume || !phraseMayStart(raw, start)) return;
  const phrases = phrasesAt(s.lexicon.scan as PhraseScan, key);
  const end = phrases ? matchPhraseAt(phrases, raw, start) : -1;
  if (end > start) consider(s, start, raw.slice(start, end), key);
}

/**
 * A listed phrase declined because its clause is negated (“not a difficult client”), the next word
 * makes it ordinary (“a resistant strain”, “insurance claims”) or the words are someone else's
 * (“her boss found her defensive”): knowledge the sentence model lacks, so it may not overrule it.
 * (A phrase declined only for want of a person in view says nothing against the sentence.)
 */
function declinedForCause(s: Scanning, entry: JudgmentalEntry, start: number, end: number): boolean {
  const c = s.lexicon.english.classes;
  const next = s.view.after(end);
  if (next && entry.unlessNext.has(next.w)) return true;
  if (s.view.before(start, FRAME_BREAKS).some((t) => c.negations.has(t.w))) return true;
  return reportedAround(s.view, c, start, end);
}

/** `word`: the first word of the group whose phrase matched (none for the whole-text phrases). */
function consider(s: Scanning, start: number, text: string, word?: string): void {
  const end = start + text.length;
  const entry = s.lexicon.entries.get(phraseKey(text), word);
  // Settled before anything is read around the hit: most blocks have no frequency marker.
  if (!entry || (entry.needsFrequency && !s.view.mentions(s.lexicon.english.frequency))) return;
  if (s.view.masked(start, end)) return;
  const judgment = judge(s.view, s.lexicon, entry, start, end, s.people);
  if (!judgment && declinedForCause(s, entry, start, end)) s.declined.push(start);
  // A span reaching back over an earlier finding (“notoriously” then “notoriously slow”) adds nothing.
  const last = s.found[s.found.length - 1];
  if (judgment && !(last && last.start <= judgment.start && judgment.start < last.end) && !s.view.allowed(judgment.start, judgment.end)) {
    s.found.push(judgment);
    s.resume = judgment.end;
  }
}

/** “she is (so / a / a total) …”, “came across as …”: a linking verb before the word, past its modifiers. */
function afterLink(view: BlockView, c: English['classes'], start: number): boolean {
  const before = view.before(start, FRAME_BREAKS);
  let k = before.length;
  while (k > 0 && (c.intensifiers.has(before[k - 1]?.w ?? '') || c.articles.has(before[k - 1]?.w ?? '') || c.noun_leads.has(before[k - 1]?.w ?? '') || c.adverbs.has(before[k - 1]?.w ?? ''))) k--;
  const w = before[k - 1]?.w ?? '';
  return c.links.has(w) || w === 'as' || c.judging_verbs.has(before[k - 2]?.w ?? '');
}

/**
 * “Jonas's grave”, “the team's loss”: after a name or a noun, 's before a noun owns it; it is “is”
 * only after the words that can be a subject in their own right (“she's a menace”, “that's a disaster”).
 */
function possessed(view: BlockView, c: English['classes'], start: number): boolean {
  const before = view.before(start, FRAME_BREAKS);
  if (before[before.length - 1]?.w !== "'s") return false;
  const owner = before[before.length - 2]?.w ?? '';
  return !(c.subject_pronouns.has(owner) || c.contracted_subjects.has(owner));
}

/**
 * “was on her lap”, “on her second monitor”: a phrase that ends on “her” right before a noun or an
 * ordinal read “her” as the person, where it owns what follows. (“It's on her now”, “on her, not
 * the team”, “bless her little cotton socks” keep the person.)
 */
function possessiveHer(view: BlockView, lexicon: JudgmentalLexicon, start: number, end: number, next: Token): boolean {
  if (!/(?:^|\s)her$/i.test(view.raw.slice(start, end)) || !/^[ \t]+$/.test(view.raw.slice(end, next.start))) return false;
  // “Shame on her boss”: what she owns is a person, and the phrase judges them.
  if (isPersonNoun(view, lexicon, next, false)) return false;
  const tags = view.tags(next.start);
  return (tags.has('Noun') || tags.has('Ordinal')) && !tags.has('Pronoun') && !tags.has('Date');
}

/** A valence-list word read as a noun (“she is a menace”) takes the noun label's patterns. */
const asNoun = new WeakMap<JudgmentalEntry, JudgmentalEntry>();

function judge(view: BlockView, lexicon: JudgmentalLexicon, found: JudgmentalEntry, start: number, end: number, people: People): Judgment | undefined {
  const c = lexicon.english.classes;
  let entry = found;
  if (found.byValence) {
    // Most such words are about situations (“a stressful quarter”): settle the cheap question of
    // form before the tagger reads the sentence.
    const linked = afterLink(view, c, start);
    if (!linked && !(view.after(end) && isPersonNoun(view, lexicon, view.after(end) as Token, true))) return undefined;
    const tags = view.tags(start);
    if (!tags.has('Adjective')) {
      // A noun before a person noun names a kind of person (“a sentence starter”), not a verdict.
      if (!linked || !tags.has('Noun') || tags.has('Verb') || tags.has('Plural') || possessed(view, c, start)) return undefined;
      entry = asNoun.get(found) ?? { ...found, kind: 'noun' };
      asNoun.set(found, entry);
    }
  }
  const next = view.after(end);
  if (next && entry.unlessNext.has(next.w)) return undefined;
  if (next && possessiveHer(view, lexicon, start, end, next)) return undefined;
  if (entry.needsParticiple && !(next && isParticiple(view, next))) return undefined;
  // “complained that his director never …”: a reporting verb's “never” belongs to the words reported.
  if (entry.needsFrequency && ((!entry.phrase.includes(' ') && c.reporting.has(entry.phrase)) || !frequencyInSentence(view, lexicon.english, start))) return undefined;
  if (entry.deontic && !isVerdict(view, c, end, next)) return undefined;
  // “a slow first week”: an ordinal after the adjective leads on to the noun it describes.
  if (entry.kind === 'adjective' && next && c.articles.has(view.before(start, FRAME_BREAKS).at(-1)?.w ?? '') && view.tags(next.start).has('Ordinal')) return undefined;
  // An adjective followed by another word describes that thing (“a lazy Sunday”, “challenging the
  // plan”) unless it is a person noun. Most situational hits end here, before reading backwards.
  if (entry.kind === 'adjective' && next && !c.followers.has(next.w) && !isPersonNoun(view, lexicon, next, true)) {
    // No adjective modifies “the”: “smug the entire session” is a predicate — unless the word is a
    // verb here (“challenging the plan”).
    const determiner = c.determiners.has(next.w) || c.articles.has(next.w);
    const tags = view.tags(start);
    if (!determiner || tags.has('Gerund') || tags.has('Verb')) return undefined;
  }
  if (entry.context === 'alone') return retort(view, c, entry, start, end);
  // “diagnosed with borderline personality disorder”: a diagnosis someone was given, not the coach's.
  if (entry.category.id === 'diagnosing' && diagnosedBefore(view, c, start)) return undefined;
  const before = withoutNegation(view.before(start, FRAME_BREAKS), entry, c);
  if (entry.category.id === 'moralizing' && askedAbout(before, c)) return undefined;
  if (entry.withEarlier && !before.some((t) => entry.withEarlier?.has(t.w))) return undefined;
  if (entry.withLater && !laterInSentence(view, end, entry.withLater)) return undefined;
  const commaBeforeHit = view.text.slice(before[before.length - 1]?.end ?? start, start).includes(',');
  const frame: Frame = { view, lexicon, entry, c, start, end, before, next, commaBeforeHit, people };
  const span = SPANS[entry.kind](frame);
  if (!span || reportedAround(view, c, span.start, span.end)) return undefined;
  return { ...span, entry, phrase: view.text.slice(start, end).replace(/\s+/g, ' '), hitStart: start, hitEnd: end };
}

/**
 * “I asked her to list what she would need to stop doing”: a moral verb right after a hypothetical
 * modal, in a clause a question word opens, is asked about, not passed as a verdict.
 */
function askedAbout(before: readonly Token[], c: English['classes']): boolean {
  const last = before[before.length - 1];
  return last !== undefined && c.hypothetical_modals.has(last.w) && before.some((t) => c.question_words.has(t.w));
}

/**
 * The clause before a label, without its negations when the label judges negated too (lexicon
 * `negation_keeps`: “She never got clean”, “He is no longer a junkie”): the frame then reads it as
 * the plain clause. Other labels keep them, so “she is not lazy” stays unflagged.
 */
function withoutNegation(before: Token[], entry: JudgmentalEntry, c: English['classes']): Token[] {
  if (!entry.negationKeeps || (entry.kind !== 'adjective' && entry.kind !== 'noun')) return before;
  return before.filter((t, i) => !c.negations.has(t.w) && !(t.w === 'longer' && before[i - 1]?.w === 'no'));
}

/**
 * A retort (context `alone`): the phrase is its whole sentence, after a sentence that says what it
 * answers (“Apparently he meditates now. Sure.”), or it closes a sentence after a comma or a dash
 * (“She 'forgot' again, convenient.”, “finished the worksheet — eventually.”).
 */
function retort(view: BlockView, c: English['classes'], entry: JudgmentalEntry, start: number, end: number): Judgment | undefined {
  const [a, b] = view.sentence(start);
  if (/[\p{L}\p{N}]/u.test(view.text.slice(end, b))) return undefined;
  const lead = view.text.slice(a, start);
  const alone = !/[\p{L}\p{N}]/u.test(lead) && /[\p{L}\p{N}]/u.test(view.text.slice(0, a));
  if (!alone && !(/[\p{L}\p{N}]/u.test(lead) && /(?:,|;|—|–|\s-)\s*$/u.test(lead))) return undefined;
  if (!alone && isReported(view, c, view.before(start, FRAME_BREAKS))) return undefined;
  return { entry, phrase: view.text.slice(start, end), hitStart: start, hitEnd: end, start, end, person: CLIENT };
}

/** How many words before a diagnosis a `diagnosis_words` word makes it one given: “diagnosed with borderline …”. */
const DIAGNOSED_WORDS = 4;

function diagnosedBefore(view: BlockView, c: English['classes'], start: number): boolean {
  return view.before(start, FRAME_BREAKS).slice(-DIAGNOSED_WORDS).some((t) => c.diagnosis_words.has(t.w));
}

const SPANS: Record<JudgmentalEntry['kind'], (f: Frame) => Span | undefined> = {
  adjective: adjectiveSpan,
  // “a selfish layabout”, “a classic codependent”: adjectives before a noun label belong to it.
  noun: (f) => {
    // “his addict brother”, “the junkie flatmate”: a label noun before a person noun labels that person.
    if (f.next && !f.entry.phrase.includes(' ') && isPersonNoun(f.view, f.lexicon, f.next, true) && ownedOrDetermined(f, f.before, f.before.length)) return attributiveSpan(f, f.next);
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
  const subject = linkedSubject(f, lead) ?? judgedObject(f, lead) ?? appositive(f, lead) ?? ofPerson(f, lead) ?? dashLinked(f, lead);
  if (subject) return { start, end: f.end, subject: subject.token, person: subject.person };
  // A fragment (“Lazy again.”, “Tired, whiny and unfocused.”, “Defensive when we got to feedback.”) is about the client.
  const fragment = lead === 0 || f.before.slice(subjectlessLink(f, lead), lead).every((t) => f.c.conjunctions.has(t.w) || f.c.intensifiers.has(t.w) || f.view.tags(t.start).has('Adjective'));
  if (fragment && (f.entry.context !== 'subject' || !f.next || f.c.followers.has(f.next.w))) return coachOpensSentence(f) ? undefined : { start, end: f.end, person: CLIENT };
  if (f.entry.context === 'anywhere' && !selfOrNegated(f, skipBack(f.before, lead, linkChain(f.c)) - 1)) return { start, end: f.end, person: CLIENT };
  return undefined;
}

/**
 * “Seems depressed.”, “Honestly sounds bipolar.”, “Came across as arrogant.”, “Background: was dirty
 * on the screen.”: a clause that opens (after hedges) with a linking verb has no subject of its
 * own, so it is a fragment about the client. Returns the index after that opening, or 0.
 */
function subjectlessLink(f: Frame, lead: number): number {
  let k = 0;
  // “What a snob.”, “Such a martyr.”: an exclamation with no subject.
  if ((f.before[0]?.w === 'what' || f.before[0]?.w === 'such') && f.c.articles.has(f.before[1]?.w ?? '') && lead <= 2) return lead;
  while (k < lead && f.c.adverbs.has(f.before[k]?.w ?? '')) k++;
  const w = f.before[k]?.w ?? '';
  if (f.c.come.has(w) && (f.before[k + 1]?.w === 'across' || f.before[k + 1]?.w === 'off') && f.before[k + 2]?.w === 'as') return k + 3;
  return f.c.links.has(w) && !w.startsWith("'") ? k + 1 : 0;
}

/** Between a name and a label, a dash does a linking verb's work in a note: “Emeka — resistant to every suggestion”, “Rohan - narcissistic traits”. */
function dashLinked(f: Frame, lead: number): ReturnType<typeof personAt> {
  const i = lead - 1;
  const who = f.before[i];
  if (!who || i > 1 || (i === 1 && !f.c.determiners.has(f.before[0]?.w ?? '') && !f.c.articles.has(f.before[0]?.w ?? ''))) return undefined;
  const gap = f.view.text.slice(who.end, f.before[lead]?.start ?? f.start);
  return /^\s*(?:—|–|\s-)\s*$/.test(gap) ? personAt(f, f.before, i) : undefined;
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
  const subject = t && f.c.joiners.has(t.w) ? clauseSubject(f) : t ? (subjectAt(f, f.before, i) ?? dashLinked(f, i + 1)) : undefined;
  if (subject) return { start, end: f.end, subject: subject.token, person: subject.person };
  if (!t) return coachOpensSentence(f) || opensBeforeAThing(f) ? undefined : { start, end: f.end, person: CLIENT }; // a fragment: “Claims she sent it.”
  if (f.entry.context === 'anywhere' && !selfOrNegated(f, i)) return { start, end: f.end, person: CLIENT };
  if (f.entry.context === 'clause') return clauseSpan(f, start);
  return undefined;
}

/** Words read after a sentence-opening phrase for the noun phrase that follows it. */
const FRONTED_SUBJECT_WORDS = 4;
const FRONTED_SUBJECT_CHARS = 80;

/**
 * “For once, the figures were ready”, “Every time the release slips …”: a phrase that opens the
 * sentence before a noun phrase is fronted; the clause's subject follows, and it is a thing.
 */
function opensBeforeAThing(f: Frame): boolean {
  // A doubt marker doubts the teller, whatever the report is about (“Allegedly the report was finished”).
  if (f.entry.category.id === 'doubt-marker') return false;
  // Only an adverbial is fronted (“For once”, “Allegedly”); a verb or a noun phrase opens a fragment about the client.
  const opening = f.view.tags(f.start);
  if (!opening.has('Preposition') && !opening.has('Adverb')) return false;
  const after = tokenize(f.view.text, f.end, Math.min(f.view.sentence(f.start)[1], f.end + FRONTED_SUBJECT_CHARS)).slice(0, FRONTED_SUBJECT_WORDS);
  const first = after[0];
  if (!first || f.c.possessives.has(first.w)) return false;
  // “For once there was no queue”: an empty subject, about no one.
  if (first.w === 'there' || first.w === 'it') return true;
  if (!(f.c.articles.has(first.w) || f.c.determiners.has(first.w))) return false;
  return !after.some((_, k) => personAt(f, after, k));
}

/**
 * “Her husband is keeping her small on purpose”, “Chloe agreed with everything just to get the
 * session over with”: a cue anywhere in a clause whose subject is a person other than the coach,
 * unless the clause is negated (“She didn't do it on purpose”).
 */
function clauseSpan(f: Frame, start: number): Span | undefined {
  if (f.before.some((t) => f.c.negations.has(t.w))) return undefined;
  const who = clauseSubject(f);
  if (who) return { start, end: f.end, subject: who.token, person: who.person };
  // “Brought the layoff on herself.”: a clause that opens with a verb has the client as its subject.
  return opensWithVerb(f) && !coachOpensSentence(f) ? { start, end: f.end, person: CLIENT } : undefined;
}

function opensWithVerb(f: Frame): boolean {
  const first = f.before[0];
  if (!first || f.c.determiners.has(first.w) || f.c.articles.has(first.w) || /^\p{Lu}/u.test(first.raw.slice(1))) return false;
  const tags = f.view.tags(first.start);
  return tags.has('Verb') && !tags.has('Noun') && !tags.has('Gerund') && !tags.has('Pronoun');
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

/**
 * “Ibrahim goes quiet every single time feedback comes up”: in a sentence with a strong frequency
 * marker, the first present-tense verb of a person is a habit made a trait, whatever the verb.
 */
function habitJudgments(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, people: People): Judgment[] {
  const c = lexicon.english.classes;
  const out: Judgment[] = [];
  let lastSentence = -1;
  for (const m of matchesOf(view.text, lexicon.english.habitMarkers)) {
    const [a, b] = view.sentence(m.index);
    if (a === lastSentence) continue;
    lastSentence = a;
    const condition = /^(?:every|each)\b.*\btime$/i.test(m[0]) ? conditionAfter(view, c, m.index + m[0].length, b) : ([0, 0] as [number, number]);
    for (const t of tokenize(view.text, a, b)) {
      if (t.start >= condition[0] && t.end <= condition[1]) continue;
      if (c.auxiliaries.has(t.w) || c.links.has(t.w) || c.reporting.has(t.w)) continue;
      const tags = view.tags(t.start);
      if (!tags.has('Verb') || !tags.has('PresentTense') || tags.has('PastTense') || tags.has('Gerund') || tags.has('Copula')) continue;
      const before = view.before(t.start, FRAME_BREAKS);
      const frame: Frame = { view, lexicon, entry, c, start: t.start, end: t.end, before, next: view.after(t.end), commaBeforeHit: false, people };
      const i = skipBack(before, before.length, c.adverbs) - 1;
      const subject = before[i] && !before.slice(0, i).some((w) => c.negations.has(w.w)) ? personAt(frame, before, i) : undefined;
      if (subject && !reportedAround(view, c, t.start, t.end)) {
        out.push({ entry, phrase: t.raw, hitStart: t.start, hitEnd: t.end, start: t.start, end: t.end, person: subject.person, subject: subject.token });
      }
      break; // the sentence's first present-tense verb only
    }
  }
  return out;
}

/**
 * “The alarm goes off every time the cleaners arrive”: a marker followed by its own subject opens a
 * clause that says when; its verb is the occasion, not the habit. The range of that clause (to the
 * next comma or the sentence's end), or an empty one.
 */
function conditionAfter(view: BlockView, c: English['classes'], end: number, sentenceEnd: number): [number, number] {
  const next = view.after(end);
  if (!next || !(c.articles.has(next.w) || c.determiners.has(next.w) || c.subject_pronouns.has(next.w) || /^\p{Lu}/u.test(next.raw))) return [end, end];
  const stop = clauseEndAfter(view.text, end, sentenceEnd);
  // Without a comma the main clause starts at its own subject: “Every time Ana gets feedback she crumbles.”
  const words = tokenize(view.text, next.end, stop);
  const verb = words.findIndex((t) => view.tags(t.start).has('Verb'));
  const subject = verb < 0 ? -1 : words.findIndex((t, i) => i > verb && (c.subject_pronouns.has(t.w) || /^\p{Lu}/u.test(t.raw)));
  return [end, subject < 0 ? stop : (words[subject] as Token).start];
}

/** One of `phrases` (lower case) between `end` and the end of its sentence. */
function laterInSentence(view: BlockView, end: number, phrases: readonly string[]): boolean {
  const [, b] = view.sentence(end);
  const rest = view.text.slice(end, b).toLowerCase().replace(/\u2019/g, "'").replace(/\s+/g, ' ');
  return phrases.some((p) => rest.includes(p));
}

/** A word or phrase such as “always” or “all the time” in the hit's sentence, outside quotes. */
function frequencyInSentence(view: BlockView, english: English, pos: number): boolean {
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
  const [a, b] = view.sentence(end);
  const words = tokenize(view.text, a, b);
  const at = words.findIndex((t) => t.start >= end);
  const lead = at < 0 ? words : words.slice(0, at);
  return !lead.some((t) => c.plan_words.has(t.w)) && !dueBy(c, words, at < 0 ? [] : words.slice(at));
}

/**
 * “should submit the renewal by 15 October”, “must register the name before opening the account”,
 * “should ask for the band this week”: a time it is due by, an event it comes before, or a condition
 * (“if she accepts the offer”) makes “should” a step in a plan, not a verdict.
 */
function dueBy(c: English['classes'], sentence: readonly Token[], rest: readonly Token[]): boolean {
  if (rest.some((t, i) => c.due_words.has(t.w) && rest[i + 1] !== undefined)) return true;
  if (sentence.some((t, i) => c.due_times.has(t.w) || (c.due_leads.has(t.w) && c.due_spans.has(sentence[i + 1]?.w ?? '')))) return true;
  return sentence.some((t) => c.conditions.has(t.w));
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
    // “his phrase "my trainees"”: a quote after a noun that names words holds those words.
    if (!lead || /\S/.test(view.text.slice(lead.end, a)) || c.attributions.has(lead.w)) continue;
    // “Abel "forgot" the assignment”: a person right before a short quote that the sentence goes on from.
    const shortAndGoesOn = words.length <= scare.midSentenceMaxWords && goesOn(view, b);
    const personLead = shortAndGoesOn && (c.subject_pronouns.has(lead.w) || people.names.has(lead.w) || isPersonNoun(view, lexicon, lead, false));
    if (!scare.leads.has(lead.w) && !personLead && !(shortAndGoesOn && scare.midSentenceLeads.has(lead.w))) continue;
    if (before.some((t) => c.self.has(t.w)) || isReported(view, c, view.before(a, REPORT_BREAKS)) || attributedAfter(view, c, b) || attributedBefore(view, a)) continue;
    const entry = scare.entry;
    const person = personLead || before.length === 1 || before.some((t) => c.subject_pronouns.has(t.w) || c.possessives.has(t.w) || t.w === "'s" || people.names.has(t.w)) ? CLIENT : undefined;
    if (!person) continue;
    out.push({ entry: { ...entry, suggestions: [inner] }, phrase: `“${inner}”`, hitStart: a, hitEnd: b, start: a, end: b, person });
  }
  return out;
}
