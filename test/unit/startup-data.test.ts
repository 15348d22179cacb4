import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { builtinDataFiles, compileBuiltinData, writeStandaloneValidators } from '../../scripts/compile-data';
import configSchema from '../../schemas/config.schema.json';
import frameworkSchema from '../../schemas/framework.schema.json';
import { compiledDirectory, compiledPathOf, compiledValue, setCompiledDir, sha1Of, type CompiledFile } from '../../src/core/data/compiled';
import { builtinDataRoot } from '../../src/core/data/paths';
import { AJV_OPTIONS, parseYaml, standaloneValidator } from '../../src/core/data/yaml';
import { defaultConfig } from '../../src/core/config/types';
import { loadFrameworkFolder } from '../../src/core/frameworks/registry';
import { loadSensitiveLexicon } from '../../src/core/lexicons/sensitive';

// The CLI and the extension start from JSON the build compiled from the built-in YAML (issue 13);
// the unit suite runs from the TypeScript sources and reads the YAML. These tests hold the two equal.
describe('built-in data compiled at build time', () => {
  const root = builtinDataRoot();
  const defaultDir = compiledDirectory();
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'coach-notes-compiled-'));
    compileBuiltinData(dir);
    await writeStandaloneValidators(dir);
  });
  afterEach(() => setCompiledDir(defaultDir));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const readCompiled = (file: string) => JSON.parse(readFileSync(compiledPathOf(dir, file), 'utf8')) as CompiledFile;

  it('compiles every built-in file to exactly what parsing its YAML gives, keyed by the YAML bytes', () => {
    const files = builtinDataFiles().map((f) => f.file);
    assert.ok(files.some((f) => f.endsWith('judgmental.yaml')) && files.some((f) => f.startsWith('frameworks')), files.join(', '));
    for (const file of files) {
      const bytes = readFileSync(join(root, file));
      const compiled = readCompiled(file);
      assert.deepEqual(compiled.value, parseYaml(bytes.toString('utf8'), file).value, file);
      assert.equal(compiled.sha1, sha1Of(bytes), file);
    }
  });

  it('loads the same frameworks and sensitive topics from the compiled data as from the YAML', () => {
    const fromYaml = { frameworks: loadFrameworkFolder(join(root, 'frameworks'), 'builtin'), sensitive: loadSensitiveLexicon(root, defaultConfig()) };
    setCompiledDir(dir);
    assert.ok(compiledValue(join(root, 'frameworks', 'icf-trust.yaml')), 'the compiled data is used');
    assert.deepEqual({ frameworks: loadFrameworkFolder(join(root, 'frameworks'), 'builtin'), sensitive: loadSensitiveLexicon(root, defaultConfig()) }, fromYaml);
  });

  it('reads the compiled value instead of the YAML when it is current', () => {
    const file = join('frameworks', 'icf-trust.yaml');
    const compiled = readCompiled(file);
    writeFileSync(compiledPathOf(dir, file), JSON.stringify({ ...compiled, value: { ...(compiled.value as object), name: 'From the build' } }));
    try {
      setCompiledDir(dir);
      const trust = loadFrameworkFolder(join(root, 'frameworks'), 'builtin').frameworks.find((f) => f.id === 'icf-trust');
      assert.equal(trust?.name, 'From the build');
    } finally {
      writeFileSync(compiledPathOf(dir, file), JSON.stringify(compiled));
    }
  });

  it('ignores compiled data made from other bytes than the YAML now holds (a stale build)', () => {
    const file = join('lexicons', 'sensitive-topics.yaml');
    const compiled = readCompiled(file);
    writeFileSync(compiledPathOf(dir, file), JSON.stringify({ sha1: sha1Of('an older file'), value: { topics: [] } }));
    try {
      setCompiledDir(dir);
      assert.equal(compiledValue(join(root, file)), undefined);
      assert.ok(loadSensitiveLexicon(root, defaultConfig()).lexicon.topics.length > 0, 'the YAML is read');
    } finally {
      writeFileSync(compiledPathOf(dir, file), JSON.stringify(compiled));
    }
  });

  it('never answers for a file outside the built-in data, such as a workspace framework of the same name', () => {
    const workspace = mkdtempSync(join(tmpdir(), 'coach-notes-workspace-'));
    try {
      setCompiledDir(dir);
      assert.equal(compiledValue(join(workspace, 'frameworks', 'icf-trust.yaml')), undefined);
      assert.ok(compiledValue(join(root, 'frameworks', 'icf-trust.yaml')));
    } finally {
      rmSync(workspace, { recursive: true, force: true });
    }
  });

  it('is not found from the TypeScript sources, so the unit suite reads the YAML', () => {
    assert.equal(compiledValue(join(root, 'lexicons', 'english.yaml')), undefined);
  });

  it('validates with the build\'s standalone code exactly as ajv compiling the schema at run time does', () => {
    setCompiledDir(dir);
    const ajv = new Ajv(AJV_OPTIONS);
    const cases: Array<[object, unknown[]]> = [
      [configSchema, [{}, { framework: 3, bogus: true }, { rules: { 'judgmental-language': 'loud' } }, { judgmental: { extra: [{ phrase: 1 }], model: 'yes' } }, { max_note_size_kb: -1 }, []]],
      [frameworkSchema, [{ id: 'x', name: 'X', version: '1', markers: [] }, { id: 'x', markers: [{ id: 1 }] }, { name: 5 }, 'text']],
    ];
    for (const [schema, documents] of cases) {
      const standalone = standaloneValidator(schema);
      assert.ok(standalone, validatorNameOf(schema));
      const compiled = ajv.compile(schema);
      for (const doc of documents) {
        assert.equal(standalone(doc), compiled(doc), JSON.stringify(doc));
        assert.deepEqual(standalone.errors ?? null, compiled.errors ?? null, JSON.stringify(doc));
      }
    }
  });

  it('compiles the schema at run time when the build saw another version of it, or when there is no build', () => {
    setCompiledDir(dir);
    assert.equal(standaloneValidator({ ...configSchema, description: 'edited since the build' }), undefined);
    setCompiledDir(join(dir, 'missing'));
    assert.equal(standaloneValidator(configSchema), undefined);
  });
});

function validatorNameOf(schema: object): string {
  return String((schema as { $id?: string }).$id);
}
