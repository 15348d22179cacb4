import type { JudgmentalLexicon } from '../lexicons/judgmental';
import type { Fix, RuleMessage } from '../model/types';
import { proseSpan } from '../note/prose';
import type { Note, ProseBlock } from '../note/types';
import { EXAMPLE_HEAD as HEAD } from './example-note';
import { BlockView } from './judgmental/block-view';
import { readBlock } from './judgmental/block-cache';
import type { Judgment, People } from './judgmental/judge';
import { rewritesFor } from './judgmental/rewrite';
import { singularPerson } from './judgmental/people';
import type { Rule } from './types';


export const judgmentalLanguageRule: Rule = {
  id: 'judgmental-language',
  description: 'Flags the coach\'s own judgments of the client and offers neutral, observational rewrites.',
  defaultSeverity: 'warning',
  fixable: true,
  examples: [
    {
      title: 'Describing what happened',
      note: HEAD + 'Maria had not started the two tasks she planned. She paused when I asked about them, then said the week had been full.\n',
      findings: 0,
    },
    { title: 'A character label', note: HEAD + 'Maria was lazy about the tasks again.\n', findings: 1, reasons: ['character label'] },
    {
      title: 'A difficult-client label and a doubt marker',
      note: HEAD + 'She got so defensive when I asked about the budget. She claims she sent the report.\n',
      findings: 2,
      reasons: ['difficult-client label', 'doubt marker'],
    },
    { title: 'Diagnosing', note: HEAD + 'Maria is clearly depressed and a bit OCD about her calendar.\n', findings: 2, reasons: ['diagnostic label', 'diagnostic label'] },
    {
      title: 'Moralizing and generalizing about the client, not the coach\'s self-reflection',
      note: HEAD + 'She should have told her manager. She never follows through. I should have asked sooner.\n',
      findings: 2,
      reasons: ['moral judgment', 'sweeping generalization'],
    },
    {
      title: 'The client\'s own words, quoted or in a blockquote',
      note: HEAD + 'She called herself “lazy” and laughed.\n\n> I am so stubborn about this.\n',
      findings: 0,
    },
    {
      title: 'Ordinary words about situations',
      note: HEAD + 'We agreed an aggressive target and a challenging timeline. The project failed to launch, and we should have more time next session.\n',
      findings: 0,
    },
    {
      title: 'Judging someone else in the client\'s life, named in the message',
      note: HEAD + 'Her manager is a petty tyrant, and her sister just wants attention.\n',
      findings: 2,
      reasons: ['about her manager, is a character label', 'about her sister, is a mind-reading'],
    },
    {
      title: 'Blame, and quotation marks that doubt the client\'s reason',
      note: HEAD + 'She brought it on herself. Her "migraine" flared up again before the review.\n',
      findings: 2,
      reasons: ['blaming verdict', 'doubt marker'],
    },
    {
      title: 'A quote ends its sentence; the client\'s own question stays hers',
      note: HEAD + 'She said "fine." He is lazy. She is unsure whether her peers see her as aloof.\n',
      findings: 1,
      reasons: ['character label'],
    },
    {
      title: 'A word the workspace allows',
      note: HEAD + 'She was resistant to the idea at first.\n',
      config: 'judgmental:\n  allow: [resistant]\n',
      findings: 0,
    },
  ],
  check({ note, judgmental, report, expired }) {
    if (!judgmental.scan && !judgmental.scareQuotes) return;
    const people = peopleOf(note);
    for (const block of note.prose) {
      if (block.quoted) continue; // A blockquote holds the client's own words.
      if (expired()) return;
      // Headings and action items are not sentences about anyone: the sentence model leaves them alone.
      const sentences = !block.heading && !TASK_ITEM.test(block.text);
      const { view, judgments } = readBlock(block.text, judgmental, people, sentences, expired);
      for (const judgment of judgments) report(toMessage(note, block, view, judgment, judgmental, people));
    }
  },
};

const TASK_ITEM = /^\[[ xX]\]/;

