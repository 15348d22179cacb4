import { phraseKey, type JudgmentalEntry, type JudgmentalLexicon } from '../lexicons/judgmental';
import type { RuleMessage } from '../model/types';
import { proseSpan } from '../note/prose';
import type { Note, ProseBlock } from '../note/types';
import type { Rule } from './types';
import { EXAMPLE_HEAD as HEAD } from './example-note';


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
      title: 'A word the workspace allows',
      note: HEAD + 'She was resistant to the idea at first.\n',
      config: 'judgmental:\n  allow: [resistant]\n',
      findings: 0,
    },
  ],
  check({ note, judgmental, report }) {
    if (!judgmental.pattern) return;
    const people = peopleOf(note);
    for (const block of note.prose) {
      if (block.quoted) continue; // A blockquote holds the client's own words.
      for (const judgment of findJudgments(block.text, judgmental, people)) report(toMessage(note, block, judgment, people));
    }
  },
};

// ── Word classes (grammar, not lexicon: they decide whether a phrase is about the client) ──

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/));

const SUBJECT_PRONOUNS = words('she he they');
const SUBJECT_NOUNS = words('client coachee mentee');
const OBJECT_PRONOUNS = words('her him them');
const SELF = words('i me my we us our myself ourselves');
const NEGATIONS = words('not never no hardly barely nor neither nobody nothing without');
const ARTICLES = words('a an');
/** Verbs linking a subject to a description: “she is / seemed / got / came across as …”. */
const LINKS = words(
  "is was are were 's 're 'm am be been being seems seemed seem appears appeared appear looks looked look sounds sounded sound " +
    'acts acted act acting gets got get getting gotten became becomes become becoming remains remained remain stays stayed stay grew grows turned turns went goes',
);
const COME = words('came comes come coming');
const AUX = words("has had have 've 'd 'll can could will would may might must shall should to tends tended tend keeps kept keep does did do continues continued started starts began begins");
/** Adverbs that may stand between a subject and its verb: “she just never …”, “she really is …”. */
const ADVERBS = words(
  'just still also really always often usually sometimes clearly obviously then now again simply basically actually definitely certainly generally typically ' +
    'honestly frankly apparently seemingly quickly immediately already ever even once repeatedly conveniently suddenly completely totally quite very so rather ' +
    'pretty increasingly constantly frequently continually mostly probably likely today understandably initially later eventually finally',
);
/** Words that strengthen a label and belong to the flagged span: “so defensive”, “a bit lazy”. */
const INTENSIFIERS = words(
  'so very really quite extremely incredibly pretty super too rather somewhat totally completely utterly clearly obviously overly increasingly more most ' +
    'always still a bit little kind sort kinda sorta fairly highly deeply particularly especially unusually visibly emotionally mentally seriously genuinely ' +
    'truly downright just even also again sometimes often usually',
);
/** Words before a noun label that belong to the flagged span: “such a”, “a total”, “a bit of a”. */
const NOUN_LEADS = words('a an such total real complete classic typical textbook absolute bit little proper utter huge massive big true genuine kind sort right');
const OF_LEADS = words('kind sort bit');
const LINK_CHAIN = new Set([...AUX, ...LINKS, ...ADVERBS]);
const PHRASE_LEADS = new Set([...LINK_CHAIN, ...INTENSIFIERS]);
/** Words that may follow a predicate adjective; any other word means it describes a thing (“a lazy Sunday”). */
const FOLLOWERS = words(
  'about with toward towards to when whenever while if in at on around during after before because since as than and or but nor so again today tonight ' +
    'yesterday lately recently sometimes often overall throughout of for by from until till now then too also though although every each here there anymore ' +
    'still instead even really rather yet over under like without unless whereas all once initially first later earlier afterwards',
);
/** After a person noun, these make a compound about a situation: “a difficult client conversation”. */
const COMPOUND_HEADS = words(
  'meeting meetings conversation conversations situation situations session sessions call calls relationship relationships case cases base list account ' +
    'accounts project projects work feedback engagement engagements portfolio email emails file files visit visits interaction interactions issue issues ' +
    'problem problems management service services experience experiences story stories scenario scenarios dynamic dynamics behaviour behavior role roles journey',
);
/** “I found her defensive”, “I'd call him a narcissist”. */
const JUDGING_VERBS = words('find finds found consider considers considered think thinks thought call calls called see sees saw experience experienced perceive perceived deem deemed');
/** Verbs that report someone's words or views: what follows is theirs, not the coach's judgment. */
const REPORTING = words(
  'said says say saying told tells tell telling feels felt feel feeling thinks think thought thinking believes believed believe described describes describe ' +
    'describing called calls call calling fears feared fear worries worried worry worrying wonders wondered mentioned mentions explained explains shared shares ' +
    'realised realized realises realizes noticed notices recognised recognized admits admitted admitting acknowledged acknowledges reported reports complained ' +
    'complains vented talked talks spoke speaks discussed discusses asked asks wrote writes sees saw hears heard knows knew suspects suspected accused accuses ' +
    'wishes hopes hoped afraid scared convinced sure labelled labeled considers considered finds found according',
);
const CONTRASTS = words('but although though however whereas yet');
const CONJUNCTIONS = words('and or but yet');
const JOINERS = words('and but');
const CLAUSE_OPENERS = new Set([...ADVERBS, ...CONTRASTS, 'and', 'so', 'then', 'when', 'after', 'once']);
const MAX_CONJUNCT_WORDS = 6;
/** Capitalised words that are not people, even mid-sentence. */
const NOT_NAMES = words(
  'monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december ' +
    'christmas easter ramadan covid zoom teams slack google english french german spanish god',
);
const IRREGULAR_PARTICIPLES = words(
  'done gone known been said told made taken seen given had got gotten thought brought bought found left kept felt sent spent paid spoken written let put set ' +
    'quit stood understood come become run begun chosen held met sat stuck won lost led read heard built taught caught meant shown',
);
const NOT_PARTICIPLES = words('even often children women men seven ten kitchen garden own down brown open');
const NAME_SHAPE = /^\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*$/u;
/** Where a clause starts, for reading the words before a phrase. */
const FRAME_BREAKS = new Set(['.', '!', '?', ';', ':', '(', ')']);
/** Where reported speech stops reaching: “She said it was fine, but she was defensive.” */
const REPORT_BREAKS = new Set(['.', '!', '?', ';', ',']);

