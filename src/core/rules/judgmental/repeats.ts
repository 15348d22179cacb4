import { matchesOf } from '../../language/english';
import { valenceOf } from '../../language/valence';
import type { JudgmentalEntry, JudgmentalLexicon } from '../../lexicons/judgmental';
import { tokenize, type BlockView, type Token } from './block-view';
import { clauseSubject, isPersonNoun } from './people';
import { clauseEndAfter, CLIENT, FRAME_BREAKS, type Frame, type Judgment, type People, type Person } from './reading';
import { attributedBefore, isReported, reportedAround } from './whose-words';

// “Late as usual.”, “As ever, she came in with no agenda.”, “The vendor, yet again, blew the
// deadline.”: a behaviour called the usual one, or one time too many, turns an occasion into a
// trait (Rosenberg ch. 3). Whether it judges depends on the sentence's tone (lexicons/english.yaml,
// repeat_markers) and on whose behaviour it is: a person's other than the coach's.

export function repeatJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People): Judgment[] {
  const english = lexicon.english;
  const habit = lexicon.habits;
  if (!habit || !view.mentions(english.repeats)) return [];
  const c = english.classes;
  const out: Judgment[] = [];
  for (const m of matchesOf(view.text, english.repeats)) {
    const start = m.index;
    const end = start + m[0].length;
    if (view.masked(start, end) || view.allowed(start, end) || describesANoun(view, m[0], end)) continue;
    // The whole clause is read for a reporting verb: the marker often stands between commas (“she said her boss, as usual, …”).
    if (reportedAround(view, c, start, end, FRAME_BREAKS)) continue;
    const person = whoseBehaviour(view, lexicon, habit, people, start, end);
    if (!person || !toneJudges(view, lexicon, start, end, english.againLike.has(m[0].toLowerCase().replace(/\s+/g, ' ')))) continue;
    out.push({ entry: habit, phrase: m[0], hitStart: start, hitEnd: end, start, end, person, removal: removalOf(view, start, end) });
  }
  return out;
}

/**
 * The edit that takes a marker out and leaves a sentence that reads right: “Late as usual.” →
 * “Late.”, “The vendor, yet again, blew it.” → “The vendor blew it.”, “As ever, she came in …” →
 * “She came in …”, “… late — the usual.” → “… late.”
 */
export function removalOf(view: BlockView, start: number, end: number): { start: number; end: number; text: string } {
  const raw = view.raw;
  const [sentenceStart] = view.sentence(start);
  const lead = /(?:\s*(?:,|—|–|\s-)\s*|\s+)$/.exec(raw.slice(sentenceStart, start))?.[0] ?? '';
  const trail = /^\s*(?:,|—|–|\s-)\s*/.exec(raw.slice(end))?.[0] ?? '';
  if (!/[\p{L}\p{N}]/u.test(raw.slice(sentenceStart, start))) {
    // The marker opens its sentence: the next word takes its capital.
    const next = end + trail.length;
    const letter = raw.charAt(next);
    return /\p{Ll}/u.test(letter) ? { start, end: next + 1, text: letter.toUpperCase() } : { start, end: next, text: '' };
  }
  const punctuatedBefore = /[,—–-]/.test(lead);
  if (punctuatedBefore && trail !== '') return { start: start - lead.length, end: end + trail.length, text: /[—–-]/.test(trail) ? trail : ' ' };
  return { start: start - lead.length, end, text: '' };
}

/**
 * “Typical Dmitri, turning an update into a monologue”, “Classic Jorge move”, “Poor Evan got
 * muddled again”: a lead word before a person's name makes the name a type, or talks down to them.
 */
