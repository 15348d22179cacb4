import assert from 'node:assert/strict';
import { join } from 'node:path';
import { cli } from './support/io';
import { tempWorkspace } from './support/setup';

const SECTIONS = ['3.1 Genuine concern', '3.2 Integrity', '3.3 Clear agreements', '3.4 Respect', '3.5 Championing', '3.6 Permission']
  .map((h) => `## ${h}\n\nObserved in the session.\n`)
  .join('\n');
const note = (client: string, date: string, extra = '', body = SECTIONS) => `---\nclient: ${client}\ndate: ${date}\nduration: 45\n${extra}---\n\n${body}`;

describe('coach-notes lint', () => {
  it('exits 0 and says so when nothing is flagged', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Maria', '2026-03-02') });
    const r = await cli(['lint', root]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /1 note checked, nothing to flag/);
  });

  it('exits 1 when something is at error severity, and groups findings by file', async () => {
    const root = tempWorkspace({
      'a.coach.md': note('Maria', '2026-02-30'),
      'sub/b.coach.md': note('Ana', '2026-03-03', '', '## 3.1 Genuine concern\n\nAsked about her week.\n'),
      'not-a-note.md': '# ignored\n',
    });
    const r = await cli(['lint', '.'], root);
    assert.equal(r.code, 1);
    const lines = r.out.split('\n');
    assert.equal(lines[0], 'a.coach.md');
    assert.match(r.out, /^ {2}3:7 +error +`date` 2026-02-30 is not a day on the calendar.* coach:frontmatter$/m);
    assert.ok(lines.includes(join('sub', 'b.coach.md')));
    assert.doesNotMatch(r.out, /not-a-note/);
    assert.match(r.out, /✖ 6 findings \(1 error, 5 warnings\) — 2 notes checked, 0 clean\./);
  });

  it('exits 0 when only warnings are found', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Maria', '2026-03-02', '', '## 3.1 Genuine concern\n\nAsked.\n') });
    assert.equal((await cli(['lint', root])).code, 0);
  });

  it('prints JSON with exactly the documented fields, 1-based positions and suggestions', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Maria', '2026-03-02', '', '## 3.1 Genuine concern\n\nAsked.\n\n## 3.9 Listening\n\nReflected.\n') });
    const r = await cli(['lint', '--format', 'json', root]);
    assert.equal(r.code, 0);
    const entries = JSON.parse(r.out) as Record<string, unknown>[];
    assert.ok(entries.length > 0);
    for (const e of entries) {
      assert.deepEqual(Object.keys(e), ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'severity', 'message', 'suggestions']);
      assert.ok(Array.isArray(e.suggestions));
    }
    const unknown = entries.find((e) => e.ruleId === 'unknown-marker');
    assert.deepEqual([unknown?.file, unknown?.line, unknown?.column, unknown?.endLine, unknown?.endColumn], [join(root, 'a.coach.md'), 11, 1, 11, 17]);
    const missing = entries.find((e) => e.ruleId === 'missing-marker-section') as { suggestions: string[] } | undefined;
    assert.match(missing?.suggestions[0] ?? '', /^## 3\.2 Integrity and honesty\n/);
  });

  it('exits 2 for an unreadable path but still checks the other notes', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Maria', '2026-02-30') });
    const r = await cli(['lint', '--format', 'json', join(root, 'missing-folder'), root]);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing-folder: No such file or folder/);
    assert.equal((JSON.parse(r.out) as { ruleId: string }[]).filter((e) => e.ruleId === 'frontmatter').length, 1);
  });

  it('exits 2 with only the error when no path can be read, in text and JSON', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Maria', '2026-03-02') });
    for (const format of ['text', 'json']) {
      const r = await cli(['lint', '--format', format, 'no-such-folder'], root);
      assert.equal(r.code, 2, format);
      assert.equal(r.out, '', `${format}: nothing on standard output`);
      assert.equal(r.err, `coach-notes: could not read ${join(root, 'no-such-folder')}: No such file or folder.\ncoach-notes: nothing was checked. Correct the path, then run the command again.\n`);
    }
  });

  it('exits 2 for usage errors', async () => {
    assert.equal((await cli(['lint'])).code, 2);
    assert.equal((await cli(['lint', '--format', 'xml', '.'])).code, 2);
    assert.equal((await cli(['frobnicate'])).code, 2);
    assert.equal((await cli(['coverage', '--quarter', '2026-Q5', '.'])).code, 2);
    for (const bad of ['abc', '-1', '1.5']) {
      const r = await cli(['lint', '--workers', bad, '.']);
      assert.equal(r.code, 2, bad);
      assert.match(r.err, /is not a number of workers for --workers/);
    }
  });

  it('--workers 0 checks on one thread, with the same result', async () => {
    const root = tempWorkspace({ 'a.coach.md': note('Mia', '2026-03-02') });
    const plain = await cli(['lint', '--format', 'json', root]);
    const one = await cli(['lint', '--format', 'json', '--workers', '0', root]);
    assert.equal(one.code, plain.code);
    assert.equal(one.out, plain.out);
  });

  it('has --help with examples on each command', async () => {
    for (const args of [['--help'], ['lint', '--help'], ['coverage', '--help']]) {
      const r = await cli(args);
      assert.equal(r.code, 0);
      assert.match(r.out, /Examples:\n {2}\$ coach-notes/);
    }
  });

  it('reads the nearest .coach/config.yaml, or --config', async () => {
    const root = tempWorkspace({
      '.coach/config.yaml': 'rules:\n  missing-marker-section: error\n',
      'notes/a.coach.md': note('Maria', '2026-03-02', '', '## 3.1 Genuine concern\n\nAsked.\n'),
      'other.yaml': 'rules:\n  missing-marker-section: "off"\n',
    });
    assert.equal((await cli(['lint', 'notes'], root)).code, 1);
    assert.equal((await cli(['lint', '--config', 'other.yaml', 'notes'], root)).code, 0);
  });

  describe('--config', () => {
    const custom = 'schema_version: 1\nid: custom\nname: Custom\nversion: "1"\nmarkers:\n  - id: "1.1"\n    title: Listening\n    description: Listens.\n';
    const workspace = () =>
      tempWorkspace({
        '.coach/frameworks/custom.yaml': custom,
        'notes/a.coach.md': note('Maria', '2026-03-02', 'framework: custom\n', '## 1.1 Listening\n\nReflected.\n'),
        'other.yaml': 'rules:\n  judgmental-language: "off"\n',
        'team/.coach/config.yaml': 'framework: team\n',
        'team/.coach/frameworks/team.yaml': custom.replace('id: custom', 'id: team'),
        'team/b.coach.md': note('Ana', '2026-03-02', '', '## 1.1 Listening\n\nReflected.\n'),
      });
    const frameworkProblems = (out: string) => (JSON.parse(out) as { ruleId: string; message: string }[]).filter((e) => e.ruleId === 'frontmatter' || /framework/i.test(e.message));

    it('outside a .coach/ folder replaces only the config: frameworks still come from the notes’ workspace', async () => {
      const root = workspace();
      const r = await cli(['lint', '--format', 'json', '--config', 'other.yaml', 'notes'], root);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(frameworkProblems(r.out), [], 'the custom framework in .coach/frameworks/ is found');
      // Run from another folder, with the config file there: the workspace is still the notes' one.
      const elsewhere = tempWorkspace({ 'strict.yaml': 'rules:\n  missing-marker-section: error\n' });
      const away = await cli(['lint', '--format', 'json', '--config', 'strict.yaml', join(root, 'notes')], elsewhere);
      assert.equal(away.code, 0, away.err);
      assert.deepEqual(frameworkProblems(away.out), []);
    });

    it('inside a .coach/ folder makes the folder above it the workspace root', async () => {
      const root = workspace();
      const r = await cli(['lint', '--format', 'json', '--config', 'team/.coach/config.yaml', 'team/b.coach.md'], root);
      assert.equal(r.code, 0, r.err);
      assert.deepEqual(frameworkProblems(r.out), [], 'the team framework, the config default, is read from team/.coach/frameworks/');
      const without = await cli(['lint', '--format', 'json', '--config', 'other.yaml', 'team/b.coach.md'], root);
      assert.equal(without.code, 0, without.err);
    });
  });

  it('reports a bad config with file, line and field, and keeps working', async () => {
    const root = tempWorkspace({ '.coach/config.yaml': 'rules:\n  judgmental-language: loud\n', 'a.coach.md': note('Maria', '2026-03-02') });
    const r = await cli(['lint', root]);
    assert.equal(r.code, 0);
    assert.match(r.err, /config\.yaml:2:24: rules\.judgmental-language must be one of/);
  });
});

