import type { English } from '../../language/english';
import { formOf } from '../../language/inflect';
import { tagSentence } from '../../language/tagger';
import { escapeSnippet } from '../../model/snippet';
import type { BlockView, Token } from './block-view';
import type { Judgment, People } from './judge';
import { FRAME_BREAKS } from './reading';

/** A replacement for a flagged span. A snippet is a template for the coach to complete, with the part to describe selected. */
export interface Rewrite {
  text: string;
  snippet: boolean;
  title: string;
}

const MAX_REWRITES = 3;

/**
 * The entry's suggestions that fit the sentence: same part of speech, tense and person, and no
 * doubled complement. Where none fits, an observation template to complete instead of a guess.
 */
export function rewritesFor(j: Judgment, view: BlockView, english: English, people: People): Rewrite[] {
  const flagged = view.raw.slice(j.start, j.end);
  const sentenceStart = /^\p{Lu}(?!\p{Lu})/u.test(flagged); // but not an acronym such as OCD
  const cased = (text: string) => (sentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text);
  const pronoun = subjectPronoun(j, english, people);
  if (j.entry.generalization) return [generalizationTemplate(j, flagged, pronoun, cased, english)];
  // “as usual”, “yet again she”: a marker of repetition gives way to the occasions.
  if (j.entry.category.id === 'generalization' && j.entry.suggestions.length === 0) {
    const occasions = occasionsTemplate(flagged, cased, english);
    if (occasions) return [occasions];
  }
  const next = view.after(j.end);
  const previous = view.before(j.start, new Set(['.', '!', '?', ';', ':'])).at(-1);
  const out: Rewrite[] = [];
  for (const suggestion of j.entry.suggestions) {
    const filled = suggestion.replace(/\{they\}/g, pronoun);
    if (!fits(j, filled, previous, next, view, english)) continue;
    const text = cased(j.attributive ? attributive(j.attributive, filled) : filled);
    if (!out.some((r) => r.text === text)) out.push({ text, snippet: false, title: `Replace with “${text}”` });
  }
  if (out.length > 0) return out.slice(0, MAX_REWRITES);
  return [observationTemplate(j, cased)];
}

function subjectPronoun(j: Judgment, english: English, people: People): string {
  const w = j.subject?.w;
  if (w && english.classes.subject_pronouns.has(w)) return w;
  if (!j.person.client) return 'they';
  return people.pronoun ?? 'they';
}

/** Whether a suggestion reads right where the flagged words stand: see `rewritesFor`. */
function fits(j: Judgment, suggestion: string, previous: Token | undefined, next: Token | undefined, view: BlockView, english: English): boolean {
  // Words after which a suggestion that brings its own complement would double it (“behind on the tasks about the budget”).
  const complements = english.classes.complement_starts;
  const words = tagSentence(suggestion);
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) return false;
  // A negated suggestion fits only after “be”: “is not using”, never “got not using”.
  if (first.text.toLowerCase() === 'not' && !english.classes.be_forms.has(previous?.w ?? '')) return false;
  // Nor in a clause already negated: “hasn't been not using”.
  if (first.text.toLowerCase() === 'not' && view.before(j.start, FRAME_BREAKS).some((t) => english.classes.negations.has(t.w))) return false;
  // After a verb of becoming a description fits (“got abstinent”, “got guarded about …”), a
  // prepositional phrase does not (“never got in recovery”).
  if (previous && english.classes.becoming.has(previous.w) && first.tags.has('Preposition')) return false;
  const ownComplement = words.length > 1 && (words.slice(1).some((w) => complements.has(w.text.toLowerCase())) || last.tags.has('Noun'));
  if (next && complements.has(next.w) && ownComplement) return false;
  const kind = j.entry.kind;
  // A noun's suggestions name a person (“a person with an addiction”): none fits before another noun (“his addict brother”).
  if (kind === 'noun' && j.attributive) return false;
  if (kind === 'adjective' && !j.attributive) {
    // An adjective's slot takes an adjective phrase (“hesitant”, “behind on …”), not a verb (“expecting …”).
    // Past participles read as adjectives (“upset”, “distracted”); an -ing or base verb does not.
    if (first.tags.has('Gerund') || (first.tags.has('Verb') && !first.tags.has('Adjective') && !first.tags.has('PastTense') && !first.tags.has('Participle'))) return false;
    // “She was being lazy” takes an adjective, not a prepositional phrase (“being behind on …”).
    if (previous?.w === 'being' && (first.tags.has('Preposition') || !first.tags.has('Adjective'))) return false;
  }
  if (!j.entry.verbForm) {
    // A hand-written suggestion for a verb keeps its tense: “claims” → “says”, “playing the victim” → “focusing on …”.
    const hit = view.tags(j.hitStart);
    if (hit.has('Verb') && !hit.has('Adjective') && first.tags.has('Verb') && tenseOf(hit) !== tenseOf(first.tags)) return false;
  }
  return true;
}

