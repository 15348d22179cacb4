import { isNeverLike, isUniversal, matchesOf } from '../../language/english';
import { tick } from '../../engine/deadline';
import { inflect, isIrregularPast, type VerbForm } from '../../language/inflect';
import { baseCandidates, valenceOf } from '../../language/valence';
import type { JudgmentalEntry, JudgmentalLexicon } from '../../lexicons/judgmental';
import { tokenize, type BlockView, type Token } from './block-view';
import { clauseSubject, personAt } from './people';
import { CLIENT, FRAME_BREAKS, linkChain, skipBack, type Frame, type Judgment, type People, type Person } from './reading';
import { reportedAround } from './whose-words';

// “Always” and “never” said of a person (Rosenberg ch. 3): whether they judge depends on what
// follows. “Always complains”, “is constantly distracted” and “never has a kind word” turn moments
// into a trait; “always brings a notebook” and “never misses a session” do not. The first word
// with a valence in the next few decides: negative after `always`, positive after `never`.

/** How many words after the sweeping word its predicate is read for a valence. */
const PREDICATE_WORDS = 4;
/** In the perfect (“has never …”) a sweeping word reports experience unless its predicate is strongly valenced. */
const STRONG_IN_PERFECT = 2;
const CLAUSE_END = /[.,;:!?()\n]/;
const NO_WORDS: ReadonlySet<string> = new Set();

export function sweepingJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People): Judgment[] {
  const english = lexicon.english;
  const habit = lexicon.habits;
  if (!habit || !view.mentions(english.sweeping)) return [];
  const out: Judgment[] = [];
  for (const m of matchesOf(view.text, english.sweeping)) {
    tick(); // each match may tag its sentence: the budget holds inside one huge paragraph
    const j = judgeSweeping(view, lexicon, habit, people, m.index, m.index + m[0].length, m[0]);
    if (j) out.push(j);
  }
  return out;
}

function judgeSweeping(view: BlockView, lexicon: JudgmentalLexicon, habit: JudgmentalEntry, people: People, start: number, end: number, adverb: string): Judgment | undefined {
  const english = lexicon.english;
  const c = english.classes;
  if (view.masked(start, end)) return undefined;
  const negative = isNeverLike(english, adverb);
  const predicate = predicateAfter(view, end);
  const before = view.before(start, FRAME_BREAKS);
  const polar = predicate.findIndex((t) => valenceOf(t.w, english) !== undefined);
  // Stryker disable next-line StringLiteral: no word class holds the placeholder for a missing word, whatever it is.
  const universal = negative && !c.have_verbs.has(before[before.length - 1]?.w ?? '') ? predicate.findIndex((t) => isUniversal(english, t.w)) : -1;
  const at = universal >= 0 && (polar < 0 || universal < polar) ? universal : polar;
  const word = predicate[at];
  if (!word || predicate.slice(0, at).some((t) => c.negations.has(t.w))) return undefined;
  const valence = at === universal ? 1 : (valenceOf(word.w, english) ?? 0);
  if (negative ? valence <= 0 : valence >= 0) return undefined;
  // “had never finished school” is an experience; “has never had a kind word” still judges.
  // Stryker disable next-line StringLiteral: no word class holds the placeholder for a missing word, whatever it is.
  const perfect = c.have_verbs.has(before[before.length - 1]?.w ?? '');
  if (perfect && Math.abs(valence) < STRONG_IN_PERFECT) return undefined;
  if (before.some((t) => c.negations.has(t.w))) return undefined; // “not always”, “hardly ever”
  const frame: Frame = { view, lexicon, entry: habit, c, start, end, before, next: predicate[0], commaBeforeHit: false, people };
  const i = skipBack(before, before.length, linkChain(c)) - 1;
  const t = before[i];
  const subject = !t ? invertedSubject(predicate, lexicon, people) : c.joiners.has(t.w) ? clauseSubject(frame) : personAt(frame, before, i);
  if (!subject || reportedAround(view, c, start, word.end)) return undefined;
  // Stryker disable next-line StringLiteral: no word class holds the placeholder for a missing word, whatever it is.
  const copula = c.links.has(before[before.length - 1]?.w ?? '');
  const first = predicate[0] as Token;
  // “Her father never finished school”: a past fact, not a trait (“has never had a kind word” is).
  if (!copula && !perfect && isPast(view, first, english)) return undefined;
  const rest = view.raw.slice(first.end, word.end);
  const verbForm = copula ? undefined : formOfVerb(view, first);
  const verb = copula ? inflect(`be ${view.raw.slice(first.start, word.end)}`, english) : inflect(`${lemmaOf(first, english)}${rest}`, english);
  const entry: JudgmentalEntry = {
    phrase: view.raw.slice(start, word.end).replace(/\s+/g, ' '),
    category: habit.category,
    kind: 'phrase',
    context: 'subject',
    suggestions: [],
    unlessNext: NO_WORDS,
    needsParticiple: false,
    generalization: { adverb: adverb.toLowerCase(), verb, negative },
  };
  if (verbForm) entry.verbForm = verbForm;
  const judgment: Judgment = { entry, phrase: entry.phrase, hitStart: start, hitEnd: word.end, start, end: word.end, person: subject.person };
  if ('token' in subject && subject.token) judgment.subject = subject.token as Token;
  return judgment;
}

