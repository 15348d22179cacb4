import { tick } from '../../engine/deadline';
import { tagSentence, tagsAt, type TaggedWord } from '../../language/tagger';
import { maskRanges, maskText, overlaps, quotedSpans, type Range } from './masks';

export interface Token {
  /** Lower case, straight apostrophes; contractions split (“she's” → she + 's, “wasn't” → was + not). */
  w: string;
  raw: string;
  start: number;
  end: number;
  /** A comma stands between this word and the one before. */
  comma: boolean;
}

/** How far back a clause is read: the words that decide a judgment are near it, and the cap keeps a huge paragraph linear. */
const MAX_CLAUSE_CHARS = 320;
/** The longest stretch of one sentence handed to the tagger around a word. */
const MAX_TAGGED_CHARS = 600;

/**
 * A prose block as the rule reads it: quoted words and URLs blanked out, sentences found once,
 * words read on demand around hits (which are rare) and tagged by sentence.
 */
export class BlockView {
  private maskedText: string | undefined;
  private maskList: Range[] | undefined;
  private allowRanges: Range[] | undefined;
  private sentenceStarts: number[] | undefined;
  private readonly tagged = new Map<number, { offset: number; words: readonly TaggedWord[] }>();
  private quoted: Range[] | undefined;
  private readonly mentioned = new Map<RegExp, boolean>();

  constructor(
    readonly raw: string,
    private readonly allow: RegExp | undefined,
  ) {}

  /** Same length as the block text; quoted spans are blanked (see maskText). Built on first use: most blocks have no hit. */
  get text(): string {
    this.maskedText ??= maskText(this.raw, this.masks);
    return this.maskedText;
  }

  private get masks(): Range[] {
    this.maskList ??= maskRanges(this.raw);
    return this.maskList;
  }

  masked(start: number, end: number): boolean {
    return overlaps(this.masks, start, end);
  }

  allowed(start: number, end: number): boolean {
    if (!this.allow) return false;
    this.allowRanges ??= [...this.raw.matchAll(this.allow)].map((m) => [m.index, m.index + m[0].length] as Range);
    return overlaps(this.allowRanges, start, end);
  }

  /** Whether the block has a match of a (non-global) pattern anywhere, such as a frequency marker; asked once per block and pattern. */
  mentions(pattern: RegExp): boolean {
    let found = this.mentioned.get(pattern);
    if (found === undefined) {
      found = pattern.test(this.raw);
      this.mentioned.set(pattern, found);
    }
    return found;
  }

  /** The quoted spans of the block (double quotes, and clear pairs of single ones), for scare quotes. */
  quotes(): readonly Range[] {
    this.quoted ??= quotedSpans(this.raw);
    return this.quoted;
  }

  /** The words of the clause before `pos`, nearest last. */
  before(pos: number, breaks: ReadonlySet<string>): Token[] {
    let from = pos;
    const limit = Math.max(0, pos - MAX_CLAUSE_CHARS);
    while (from > limit && !isBreak(this.text, from - 1, breaks)) from--;
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

  /** Every sentence of the block, in reading order. */
  sentences(): Range[] {
    const starts = (this.sentenceStarts ??= sentenceStarts(this.text));
    return starts.map((s, i) => [s, starts[i + 1] ?? this.text.length] as Range);
  }

  /** Start and end of the sentence holding `pos`. */
  sentence(pos: number): Range {
    const starts = (this.sentenceStarts ??= sentenceStarts(this.text));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return [starts[lo] as number, starts[lo + 1] ?? this.text.length];
  }

  /** The part-of-speech tags of the word at `pos`, from a tagging of its sentence. */
  tags(pos: number): ReadonlySet<string> {
    tick(); // the tagger is the costliest step of the rule: the budget is checked as it goes
    const [a, b] = this.sentence(pos);
    if (b - a > MAX_TAGGED_CHARS) {
      // A run-on paragraph: tag a window around the word, cut at spaces.
      const from = this.raw.lastIndexOf(' ', Math.max(a, pos - MAX_TAGGED_CHARS / 2));
      const start = Math.max(a, from);
      const end = Math.min(b, start + MAX_TAGGED_CHARS);
      return tagsAt(tagSentence(this.raw.slice(start, end)), pos - start);
    }
    let entry = this.tagged.get(a);
    if (!entry) {
      entry = { offset: a, words: tagSentence(this.raw.slice(a, b)) };
      this.tagged.set(a, entry);
    }
    return tagsAt(entry.words, pos - entry.offset);
  }
}

/** Sentence starts: after . ! or ? (and any closing quotes or brackets) followed by a space. “3.5” and “e.g.” do not end one. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  const END = /[.!?]+["'”’»)\]]*\s+(?=["'“‘«([]?[\p{Lu}\p{N}*_>])/gu;
  for (const m of text.matchAll(END)) {
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    if (/\b(?:e\.g|i\.e|etc|vs|Dr|Mr|Mrs|Ms|St)$/i.test(before) && m[0].startsWith('.')) continue;
    starts.push(m.index + m[0].length);
  }
  return starts;
}

function isBreak(text: string, i: number, breaks: ReadonlySet<string>): boolean {
  const c = text[i] ?? '';
  if (!breaks.has(c)) return false;
  return !(c === '.' && /\d/.test(text[i + 1] ?? '')); // 3.5 is not a sentence end
}

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
const NEXT_WORD = /\s*([\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*)?/uy;

/** The words between two offsets; contractions are split so “she's” reads as she + 's. */
export function tokenize(text: string, from: number, to: number): Token[] {
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
