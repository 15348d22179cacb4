import assert from 'node:assert/strict';
import { readdirSync, utimesSync, writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, ENTRY_POINTS } from '../../scripts/bundle-options';
import { lintText } from '../../src/core/engine/lint';
import { indexingSetupData, loadSetup, setupFromData } from '../../src/core/engine/setup';
import { cacheDirFor } from '../../src/core/indexer/cache';
import { indexWorkspace, updateNote } from '../../src/core/indexer/index';
import { SummarySharing } from '../../src/core/indexer/share';
import { summarize, type NoteSummary } from '../../src/core/workspace/summary';
import { parseWith } from '../../src/core/workspace/batch';
import { RULES } from '../../src/core/rules/index';
import { tempWorkspace } from './support/setup';

const note = (client: string, date: string, body = '## 3.1 Genuine concern\n\nAsked.\n') => `---\nclient: ${client}\ndate: ${date}\n---\n\n${body}`;

function workspace(count = 12): string {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) files[`c${i % 3}/n${i}.coach.md`] = note(`Client ${i % 3}`, `2026-0${(i % 9) + 1}-1${i % 10}`);
  files['bad.coach.md'] = note('X', '2026-02-30');
  return tempWorkspace(files);
}

const sorted = (index: { all(): { path: string }[] }) => index.all().sort((a, b) => a.path.localeCompare(b.path));

