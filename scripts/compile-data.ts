// Compiles the built-in YAML (frameworks/, lexicons/) to JSON in dist/data/ (src/core/data/compiled.ts):
// the validated value of each file, so a start parses no YAML and compiles no schema. A file with
// any problem stops the build: the compiled path does not check again.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import englishSchema from '../schemas/english.schema.json';
import frameworkSchema from '../schemas/framework.schema.json';
import judgmentalSchema from '../schemas/judgmental-lexicon.schema.json';
import sensitiveSchema from '../schemas/sensitive-lexicon.schema.json';
import { compiledPathOf, sha1Of, type CompiledFile } from '../src/core/data/compiled';
import { builtinDataRoot } from '../src/core/data/paths';
import { formatProblem, parseYaml, validateYaml } from '../src/core/data/yaml';
import { parseFramework } from '../src/core/frameworks/registry';
import { parseEnglish } from '../src/core/language/english';
import { parseJudgmentalLexicon } from '../src/core/lexicons/judgmental';
import { parseSensitiveTopics } from '../src/core/lexicons/sensitive';
import type { DataProblem } from '../src/core/model/types';

/** Each compiled file, relative to the data root, with its schema and the loader's own checks (repeated ids…). */
export function builtinDataFiles(root: string = builtinDataRoot()): Array<{ file: string; schema: object; check: (text: string, file: string) => DataProblem[] }> {
  const frameworks = readdirSync(join(root, 'frameworks'))
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => ({ file: join('frameworks', n), schema: frameworkSchema, check: (text: string, file: string) => parseFramework(text, file).problems }));
  return [
    ...frameworks,
    { file: join('lexicons', 'english.yaml'), schema: englishSchema, check: (text, file) => parseEnglish(text, file).problems },
    { file: join('lexicons', 'judgmental.yaml'), schema: judgmentalSchema, check: (text, file) => parseJudgmentalLexicon(text, file).problems },
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