function tenseOf(tags: ReadonlySet<string>): string | undefined {
  if (tags.has('Gerund')) return 'gerund';
  if (tags.has('PastTense')) return 'past';
  if (tags.has('PresentTense') || tags.has('Infinitive')) return 'present';
  return undefined;
}

/** “a difficult client” → “a hesitant client” for a bare adjective, “a client guarded about …” for a phrase. */
function attributive({ article, noun }: { article: boolean; noun: string }, suggestion: string): string {
  const bare = !/\s/.test(suggestion) || /^(?:very|quite|rather|a bit|somewhat)\s+\S+$/.test(suggestion);
  if (bare) return `${article ? `${indefinite(suggestion)} ` : ''}${suggestion} ${noun}`;
  return `${article ? `${indefinite(noun)} ` : ''}${noun} ${suggestion}`;
}

/**
 * “always complains” → “has complained ${1:…}”: the frequency word goes and the verb keeps its
 * person and tense, with the occasions to fill in.
 */
function generalizationTemplate(j: Judgment, flagged: string, pronoun: string, cased: (t: string) => string, english: English): Rewrite {
  const g = j.entry.generalization;
  if (!g) return observationTemplate(j, cased);
  // “Never once has her boss said thanks”: the subject comes after the auxiliary, so only the
  // sweeping words can change, to a named time: “Not since March has her boss said thanks”.
  const auxiliary = flagged.split(/\s+/).pop() ?? '';
  if (g.negative && english.classes.inverting_auxiliaries.has(auxiliary.toLowerCase())) {
    return { text: `${escapeSnippet(cased('not'))} \${1:since when, or in which sessions} ${escapeSnippet(auxiliary)}`, snippet: true, title: `Name the occasions instead of “${g.adverb}”` };
  }
  // The matched verb's own form tells its person: “never follow through” (they) against “never follows”.
  const have = j.entry.verbForm === 'base' || (j.entry.verbForm !== 'third' && pronoun === 'they') ? 'have' : 'has';
  const occasions = g.negative ? '${1:since when, or on which occasions}' : '${1:on which occasions}';
  let verb: string;
  if (g.verb.base.toLowerCase() === 'be') verb = g.verb.rest.trim(); // “always late” → “late ${1:…}”
  else if (g.negative) verb = `${have} not ${formOf(g.verb, 'participle')}`;
  else if (j.entry.verbForm === 'past') verb = formOf(g.verb, 'past');
  else if (g.adverb === 'keeps') verb = `has ${formOf(g.verb, 'participle')}`; // “keeps cancelling” → “has cancelled …”
  else if (g.adverb === 'kept') verb = formOf(g.verb, 'past');
  else if (j.entry.verbForm === 'gerund') verb = formOf(g.verb, 'gerund');
  else verb = `${have} ${formOf(g.verb, 'participle')}`;
  return { text: `${escapeSnippet(cased(verb))} ${occasions}`, snippet: true, title: `Name the occasions instead of “${g.adverb}”` };
}

/**
 * “as usual”, “yet again she”: a marker of repetition (lexicons/english.yaml `repeat_markers`)
 * gives way to the occasions (“She was late, on 3 and 17 March”), keeping a subject the phrase
 * took in (“On 3 March, she”). Undefined for any other sweeping phrase (“Classic Maria”,
 * “notoriously”), where an occasion would not read in its place.
 */
function occasionsTemplate(flagged: string, cased: (t: string) => string, english: English): Rewrite | undefined {
  const subject = /[\s,]+(\S+)$/.exec(flagged);
  const keep = subject?.[1] !== undefined && english.classes.subject_pronouns.has(subject[1].toLowerCase()) ? subject[1] : undefined;
  const core = (keep && subject ? flagged.slice(0, subject.index) : flagged).replace(/^[\s,;:—–-]+/, '');
  const marker = english.repeats.exec(core);
  if (!marker || marker.index !== 0 || marker[0].length !== core.length) return undefined;
  const text = keep ? `${escapeSnippet(cased('on'))} \${1:which occasions}, ${escapeSnippet(keep)}` : `\${1:${cased('on which occasions')}}`;
  return { text, snippet: true, title: 'Name the occasions instead (template)' };
}

/** No rewrite fits the sentence: a template for the coach to describe what they saw or heard. */
function observationTemplate(j: Judgment, cased: (t: string) => string): Rewrite {
  const what = j.entry.kind === 'trait-noun' ? 'words or actions (which?)' : 'what you saw or heard';
  return { text: `\${1:${cased(what)}}`, snippet: true, title: 'Describe what you observed instead (template)' };
}

function indefinite(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
