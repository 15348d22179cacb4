import type { JudgmentalLexicon } from '../../lexicons/judgmental';
import { tokenize, type BlockView, type Token } from './block-view';
import { CLIENT, linkChain, NOUN_PHRASE_WORDS, skipBack, type Frame, type Subject } from './reading';

// Who a phrase is about: the subject before a linking verb, an object the coach judges, an
// appositive, the owner of what is judged — the client, someone else, or (never flagged) the coach.

const MAX_CONJUNCT_WORDS = 6;
const QUESTION_WORDS = new Set(['why', 'how', 'when', 'where']);
const NAME_SHAPE = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
const POSTPOSED = new Set(['his', 'hers', 'theirs']);
const PREVIOUS_WORD = /([\p{L}-]+)[ \t]+$/u;
/** “HR”, “the CFO”: a role written in capitals needs no determiner. */
const ACRONYM = /^\p{Lu}{2,4}s?$/u;

/** “It was selfish of Elena to …”, “it's unprofessional of him”: the person after “of”, with “it” as the subject. */
export function ofPerson(f: Frame, lead: number): Subject | undefined {
  if (f.next?.w !== 'of' || f.entry.kind !== 'adjective') return undefined;
  const i = skipBack(f.before, lead, linkChain(f.c)) - 1;
  if (f.before[i]?.w !== 'it' || !f.c.links.has(f.before[lead - 1]?.w ?? '')) return undefined;
  const who = f.view.after(f.next.end);
  if (!who) return undefined;
  if (f.c.object_pronouns.has(who.w) || f.people.names.has(who.w)) return { token: who, person: CLIENT };
  return NAME_SHAPE.test(who.raw) && !f.c.not_names.has(who.w) ? { token: who, person: { client: false, text: who.raw } } : undefined;
}

/** “Yara, ever the martyr, …”: a noun label set off by a comma right after a person. */
export function appositive(f: Frame, lead: number): Subject | undefined {
  if (f.entry.kind !== 'noun') return undefined;
  // Step back over “the”, “ever the” … to the word that opens the appositive.
  let k = lead;
  while (k > 0 && !(f.before[k]?.comma ?? f.commaBeforeHit) && f.c.appositive_leads.has(f.before[k - 1]?.w ?? '')) k--;
  const opensWithComma = k < f.before.length ? (f.before[k]?.comma ?? false) : f.commaBeforeHit;
  return opensWithComma ? personAt(f, f.before, k - 1) : undefined;
}

/** “she is / has been / came across as …”: the person before a linking verb. */
export function linkedSubject(f: Frame, lead: number): Subject | undefined {
  const before = f.before;
  let i = throughCoordination(f, skipBack(before, lead, f.c.adverbs) - 1);
  const t = before[i];
  if (!t) return undefined;
  // “Why is Sione so lazy about follow-up?”: a question that takes the judgment for granted.
  if (f.c.links.has(before[i - 1]?.w ?? '') && (i === 1 || QUESTION_WORDS.has(before[i - 2]?.w ?? ''))) {
    const asked = personAt(f, before, i);
    if (asked) return asked;
  }
  if (t.w === 'as' && (before[i - 1]?.w === 'across' || before[i - 1]?.w === 'off') && f.c.come.has(before[i - 2]?.w ?? '')) i -= 3;
  else if (f.entry.afterHave && f.c.have_verbs.has(t.w)) i -= 1; // “has a personality disorder”, “must have ADD”
  else if (t.w === 'like' && f.c.links.has(before[i - 1]?.w ?? '')) i -= 2; // “sounds like a …”
  else if (f.c.links.has(t.w)) i -= 1;
  else return undefined;
  i = skipBack(before, i + 1, linkChain(f.c)) - 1;
  if (f.c.joiners.has(before[i]?.w ?? '')) return clauseSubject(f); // “Maria sighed and got defensive”
  if (f.c.relatives.has(before[i]?.w ?? '')) return personAt(f, before, i - 1); // “Daniel, who is frankly clueless”
  return subjectAt(f, before, i);
}

