import assert from 'node:assert/strict';
import { lintText } from '../../src/core/engine/lint';
import { setupWith } from './support/setup';

const setup = setupWith();
const frontmatterFindings = (text: string) => lintText(text, 'n.coach.md', setup, { only: ['frontmatter'] }).findings;

describe('frontmatter rule positions', () => {
  it('reports a YAML syntax error at the file line and column, not the YAML block\'s', () => {
    // Line 3 of the file is the second line of the YAML: the unclosed flow sequence.
    const [f, ...rest] = frontmatterFindings('---\nclient: Maria\ndate: [2026-03-02\n---\n\nBody.\n');
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.match(f.reason, /YAML/);
    assert.ok(f.place.start.line >= 3 && f.place.start.line <= 4, `line ${f.place.start.line}`);
  });

  it('points at a bad value: the impossible date on line 3, column 7', () => {
    const [f] = frontmatterFindings('---\nclient: Maria\ndate: 2026-02-30\n---\n');
    assert.deepEqual([f?.place.start.line, f?.place.start.column, f?.place.end.column], [3, 7, 17]);
  });

  it('counts positions after a BOM and with CRLF line endings', () => {
    const [f] = frontmatterFindings('\ufeff---\r\nclient: Maria\r\nduration: -5\r\ndate: 2026-03-02\r\n---\r\n');
    assert.deepEqual([f?.place.start.line, f?.place.start.column], [3, 11]);
    assert.match(f?.reason ?? '', /duration/);
  });

  it('reports a duplicate key', () => {
    const [f] = frontmatterFindings('---\nclient: Maria\nclient: Ana\ndate: 2026-03-02\n---\n');
    assert.match(f?.reason ?? '', /YAML/);
    assert.equal(f?.place.start.line, 3);
  });

  it('rejects custom tags such as !!js/function instead of running them', () => {
    const findings = frontmatterFindings('---\nclient: !!js/function "function(){ return 1 }"\ndate: 2026-03-02\n---\n');
    assert.ok(findings.length >= 1);
    assert.equal(findings[0]?.place.start.line, 2);
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    bomb.push('client: Maria', 'date: 2026-03-02', '---', '');
    const findings = frontmatterFindings(bomb.join('\n'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.reason ?? '', /could not be read|alias/i);
  });

  it('asks to quote a numeric client code', () => {
    const [f] = frontmatterFindings('---\nclient: 1042\ndate: 2026-03-02\n---\n');
    assert.match(f?.reason ?? '', /"1042"/);
  });

  it('checks the optional fields', () => {
    const reasons = frontmatterFindings('---\nclient: Maria\ndate: 2026-03-02\nsession: 0\nduration: 100000\ntype: team\ngroup_size: 1\npaid: maybe\nicf_log: "no"\n---\n').map((f) => f.reason);
    for (const field of ['session', 'duration', 'type', 'group_size', 'paid', 'icf_log']) {
      assert.ok(reasons.some((r) => r.includes(`\`${field}\``)), `${field} in ${reasons.join(' | ')}`);
    }
  });

  it('keeps unknown keys and does not let __proto__ pollute objects', () => {
    const { note, findings } = lintText('---\nclient: Maria\ndate: 2026-03-02\nmood: calm\n__proto__:\n  polluted: yes\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
    assert.equal(findings.length, 0);
    assert.equal(note.frontmatter.data.mood, 'calm');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
