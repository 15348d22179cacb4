import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileBuiltinData, writePackedModel, writePhraseTable, writeSensitiveTopics } from '../../scripts/compile-data';
import { readSet } from '../../eval/judgmental/evaluate';
import { compiledDirectory, setCompiledDir } from '../../src/core/data/compiled';
import { builtinDataRoot } from '../../src/core/data/paths';
import { defaultConfig } from '../../src/core/config/types';
import { lintText } from '../../src/core/engine/lint';
import { loadSetup } from '../../src/core/engine/setup';
import { loadEnglish } from '../../src/core/language/english';
import { loadJudgmentalLexicon, parseJudgmentalLexicon, TABLE_FILE, type JudgmentalEntry } from '../../src/core/lexicons/judgmental';
import { encodeTable, lazyTable, phraseKey, readStoredTable, type PhraseTable } from '../../src/core/lexicons/phrase-table';
import { findSensitiveMentions, loadSensitiveLexicon, SENSITIVE_TOPICS_FILE } from '../../src/core/lexicons/sensitive';

// A start from the bundles reads the judgmental phrase table and the sensitive topics the build
// wrote (issue 13), decoding only what a note's words need; the unit suite builds both from the
// YAML. These tests hold the two equal, entry by entry and finding by finding.
describe('phrase tables the build writes', () => {
  const root = builtinDataRoot();
  const defaultDir = compiledDirectory();
  let dir: string;
  let eager: ReturnType<typeof parseJudgmentalLexicon>;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'coach-notes-tables-'));
    compileBuiltinData(dir);
    writePhraseTable(dir);
    writeSensitiveTopics(dir);
    writePackedModel(dir);
    eager = parseJudgmentalLexicon(readFileSync(join(root, 'lexicons', 'judgmental.yaml'), 'utf8'), join(root, 'lexicons', 'judgmental.yaml'), loadEnglish(root).english);
  });
  afterEach(() => setCompiledDir(defaultDir));
  after(() => rmSync(dir, { recursive: true, force: true }));

  const storedFrom = (table: PhraseTable) => {
    const stored = readStoredTable(encodeTable(table, {}));
    assert.ok(stored, 'the encoded table reads back');
    return lazyTable(stored, eager.categories);
  };
  const plain = (e: JudgmentalEntry | undefined) => e && { ...e, unlessNext: [...e.unlessNext].sort(), withEarlier: e.withEarlier && [...e.withEarlier].sort() };

  it('stores every first word, phrase and entry of the built-in lexicon as building it gives', () => {
    const lazy = storedFrom(eager.table);
    assert.equal(lazy.size, eager.table.size);
    const words = [...eager.table.firstWords()];
    assert.ok(words.length > 1000);
    assert.deepEqual([...lazy.firstWords()].sort(), [...words].sort());
    for (const word of words) {
      const phrases = [...(eager.table.phrases(word) ?? [])];
      assert.deepEqual([...(lazy.phrases(word) ?? [])].sort(), phrases.sort(), word);
      for (const phrase of phrases) assert.deepEqual(plain(lazy.entry(phraseKey(phrase))), plain(eager.table.entry(phraseKey(phrase))), phrase);
    }
    assert.deepEqual([...lazy.anywhere].sort(), [...eager.table.anywhere].sort());
  });

  it('decodes a group only when asked, and finds an entry asked for before its group', () => {
    const keyed = storedFrom(eager.table);
    const word = [...eager.table.firstWords()].find((w) => (eager.table.phrases(w)?.length ?? 0) > 100) as string;
    for (const phrase of eager.table.phrases(word) ?? []) assert.deepEqual(plain(keyed.entry(phraseKey(phrase), word)), plain(eager.table.entry(phraseKey(phrase))), phrase);
    const lazy = storedFrom(eager.table);
    const lazyKey = phraseKey('lazy');
    // No group read yet: the table reads them all rather than answer wrongly.
    assert.equal(lazy.entry(lazyKey)?.category.id, eager.table.entry(lazyKey)?.category.id);
    assert.equal(lazy.entry(phraseKey('no such phrase at all')), undefined);
    assert.equal(lazy.phrases('zzzz-not-a-word'), undefined);
  });

  it('is not read when cut short, of another format, or built from other YAML bytes than the files hold now', () => {
    const bytes = readFileSync(join(dir, TABLE_FILE));
    assert.ok(readStoredTable(bytes));
    assert.equal(readStoredTable(bytes.subarray(0, bytes.length - 10)), undefined, 'cut short');
    assert.equal(readStoredTable(Buffer.from('{"not":"a table"}')), undefined, 'no magic');
    const stale = mkdtempSync(join(tmpdir(), 'coach-notes-stale-'));
    try {
      compileBuiltinData(stale);
      const stored = readStoredTable(bytes);
      assert.ok(stored);
      // The same table claiming an older judgmental.yaml: the lexicon is built from the YAML instead.
      const header = Buffer.from(JSON.stringify({ ...stored.header, sources: { [join('lexicons', 'judgmental.yaml')]: 'an older file' } }), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(header.length);
      const rest = bytes.subarray(stored.offsets);
      writeFileSync(join(stale, TABLE_FILE), Buffer.concat([bytes.subarray(0, 4), length, header, rest]));
      assert.ok(readStoredTable(readFileSync(join(stale, TABLE_FILE))), 'a well-formed table');
      setCompiledDir(stale);
      const built = loadJudgmentalLexicon(root, defaultConfig()).lexicon;
      // Built from the YAML: every key is known without reading a group first.
      assert.equal(built.entries.size, eager.table.size);
      writeFileSync(join(stale, TABLE_FILE), 'garbage');
      assert.equal(loadJudgmentalLexicon(root, { ...defaultConfig(), judgmental: { ...defaultConfig().judgmental, allow: ['x'] } }).problems.length, 0);
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });

  it('gives the same findings from the build’s tables as from the YAML, on the development sentences', () => {
    const rows = [...readSet('dev-a'), ...readSet('dev-b')];
    const findings = () => {
      const setup = loadSetup({});
      return rows.map((row) => lintText(`---\nclient: ${row.client}\ndate: 2026-03-02\n---\n\n${row.text}\n`, `${row.id}.coach.md`, setup).findings.map((f) => `${f.ruleId} ${JSON.stringify(f)}`));
    };
    const fromYaml = findings();
    const fileModel = loadSetup({}).judgmental.model;
    setCompiledDir(dir);
    const setup = loadSetup({});
    const packedModel = setup.judgmental.model;
    assert.ok(fileModel && packedModel && packedModel !== fileModel, 'the packed model is read');
    assert.equal(packedModel.weights.size, fileModel.weights.size);
    for (const [feature, weight] of [...fileModel.weights.entries()].slice(0, 2000)) assert.equal(packedModel.weights.get(feature), weight, feature);
    assert.ok(!setup.judgmental.entries.size || [...(setup.judgmental.scan?.firstWords() ?? [])].length > 1000);
    const fromBuild = findings();
    assert.ok(fromYaml.flat().some((f) => f.startsWith('judgmental-language')) && fromYaml.flat().some((f) => f.startsWith('permission-check') || f.startsWith('referral-check')), 'the sentences give judgmental and sensitive-topic findings');
    assert.deepEqual(fromBuild, fromYaml);
  });

  it('keeps workspace phrases and allowed words working over the build’s table', () => {
    setCompiledDir(dir);
    const config = defaultConfig();
    config.judgmental.extra = [{ phrase: 'a flake', category: 'character-label' }, { phrase: 'lazy', category: 'custom team word' }];
    config.judgmental.allow = ['stubborn'];
    const { lexicon } = loadJudgmentalLexicon(root, config);
    assert.equal(lexicon.entries.get(phraseKey('a flake'))?.category.id, 'character-label');
    assert.equal(lexicon.entries.get(phraseKey('lazy'))?.category.title, 'custom team word', 'the workspace phrase replaces the built-in one');
    assert.equal(lexicon.entries.get(phraseKey('stubborn')), undefined);
    assert.ok(!(lexicon.scan?.phrases('stubborn') ?? []).some((p) => phraseKey(p) === phraseKey('stubborn')), 'an allowed word is not scanned for');
    assert.ok((lexicon.scan?.phrases('a') ?? []).includes('a flake'));
    assert.equal(lexicon.entries.size, eager.table.size + 1 - 1, 'one phrase added, one allowed');
  });

  it('reads the sensitive topics the build ordered by first word, with a workspace’s extra terms', () => {
    const text = 'She spoke about her mother’s death, her divorce and a panic attack; later she cracked a joke about killing time.';
    const fromYaml = loadSensitiveLexicon(root, defaultConfig()).lexicon;
    setCompiledDir(dir);
    const config = defaultConfig();
    const fromBuild = loadSensitiveLexicon(root, config).lexicon;
    assert.ok(fromBuild.topics.every((t) => t.runs), 'the stored topics are used');
    const spans = (lexicon: typeof fromYaml, t: string) => findSensitiveMentions(lexicon, t).map((m) => `${m.topic.id} ${m.text}`);
    assert.ok(spans(fromYaml, text).length >= 3, spans(fromYaml, text).join('; '));
    assert.deepEqual(spans(fromBuild, text), spans(fromYaml, text));
    const grief = fromBuild.topics.find((t) => /grief|bereave/i.test(t.id));
    assert.ok(grief);
    config.sensitiveTopics.extra = [{ topic: grief.title, terms: ['the empty chair'] }];
    assert.deepEqual(spans(loadSensitiveLexicon(root, config).lexicon, 'We talked about the empty chair at dinner.'), [`${grief.id} the empty chair`]);
    assert.ok(readFileSync(join(dir, SENSITIVE_TOPICS_FILE)).length > 0);
  });
});