// ── Reading one prose block ──

interface Token {
  /** Lower case, straight apostrophes; contractions split (“she's” → she + 's, “wasn't” → was + not). */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** A comma stands between this word and the one before. */
  comma: boolean;
}

interface People {
  /** The frontmatter `client`, for messages. */
  client?: string;
  /** Lower-case parts of the client's name. */
  names: ReadonlySet<string>;
  /** From the frontmatter `pronouns:` field, if any. */
  pronoun?: string;
}

interface Judgment {
  entry: JudgmentalEntry;
  /** The lexicon phrase as written in the note, and where it is in the block. */
  phrase: string;
  hitStart: number;
  hitEnd: number;
  /** The span to flag and replace (may include intensifiers, an article or a person noun). */
  start: number;
  end: number;
  subject?: Token;
  /** “a difficult client”: rewrites keep the noun (“a client guarded about …”). */
  attributive?: { article: boolean; noun: string };
}

function peopleOf(note: Note): People {
  const client = note.meta.client?.trim() || undefined;
  const names = new Set((client ?? '').toLowerCase().split(/[^\p{L}'’-]+/u).filter((p) => p.length > 1));
  const pronouns = note.frontmatter.data['pronouns'];
  const pronoun = typeof pronouns === 'string' ? /\b(she|he|they)\b/i.exec(pronouns)?.[1]?.toLowerCase() : undefined;
  const people: People = { names };
  if (client) people.client = client;
  if (pronoun) people.pronoun = pronoun;
  return people;
}

/** One pass of the combined pattern over the block; context is only read around hits, which are rare. */
function findJudgments(text: string, lexicon: JudgmentalLexicon, people: People): Judgment[] {
  const pattern = lexicon.pattern;
  if (!pattern) return [];
  const found: Judgment[] = [];
  let view: BlockView | undefined;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const entry = lexicon.entries.get(phraseKey(m[0]));
    view ??= new BlockView(text, lexicon.allow);
    const judgment = entry && !view.masked(start, end) ? judge(view, lexicon, entry, start, end, people) : undefined;
    if (judgment && !view.allowed(judgment.start, judgment.end)) {
      found.push(judgment);
      pattern.lastIndex = Math.max(pattern.lastIndex, judgment.end);
    } else {
      pattern.lastIndex = start + 1; // A shorter phrase inside a rejected one may still apply.
    }
  }
  return found;
}

/** A block's text with the client's quoted words and URLs blanked out; words are read on demand around hits. */
class BlockView {
  /** Same length as the block text; each masked span becomes one placeholder word. */
  readonly text: string;
  private readonly masks: Array<[number, number]>;
  private allowRanges: Array<[number, number]> | undefined;

  constructor(
    private readonly raw: string,
    private readonly allow: RegExp | undefined,
  ) {
    this.masks = maskRanges(raw);
    let text = raw;
    for (const [a, b] of this.masks) text = text.slice(0, a) + 'x'.repeat(b - a) + text.slice(b);
    this.text = text;
  }

  masked(start: number, end: number): boolean {
    return this.masks.some(([a, b]) => start < b && end > a);
  }

  allowed(start: number, end: number): boolean {
    if (!this.allow) return false;
    this.allowRanges ??= [...this.raw.matchAll(this.allow)].map((m) => [m.index, m.index + m[0].length]);
    return this.allowRanges.some(([a, b]) => start < b && end > a);
  }

  /** The words of the clause before `pos`, nearest last. */
  before(pos: number, breaks: ReadonlySet<string>): Token[] {
    let from = pos;
    while (from > 0 && !isBreak(this.text, from - 1, breaks)) from--;
    return tokenize(this.text, from, pos);
  }

  /** The word right after `pos`, or undefined when punctuation or the end comes first. */
  after(pos: number): Token | undefined {
    NEXT_WORD.lastIndex = pos;
    const m = NEXT_WORD.exec(this.text);
    if (!m?.[1]) return undefined;
    const start = pos + m[0].length - m[1].length;
    return tokenize(this.text, start, start + m[1].length)[0];
  }
}

function isBreak(text: string, i: number, breaks: ReadonlySet<string>): boolean {
  const c = text[i] ?? '';
  if (!breaks.has(c)) return false;
  return !(c === '.' && /\d/.test(text[i + 1] ?? '')); // 3.5 is not a sentence end
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NEXT_WORD = /\s*([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)?/uy;

/** The words between two offsets; contractions are split so “she's” reads as she + 's. */
function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  let last = from;
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index + m[0].length <= to; m = WORD.exec(text)) {
    const raw = m[0];
    const comma = text.slice(last, m.index).includes(',');
    last = m.index + raw.length;
    let lower = raw.toLowerCase();
    if (lower.includes('’')) lower = lower.replace(/’/g, "'");
    if (!lower.includes("'")) {
      tokens.push({ w: lower, raw, start: m.index, end: last, comma });
      continue;
    }
    const negated = lower.length > 3 && lower.endsWith("n't");
    const suffix = negated ? null : /'(?:s|re|ve|ll|d|m)$/.exec(lower);
    const cut = negated ? lower.length - 3 : (suffix?.index ?? lower.length);
    tokens.push({ w: lower.slice(0, cut), raw: raw.slice(0, cut), start: m.index, end: m.index + cut, comma });
    if (cut < lower.length) tokens.push({ w: negated ? 'not' : lower.slice(cut), raw: raw.slice(cut), start: m.index + cut, end: last, comma: false });
  }
  return tokens;
}

// ── Masking: quoted client words and URLs are not the coach's judgment ──

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*/giu;
const MAX_STRAIGHT_SINGLE_QUOTE = 160;

function maskRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(URL)) ranges.push([m.index, m.index + m[0].length]);
  maskStraightDouble(text, ranges);
  maskOpenClose(text, '“', '”', ranges);
  maskOpenClose(text, '«', '»', ranges);
  maskSingle(text, ranges);
  return ranges;
}

