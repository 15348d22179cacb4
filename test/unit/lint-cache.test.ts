import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadSetup, type EngineSetup } from '../../src/core/engine/setup';
import { lintBatch } from '../../src/core/workspace/batch';
import { readNoteFiles, type NoteFile } from '../../src/core/workspace/files';
import {
  defaultLintCacheFile,
  lintBatchCached,
  lintCacheKey,
  lintCacheName,
  readLintCache,
  userCacheFolder,
  type CachedLintRun,
  type LintCacheData,
} from '../../src/core/workspace/lint-cache';
import { cli } from './support/io';
import { tempWorkspace } from './support/setup';

const SECTIONS = ['3.1 Genuine concern', '3.2 Integrity', '3.3 Clear agreements', '3.4 Respect', '3.5 Championing', '3.6 Permission']
  .map((h) => `## ${h}\n\nObserved in the session.\n`)
  .join('\n');

/** A note of `client` on `date` whose Agreements section lists `agreements` (open unless starting with "x "). */
function note(client: string, date: string, agreements: string[], prose = 'She was lazy about it, as usual.'): string {
  const items = agreements.map((a) => (a.startsWith('x ') ? `- [x] ${a.slice(2)}` : `- [ ] ${a}`)).join('\n');
  return `---\nclient: ${client}\ndate: ${date}\nduration: 45\n---\n\n${prose}\n\n${SECTIONS}\n## Agreements\n\n${items}\n`;
}

const CONFIG = 'rules:\n  judgmental-language: warning\n';

/** Maria's three sessions and Ana's two: each note's open agreements are dropped by the next one. */
function workspace(): string {
  return tempWorkspace({
    '.coach/config.yaml': CONFIG,
    'maria/2026-02-02.coach.md': note('Maria', '2026-02-02', ['Draft the email to her manager']),
    'maria/2026-02-09.coach.md': note('Maria', '2026-02-09', ['Try one conversation without apologising']),
    'maria/2026-02-16.coach.md': note('Maria', '2026-02-16', ['Ask for the budget']),
    'ana/2026-02-03.coach.md': note('Ana', '2026-02-03', ['Write down three wins a day']),
    'ana/2026-02-10.coach.md': note('Ana', '2026-02-10', ['x Write down three wins a day', 'Talk to her sister']),
  });
}

async function notesOf(root: string): Promise<NoteFile[]> {
  return (await readNoteFiles([root])).files;
}

/** A cache as the next run reads it: through JSON, as on disk. */
const throughDisk = (run: CachedLintRun): LintCacheData => JSON.parse(JSON.stringify(run.cache)) as LintCacheData;

function run(files: NoteFile[], setup: EngineSetup, previous: CachedLintRun | undefined, scope: string[], version = '1.0.0'): CachedLintRun {
  return lintBatchCached(files, setup, lintCacheKey(setup, version), previous && throughDisk(previous), scope);
}

