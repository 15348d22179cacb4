import { isMap, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { cleanYamlMessage, errorText, SAFE_YAML_OPTIONS, toPlain } from '../data/yaml';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { LineIndex } from '../model/lines';
import type { Place } from '../model/types';
import { readSimpleMapping, type SimpleMapping } from './simple-yaml';
import type { Frontmatter, FrontmatterProblem, NoteMeta } from './types';

const OPEN = /^---[ \t]*(\r\n|\r|\n|$)/;
const CLOSE = /^(---|\.\.\.)[ \t]*(\r\n|\r|\n|$)/gm;
const MAX_SESSION_MINUTES = 24 * 60;
/** A note's fields fit in a few hundred bytes; YAML checks keys pairwise, so a huge block would take minutes. */
export const MAX_FRONTMATTER_CHARS = 64 * 1024;

/** Finds the frontmatter block at the very top of the note (after any BOM, already removed). */
export function locateFrontmatter(text: string): { present: boolean; closed: boolean; yamlStart: number; yamlEnd: number; end: number } {
  const open = OPEN.exec(text);
  if (!open) return { present: false, closed: false, yamlStart: 0, yamlEnd: 0, end: 0 };
  const yamlStart = open[0].length;
  CLOSE.lastIndex = yamlStart;
  // The closing line must start at a line start at or after yamlStart.
  for (let m = CLOSE.exec(text); m; m = CLOSE.exec(text)) {
    if (m.index >= yamlStart) return { present: true, closed: true, yamlStart, yamlEnd: m.index, end: m.index + m[0].length };
  }
  return { present: true, closed: false, yamlStart, yamlEnd: text.length, end: text.length };
}

/**
 * Reads and checks the frontmatter. Problems are positioned in the note's own coordinates,
 * so a YAML error on the third line of the block is reported on line 4 of the file.
 */
export function readFrontmatter(
  text: string,
  lines: LineIndex,
  frameworks: FrameworkRegistry,
  defaultFramework: string,
): { frontmatter: Frontmatter; meta: NoteMeta; bodyStart: number } {
  const loc = locateFrontmatter(text);
  const meta: NoteMeta = { framework: defaultFramework, type: 'individual', paid: true, icfLog: true };
  const problems: FrontmatterProblem[] = [];
  const frontmatter: Frontmatter = {
    present: loc.present,
    closed: loc.closed,
    yamlStart: loc.yamlStart,
    yaml: text.slice(loc.yamlStart, loc.yamlEnd),
    data: {},
    problems,
    valid: false,
  };
  const firstLine = lines.place(0, lines.lineEnd(1));
  if (!loc.present) {
    problems.push({
      reason: 'This note has no frontmatter. Start it with a `---` block that names at least the `client` and the session `date` (YYYY-MM-DD), so it can be counted in coverage.',
      place: firstLine,
    });
    return { frontmatter, meta, bodyStart: 0 };
  }
  frontmatter.place = lines.place(0, loc.end);
  if (!loc.closed) {
    problems.push({
      reason: 'The frontmatter starts with `---` but is never closed. Add a `---` line after the last field.',
      place: firstLine,
    });
    return { frontmatter, meta, bodyStart: loc.end };
  }
  if (frontmatter.yaml.length > MAX_FRONTMATTER_CHARS) {
    problems.push({
      reason: `The frontmatter is ${Math.round(frontmatter.yaml.length / 1024)} KB, far more than the few fields a note needs, so it was not read (the limit is ${MAX_FRONTMATTER_CHARS / 1024} KB). Keep the client, date and session details there, and move the rest into the body.`,
      place: firstLine,
    });
    return { frontmatter, meta, bodyStart: loc.end };
  }

  // Positions come from the note's own line index, so the YAML parser needs no line counter.
  // YAML counts a lone CR (old Mac line endings) as a line break, but the yaml library does not:
  // CR to LF keeps every offset, so positions still point into the note as written.
  const yaml = frontmatter.yaml.replace(/\r(?!\n)/g, '\n');
  const fields = readSimpleMapping(yaml) ?? readWithLibrary(yaml, loc.yamlStart, lines, problems, frontmatter.place);
  if (!fields) return { frontmatter, meta, bodyStart: loc.end };
  const data = fields.data;
  frontmatter.data = data;
  const spanOf = (key: string) => {
    const range = fields.ranges.get(key) ?? [0, 0];
    return lines.place(loc.yamlStart + range[0], loc.yamlStart + range[1]);
  };
  const sourceOf = (key: string) => {
    const range = fields.ranges.get(key);
    return range ? frontmatter.yaml.slice(range[0], range[1]).trim() : undefined;
  };
  const fail = (field: string, reason: string) => problems.push({ field, reason, place: spanOf(field) });
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key) && data[key] !== null;
  const blockStart = lines.place(0, 3);

  // client: required, a name or code.
  if (!has('client')) problems.push({ field: 'client', reason: 'The frontmatter needs a `client` field (a name or a code) so this note can be linked to the client\'s other sessions.', place: blockStart });
  else if (typeof data.client === 'string' && data.client.trim() !== '') {
    const client = data.client.trim();
    const unprintable = controlCharacterProblem(client);
    if (unprintable) fail('client', unprintable);
    else meta.client = client;
  }
  else if (typeof data.client === 'number' && Number.isFinite(data.client)) {
    // Quote the code as written (0412 stays 0412), not as YAML parsed it.
    const written = sourceOf('client') ?? String(data.client);
    fail('client', `\`client\` reads as the number ${data.client}. Put a client code in quotes, such as \`client: "${written}"\`, so it stays exactly as written.`);
  }
  else fail('client', '`client` should be a name or a code, written as plain text.');

  // client_id: optional, keeps one client across a change of name (credential client counts, the ICF log).
  if (has('client_id')) {
    const id = data.client_id;
    const text = typeof id === 'string' ? id.trim() : '';
    const unprintable = text === '' ? undefined : controlCharacterProblem(text);
    if (typeof id === 'number' && Number.isFinite(id)) fail('client_id', `\`client_id\` reads as the number ${id}. Put it in quotes, such as \`client_id: "${sourceOf('client_id') ?? String(id)}"\`, so it stays exactly as written.`);
    else if (text === '') fail('client_id', '`client_id` should be a code that stays the same when the client\'s name changes, such as `client_id: C-014`.');
    else if (unprintable) fail('client_id', unprintable.replace(/`client`/g, '`client_id`'));
    else meta.clientId = text;
  }

  // date: required, a real calendar date.
  if (!has('date')) problems.push({ field: 'date', reason: 'The frontmatter needs the session `date`, written YYYY-MM-DD, so the note falls into the right quarter.', place: blockStart });
  else {
    const date = data.date;
    if (typeof date === 'string' && isRealDate(date)) meta.date = date;
    else if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) fail('date', `\`date\` ${date} is not a day on the calendar. Check the month and day.`);
    else fail('date', '`date` should be the session date written YYYY-MM-DD, for example `2026-03-02`.');
  }

  if (has('session')) {
    const s = data.session;
    if (typeof s === 'number' && Number.isSafeInteger(s) && s > 0) meta.session = s;
    else fail('session', '`session` should be the session number: a whole number from 1 up.');
  }
  if (has('duration')) {
    const d = data.duration;
    const problem = durationProblem(d, sourceOf('duration'));
    if (problem) fail('duration', problem);
    else meta.duration = d as number;
  }
  if (has('framework')) {
    const f = data.framework;
    if (typeof f !== 'string' || f.trim() === '') fail('framework', '`framework` should be the id of a marker framework, such as `icf-trust`.');
    else {
      meta.framework = f.trim();
      if (!frameworks.has(meta.framework)) {
        fail('framework', `The framework \`${meta.framework}\` is not known here. Known frameworks: ${frameworks.ids().map((id) => `\`${id}\``).join(', ')}. A workspace can add its own in .coach/frameworks/.`);
      }
    }
  }
  if (has('type')) {
    if (data.type === 'individual' || data.type === 'group') meta.type = data.type;
    else fail('type', '`type` should be `individual` or `group`.');
  }
  if (has('group_size')) {
    const g = data.group_size;
    if (typeof g === 'number' && Number.isSafeInteger(g) && g >= 2) meta.groupSize = g;
    else fail('group_size', '`group_size` should be the number of participants: a whole number of 2 or more.');
    if (meta.type !== 'group') fail('group_size', '`group_size` is set, but `type` is not `group`. Add `type: group`, or remove `group_size`.');
  }
  for (const [key, prop] of [['paid', 'paid'], ['icf_log', 'icfLog']] as const) {
    if (!has(key)) continue;
    if (typeof data[key] === 'boolean') meta[prop] = data[key] as boolean;
    else fail(key, `\`${key}\` should be \`true\` or \`false\`.`);
  }
  frontmatter.valid = problems.length === 0 && meta.client !== undefined && meta.date !== undefined;
  return { frontmatter, meta, bodyStart: loc.end };
}