/** The subject whose noun phrase ends at `before[i]`: its head, when a phrase qualifies it (“the deadline for the team”). */
export function subjectAt(f: Frame, before: Token[], i: number): Subject | undefined {
  const head = headBeforePreposition(f, before, i);
  return head !== undefined ? personAt(f, before, head) : (personAt(f, before, i) ?? postModified(f, before, i));
}

/**
 * “the deadline for the team”, “her complaints about the commute”: when the noun phrase ending at
 * `before[i]` follows a preposition that follows a noun, that noun is the phrase's head (the
 * deadline is judged, not the team).
 */
function headBeforePreposition(f: Frame, before: Token[], i: number): number | undefined {
  let k = i;
  while (k > 0 && k > i - NOUN_PHRASE_WORDS && !before[k]?.comma) {
    const t = before[k - 1] as Token;
    if (!(f.c.determiners.has(t.w) || f.c.articles.has(t.w) || t.w === "'s" || modifiesNoun(f.view, t)) || f.c.complement_starts.has(t.w)) break;
    k--;
  }
  const preposition = before[k - 1];
  const head = before[k - 2];
  if (!preposition || !head || before[k]?.comma || preposition.comma || preposition.w === 'that' || !f.c.complement_starts.has(preposition.w)) return undefined;
  const tags = f.view.tags(head.start);
  return tags.has('Noun') && !tags.has('Pronoun') && !tags.has('Verb') ? k - 2 : undefined;
}

/** How many words a noun's post-modifier may have: “the colleague in question”, “her complaints about the commute”. */
const POST_MODIFIER_WORDS = 5;

/**
 * “The colleague in question is …”, “her complaints about the commute are …”, “the new hire she
 * inherited is …”: the person (or what a person owns) before a short phrase or clause that
 * qualifies it, ending at `before[i]`.
 */
function postModified(f: Frame, before: Token[], i: number): Subject | undefined {
  for (let k = i; k > Math.max(0, i - POST_MODIFIER_WORDS); k--) {
    const t = before[k] as Token;
    if (t.comma || f.c.links.has(t.w) || f.c.conjunctions.has(t.w)) return undefined;
    if (!f.c.complement_starts.has(t.w) && !f.c.subject_pronouns.has(t.w) && !f.c.relatives.has(t.w)) continue;
    const head = before[k - 1];
    // The head is a noun: “the report she wrote” qualifies the report, not “she”.
    if (head && !f.c.subject_pronouns.has(head.w) && !f.c.object_pronouns.has(head.w)) return personAt(f, before, k - 1);
    return undefined;
  }
  return undefined;
}

/**
 * “She was tired and lazy”, “She's resistant to feedback, manipulative …”: from a conjunction or
 * comma before the span, the linking verb of the first predicate (within a few words), so the
 * subject check reads “She was”. Otherwise `i` itself.
 */
