import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/core/config/load';
import { lintText } from '../../src/core/engine/lint';
import { RULES } from '../../src/core/rules/index';
import type { Rule } from '../../src/core/rules/types';
import { cli } from './support/io';
import { setupWith, tempWorkspace } from './support/setup';

const NOTE = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n## 3.1 Genuine concern\n\nShe was lazy about the budget.\n';

describe('faults stay contained', () => {
  it('a rule that throws is reported on the note, and every other rule still reports', () => {
    const broken: Rule = { id: 'broken', description: 'A rule that fails, for this test.', defaultSeverity: 'warning', fixable: false, examples: [], check: () => { throw new Error('boom'); } };
    const withBroken = lintText(NOTE, 'n.coach.md', setupWith(), { rules: [broken, ...RULES] }).findings;
    const normal = lintText(NOTE, 'n.coach.md', setupWith()).findings;
    const failure = withBroken.find((f) => f.ruleId === 'broken');
    assert.match(failure?.reason ?? '', /could not finish checking this note with broken: boom\. The other checks still ran\./);
    assert.deepEqual(withBroken.filter((f) => f.ruleId !== 'broken').map((f) => [f.ruleId, f.place.start.offset]), normal.map((f) => [f.ruleId, f.place.start.offset]));
    assert.ok(normal.some((f) => f.ruleId === 'judgmental-language'));
  });

  it('a note over its time budget says which checks were skipped', () => {
    const slow: Rule = { id: 'slow', description: 'A rule that takes its time, for this test.', defaultSeverity: 'info', fixable: false, examples: [], check: () => { const end = Date.now() + 30; while (Date.now() < end); } };
    const findings = lintText(NOTE, 'n.coach.md', setupWith(), { rules: [slow, ...RULES], budgetMs: 10 }).findings;
    const size = findings.find((f) => f.ruleId === 'note-too-large');
    assert.match(size?.reason ?? '', /took too long, so these checks were skipped: judgmental-language, /);
  });

  it('__proto__ in .coach/config.yaml does not pollute objects', () => {
    const { config, problems } = parseConfig('__proto__:\n  polluted: yes\nrules:\n  __proto__:\n    polluted: yes\n', 'config.yaml');
    assert.ok(problems.length > 0, 'unknown keys are reported');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(config.rules), Object.prototype);
  });
});

describe('nothing is written to notes unasked', () => {
  function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const name of readdirSync(d)) {
        const path = join(d, name);
        const info = statSync(path);
        if (info.isDirectory()) walk(path);
        else out[path] = `${info.mtimeMs}:${createHash('sha1').update(readFileSync(path)).digest('hex')}`;
      }
    };
    walk(dir);
    return out;
  }

  it('lint, coverage and report (to standard output) leave every file of the workspace as it was', async () => {
    const examples = readFileSync(join(__dirname, '..', '..', 'examples', 'notes', 'dana-okafor', 'dana-okafor-2026-02-09.coach.md'), 'utf8');
    const root = tempWorkspace({ 'a.coach.md': NOTE, 'b/b.coach.md': examples, '.coach/config.yaml': 'rules:\n  frontmatter: error\n', 'plain.md': '# not a note\n' });
    const before = snapshot(root);
    await cli(['lint', root]);
    await cli(['lint', '--format', 'json', root]);
    await cli(['coverage', root]);
    for (const format of ['md', 'html', 'json', 'csv']) await cli(['report', root, '--quarter', '2026-Q1', '--format', format]);
    assert.deepEqual(snapshot(root), before);
  });
});