/**
 * Reads frontmatter the simple reader left alone, with the yaml library: the core schema, unique
 * keys, no custom tags, a bounded alias count. Problems are added with note positions; undefined
 * then means the fields could not be read at all.
 */
function readWithLibrary(yaml: string, yamlStart: number, lines: LineIndex, problems: FrontmatterProblem[], whole: Place): SimpleMapping | undefined {
  const doc = parseDocument(yaml, SAFE_YAML_OPTIONS);
  for (const error of [...doc.errors, ...doc.warnings]) {
    const [start, end] = error.pos;
    problems.push({
      reason: `The frontmatter YAML has a problem: ${cleanYamlMessage(error.message)}.`,
      place: lines.place(yamlStart + start, yamlStart + Math.max(start, end)),
    });
  }
  if (problems.length > 0) return undefined;
  let value: unknown;
  try {
    value = toPlain(doc.toJS({ maxAliasCount: 100 }));
  } catch (error) {
    problems.push({ reason: `The frontmatter YAML could not be read: ${errorText(error)}.`, place: whole });
    return undefined;
  }
  if (value === null || value === undefined) value = {};
  const contents = doc.contents;
  if (typeof value !== 'object' || Array.isArray(value) || (!isMap(contents) && contents !== null)) {
    problems.push({ reason: 'The frontmatter should be a list of `key: value` fields, such as `client: Maria` and `date: 2026-03-02`.', place: whole });
    return undefined;
  }
  const ranges = new Map<string, [number, number]>();
  if (isMap(contents)) {
    for (const pair of contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const key = String(pair.key.value);
      const node = (pair.value ?? pair.key) as Node;
      if (!ranges.has(key) && node.range) ranges.set(key, [node.range[0], node.range[1]]);
    }
  }
  return { data: value as Record<string, unknown>, ranges };
}