export function throughCoordination(f: Frame, i: number): number {
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
export function clauseSubject(f: Frame): Subject | undefined {
  let k = 0;
  const openers = f.c;
  while (k < f.before.length) {
    const w = f.before[k]?.w ?? '';
    if (!openers.adverbs.has(w) && !openers.contrasts.has(w) && !openers.conjunctions.has(w) && w !== 'so' && w !== 'when' && w !== 'after' && w !== 'once') break;
    k++;
  }
  // “I think Jonas just wants …”: the coach's opinion opens the clause; the judged subject follows.
  if (f.c.self.has(f.before[k]?.w ?? '') && f.c.opinion_verbs.has(f.before[k + 1]?.w ?? '')) k += f.before[k + 2]?.w === 'that' ? 3 : 2;
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
export function judgedObject(f: Frame, lead: number): Subject | undefined {
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
export function personAt(f: Frame, before: Token[], i: number): Subject | undefined {
  const t = before[i];
  if (!t) return undefined;
  // “that team of his”: the noun phrase before the “of”.
  if (POSTPOSED.has(t.w) && before[i - 1]?.w === 'of') return personAt(f, before, i - 2);
  // “she”, “Maria”, “the client”, “my client”
  if (f.c.subject_pronouns.has(t.w) || f.people.names.has(t.w) || f.c.client_nouns.has(t.w)) return { token: t, person: CLIENT };
  if (isName(f, before, i)) return { token: t, person: { client: false, text: titled(f, before, i) } };
  if (isPersonNoun(f.view, f.lexicon, t, false) && (ownedOrDetermined(f, before, i) || ACRONYM.test(t.raw) || genericPlural(f, before, i))) return { token: t, person: { client: false, text: nounPhrase(f, before, i) } };
  return ownerOf(f, before, i);
}

/** “Dr Ng”, “Mrs Patel”: a name with its title, whichever of the two words was found. */
function titled(f: Frame, before: Token[], i: number): string {
  const t = before[i] as Token;
  const next = before[i + 1];
  const previous = before[i - 1];
  if (f.c.titles.has(t.w) && next && /^\p{Lu}/u.test(next.raw)) return `${t.raw} ${next.raw}`;
  if (previous && f.c.titles.has(previous.w)) return `${previous.raw} ${t.raw}`;
  return t.raw;
}

/**
 * “her complaints are petty”, “Kofi's perfectionism is pathological”: a judgment of what a person
 * feels, says or does judges its owner. Words that are also ordinary about situations (context
 * `subject`: “her deadline is aggressive”) do not count this way.
 */
export function ownerOf(f: Frame, before: Token[], i: number): Subject | undefined {
  const head = before[i];
  if (!head || f.entry.kind === 'verb') return undefined;
  if (f.entry.context === 'subject' && !f.c.expressions.has(head.w)) return undefined;
  // “her roadmap is insane”, “his industry is notoriously cutthroat”: a label of a thing someone
  // has judges the thing; only what a person says, does or is (“her complaints”, “his
  // perfectionism”) judges its owner.
  if (!f.c.expressions.has(head.w) && !isBehaviourNoun(f.c, head.w)) return undefined;
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

/** A noun named for a way of being or doing (“perfectionism”, “timekeeping”, “leadership style”): lexicons/english.yaml `behaviour_noun_endings`. */
function isBehaviourNoun(c: Frame['c'], w: string): boolean {
  for (const ending of c.behaviour_noun_endings) if (w.endsWith(ending)) return true;
  return false;
}

/** A noun that names a person (“boss”, “sister”, “team”), from the lexicon's list or the tagger. */
export function isPersonNoun(view: BlockView, lexicon: JudgmentalLexicon, t: Token, strict: boolean): boolean {
  const nouns = lexicon.personNouns;
  if (nouns.has(t.w) || (!strict && singularPerson(t.w, nouns, lexicon.english.classes.group_plurals) !== undefined)) return true;
  // Two-word person nouns (“her direct report”): the word before completes the noun.
  const previous = PREVIOUS_WORD.exec(view.raw.slice(Math.max(0, t.start - 24), t.start))?.[1]?.toLowerCase();
  if (previous && (nouns.has(`${previous} ${t.w}`) || (t.w.endsWith('s') && nouns.has(`${previous} ${t.w.slice(0, -1)}`)))) return true;
  if (strict || lexicon.english.classes.compound_heads.has(t.w)) return false;
  const tags = view.tags(t.start);
  return tags.has('Actor') && tags.has('Noun') && !tags.has('Pronoun') && !tags.has('ProperNoun');
}

/**
 * The person noun a plural names (“bosses” → boss, “deputies” → deputy, “wives” → wife, “people”
 * as it is), or undefined when the word is not the plural of a person noun.
 */
export function singularPerson(w: string, nouns: ReadonlySet<string>, groups: ReadonlySet<string>): string | undefined {
  if (groups.has(w)) return w;
  if (!w.endsWith('s') || nouns.has(w)) return undefined;
  const candidates = [w.slice(0, -1), w.endsWith('es') ? w.slice(0, -2) : '', w.endsWith('ies') ? `${w.slice(0, -3)}y` : '', w.endsWith('ves') ? `${w.slice(0, -3)}fe` : ''];
  return candidates.find((c) => c !== '' && nouns.has(c));
}

/** A person noun needs a determiner or possessive before it (“her boss”, “the team”, “Tom's wife”), or modifiers then one (“Aiko's project sponsor”). */
export function ownedOrDetermined(f: Frame, before: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - NOUN_PHRASE_WORDS); k--) {
    const t = before[k] as Token;
    if (f.c.determiners.has(t.w) || t.w === "'s" || f.c.articles.has(t.w) || f.c.quantifiers.has(t.w)) return true;
    if (!modifiesNoun(f.view, t)) return false;
  }
  return false;
}

/**
 * “Millennials never stick around”, “French vendors are notoriously slow”: a plural person noun
 * with no determiner opening its clause speaks of a whole group, which judges everyone in it.
 */
function genericPlural(f: Frame, before: Token[], i: number): boolean {
  const t = before[i] as Token;
  const nouns = f.lexicon.personNouns;
  if (singularPerson(t.w, nouns, f.c.group_plurals) === undefined) return false;
  for (let k = i - 1; k >= 0; k--) if (!modifiesNoun(f.view, before[k] as Token) || f.c.determiners.has((before[k] as Token).w)) return false;
  return true;
}

/** An adjective or a noun (not a pronoun) inside a noun phrase: “her *new* manager”, “Aiko's *project* sponsor”. */
function modifiesNoun(view: BlockView, t: Token): boolean {
  const tags = view.tags(t.start);
  return tags.has('Adjective') || (tags.has('Noun') && !tags.has('Pronoun'));
}

/** “her new manager”, “Tom's wife”: the noun phrase ending at `before[i]`, as the message names the person. */
export function nounPhrase(f: Frame, before: Token[], i: number): string {
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
    if (!modifiesNoun(f.view, t)) break;
    k--;
  }
  const words = before.slice(k, i + 1);
  const text = f.view.raw.slice(words[0]?.start ?? 0, words[words.length - 1]?.end ?? 0);
  return f.c.determiners.has(words[0]?.w ?? '') || f.c.articles.has(words[0]?.w ?? '') ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A capitalised word that the tagger reads as a person's name, or any capitalised word mid-sentence or written so elsewhere in the note. */
export function isName(f: Frame, before: Token[], i: number): boolean {
  const t = before[i];
  if (!t || !NAME_SHAPE.test(t.raw) || f.c.not_names.has(t.w)) return false;
  const tags = f.view.tags(t.start);
  if (tags.has('Person') || tags.has('FirstName')) return true;
  return (i > 0 || f.people.others?.has(t.w) === true) && !tags.has('Date') && !tags.has('Place') && !tags.has('Organization');
}

/**
 * “I over-explained the model; should have let her lead.”: a clause with no subject of its own,
 * after a clause of the same sentence that the coach opened, is still the coach's.
 */
export function coachOpensSentence(f: Frame): boolean {
  const [a] = f.view.sentence(f.start);
  const first = tokenize(f.view.text, a, f.start)[0];
  return first !== undefined && (first.w === 'i' || first.w === 'we');
}

/** The coach writing about themself (“I …”, “we …” opening the clause, or right before), or a negation right before. */
export function selfOrNegated(f: Frame, i: number): boolean {
  const w = f.before[i]?.w ?? '';
  return f.c.self.has(w) || f.c.negations.has(w) || f.c.self.has(f.before[0]?.w ?? '');
}
