import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { default as Ajv, ErrorObject, Options, ValidateFunction } from 'ajv';
import { compiledDirectory, sha1Of } from './compiled';
import { type DocumentOptions, type ParseOptions, type SchemaOptions, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { DataProblem } from '../model/types';

/**
 * Workspace YAML is data only: the core schema (no custom tags such as !!js/function),
 * unique keys, and a low alias budget so an alias bomb is refused instead of expanded.
 */
export const SAFE_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  schema: 'core',
  customTags: [],
  uniqueKeys: true,
  prettyErrors: false,
  strict: true,
};
const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  doc: Document.Parsed;
  lines: LineCounter;
  /** Plain JS value, or undefined when the YAML is not valid. */
  value: unknown;
  problems: DataProblem[];
}

/** Parses YAML text, reporting syntax errors with 1-based line and column. Never throws. */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { ...SAFE_YAML_OPTIONS, lineCounter: lines });
  // Unknown tags (e.g. !!js/function) are only warnings for the yaml library; for us they are errors.
  const problems: DataProblem[] = [...doc.errors, ...doc.warnings].map((error) => {
    const pos = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    return { file, line: pos.line, column: pos.col, field: '', message: cleanYamlMessage(error.message) };
  });
  let value: unknown;
  if (problems.length === 0) {
    try {
      value = toPlain(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }));
    } catch (error) {
      problems.push({ file, line: 1, column: 1, field: '', message: `The YAML could not be read: ${errorText(error)}` });
    }
  }
  return { doc, lines, value, problems };
}

/** The yaml library appends a code excerpt to its messages; keep only the sentence. */
export function cleanYamlMessage(message: string): string {
  return message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? message;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Copies a parsed value into objects without a prototype chain for keys such as `__proto__`,
 * so hostile keys in workspace YAML can never reach Object.prototype.
 */
export function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value) defineOwn(out, String(k), toPlain(v));
    return out;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) defineOwn(out, key, toPlain((value as Record<string, unknown>)[key]));
    return out;
  }
  return value;
}

function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const AJV_OPTIONS: Options = { allErrors: true, strict: true, allowUnionTypes: true };

// Made on first use: a start from compiled data (compiled.ts) validates nothing and never needs it.
let ajv: Ajv | undefined;
const compiled = new WeakMap<object, ValidateFunction>();

/** The build's standalone validators (scripts/compile-data.ts), beside the compiled data. */
export const VALIDATORS_FILE = 'validators.js';

/** The export name of a schema's validator: `…/config.schema.json` → `config`. */
export function validatorName(schema: object): string {
  const id = (schema as { $id?: unknown }).$id;
  return typeof id === 'string' ? (id.split('/').pop() ?? '').replace(/\.schema\.json$/, '').replace(/[^A-Za-z0-9]/g, '_') : '';
}

/** SHA-1 of a schema as the build saw it: a validator made from another version of its schema is not used. */
export function schemaHash(schema: object): string {
  return sha1Of(JSON.stringify(schema));
}

const standaloneModules = new Map<string, { validators: Record<string, ValidateFunction | undefined>; hashes: Record<string, string | undefined> } | null>();

/**
 * The validator ajv generated for `schema` at build time: compiling a schema at run time took
 * 50–100 ms of a start whose workspace has a .coach/config.yaml. Undefined from the TypeScript
 * sources (no build), and the schema is compiled as before.
 */
export function standaloneValidator(schema: object): ValidateFunction | undefined {
  const dir = compiledDirectory();
  let loaded = standaloneModules.get(dir);
  if (loaded === undefined) {
    const file = join(dir, VALIDATORS_FILE);
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- generated at build time, found at run time
      const module = existsSync(file) ? (require(file) as { validators: Record<string, ValidateFunction>; hashes: Record<string, string> }) : null;
      loaded = module && { validators: module.validators, hashes: module.hashes };
    } catch {
      loaded = null;
    }
    standaloneModules.set(dir, loaded);
  }
  const name = validatorName(schema);
  return loaded && name && loaded.hashes[name] === schemaHash(schema) ? loaded.validators[name] : undefined;
}

/** Validates a parsed YAML document against a JSON schema; problems point at the offending field. */
export function validateYaml(parsed: ParsedYaml, schema: object, file: string): DataProblem[] {
  if (parsed.problems.length > 0) return parsed.problems;
  let validate = compiled.get(schema);
  if (!validate) {
    validate = standaloneValidator(schema);
    if (!validate) {
      // Required here, not imported: most starts now validate nothing, and need not evaluate ajv at all.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      ajv ??= new (require('ajv') as typeof import('ajv')).default(AJV_OPTIONS);
      validate = ajv.compile(schema);
    }
    compiled.set(schema, validate);
  }
  if (validate(parsed.value)) return [];
  return dedupe((validate.errors ?? []).map((error) => problemFor(error, parsed, file)));
}

function problemFor(error: ErrorObject, parsed: ParsedYaml, file: string): DataProblem {
  const path = error.instancePath.split('/').slice(1).map(unescapePointer);
  let field = formatPath(path);
  let node = nodeAt(parsed.doc, path);
  let message = error.message ?? 'is not valid';
  if (error.keyword === 'required') {
    const missing = String((error.params as { missingProperty: string }).missingProperty);
    field = formatPath([...path, missing]);
    message = `is required but missing`;
  } else if (error.keyword === 'additionalProperties') {
    const extra = String((error.params as { additionalProperty: string }).additionalProperty);
    field = formatPath([...path, extra]);
    node = keyNodeAt(parsed.doc, path, extra) ?? node;
    message = 'is not a known field';
  } else if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
    message = `must be one of: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const offset = node?.range?.[0] ?? 0;
  const pos = parsed.lines.linePos(offset);
  return { file, line: pos.line, column: pos.col, field: field || '(top level)', message: `${field || 'The file'} ${message}` };
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function formatPath(path: string[]): string {
  return path.reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function nodeAt(doc: Document.Parsed, path: string[]): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) node = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg)?.value;
    else if (isSeq(node)) node = node.items[Number(seg)];
    else return undefined;
  }
  return (node ?? undefined) as Node | undefined;
}

function keyNodeAt(doc: Document.Parsed, path: string[], key: string): Node | undefined {
  const parent = nodeAt(doc, path) ?? doc.contents;
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key ?? undefined) as Node | undefined;
}

function dedupe(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.column}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Human-readable one-liner, e.g. for the CLI and the output channel. */
export function formatProblem(p: DataProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}