describe('workspace indexer', () => {
  let workerScript: string;
  before(async () => {
    // The worker runs bundled JavaScript, as in the extension and the CLI; inside the project so it
    // finds the built-in frameworks above it, as dist/index-worker.js does.
    workerScript = join(__dirname, '..', '..', 'out', 'unit', 'index-worker.js');
    await build({ ...bundleOptions, logLevel: 'silent', entryPoints: [join(__dirname, '..', '..', ENTRY_POINTS.worker)], outfile: workerScript });
  });

  it('summarises every note, on this thread or in worker threads, with the same result', async () => {
    // Workers start only when more than one batch (100 notes) needs parsing.
    const root = workspace(260);
    const single = await indexWorkspace([root], { workers: 0 });
    let batches = 0;
    const pooled = await indexWorkspace([root], { workers: 2, workerScript, onProgress: () => void batches++ });
    assert.equal(single.stats.files, 261);
    assert.equal(single.stats.parsed, 261);
    assert.equal(pooled.stats.parsed, 261);
    assert.equal(batches, 3, 'three batches of at most 100 notes came back from the workers');
    assert.deepEqual(sorted(pooled.index), sorted(single.index));
    assert.equal(single.index.all().filter((s) => !s.valid).length, 1);
  });

  it('hands index workers the setup without the judgmental phrases, which they never use', () => {
    const setup = loadSetup();
    const data = indexingSetupData(setup);
    assert.equal(data.judgmental.entries.size, 0);
    assert.equal(data.judgmental.scan, undefined);
    assert.ok(setup.judgmental.entries.size > 10_000, 'the host keeps every phrase');
    assert.deepEqual(data.sensitive, setup.sensitive);
    assert.deepEqual(data.frameworks.map((f) => f.id), setup.frameworks.ids());
  });

  it('hands a worker the host\'s setup as data: after a structured clone it checks every example note the same, but for wording', () => {
    const examples = join(__dirname, '..', '..', 'examples', 'notes');
    const setup = loadSetup({ root: examples });
    const copy = setupFromData(structuredClone(indexingSetupData(setup)));
    const only = RULES.map((r) => r.id).filter((id) => id !== 'judgmental-language');
    assert.deepEqual(copy.frameworks.ids(), setup.frameworks.ids());
    let findings = 0;
    for (const dir of readdirSync(examples).filter((d) => !d.startsWith('.') && !d.endsWith('.md'))) {
      for (const file of readdirSync(join(examples, dir))) {
        const path = join(examples, dir, file);
        const text = readFileSync(path, 'utf8');
        const mine = lintText(text, path, setup, { only }).findings;
        findings += mine.length;
        assert.deepEqual(lintText(text, path, copy, { only }).findings, mine, file);
        assert.deepEqual(summarize(parseWith(copy, { path, text }), copy), summarize(parseWith(setup, { path, text }), setup), file);
      }
    }
    assert.ok(findings > 0);
  });

  it('shares repeated strings and lists between summaries, without changing any value', async () => {
    const root = workspace(30);
    const result = await indexWorkspace([root], { workers: 0 });
    const all = sorted(result.index);
    const plain = all.map((s) => JSON.parse(JSON.stringify(s)) as unknown);
    const sharing = new SummarySharing();
    const shared = all.map((s) => sharing.share(JSON.parse(JSON.stringify(s)) as NoteSummary));
    assert.deepEqual(shared, plain);
    const sameClient = shared.filter((s) => s.client === 'Client 1');
    assert.ok(sameClient.length > 2);
    assert.ok(sameClient.every((s) => s.evidenced === sameClient[0]?.evidenced), 'one evidenced list for identical lists');
    assert.ok(shared.every((s) => s.framework === shared[0]?.framework));
  });

  it('does not start workers for a warm start, when the cache already knows every note', async () => {
    const root = workspace(260);
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    await (await indexWorkspace([root], { cacheDir })).save();
    let calls = 0;
    // A worker script that does not exist would fail the run if a worker were started.
    const warm = await indexWorkspace([root], { cacheDir, workers: 2, workerScript: join(tmpdir(), 'no-such-worker.js'), onProgress: () => void calls++ });
    assert.equal(warm.stats.fromCache, 261);
    assert.ok(calls >= 1);
  });

  it('starts warm from its cache, kept outside the notes folder, and re-parses only what changed', async () => {
    const root = workspace();
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const cold = await indexWorkspace([root], { cacheDir });
    await cold.save();
    assert.deepEqual(readdirSync(cacheDir), [cacheDirFor(cacheDir, root).split('/').pop()]);
    assert.ok(!readdirSync(root).some((f) => f.includes('cache') || f.endsWith('.json')), 'nothing written among the notes');

    const warm = await indexWorkspace([root], { cacheDir });
    assert.deepEqual([warm.stats.parsed, warm.stats.fromCache], [0, 13]);
    assert.deepEqual(sorted(warm.index), sorted(cold.index));

    const touched = join(root, 'c1', 'n1.coach.md');
    utimesSync(touched, new Date(), new Date(Date.now() + 5000));
    const edited = join(root, 'c2', 'n2.coach.md');
    writeFileSync(edited, note('Client 2', '2026-03-12', '## 3.4 Respect\n\nFollowed her lead.\n'));
    const third = await indexWorkspace([root], { cacheDir });
    assert.deepEqual([third.stats.parsed, third.stats.fromCache], [1, 12], 'the touched file is matched by its hash');
    assert.deepEqual(third.index.get(edited)?.evidenced, ['3.4']);
  });

  it('rebuilds a corrupt, truncated or stale cache instead of trusting it', async () => {
    const root = workspace();
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    await (await indexWorkspace([root], { cacheDir })).save();
    const dir = cacheDirFor(cacheDir, root);
    const shards = readdirSync(dir).filter((f) => f.startsWith('shard-'));
    const shard = join(dir, shards[0] ?? '');
    const good = readFileSync(shard, 'utf8');
    const inShard = Object.keys(JSON.parse(good) as object).length;
    for (const broken of [good.slice(0, good.length / 2), '{"a":1}', 'not json at all']) {
      writeFileSync(shard, broken);
      const r = await indexWorkspace([root], { cacheDir });
      assert.deepEqual([r.stats.parsed, r.stats.fromCache], [inShard, 13 - inShard], 'only the broken shard is re-parsed');
      await r.save();
    }
    writeFileSync(join(dir, 'meta.json'), '{"version":1,"setup":"old"}');
    const stale = await indexWorkspace([root], { cacheDir });
    assert.deepEqual([stale.stats.parsed, stale.stats.fromCache], [13, 0]);
  });

  it('saves only the shards of changed notes, and forgets deleted ones', async () => {
    const root = workspace();
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const first = await indexWorkspace([root], { cacheDir });
    await first.save();
    const gone = join(root, 'c0', 'n3.coach.md');
    first.entries.delete(gone);
    await first.save([gone]);
    const again = await indexWorkspace([root], { cacheDir });
    assert.deepEqual([again.stats.parsed, again.stats.fromCache], [1, 12]);
  });

  it('two saves of one cache at once both land: each write has a temporary file of its own', async () => {
    // A rescan's save and an edit's save overlap in the extension; with one temporary name per
    // process the second rename found the first's file gone (ENOENT) and that save was lost.
    const root = workspace();
    const cacheDir = mkdtempSync(join(tmpdir(), 'coach-cache-'));
    const first = await indexWorkspace([root], { cacheDir });
    await Promise.all([first.save(), first.save(), first.save()]);
    assert.deepEqual(
      readdirSync(cacheDir, { recursive: true }).filter((name) => String(name).endsWith('.tmp')),
      [],
      'no temporary file is left behind',
    );
    const again = await indexWorkspace([root], { cacheDir });
    assert.deepEqual([again.stats.parsed, again.stats.fromCache], [0, 13]);
  });

  it('updates one note and names the client notes whose cross-note rules need re-running', async () => {
    const root = workspace();
    const { index, setup, entries } = await indexWorkspace([root]);
    const path = join(root, 'c1', 'n4.coach.md');
    writeFileSync(path, note('Client 1', '2026-05-14', '## Agreements\n\n- [ ] Call Sam\n'));
    const { summary, affected } = await updateNote(index, setup, path, entries);
    assert.equal(summary?.agreements[0]?.text, 'Call Sam');
    assert.deepEqual(affected.sort(), index.pathsOfClient('Client 1').filter((p) => p !== path).sort());
    assert.equal(affected.length, 3);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await assert.rejects(indexWorkspace([workspace()], { signal: controller.signal }), /cancelled/);
  });
});
