// Compiles the built-in YAML (frameworks/, lexicons/) to JSON in dist/data/ (src/core/data/compiled.ts):
// the validated value of each file, so a start parses no YAML and compiles no schema. A file with
// any problem stops the build: the compiled path does not check again. (Storing the judgmental
// lexicon as built, its 130,000 phrase forms expanded, was tried: 13.6 MB of JSON that took longer
// to parse than building it from the 0.5 MB value.)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import * as esbuild from 'esbuild';
import englishSchema from '../schemas/english.schema.json';
import frameworkSchema from '../schemas/framework.schema.json';
import judgmentalSchema from '../schemas/judgmental-lexicon.schema.json';
import sensitiveSchema from '../schemas/sensitive-lexicon.schema.json';
import { compiledPathOf, sha1Of, type CompiledFile } from '../src/core/data/compiled';
import { builtinDataRoot } from '../src/core/data/paths';
import { AJV_OPTIONS, formatProblem, parseYaml, schemaHash, validateYaml, validatorName, VALIDATORS_FILE } from '../src/core/data/yaml';
import { parseFramework } from '../src/core/frameworks/registry';
import { loadEnglish, parseEnglish } from '../src/core/language/english';
import { MODEL_FILE, MODEL_PACKED_FILE, parseJudgmentalLexicon, phrasePattern, TABLE_FILE, type StoredModel } from '../src/core/lexicons/judgmental';
import { packSentenceModel, parseSentenceModel } from '../src/core/language/sentence-model';
import { encodeTable } from '../src/core/lexicons/phrase-table';
import { parseSensitiveTopics, SENSITIVE_LEXICON_FILE, SENSITIVE_TOPICS_FILE, withFirstWordRuns, type StoredTopics } from '../src/core/lexicons/sensitive';
import type { DataProblem } from '../src/core/model/types';

interface DataFile {
  /** Relative to the data root. */
  file: string;
  schema: object;
  /** The loader's own checks (repeated ids…). */
  check: (text: string, file: string) => DataProblem[];
}

/** Each compiled file, with its schema and the loader's own checks. */
export function builtinDataFiles(root: string = builtinDataRoot()): DataFile[] {
  const frameworks = readdirSync(join(root, 'frameworks'))
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => ({ file: join('frameworks', n), schema: frameworkSchema, check: (text: string, file: string) => parseFramework(text, file).problems }));
  return [
    ...frameworks,
    { file: join('lexicons', 'english.yaml'), schema: englishSchema, check: (text, file) => parseEnglish(text, file).problems },
    { file: join('lexicons', 'judgmental.yaml'), schema: judgmentalSchema, check: (text, file) => parseJudgmentalLexicon(text, file, loadEnglish(root).english).problems },
    { file: join('lexicons', 'sensitive-topics.yaml'), schema: sensitiveSchema, check: (text, file) => parseSensitiveTopics(text, file).problems },
  ];
}

/** Writes `<outDir>/<file>.json` for every built-in file; throws, naming the problems, if one is not valid. */
export function compileBuiltinData(outDir: string, root: string = builtinDataRoot()): string[] {
  const written: string[] = [];
  for (const { file, schema, check } of builtinDataFiles(root)) {
    const path = join(root, file);
    const bytes = readFileSync(path);
    const text = bytes.toString('utf8');
    const parsed = parseYaml(text, path);
    const problems = [...validateYaml(parsed, schema, path), ...check(text, path)];
    if (problems.length > 0) throw new Error(`Built-in data has problems; nothing was compiled:\n${problems.map(formatProblem).join('\n')}`);
    const out = compiledPathOf(outDir, file);
    mkdirSync(dirname(out), { recursive: true });
    const compiled: CompiledFile = { sha1: sha1Of(bytes), value: parsed.value };
    writeFileSync(out, JSON.stringify(compiled));
    written.push(out);
  }
  return written;
}

/** Built-in files (relative to `root`) as text, and the SHA-1 of each as a derived file records them (compiled.ts `compiledDerived`). */
function readSources(root: string, files: readonly string[]): { texts: string[]; sources: Record<string, string> } {
  const bytes = files.map((rel) => readFileSync(join(root, rel)));
  return { texts: bytes.map((b) => b.toString('utf8')), sources: Object.fromEntries(files.map((rel, i) => [rel, sha1Of(bytes[i] as Buffer)])) };
}