export function nameLeadJudgments(view: BlockView, lexicon: JudgmentalLexicon, people: People): Judgment[] {
  const habit = lexicon.habits;
  const leads = lexicon.english.nameLeads;
  if (!habit || leads.length === 0) return [];
  const c = lexicon.english.classes;
  const out: Judgment[] = [];
  for (const { category, pattern } of leads) {
    const judged = lexicon.categories.get(category);
    if (!judged) continue;
    const entry: JudgmentalEntry = { ...habit, category: judged };
    for (const m of view.text.matchAll(pattern)) {
      const name = m[1] ?? '';
      const start = m.index;
      const end = start + m[0].length;
      const nameAt = end - name.length;
      if (c.not_names.has(name.toLowerCase()) || view.masked(start, end) || view.allowed(start, end)) continue;
      const tags = view.tags(nameAt);
      if (tags.has('Place') || tags.has('Organization') || tags.has('Date') || (!tags.has('Person') && !tags.has('FirstName') && !people.names.has(name.toLowerCase()))) continue;
      if (isReported(view, c, view.before(start, FRAME_BREAKS)) || attributedBefore(view, start)) continue;
      const person: Person = people.names.has(name.toLowerCase()) ? CLIENT : { client: false, text: name };
      // “Poor Evan got muddled” → “Evan got muddled”: the name stays, its lead goes.
      out.push({ entry, phrase: m[0], hitStart: start, hitEnd: end, start, end, person, removal: { start, end: nameAt, text: '' } });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The person whose behaviour the marker qualifies: the clause's subject, or the client in a fragment (“Late as usual.”); never the coach. */
function whoseBehaviour(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, people: People, start: number, end: number): Person | undefined {
  const c = lexicon.english.classes;
  const before = view.before(start, FRAME_BREAKS);
  const first = before[0];
  if (first) {
    if (c.self.has(first.w)) return undefined;
    const frame: Frame = { view, lexicon, entry, c, start, end, before, next: view.after(end), commaBeforeHit: false, people };
    const subject = clauseSubject(frame);
    if (subject) return subject.person;
    return opensFragment(view, c, first) ? CLIENT : undefined;
  }
  // The marker opens the clause (“As ever, she …”, “Once again, unprepared.”): the subject follows,
  // before the next comma (“Every time the release slips, customer support …” has none).
  const [, sentenceEnd] = view.sentence(end);
  const lead = /^\s*[,—–]?/.exec(view.text.slice(end, sentenceEnd))?.[0].length ?? 0;
  const after = tokenize(view.text, end, clauseEndAfter(view.text, end + lead, sentenceEnd));
  const next = after[0];
  if (!next || c.self.has(next.w)) return undefined;
  if (c.subject_pronouns.has(next.w) || people.names.has(next.w) || c.client_nouns.has(next.w)) return CLIENT;
  if (c.determiners.has(next.w) || c.articles.has(next.w)) {
    const noun = after.slice(1, 4).find((t) => isPersonNoun(view, lexicon, t, false));
    return noun ? { client: false, text: view.raw.slice(next.start, noun.end) } : undefined;
  }
  return opensFragment(view, c, next) ? CLIENT : undefined;
}

/** “the usual sequence of events”: “the usual” right before a word describes that thing; the marker stands alone (“late — the usual.”). */
function describesANoun(view: BlockView, marker: string, end: number): boolean {
  return /^the usual$/i.test(marker.replace(/\s+/g, ' ')) && /^[ \t]+[\p{L}]/u.test(view.text.slice(end, end + 2));
}

/** A clause with no subject: it opens with a describing word or a verb, not a noun, a pronoun or a name. */
function opensFragment(view: BlockView, c: JudgmentalLexicon['english']['classes'], t: Token): boolean {
  if (c.determiners.has(t.w) || c.articles.has(t.w) || /^\p{Lu}/u.test(t.raw.slice(1))) return false;
  const tags = view.tags(t.start);
  return !tags.has('Noun') && !tags.has('Pronoun') && !tags.has('ProperNoun') && !tags.has('Person');
}

/** `usual` markers need a negative word or a negation in the sentence; `again` markers any sentence that is not positive. */
function toneJudges(view: BlockView, lexicon: JudgmentalLexicon, start: number, end: number, again: boolean): boolean {
  const english = lexicon.english;
  const [a, b] = view.sentence(start);
  let negative = false;
  let positive = false;
  for (const t of tokenize(view.text, a, b)) {
    if (t.start >= start && t.end <= end) continue;
    if (english.classes.negations.has(t.w) || t.w.endsWith("n't")) negative = true;
    // “brilliantly”: an adverb takes its adjective's valence.
    const v = valenceOf(t.w, english) ?? (t.w.endsWith('ly') ? valenceOf(t.w.slice(0, -2), english) : undefined) ?? 0;
    if (v < 0) negative = true;
    else if (v > 0) positive = true;
  }
  return negative || (again && !positive);
}