/** Beyond this many minutes (about two years), a number is shown as written, never as "Infinity" or "1e+300". */
const ABSURD_MINUTES = 1_000_000;

/** Why `duration` is not a session length, or undefined when it is one. */
function durationProblem(d: unknown, written: string | undefined): string | undefined {
  const example = 'Write the session length in minutes, for example `duration: 60`.';
  if (typeof d !== 'number' || Number.isNaN(d)) return '`duration` should be the session length in minutes, a number above zero, for example `duration: 60`.';
  // YAML reads 1e400 as Infinity: quote the note's own text rather than the number it became.
  const shown = written && written.length <= 24 ? written : written ? `${written.slice(0, 20)}…` : String(d);
  if (d <= 0) return `\`duration\` is ${shown}, but a session length is a number of minutes above zero. ${example}`;
  if (!Number.isFinite(d) || d > ABSURD_MINUTES) return `\`duration\` is ${shown}, far too large a number to be a session length. ${example}`;
  if (d > MAX_SESSION_MINUTES) return `\`duration\` is ${d} minutes, which is more than a day. ${example}`;
  return undefined;
}

/** C0 and C1 control characters (NUL, tab, line breaks, escape, …): nothing a name or a code needs. */
const CONTROL = /\p{Cc}/u;

/**
 * Why a client name cannot be used as it is, or undefined. A control character, typed by no one,
 * usually arrives by pasting from another program or a damaged file, and would garble the coverage
 * view, reports and the CSV log; a line break would split the name over rows.
 */
function controlCharacterProblem(client: string): string | undefined {
  const found = CONTROL.exec(client)?.[0];
  if (found === undefined) return undefined;
  if (found === '\n' || found === '\r' || found === '\u0085') return '`client` runs over more than one line. Write the name or code on a single line, such as `client: Maria Lopez`.';
  const code = found.charCodeAt(0);
  const what = code === 0 ? 'a NUL byte' : code === 9 ? 'a tab' : `an invisible control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return `\`client\` contains ${what}, which no name needs; it usually comes from text pasted out of another program. Retype the name or code as plain text, such as \`client: Maria Lopez\`.`;
}

/** A YYYY-MM-DD string naming a day that exists (no 2026-02-30). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