export function peopleOf(note: Note): People {
  const client = note.meta.client?.trim() || undefined;
  // Stryker disable next-line Regex: splitting at each separator instead of each run leaves only empty parts more, which the length filter drops.
  const names = new Set((client ?? '').toLowerCase().split(/[^\p{L}'’-]+/u).filter((p) => p.length > 1));
  const pronouns = note.frontmatter.data['pronouns'];
  // Stryker disable next-line OptionalChaining: the group always holds a word once the pattern matched.
  const pronoun = typeof pronouns === 'string' ? /\b(she|he|they)\b/i.exec(pronouns)?.[1]?.toLowerCase() : undefined;
  const people: People = { names };
  // Stryker disable next-line ConditionalExpression: an undefined `client` property reads as a missing one everywhere (`??`).
  if (client) people.client = client;
  // Stryker disable next-line ConditionalExpression: an undefined `pronoun` property reads as a missing one everywhere (`??`).
  if (pronoun) people.pronoun = pronoun;
  const others = midSentenceNames(note);
  if (others.size > 0) people.others = others;
  return people;
}

/** After a lower-case word or a comma, and a space: a capitalised word there is not a sentence's first. */
const MID_SENTENCE_CAPITAL = /(?<=[\p{Ll},;] )\p{Lu}[\p{Ll}'’-]+/gu;

/** Words the note's prose writes capitalised in mid-sentence, lower-cased: see People.others. */
function midSentenceNames(note: Note): Set<string> {
  const found = new Set<string>();
  for (const block of note.prose) for (const m of block.text.matchAll(MID_SENTENCE_CAPITAL)) found.add(m[0].toLowerCase());
  return found;
}

// ── Messages ──

function toMessage(note: Note, block: ProseBlock, view: BlockView, j: Judgment, lexicon: JudgmentalLexicon, people: People): RuleMessage {
  const span = fixableSpan(note, block, j);
  const [from, to] = proseSpan(note, block, span.start, span.end);
  const message: RuleMessage = {
    reason: reasonFor(j, people, lexicon),
    place: note.lines.place(from, to),
    category: j.entry.category.id,
    // The phrase the lexicon matched: what “Allow in this workspace” stores.
    // The lexicon form that matched (one of a shared entry's many), as “Allow” should store it.
    data: { phrase: j.entry.shared ? j.phrase : j.entry.phrase, person: j.person.client ? 'client' : 'other', source: j.entry.evaluative ? 'model' : 'lexicon' },
  };
  if (!span.fixable) return message;
  const rewrites = rewritesFor(span.judgment, view, lexicon.english, people);
  const plain = rewrites.filter((r) => !r.snippet).map((r) => r.text);
  if (plain.length > 0) message.expected = plain;
  const templates: Fix[] = rewrites.filter((r) => r.snippet).map((r) => ({ title: r.title, edits: [{ start: from, end: to, newText: r.text, snippet: true }] }));
  const removal = removalFix(note, block, span.judgment);
  if (removal) templates.unshift(removal);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the engine reads no fixes and an empty list alike (`m.fixes ?? []`).
  if (templates.length > 0) message.fixes = templates;
  return message;
}

/** “Late as usual.” → “Late.”: taking the marker out, where the judgment says how (and no markup lies inside the edit). */
function removalFix(note: Note, block: ProseBlock, j: Judgment): Fix | undefined {
  const r = j.removal;
  if (!r) return undefined;
  const [from, to] = proseSpan(note, block, r.start, r.end);
  if (note.text.slice(from, to) !== block.text.slice(r.start, r.end)) return undefined;
  return { title: `Remove “${j.phrase}”`, edits: [{ start: from, end: to, newText: r.text }] };
}

/**
 * A quick fix replaces the source between the span's offsets, so the span must not cross inline
 * markup (`*so* defensive`). Otherwise fall back to the bare phrase, and failing that, offer no fix.
 */
function fixableSpan(note: Note, block: ProseBlock, j: Judgment): { start: number; end: number; judgment: Judgment; fixable: boolean } {
  const clean = (start: number, end: number) => {
    const [from, to] = proseSpan(note, block, start, end);
    return note.text.slice(from, to) === block.text.slice(start, end);
  };
  if (clean(j.start, j.end)) return { start: j.start, end: j.end, judgment: j, fixable: true };
  const { attributive: _attributive, ...rest } = j;
  const bare: Judgment = { ...rest, start: j.hitStart, end: j.hitEnd };
  // An attributive rewrite needs its noun (“a hesitant client”), so it has no bare fallback.
  return { start: j.hitStart, end: j.hitEnd, judgment: bare, fixable: !j.attributive && clean(j.hitStart, j.hitEnd) };
}

function reasonFor(j: Judgment, people: People, lexicon: JudgmentalLexicon): string {
  const { category } = j.entry;
  const client = people.client ?? 'the client';
  // Stryker disable next-line StringLiteral: every reading names the person it takes for someone other than the client.
  const person = j.person.client ? client : (j.person.text ?? 'this person');
  const template = j.entry.explanation ?? category.explanation;
  // “it judges who her sisters are”: the verb after {person} agrees with a plural.
  const plural = !j.person.client && singularPerson(person.split(' ').pop()?.toLowerCase() ?? '', lexicon.personNouns, lexicon.english.classes.group_plurals) !== undefined;
  const agreed = plural ? template.replace(/\{person\} (\p{Ll}+)/gu, (_, verb: string) => `{person} ${pluralVerb(verb)}`) : template;
  const explanation = agreed.replace(/\{client\}/g, client).replace(/\{person\}/g, person);
  const about = j.person.client ? '' : `, about ${person},`;
  if (j.entry.evaluative) return `‘${shortened(j.phrase)}’${about} reads as ${indefinite(category.title)} ${category.title}: ${explanation}`;
  if (!category.builtin) {
    const list = category.id === 'custom' ? 'judgmental phrases' : category.title;
    return `‘${j.phrase}’${about} is on this workspace's list of ${list}: ${explanation}`;
  }
  return `‘${j.phrase}’${about} is ${indefinite(category.title)} ${category.title}: ${explanation}`;
}

const IRREGULAR_PLURAL_VERBS: ReadonlyMap<string, string> = new Map([['is', 'are'], ['has', 'have'], ['was', 'were'], ['does', 'do']]);

/** The plural of a third-person present verb: is → are, has → have, needs → need; any other word as it is. */
function pluralVerb(verb: string): string {
  const irregular = IRREGULAR_PLURAL_VERBS.get(verb);
  if (irregular) return irregular;
  if (/(?:ss|sh|ch|x|z)es$/.test(verb)) return verb.slice(0, -2);
  if (/[^su]s$/.test(verb)) return verb.slice(0, -1);
  return verb;
}

/** A clause quoted in a message: its first words, enough to find it. */
function shortened(phrase: string): string {
  const words = phrase.split(' ');
  return words.length <= SHORT_WORDS ? phrase : `${words.slice(0, SHORT_WORDS).join(' ')} …`;
}

const SHORT_WORDS = 8;

function indefinite(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
