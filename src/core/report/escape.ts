/**
 * Escaping for the report renderers. Every string that came from a note (client names, paths,
 * topic labels) or from a workspace framework file (marker titles) is untrusted: it goes through
 * one of these functions before it reaches a report.
 */

/** Collapses line breaks, tabs, other control characters and runs of spaces into single spaces. */
export function oneLine(value: string): string {
  // C0/C1 controls, DEL, and the Unicode line/paragraph separators.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

/** Text content for HTML: `& < > " ' \`` become entities, and the value is one line. */
export function escapeHtml(value: string): string {
  return oneLine(value).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/** A double-quoted HTML attribute value. Same escapes as text: quotes can never close the attribute. */
export function escapeAttr(value: string): string {
  return escapeHtml(value);
}

/** U+2060 WORD JOINER: invisible, and breaks autolink detection where it sits. */
const JOINER = '\u2060';

/**
 * Inline Markdown text (CommonMark + GFM, as VS Code's preview renders it): every character that
 * could start emphasis, code, a link, an image, raw HTML, an entity, a heading, a table cell, math
 * or strikethrough is backslash-escaped, so a value always reads as the literal text. `|` is
 * escaped too, which keeps table rows intact. Autolink literals (`http://…`, `//host`, `www.…`,
 * `evil.com`, `a@b.c`) are detected by some renderers after escapes are resolved, so an invisible
 * word joiner goes inside `//` and before a `.` that sits between a word and a letter.
 */
export function escapeMarkdown(value: string): string {
  return oneLine(value)
    .replace(/[\\`*_[\]()<>#|!~&${}@]/g, (c) => `\\${c}`)
    .replace(/\/\//g, `/${JOINER}/`)
    .replace(/(?<=[\p{L}\p{N}_-])\.(?=\p{L})/gu, `${JOINER}.`)
    .replace(/^[-+](?=\s|$)/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Splits text at `backtick spans` (as the engine writes field names in reasons) into plain and
 * code fragments, each on one line; spaces at fragment edges are kept. Unbalanced backticks: one
 * plain fragment.
 */
export function codeSpans(text: string): { code: boolean; text: string }[] {
  const flat = oneLine(text);
  const parts = flat.split('`');
  if (parts.length % 2 === 0) return [{ code: false, text: flat }];
  return parts.map((part, i) => ({ code: i % 2 === 1 && part.trim() !== '', text: part })).filter((f) => f.text !== '');
}

/** Escapes a fragment with `escape` but keeps a space at either edge (escapers trim). */
export function keepEdges(fragment: string, escape: (s: string) => string): string {
  return `${/^\s/.test(fragment) ? ' ' : ''}${escape(fragment)}${/\S\s$/.test(fragment) ? ' ' : ''}`;
}

/**
 * Text for a fenced code block line: one line, no escapes needed inside the block. Pair it with
 * {@link codeFence}, which picks a fence no value can close.
 */
export function codeText(value: string): string {
  return oneLine(value);
}

/** A backtick fence longer than any run of backticks in `body` (at least three). */
export function codeFence(body: string): string {
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/**
 * A relative URL for a workspace-relative path: every segment percent-encoded (spaces, `#`, `?`,
 * `:`, parentheses, quotes…), `/` kept as the separator, `.` and `..` segments kept, empty segments
 * dropped. The result has no scheme, never starts with `/` (so never `//host`), and has no
 * characters that could end a Markdown link or an HTML attribute.
 */
export function encodePath(path: string): string {
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => (segment === '.' || segment === '..' ? segment : encodeURIComponent(segment).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)))
    .join('/');
}
