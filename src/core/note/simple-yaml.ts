/**
 * A fast path for the frontmatter nearly every note has: one `key: value` per line, plain values.
 * The yaml library builds a full document for each note, which costs about a tenth of parsing the
 * whole Markdown body; this reads the common shape directly and answers `undefined` for anything
 * else (quotes, flow or block collections, comments, anchors, tags, indentation, tabs, duplicate
 * keys, numbers other than plain whole numbers, unusual punctuation), so the library still reads,
 * and reports on, every YAML this does not fully understand. A property test checks that both
 * agree, values and positions, on every input this accepts.
 */

export interface SimpleMapping {
  /** Values as YAML 1.2's core schema resolves them: strings, whole numbers, booleans, null. */
  data: Record<string, unknown>;
  /** Where each value is written in the YAML text: [start, end), empty just after the colon when there is none. */
  ranges: Map<string, [number, number]>;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*$/;
/** A value of letters, digits, single inner spaces and punctuation that means nothing to YAML here. */
const PLAIN = /^[\p{L}\p{N}](?:[\p{L}\p{N}.,/()'’_+@&-]| (?! ))*$/u;
const WHOLE = /^(?:0|[1-9][0-9]{0,14})$/;
const NULLS = new Set(['null', 'Null', 'NULL', '~', '']);
const BOOLS = new Map([['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false]]);

export function readSimpleMapping(yaml: string): SimpleMapping | undefined {
  const data: Record<string, unknown> = {};
  const ranges = new Map<string, [number, number]>();
  let lineStart = 0;
  while (lineStart <= yaml.length) {
    const newline = yaml.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? yaml.length : newline;
    // CRLF notes: the CR belongs to the line break, not the value.
    const contentEnd = yaml.charCodeAt(lineEnd - 1) === 13 && lineEnd > lineStart ? lineEnd - 1 : lineEnd;
    const line = yaml.slice(lineStart, contentEnd);
    if (line !== '' && !readLine(line, lineStart, data, ranges)) return undefined;
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return { data, ranges };
}

function readLine(line: string, at: number, data: Record<string, unknown>, ranges: Map<string, [number, number]>): boolean {
  const colon = line.indexOf(':');
  if (colon <= 0) return false;
  const key = line.slice(0, colon);
  if (!KEY.test(key) || key === '__proto__' || ranges.has(key)) return false;
  const rest = line.slice(colon + 1);
  // `key:value` is not a mapping in YAML, and tabs have rules of their own: both go to the library.
  if ((rest !== '' && rest[0] !== ' ') || rest.includes('\t')) return false;
  const lead = rest.length - rest.trimStart().length;
  const text = rest.trim();
  const value = resolve(text);
  if (value === UNREAD) return false;
  data[key] = value;
  const start = at + colon + 1 + lead;
  ranges.set(key, [start, start + text.length]);
  return true;
}

const UNREAD = Symbol('unread');

/** Core-schema resolution of the plain scalars accepted here; anything else is left to the library. */
function resolve(text: string): unknown {
  if (NULLS.has(text)) return null;
  const bool = BOOLS.get(text);
  if (bool !== undefined) return bool;
  if (WHOLE.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  // Anything starting like a number (1.5, 1e3, +5, 0x1F, 0412) is the library's to resolve.
  if (/^[0-9+\-.]/.test(text) || !PLAIN.test(text)) return UNREAD;
  return text;
}