describe('coach-notes coverage', () => {
  const root = tempWorkspace({
    'maria/1.coach.md': note('Maria', '2026-01-10', '', '## 3.1 Genuine concern\n\nAsked.\n\n## 3.2 Integrity\n\n<!-- empty -->\n'),
    'maria/2.coach.md': note('Maria', '2026-02-10', '', 'She tried it [#3.5].\n\n## 3.1 Genuine concern\n\nAsked.\n'),
    'ana/1.coach.md': note('Ana', '2026-04-02', 'duration: 90\n'.replace('duration: 90\n', ''), '## 3.3 Clear agreements\n\nRevisited.\n'),
    'ana/bad.coach.md': note('Ana', '2026-02-31'),
  });

  it('prints the exact JSON shape with counts per marker', async () => {
    const r = await cli(['coverage', '--format', 'json', '--quarter', '2026-Q1', root]);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out) as { quarter: string; notes: number; clients: number; hours: number; markers: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(json), ['quarter', 'notes', 'clients', 'hours', 'markers']);
    assert.deepEqual([json.quarter, json.notes, json.clients, json.hours], ['2026-Q1', 2, 1, 1.5]);
    assert.deepEqual(Object.keys(json.markers[0] ?? {}), ['framework', 'id', 'title', 'notes', 'coverage']);
    const byId = Object.fromEntries(json.markers.map((m) => [m.id, [m.notes, m.coverage]]));
    assert.deepEqual(byId, { '3.1': [2, 1], '3.2': [0, 0], '3.3': [0, 0], '3.4': [0, 0], '3.5': [1, 0.5], '3.6': [0, 0] });
  });

  it('counts all time when no quarter is given, with quarter null', async () => {
    const json = JSON.parse((await cli(['coverage', '--format', 'json', root])).out) as { quarter: null; notes: number; clients: number };
    assert.deepEqual([json.quarter, json.notes, json.clients], [null, 3, 2]);
  });

  it('lists notes left out for invalid frontmatter in the text output', async () => {
    const r = await cli(['coverage', root]);
    assert.match(r.out, /Left out \(1\)/);
    assert.match(r.out, /bad\.coach\.md: `date` 2026-02-31 is not a day on the calendar/);
    assert.match(r.out, /3\.1 +Genuine concern +█{13}·{7} +67% +2\/3/);
  });

  it('exits 2 with only the error for a folder that does not exist', async () => {
    const r = await cli(['coverage', join(root, 'nobody')]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /^coach-notes: could not read .*nobody: No such file or folder\.\ncoach-notes: nothing was checked/);
  });

  it('says what a valid quarter looks like, and not that the option is missing', async () => {
    const r = await cli(['coverage', '--quarter', '2026-Q5', root]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /“2026-Q5” is not a valid quarter for --quarter\. Write the year, a dash and Q1 to Q4, for example 2026-Q1/);
    assert.doesNotMatch(r.err, /required/);
  });

  it('says clearly when a quarter has no notes', async () => {
    const r = await cli(['coverage', '--quarter', '2025-Q3', root]);
    assert.match(r.out, /No notes are dated in 2025-Q3\./);
  });
});