/** Stops the build when a file it derives from has problems, naming them. */
function refuseProblems(what: string, problems: readonly DataProblem[]): void {
  if (problems.length > 0) throw new Error(`${what} has problems; nothing was compiled:\n${problems.map(formatProblem).join('\n')}`);
}

function writeOut(outDir: string, name: string, data: string | Buffer): string {
  const out = join(outDir, name);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, data);
  return out;
}

/**
 * Writes the judgmental lexicon's phrase table (phrase-table.ts): every form its lines stand for,
 * grouped by first word, so a start builds only the groups a note's words need. Keyed by the
 * SHA-1 of both files it is built from.
 */
export function writePhraseTable(outDir: string, root: string = builtinDataRoot()): string {
  const files = [join('lexicons', 'judgmental.yaml'), join('lexicons', 'english.yaml')];
  const { texts: [lexicon = '', english = ''], sources } = readSources(root, files);
  const base = parseJudgmentalLexicon(lexicon, join(root, files[0] as string), parseEnglish(english, join(root, files[1] as string)).english);
  refuseProblems('The judgmental lexicon', base.problems);
  return writeOut(outDir, TABLE_FILE, encodeTable(base.table, sources, phrasePattern(base.table.anywhere)));
}

/** Writes the sentence model packed for a fast start (sentence-model.ts `packSentenceModel`). */
export function writePackedModel(outDir: string, root: string = builtinDataRoot()): string {
  const { texts: [text = ''], sources } = readSources(root, [MODEL_FILE]);
  const { model, problems } = parseSentenceModel(text, join(root, MODEL_FILE));
  refuseProblems('The sentence model', problems);
  if (!model) throw new Error('The sentence model could not be read; nothing was compiled.');
  const stored: StoredModel = { sources, model: packSentenceModel(model) };
  return writeOut(outDir, MODEL_PACKED_FILE, JSON.stringify(stored));
}

/** Writes the sensitive topics with their word classes expanded and each list in order of first word (sensitive.ts). */
export function writeSensitiveTopics(outDir: string, root: string = builtinDataRoot()): string {
  const { texts: [text = ''], sources } = readSources(root, [SENSITIVE_LEXICON_FILE]);
  const { topics, problems } = parseSensitiveTopics(text, join(root, SENSITIVE_LEXICON_FILE));
  refuseProblems('The sensitive-topic list', problems);
  const stored: StoredTopics = { sources, topics: withFirstWordRuns(topics) };
  return writeOut(outDir, SENSITIVE_TOPICS_FILE, JSON.stringify(stored));
}

/**
 * The schemas of files validated at run time: a workspace's config and frameworks, and the
 * credential tables (read by `log` only, so not compiled above). The lexicons' schemas, whose files
 * are compiled, would add 300 KB of generated code to load for nothing.
 */
const RUNTIME_SCHEMAS = ['config.schema.json', 'credentials.schema.json', 'framework.schema.json'];

/**
 * Writes `<outDir>/validators.js`: ajv's standalone code for those schemas, bundled with the bits
 * of ajv's runtime it uses, so validating a workspace's config at run time compiles no schema.
 * Each validator carries its schema's hash (yaml.ts uses it only for that very schema).
 */
export async function writeStandaloneValidators(outDir: string, root: string = builtinDataRoot()): Promise<string> {
  const schemas = RUNTIME_SCHEMAS.map((n) => JSON.parse(readFileSync(join(root, 'schemas', n), 'utf8')) as { $id: string });
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true } });
  for (const schema of schemas) ajv.addSchema(schema);
  const code = standaloneCode(ajv, Object.fromEntries(schemas.map((schema) => [validatorName(schema), schema.$id])));
  const hashes = Object.fromEntries(schemas.map((schema) => [validatorName(schema), schemaHash(schema)]));
  const contents = [
    'const validators = (function () {',
    '  const module = { exports: {} };',
    '  const exports = module.exports;',
    code,
    '  return module.exports;',
    '})();',
    `module.exports = { validators, hashes: ${JSON.stringify(hashes)} };`,
  ].join('\n');
  const outfile = join(outDir, VALIDATORS_FILE);
  await esbuild.build({ stdin: { contents, resolveDir: root, loader: 'js' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning' });
  return outfile;
}
