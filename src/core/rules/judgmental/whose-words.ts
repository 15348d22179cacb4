import type { English } from '../../language/english';
import type { BlockView, Token } from './block-view';
import { linkChain, skipBack } from './reading';

// Whose words these are: a reporting verb before the words, or an attribution after them, makes
// them someone else's view rather than the coach's judgment.

/** Whether a reporting word with someone other than the coach as subject introduces the clause. */
export function isReported(c: English['classes'], clause: Token[]): boolean {
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

/** “…, she said.”: a reporting clause closing the sentence makes the words before it someone else's. */
export function reportedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const rest = restOfSentence(view, end);
  if (/,\s*(?:according to|in (?:her|his|their) (?:view|words|telling)|as (?:she|he|they) (?:sees?|puts?|tells?) it)\b/i.test(rest)) return true;
  const m = /,\s*([\p{L}'’]+)\s+(?:[\p{L}]+\s+)?([\p{L}]+)\W*$/u.exec(rest);
  if (!m) return false;
  const speaker = (m[1] ?? '').toLowerCase();
  return !c.self.has(speaker) && c.reporting.has((m[2] ?? '').toLowerCase());
}

/** “…”, in her words / as he put it / she said: the rest of the sentence says whose words the quote holds. */
export function attributedAfter(view: BlockView, c: English['classes'], end: number): boolean {
  const words = restOfSentence(view, end).toLowerCase().split(/[^\p{L}'’]+/u);
  const owned = (i: number) => c.possessives.has(words[i - 1] ?? '') || (words[i - 1] === 'own' && c.possessives.has(words[i - 2] ?? ''));
  return words.some((w, i) => (c.attributions.has(w) && owned(i)) || (c.reporting.has(w) && (c.subject_pronouns.has(words[i - 1] ?? '') || words[i - 2] === 'as')));
}

/** How far an attribution after the words is read: “…, she said”, “…, in her words”. */
const MAX_REST_CHARS = 200;

/** The masked text from `end` to the end of its sentence (at most MAX_REST_CHARS). */
function restOfSentence(view: BlockView, end: number): string {
  const [, sentenceEnd] = view.sentence(end);
  return view.text.slice(end, Math.min(sentenceEnd, end + MAX_REST_CHARS));
}
