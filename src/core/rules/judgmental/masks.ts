/** Quoted words (the client's, or someone else's) and URLs are not the coach's judgment: they are masked before reading. */

export type Range = [number, number];

const URL = /\b(?:https?:\/\/|www\.)[^\s<>"“”]*/giu;
const MAX_STRAIGHT_SINGLE_QUOTE = 160;

/** Every quoted span and URL of the text, sorted by start, overlaps merged. Linear in the text. */
export function maskRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const m of text.matchAll(URL)) ranges.push([m.index, m.index + m[0].length]);
  for (const r of doubleQuotes(text)) ranges.push(r); // not push(...): a pasted transcript has more quotes than a call takes arguments
  maskSingle(text, ranges);
  return merge(ranges);
}

/** Quoted spans a scare quote can be: double quotes, and clear pairs of single ones. */
export function quotedSpans(text: string): Range[] {
  const ranges = doubleQuotes(text);
  maskSingle(text, ranges);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Double-quoted spans (straight, curly and guillemets). */
function doubleQuotes(text: string): Range[] {
  const ranges: Range[] = [];
  maskStraightDouble(text, ranges);
  maskOpenClose(text, '“', '”', ranges);
  maskOpenClose(text, '«', '»', ranges);
  // Stryker disable next-line MethodExpression,ArrowFunction,ArithmeticOperator: both callers sort the ranges again (quotedSpans, and merge in maskRanges).
  return ranges.sort((a, b) => a[0] - b[0]);
}

function merge(ranges: Range[]): Range[] {
  ranges.sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * The text with each masked span blanked to `x`, except sentence-ending punctuation: a quote that
 * ends its sentence (`She said "fine." He is lazy.`) must still end it for the words after it.
 */
export function maskText(text: string, ranges: readonly Range[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const [a, b] of ranges) {
    parts.push(text.slice(at, a), text.slice(a, b).replace(/[^.!?]/gu, 'x'));
    at = b;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** Whether [start, end) overlaps a range (ranges sorted and disjoint): a binary search. */
export function overlaps(ranges: readonly Range[], start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = ranges[mid] as Range;
    if (b <= start) lo = mid + 1;
    else if (a >= end) hi = mid - 1;
    else return true;
  }
  return false;
}

/** Straight double quotes pair up in order; an odd one out is left alone. */
function maskStraightDouble(text: string, ranges: Range[]): void {
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
function maskOpenClose(text: string, open: string, close: string, ranges: Range[]): void {
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
function maskSingle(text: string, ranges: Range[]): void {
  // Where a curly quote closes does not depend on where it opened, so the first closing quote at or
  // after the scan is searched once and kept until the scan passes it: thousands of unclosed ‘
  // (or of ’ inside words) do not make the scan read the rest of the text for each one.
  let curlyClose = -2;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '‘' && c !== "'") continue;
    const curly = c === '‘';
    if (!/[\p{L}\p{N}]/u.test(text[i + 1] ?? '')) continue;
    // Stryker disable next-line StringLiteral: with `i > 0` the character before exists.
    if (!curly && i > 0 && !/[\s([{“"—–]/.test(text[i - 1] ?? '')) continue;
    // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,UnaryOperator: this only decides when to search again for the first closing quote after `i`; searching more often finds the same one.
    if (curly && curlyClose !== -1 && curlyClose < i + 1) curlyClose = closingSingle(text, i + 1, '’', text.length);
    const end = curly ? curlyClose : closingSingle(text, i + 1, "'", i + MAX_STRAIGHT_SINGLE_QUOTE);
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
