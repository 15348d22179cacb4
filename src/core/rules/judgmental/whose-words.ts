import type { English } from '../../language/english';
import type { BlockView, Token } from './block-view';
import { linkChain, REPORT_BREAKS, skipBack } from './reading';

// Whose words these are: a reporting verb before the words, or an attribution after them, makes
// them someone else's view rather than the coach's judgment.

/**
 * Someone else's words around [start, end): a reporting verb before them in their clause (cut at
 * `breaks`), an attribution closing the sentence, or a sentence that opens by saying whose view
 * it gives. Every reading of the rule asks this one question.
 */
export function reportedAround(view: BlockView, c: English['classes'], start: number, end: number, breaks: ReadonlySet<string> = REPORT_BREAKS): boolean {
  return isReported(view, c, view.before(start, breaks)) || reportedAfter(view, c, end) || attributedBefore(view, start);
}

/** Whether a reporting word with someone other than the coach as subject introduces the clause. */
export function isReported(view: BlockView, c: English['classes'], clause: Token[]): boolean {
  for (let i = clause.length - 1; i >= 0; i--) {
    // Stryker disable next-line StringLiteral: `i` is inside the clause, so the word exists.
    const w = clause[i]?.w ?? '';
    if (c.contrasts.has(w)) return false;
    // Stryker disable next-line StringLiteral: no word class holds the placeholder for a missing word, whatever it is.
    if (!c.reporting.has(w) || c.answers.has(clause[i + 1]?.w ?? '') || isNounHere(view, c, clause, i) || reportsTo(c, clause, i)) continue;
    const speaker = clause[skipBack(clause, i, linkChain(c)) - 1];
    // “I think she is …” is the coach's own view; an earlier reporter may still hold it (“Mateo asked if I think …”).
    if (!(speaker && c.self.has(speaker.w))) return true;
  }
  return false;
}

/** “The CFO she reports to is …”: “reports to” names a manager, and reports no words. */
function reportsTo(c: English['classes'], clause: Token[], i: number): boolean {
  const after = clause[i + 2]?.w;
  return clause[i + 1]?.w === 'to' && (after === undefined || c.links.has(after));
}

/** “her worries”, “his money fears”: a reporting word used as a noun reports nothing. */
function isNounHere(view: BlockView, c: English['classes'], clause: Token[], i: number): boolean {
  const previous = clause[i - 1];
  if (!previous) return false;
  // “her worries”, “a call”, “the call”, “that report”: after a possessive, an article or a determiner.
  if (c.possessives.has(previous.w) || c.articles.has(previous.w) || c.determiners.has(previous.w) || previous.w === "'s") return true;
  // “her money worries”: after a common noun that itself follows a possessive or article.
  // Stryker disable next-line StringLiteral: the placeholder for a missing word is only looked up in word classes and compared with “'s”.
  const before = clause[i - 2]?.w ?? '';
  if (!(c.possessives.has(before) || c.articles.has(before) || before === "'s")) return false;
  const tags = view.tags(previous.start);
  const own = view.tags((clause[i] as Token).start);
  return own.has('Noun') && !own.has('Verb') && tags.has('Noun') && !tags.has('Pronoun') && !tags.has('Person') && !/^\p{Lu}/u.test(previous.raw);
}

/** “…, she said.”: a reporting clause closing the sentence makes the words before it someone else's. */
export function reportedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const rest = restOfSentence(view, end);
  if (/,\s*(?:according to|in (?:her|his|their) (?:view|words|telling)|as (?:she|he|they) (?:sees?|puts?|tells?) it)\b/i.test(rest)) return true;
  const m = /,\s*([\p{L}'’]+)\s+(?:[\p{L}]+\s+)?([\p{L}]+)\W*$/u.exec(rest);
  if (!m) return false;
  // Stryker disable next-line StringLiteral: the group always takes part in a match.
  const speaker = (m[1] ?? '').toLowerCase();
  // “…, whatever she says”: the coach setting the client's words aside, not reporting them.
  if (c.dismissing.has(speaker)) return false;
  // Stryker disable next-line StringLiteral: the group always takes part in a match.
  return !c.self.has(speaker) && c.reporting.has((m[2] ?? '').toLowerCase());
}

/** “…”, in her words / as he put it / she said: the rest of the sentence says whose words the quote holds. */
export function attributedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const words = restOfSentence(view, end).toLowerCase().split(/[^\p{L}'’]+/u);
  const owned = (i: number) => c.possessives.has(words[i - 1] ?? '') || (words[i - 1] === 'own' && c.possessives.has(words[i - 2] ?? ''));
  return words.some((w, i) => (c.attributions.has(w) && owned(i)) || (c.reporting.has(w) && (c.subject_pronouns.has(words[i - 1] ?? '') || words[i - 2] === 'as')));
}

/**
 * “According to him, …”, “In her view, …”, “Her view is that …”: the sentence opens by saying whose
 * view it gives, so nothing in it is the coach's judgment. Read from the sentence's start only.
 */
const ATTRIBUTED_OPENING = /^[\s*_>"“(]*(?:according to\b[^,;:]{1,60},|(?:in|from) (?:her|his|their|[\p{L}-]+['’]s) (?:own )?(?:view|opinion|words|eyes|mind|telling|account|experience|perspective|point of view|version)\b[^,;:]{0,60},|(?:her|his|their|[\p{L}-]+['’]s) (?:own )?(?:view|opinion|take|sense|belief|feeling|impression|perception|version|account|understanding|story|theory) (?:is|was) that\b)/iu;

export function attributedBefore(view: BlockView, start: number): boolean {
  const [sentenceStart] = view.sentence(start);
  return ATTRIBUTED_OPENING.test(view.text.slice(sentenceStart, Math.min(start, sentenceStart + MAX_REST_CHARS)));
}

/** How far an attribution after the words is read: “…, she said”, “…, in her words”. */
const MAX_REST_CHARS = 200;

/** The masked text from `end` to the end of its sentence (at most MAX_REST_CHARS). */
function restOfSentence(view: BlockView, end: number): string {
  const [, sentenceEnd] = view.sentence(end);
  return view.text.slice(end, Math.min(sentenceEnd, end + MAX_REST_CHARS));
}