/** Every file below `dir`, relative, sorted. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
}

describe('lint cache (core)', () => {
  it('checks every note on the first run and none on a second run over the same notes, with the same results', async () => {
    const root = workspace();
    const setup = loadSetup({ root });
    const files = await notesOf(root);
    const first = run(files, setup, undefined, [root]);
    assert.deepEqual(first.stats, { parsed: 5, linted: 5, rechecked: 0, reused: 0 });
    assert.equal(first.changed, true);
    const second = run(files, setup, first, [root]);
    assert.deepEqual(second.stats, { parsed: 0, linted: 0, rechecked: 0, reused: 5 });
    assert.equal(second.changed, false, 'nothing to write when nothing changed');
    const plain = lintBatch(files, setup).results;
    assert.deepEqual(second.results, plain);
    assert.deepEqual(first.results, plain);
    // The cross-note rule did find something, so its reuse is tested too.
    assert.ok(second.results.some((r) => r.findings.some((f) => f.ruleId === 'agreement-follow-up')));
  });

  it('re-checks a changed note and the client’s next note only when the change touches what that note reads', async () => {
    const root = workspace();
    const setup = loadSetup({ root });
    const first = run(await notesOf(root), setup, undefined, [root]);
    const middle = join(root, 'maria/2026-02-09.coach.md');

    // Prose only: the next note reads the agreements, date and session of this one, which are unchanged.
    writeFileSync(middle, note('Maria', '2026-02-09', ['Try one conversation without apologising'], 'She named what she wants.'));
    const prose = run(await notesOf(root), setup, first, [root]);
    assert.deepEqual(prose.stats, { parsed: 1, linted: 1, rechecked: 0, reused: 4 });
    assert.deepEqual(prose.results, lintBatch(await notesOf(root), setup).results);

    // Its agreements: it and Maria's next note (2026-02-16), which carries them forward or not.
    writeFileSync(middle, note('Maria', '2026-02-09', ['Ask for the budget']));
    const agreements = run(await notesOf(root), setup, prose, [root]);
    assert.deepEqual(agreements.stats, { parsed: 2, linted: 1, rechecked: 1, reused: 3 });
    const results = lintBatch(await notesOf(root), setup).results;
    assert.deepEqual(agreements.results, results);
    const next = results.find((r) => r.path.endsWith('2026-02-16.coach.md'));
    assert.deepEqual(next?.findings.filter((f) => f.ruleId === 'agreement-follow-up'), [], 'the new agreement is carried forward in the next note');

    // A new note between two others: it, and the note after it, whose previous note it now is.
    writeFileSync(join(root, 'maria/2026-02-12.coach.md'), note('Maria', '2026-02-12', ['Ask for the budget']));
    const inserted = run(await notesOf(root), setup, agreements, [root]);
    assert.deepEqual(inserted.stats, { parsed: 2, linted: 1, rechecked: 1, reused: 4 });
    assert.deepEqual(inserted.results, lintBatch(await notesOf(root), setup).results);
  });

  it('checks every note again when the configuration or the engine version differs', async () => {
    const root = workspace();
    const setup = loadSetup({ root });
    const files = await notesOf(root);
    const first = run(files, setup, undefined, [root]);
    assert.deepEqual(run(files, setup, first, [root], '1.0.1').stats, { parsed: 5, linted: 5, rechecked: 0, reused: 0 });
    writeFileSync(join(root, '.coach/config.yaml'), 'rules:\n  judgmental-language: hint\n');
    const other = loadSetup({ root });
    const changed = run(files, other, first, [root]);
    assert.deepEqual(changed.stats, { parsed: 5, linted: 5, rechecked: 0, reused: 0 });
    assert.deepEqual(changed.results, lintBatch(files, other).results);
    assert.ok(changed.results.some((r) => r.findings.some((f) => f.ruleId === 'judgmental-language' && f.severity === 'hint')));
  });

  it('drops deleted notes, and keeps the notes of folders this run did not check', async () => {
    const root = workspace();
    const setup = loadSetup({ root });
    const first = run(await notesOf(root), setup, undefined, [root]);
    rmSync(join(root, 'ana/2026-02-03.coach.md'));
    const maria = join(root, 'maria');
    // Only Maria's folder: Ana's entries stay for a later run over the whole workspace.
    const partial = run(await notesOf(maria), setup, first, [maria]);
    assert.equal(Object.keys(partial.cache.notes).length, 5);
    const whole = run(await notesOf(root), setup, partial, [root]);
    assert.equal(whole.changed, true);
    assert.deepEqual(Object.keys(whole.cache.notes).sort(), Object.keys(first.cache.notes).filter((p) => !p.endsWith('ana/2026-02-03.coach.md')).sort());
    // Ana's second note lost its previous note, so it no longer reports the agreement it dropped.
    assert.deepEqual(whole.stats, { parsed: 1, linted: 0, rechecked: 1, reused: 3 });
    assert.deepEqual(whole.results, lintBatch(await notesOf(root), setup).results);
  });

  it('places the default cache in the user’s cache folder for each system', () => {
    const home = resolve('/home/coach');
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: resolve('/var/cache/coach') }, 'linux', home), resolve('/var/cache/coach'));
    assert.equal(userCacheFolder({}, 'linux', home), join(home, '.cache'));
    assert.equal(userCacheFolder({ XDG_CACHE_HOME: 'relative/cache' }, 'linux', home), join(home, '.cache'), 'a relative XDG_CACHE_HOME is ignored');
    assert.equal(userCacheFolder({}, 'darwin', home), join(home, 'Library', 'Caches'));
    assert.equal(userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\coach\\AppData\\Local' }, 'win32', home), 'C:\\Users\\coach\\AppData\\Local');
    const a = defaultLintCacheFile(resolve('/notes/a'), resolve('/c'));
    assert.equal(a, join(resolve('/c'), 'coach-notes', lintCacheName(resolve('/notes/a'))));
    assert.notEqual(a, defaultLintCacheFile(resolve('/notes/b'), resolve('/c')), 'one cache per workspace');
  });

  it('reads a missing cache as none, and a damaged one as none with a sentence saying so', async () => {
    const dir = tempWorkspace({ 'truncated.json': '{"format":1,"engine":"1.0', 'shape.json': '{"format":1,"engine":"x","setup":"y","notes":{"/a.coach.md":{"hash":"h"}}}' });
    assert.deepEqual(await readLintCache(join(dir, 'missing.json')), {});
    for (const name of ['truncated.json', 'shape.json']) {
      const read = await readLintCache(join(dir, name));
      assert.equal(read.cache, undefined);
      assert.match(read.problem ?? '', /damaged, so every note was checked again/);
    }
  });
});

describe('coach-notes lint --cache', () => {
  let saved: string | undefined;
  let cacheHome: string;
  beforeEach(() => {
    saved = process.env.XDG_CACHE_HOME;
    cacheHome = tempWorkspace({});
    process.env.XDG_CACHE_HOME = cacheHome;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = saved;
  });

  /** Adds a note with bad bytes and one with a frontmatter error, so warnings and errors pass through the cache too. */
  function varied(): string {
    const root = workspace();
    writeFileSync(join(root, 'ana/2026-02-17.coach.md'), Buffer.concat([Buffer.from(note('Ana', '2026-02-17', [])), Buffer.from([0xff, 0x0a])]));
    writeFileSync(join(root, 'maria/2026-02-30.coach.md'), note('Maria', '2026-02-30', []));
    return root;
  }

  it('prints exactly what a run without the cache prints, in text and JSON, cold and warm', async () => {
    const root = varied();
    for (const format of ['text', 'json']) {
      const plain = await cli(['lint', '--format', format, '.'], root);
      assert.equal(plain.code, 1, plain.err);
      const location = join(tempWorkspace({}), `${format}.json`);
      const cold = await cli(['lint', '--cache', '--cache-location', location, '--format', format, '.'], root);
      const warm = await cli(['lint', '--cache', '--cache-location', location, '--format', format, '.'], root);
      assert.ok(existsSync(location));
      for (const r of [cold, warm]) assert.deepEqual(r, plain);
    }
  });

  it('keeps the cache in the user’s cache folder by default, never among the notes', async () => {
    const root = varied();
    const before = listing(root);
    const r = await cli(['lint', '--cache', root]);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(listing(root), before);
    const file = defaultLintCacheFile(root, cacheHome);
    const read = await readLintCache(file);
    assert.equal(Object.keys(read.cache?.notes ?? {}).length, 7);
    // Windows has no such permission bits.
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o077, 0, 'readable by its owner alone');
  });

  it('keeps no cache when the user’s cache folder is inside the notes being checked', async () => {
    const root = varied();
    process.env.XDG_CACHE_HOME = join(root, 'cache');
    const plain = await cli(['lint', root]);
    const r = await cli(['lint', '--cache', root]);
    assert.equal(r.out, plain.out);
    assert.match(r.err, /inside the notes being checked.*--cache-location/);
    assert.equal(existsSync(join(root, 'cache')), false);
  });

  it('writes to the file --cache-location names, or into the folder it names', async () => {
    const root = varied();
    const place = tempWorkspace({});
    const file = join(place, 'mine.json');
    await cli(['lint', '--cache', '--cache-location', file, root]);
    assert.ok((await readLintCache(file)).cache);
    // An existing folder, and a new one written with a trailing separator; --cache-location alone implies --cache.
    const folder = join(place, 'existing');
    mkdirSync(folder);
    await cli(['lint', '--cache-location', folder, root]);
    assert.deepEqual(readdirSync(folder), [lintCacheName(root)]);
    await cli(['lint', '--cache-location', join(place, 'new') + '/', root]);
    assert.deepEqual(readdirSync(join(place, 'new')), [lintCacheName(root)]);
    assert.deepEqual(listing(cacheHome), [], 'the default place is not used');
  });

  it('still prints every finding when the cache cannot be saved, and says so in one line', async () => {
    const root = varied();
    const blocker = join(tempWorkspace({ 'a-file': 'not a folder' }), 'a-file');
    const plain = await cli(['lint', root]);
    const r = await cli(['lint', '--cache-location', join(blocker, 'cache.json'), root]);
    assert.equal(r.out, plain.out);
    assert.equal(r.code, plain.code);
    assert.match(r.err, /^coach-notes: the lint cache could not be saved to .*the next run will check every note again\.\n$/);
  });

  it('rebuilds a damaged cache, saying so in one line, with the same findings', async () => {
    const root = varied();
    const file = join(tempWorkspace({}), 'cache.json');
    const plain = await cli(['lint', '--format', 'json', root]);
    await cli(['lint', '--cache-location', file, root]);
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const r = await cli(['lint', '--cache-location', file, '--format', 'json', root]);
    assert.equal(r.out, plain.out);
    assert.equal(r.code, plain.code);
    assert.equal(r.err.replace(plain.err, '').trim().split('\n').length, 1);
    assert.match(r.err, /damaged/);
    assert.ok((await readLintCache(file)).cache, 'written anew');
    const again = await cli(['lint', '--cache-location', file, '--format', 'json', root]);
    assert.deepEqual(again, plain);
  });
});