/**
 * With nothing before the sweeping word, a fragment is about the client (“Never on time.”) — unless
 * an auxiliary follows and puts the subject after it: “Not once has the board meeting been moved”.
 */
function invertedSubject(predicate: readonly Token[], lexicon: JudgmentalLexicon, people: People): { person: Person } | undefined {
  const c = lexicon.english.classes;
  const aux = predicate.findIndex((t) => c.inverting_auxiliaries.has(t.w));
  if (aux < 0) return { person: CLIENT };
  // Stryker disable next-line StringLiteral: the placeholder for a missing word is only looked up in word classes, which hold no such word.
  const who = predicate[aux + 1]?.w ?? '';
  if (c.subject_pronouns.has(who) || people.names.has(who)) return { person: CLIENT };
  // “Not once has his boss given him …”
  const noun = predicate[aux + 2];
  // “the board meeting” is a meeting: a person noun followed by a compound head is not a person.
  // Stryker disable next-line StringLiteral: no word class holds the placeholder for a missing word, whatever it is.
  const compound = c.compound_heads.has(predicate[aux + 3]?.w ?? '');
  return noun && c.determiners.has(who) && lexicon.personNouns.has(noun.w) && !compound ? { person: { client: false, text: `${who} ${noun.raw}` } } : undefined;
}

/** The first few words after the sweeping word, within its clause. */
function predicateAfter(view: BlockView, end: number): Token[] {
  const [, sentenceEnd] = view.sentence(end);
  const text = view.text;
  let stop = end;
  for (let n = 0; stop < sentenceEnd && !CLAUSE_END.test(text.charAt(stop)); stop++) if (text.charAt(stop) === ' ' && ++n > PREDICATE_WORDS * 3) break;
  return tokenize(text, end, stop).slice(0, PREDICATE_WORDS);
}

function isPast(view: BlockView, t: Token, english: JudgmentalLexicon['english']): boolean {
  return view.tags(t.start).has('PastTense') || /[^e]ed$|eed$|ied$/.test(t.w) || isIrregularPast(english, t.w);
}

function formOfVerb(view: BlockView, t: Token): VerbForm {
  const tags = view.tags(t.start);
  if (tags.has('Gerund') || t.w.endsWith('ing')) return 'gerund';
  if (tags.has('PastTense')) return 'past';
  return t.w.endsWith('s') ? 'third' : 'base';
}

/** The base form of the predicate's verb, for the rewrite: “complains” → complain, “making” → make. */
function lemmaOf(t: Token, english: JudgmentalLexicon['english']): string {
  const candidates = baseCandidates(t.w, english).slice(1);
  return candidates.find((b) => english.irregular.has(b) || valenceOf(b, english) !== undefined) ?? candidates[0] ?? t.w;
}