/** Straight double quotes pair up in order; an odd one out is left alone. */
function maskStraightDouble(text: string, ranges: Array<[number, number]>): void {
  let open = -1;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) {
    if (open === -1) open = i;
    else {
      ranges.push([open, i + 1]);
      open = -1;
    }
  }
}

/** Curly quotes are unambiguous: an unclosed one runs to the end of the block. */
function maskOpenClose(text: string, open: string, close: string, ranges: Array<[number, number]>): void {
  for (let i = text.indexOf(open); i !== -1; ) {
    const j = text.indexOf(close, i + 1);
    const end = j === -1 ? text.length : j + 1;
    ranges.push([i, end]);
    i = text.indexOf(open, end);
  }
}

/**
 * Single quotes double as apostrophes, so only clear pairs count: an opening quote at the start
 * of a word, and a closing one after a word and not followed by a letter (unlike “she’s”).
 */
function maskSingle(text: string, ranges: Array<[number, number]>): void {
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '‘' && c !== "'") continue;
    const curly = c === '‘';
    if (!/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) continue;
    if (!curly && i > 0 && !/[\s([{“"—–]/.test(text[i - 1] ?? '')) continue;
    const end = closingSingle(text, i + 1, curly ? '’' : "'", curly ? text.length : i + MAX_STRAIGHT_SINGLE_QUOTE);
    if (end === -1) continue;
    ranges.push([i, end + 1]);
    i = end;
  }
}

function closingSingle(text: string, from: number, close: string, limit: number): number {
  for (let k = text.indexOf(close, from); k !== -1 && k < limit; k = text.indexOf(close, k + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[k + 1] ?? '') && !/\s/.test(text[k - 1] ?? ' ')) return k;
  }
  return -1;
}

// ── Deciding whether a hit judges the client ──

interface Frame {
  view: BlockView;
  entry: JudgmentalEntry;
  lexicon: JudgmentalLexicon;
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

function judge(view: BlockView, lexicon: JudgmentalLexicon, entry: JudgmentalEntry, start: number, end: number, people: People): Judgment | undefined {
  const next = view.after(end);
  if (next && entry.unlessNext.has(next.w)) return undefined;
  if (entry.needsParticiple && !(next && isParticiple(next.w))) return undefined;
  // An adjective followed by another word describes that thing (“a lazy Sunday”, “challenging the
  // plan”) unless it is a person noun. Most situational hits end here, before reading backwards.
  if (entry.kind === 'adjective' && next && !FOLLOWERS.has(next.w) && !lexicon.personNouns.has(next.w)) return undefined;
  const before = view.before(start, FRAME_BREAKS);
  const commaBeforeHit = view.text.slice(before[before.length - 1]?.end ?? start, start).includes(',');
  const span = SPANS[entry.kind]({ view, lexicon, entry, start, end, before, next, commaBeforeHit, people });
  if (!span || isReported(view.before(span.start, REPORT_BREAKS))) return undefined;
  return { ...span, entry, phrase: view.text.slice(start, end).replace(/\s+/g, ' '), hitStart: start, hitEnd: end };
}

const SPANS: Record<JudgmentalEntry['kind'], (f: Frame) => Span | undefined> = {
  adjective: adjectiveSpan,
  noun: (f) => predicateSpan(f, skipLeads(f.before, f.before.length, NOUN_LEADS)),
  verb: (f) => actorSpan(f, skipBack(f.before, f.before.length, ADVERBS) - 1),
  phrase: (f) => {
    // “a bit OCD about”, “always making excuses”: the intensifiers go with the phrase.
    const start = f.before[skipLeads(f.before, f.before.length, INTENSIFIERS)]?.start ?? f.start;
    const i = throughCoordination(f, skipLeads(f.before, f.before.length, PHRASE_LEADS) - 1);
    return actorSpan(f, f.before[i]?.w === 'as' ? i : skipBack(f.before, i + 1, LINK_CHAIN) - 1, start);
  },
};

/**
 * An adjective judges a person after “she is …”, before a person noun, or opening a fragment.
 * (`judge` has already dropped adjectives followed by other words: “a lazy Sunday”.)
 */
function adjectiveSpan(f: Frame): Span | undefined {
  if (f.next && f.lexicon.personNouns.has(f.next.w)) return attributiveSpan(f, f.next);
  return predicateSpan(f, skipLeads(f.before, f.before.length, INTENSIFIERS));
}

/** `lead` is the index of the first word that belongs to the span (intensifiers, articles). */
function predicateSpan(f: Frame, lead: number): Span | undefined {
  const start = f.before[lead]?.start ?? f.start;
  const subject = linkedSubject(f, lead) ?? judgedObject(f.before, lead, f.people);
  if (subject) return { start, end: f.end, subject };
  if (f.entry.context !== 'subject' && lead === 0) return { start, end: f.end }; // a fragment: “Lazy again.”
  if (f.entry.context === 'anywhere' && !selfOrNegated(f.before, skipBack(f.before, lead, LINK_CHAIN) - 1)) return { start, end: f.end };
  return undefined;
}

/** “a (really) difficult client”: the span takes the article so the rewrite can fix a/an. */
function attributiveSpan(f: Frame, noun: Token): Span | undefined {
  const following = f.view.after(noun.end);
  if (following && COMPOUND_HEADS.has(following.w)) return undefined;
  let lead = skipLeads(f.before, f.before.length, INTENSIFIERS);
  let article = ARTICLES.has(f.before[lead]?.w ?? '');
  if (!article && ARTICLES.has(f.before[lead - 1]?.w ?? '')) {
    lead--;
    article = true;
  }
  if (NEGATIONS.has(f.before[lead - 1]?.w ?? '')) return undefined;
  return { start: f.before[lead]?.start ?? f.start, end: noun.end, attributive: { article, noun: noun.raw } };
}

/** Verbs and phrases need the client as their subject (`i` is the word before them), or a fragment. */
function actorSpan(f: Frame, i: number, start = f.start): Span | undefined {
  const t = f.before[i];
  const subject = t && JOINERS.has(t.w) ? clauseSubject(f.before, f.people) : t && isPerson(f.before, i, f.people) ? t : undefined;
  if (subject) return { start, end: f.end, subject };
  if (!t && f.entry.context !== 'subject') return { start, end: f.end };
  if (f.entry.context === 'anywhere' && !selfOrNegated(f.before, i)) return { start, end: f.end };
  return undefined;
}

/** “she is / has been / came across as …”: the person before a linking verb. */
function linkedSubject(f: Frame, lead: number): Token | undefined {
  const before = f.before;
  let i = throughCoordination(f, skipBack(before, lead, ADVERBS) - 1);
  const t = before[i];
  if (!t) return undefined;
  if (t.w === 'as' && (before[i - 1]?.w === 'across' || before[i - 1]?.w === 'off') && COME.has(before[i - 2]?.w ?? '')) i -= 3;
  else if (LINKS.has(t.w)) i -= 1;
  else return undefined;
  i = skipBack(before, i + 1, LINK_CHAIN) - 1;
  if (JOINERS.has(before[i]?.w ?? '')) return clauseSubject(before, f.people); // “Maria sighed and got defensive”
  return isPerson(before, i, f.people) ? before[i] : undefined;
}

/**
 * “She was tired and lazy”, “She's resistant to feedback, manipulative …”: from a conjunction or
 * comma before the span, the linking verb of the first predicate (within a few words), so the
 * subject check reads “She was”. Otherwise `i` itself.
 */
function throughCoordination(f: Frame, i: number): number {
  const conjunction = CONJUNCTIONS.has(f.before[i]?.w ?? '');
  const comma = i >= 0 && (f.before[i + 1]?.comma ?? f.commaBeforeHit);
  if (!conjunction && !comma) return i;
  const from = conjunction ? i - 1 : i;
  for (let k = from; k >= Math.max(0, from - MAX_CONJUNCT_WORDS); k--) {
    const w = f.before[k]?.w ?? '';
    if (LINKS.has(w) || w === 'as') return k;
  }
  return i;
}

/** The subject that opens the clause (after adverbs), when it is the client: “She sighed and …”. */
function clauseSubject(before: Token[], people: People): Token | undefined {
  let k = 0;
  while (k < before.length && CLAUSE_OPENERS.has(before[k]?.w ?? '')) k++;
  return isPerson(before, k, people) ? before[k] : undefined;
}

/** “I found her defensive”: the coach's judgment of the client as an object. Someone else's view is reported speech. */
function judgedObject(before: Token[], lead: number, people: People): Token | undefined {
  const i = lead - 1;
  const object = before[i];
  const verb = before[i - 1];
  if (!object || !verb || !JUDGING_VERBS.has(verb.w)) return undefined;
  if (!OBJECT_PRONOUNS.has(object.w) && !people.names.has(object.w) && !isName(object)) return undefined;
  const judge = before[skipBack(before, i - 1, ADVERBS) - 1];
  return !judge || SELF.has(judge.w) ? object : undefined;
}

function isPerson(before: Token[], i: number, people: People): boolean {
  const t = before[i];
  if (!t) return false;
  if (SUBJECT_PRONOUNS.has(t.w) || SUBJECT_NOUNS.has(t.w) || people.names.has(t.w)) return true;
  // A capitalised word mid-sentence is most likely a name; at the start of a sentence it may be any word.
  return i > 0 && isName(t);
}

function isName(t: Token): boolean {
  return NAME_SHAPE.test(t.raw) && !NOT_NAMES.has(t.w);
}

function selfOrNegated(before: Token[], i: number): boolean {
  const w = before[i]?.w ?? '';
  return SELF.has(w) || NEGATIONS.has(w);
}

/** Whether a reporting verb with someone other than the coach as subject introduces the clause. */
function isReported(clause: Token[]): boolean {
  for (let i = clause.length - 1; i >= 0; i--) {
    const w = clause[i]?.w ?? '';
    if (CONTRASTS.has(w)) return false;
    if (!REPORTING.has(w)) continue;
    const speaker = clause[skipBack(clause, i, LINK_CHAIN) - 1];
    return !(speaker && SELF.has(speaker.w));
  }
  return false;
}

/** Steps back from index `from` over words in `set`; returns the index of the first skipped word (or `from`). */
function skipBack(tokens: readonly Token[], from: number, set: ReadonlySet<string>): number {
  let i = from;
  while (i > 0 && set.has(tokens[i - 1]?.w ?? '')) i--;
  return i;
}

/** Like skipBack, and also over “of” in “kind of”, “sort of”, “a bit of”. */
function skipLeads(tokens: readonly Token[], from: number, set: ReadonlySet<string>): number {
  let i = from;
  for (;;) {
    const w = tokens[i - 1]?.w ?? '';
    if (set.has(w)) i--;
    else if (w === 'of' && OF_LEADS.has(tokens[i - 2]?.w ?? '')) i -= 2;
    else return i;
  }
}

function isParticiple(w: string): boolean {
  if (NOT_PARTICIPLES.has(w)) return false;
  return /(?:ed|en|wn)$/.test(w) || IRREGULAR_PARTICIPLES.has(w);
}

// ── Messages ──

function toMessage(note: Note, block: ProseBlock, j: Judgment, people: People): RuleMessage {
  const span = fixableSpan(note, block, j);
  const [from, to] = proseSpan(note, block, span.start, span.end);
  const message: RuleMessage = {
    reason: reasonFor(j, people),
    place: note.lines.place(from, to),
    category: j.entry.category.id,
    data: { phrase: j.entry.phrase },
  };
  const expected = span.fixable ? rewrites(span.judgment, block.text.slice(span.start, span.end), people) : [];
  if (expected.length > 0) message.expected = expected;
  return message;
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
  const bare: Judgment = { entry: j.entry, phrase: j.phrase, hitStart: j.hitStart, hitEnd: j.hitEnd, start: j.hitStart, end: j.hitEnd };
  if (j.subject) bare.subject = j.subject;
  // An attributive rewrite needs its noun (“a client guarded …”), so it has no bare fallback.
  return { start: j.hitStart, end: j.hitEnd, judgment: bare, fixable: !j.attributive && clean(j.hitStart, j.hitEnd) };
}

function reasonFor(j: Judgment, people: People): string {
  const { category } = j.entry;
  const who = people.client ?? 'the client';
  const explanation = (j.entry.explanation ?? category.explanation).replace(/\{client\}/g, who);
  if (!category.builtin) {
    const list = category.id === 'custom' ? 'judgmental phrases' : category.title;
    return `‘${j.phrase}’ is on this workspace's list of ${list}: ${explanation}`;
  }
  return `‘${j.phrase}’ is ${indefinite(category.title)} ${category.title}: ${explanation}`;
}

/** The entry's suggestions fitted to the span: pronoun filled in, a kept person noun, sentence case. */
function rewrites(j: Judgment, flagged: string, people: People): string[] {
  const subject = j.subject && SUBJECT_PRONOUNS.has(j.subject.w) ? j.subject.w : undefined;
  const pronoun = subject ?? people.pronoun ?? 'they';
  const sentenceStart = /^\p{Lu}(?!\p{Lu})/u.test(flagged); // but not an acronym such as OCD
  const out = j.entry.suggestions.map((s) => {
    let text = s.replace(/\{they\}/g, pronoun);
    if (j.attributive) {
      const { noun, article } = j.attributive;
      text = `${article ? `${indefinite(noun)} ` : ''}${noun} ${text}`;
    }
    return sentenceStart ? text.charAt(0).toUpperCase() + text.slice(1) : text;
  });
  return [...new Set(out)].slice(0, 3);
}

function indefinite(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
