import assert from 'node:assert/strict';
import { toLintJson } from '../../src/cli/output/lint-json';
import { BudgetSpent, tick, withDeadline } from '../../src/core/engine/deadline';
import { lintText, MAX_FINDINGS_PER_RULE } from '../../src/core/engine/lint';
import { RULES } from '../../src/core/rules/index';
import { BlockView } from '../../src/core/rules/judgmental/block-view';
import { findJudgments } from '../../src/core/rules/judgmental/judge';
import { maskRanges } from '../../src/core/rules/judgmental/masks';
import type { Rule } from '../../src/core/rules/types';
import { setupWith } from './support/setup';

// A note cannot make checking run unbounded or drown the coach: the budget holds inside a rule,
// not only between rules, and one rule's findings in one note are capped with a summary.
const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

describe('budgets and caps', () => {
  it('a rule that runs past the budget is stopped where it is, and the note says it was cut short', () => {
    let reports = 0;
    const endless: Rule = {
      id: 'endless',
      description: 'A rule that never stops reporting, for this test.',
      defaultSeverity: 'info',
      fixable: false,
      examples: [],
      check: ({ note, report }) => {
        for (;;) {
          reports++;
          report({ reason: 'again', place: note.lines.place(0, 0) });
        }
      },
    };
    const findings = lintText(HEAD + 'Text.\n', 'n.coach.md', setupWith(), { rules: [endless, ...RULES], budgetMs: 5 }).findings;
    assert.ok(reports > 0, `${reports} reports`); // it ran, and it ended: the budget stopped it
    const reasons = findings.filter((f) => f.ruleId === 'note-too-large').map((f) => f.reason);
    assert.ok(reasons.some((r) => /stopped part-way and some of their findings may be missing: endless\./.test(r)), reasons.join('\n'));
    assert.ok(reasons.some((r) => /were skipped: judgmental-language, /.test(r)), reasons.join('\n'));
  });

  it('rules see the budget: the judgmental scan stops once it is spent, and checks everything otherwise', () => {
    const block = 'She is lazy. '.repeat(300);
    const setup = setupWith();
    const all = findJudgments(new BlockView(block, undefined), setup.judgmental, { names: new Set() });
    const stopped = findJudgments(new BlockView(block, undefined), setup.judgmental, { names: new Set() }, () => true);
    assert.equal(all.length, 300);
    assert.ok(stopped.length < 100, `${stopped.length}`);
  });

  it(`after ${MAX_FINDINGS_PER_RULE} findings of a rule in a note, one finding stands for the rest, and the JSON says how many`, () => {
    const body = 'He is lazy.\n\n'.repeat(MAX_FINDINGS_PER_RULE + 25);
    const findings = lintText(HEAD + body, 'n.coach.md', setupWith(), { only: ['judgmental-language'] }).findings;
    assert.equal(findings.length, MAX_FINDINGS_PER_RULE + 1);
    const summary = findings[findings.length - 1];
    assert.equal(summary?.data?.dropped, 25);
    assert.match(summary?.reason ?? '', /and 25 more findings of coach:judgmental-language in this note/);
    assert.ok((summary?.place.start.offset ?? 0) > (findings[MAX_FINDINGS_PER_RULE - 1]?.place.start.offset ?? Infinity));
    const json = toLintJson([{ path: 'n.coach.md', findings } as never]);
    assert.equal(json.filter((e) => e.dropped !== undefined).length, 1);
    assert.equal(json[json.length - 1]?.dropped, 25);
    const few = lintText(HEAD + 'He is lazy.\n', 'n.coach.md', setupWith(), { only: ['judgmental-language'] }).findings;
    assert.equal(few.length, 1);
    assert.equal(few[0]?.data?.dropped, undefined);
  });

  // A clock that counts its own reads (each read is "a millisecond later") makes the budget
  // deterministic: where a rule stops depends on how often it looks, never on the machine's speed.
  const countingClock = () => {
    let t = 0;
    return () => t++;
  };
  const cutShort = (findings: readonly { ruleId: string; reason: string }[]) =>
    findings.filter((f) => f.ruleId === 'note-too-large').map((f) => /stopped part-way and some of their findings may be missing: ([^.]*)\./.exec(f.reason)?.[1] ?? '').join('');

  it('inside one huge paragraph, the judgmental rule stops where the budget runs out and is named', () => {
    const text = HEAD + 'She is lazy. He is arrogant and always complains. '.repeat(2_000) + '\n';
    const setup = setupWith();
    const only = ['judgmental-language', 'note-too-large'];
    const all = lintText(text, 'n.coach.md', setup, { only, budgetMs: Number.POSITIVE_INFINITY }).findings;
    assert.equal(all.length, MAX_FINDINGS_PER_RULE + 1, 'unbudgeted: every label, capped');
    // One sentence more: a block read before is kept whole (block-cache.ts) and costs no budget.
    const cut = lintText(`${text.slice(0, -1)} She is lazy.\n`, 'n.coach.md', setup, { only, budgetMs: 200, now: countingClock() });
    assert.equal(cut.note.prose.length, 1, 'one block: the rule was stopped inside it, not between blocks');
    const judged = cut.findings.filter((f) => f.ruleId === 'judgmental-language');
    assert.ok(judged.length > 0 && judged.length < 300, `${judged.length} findings before the budget ran out`);
    assert.equal(cutShort(cut.findings), 'judgmental-language');
  });

  it('the sensitive-topic scan inside permission-check stops at the budget (per block and per word), and the rule is named', () => {
    const text = HEAD + 'We talked about her mother\'s cancer diagnosis and the grief after the funeral.\n\n'.repeat(2_000);
    const setup = setupWith();
    const only = ['permission-check', 'note-too-large'];
    const all = lintText(text, 'n.coach.md', setup, { only, budgetMs: Number.POSITIVE_INFINITY }).findings;
    assert.deepEqual(all.map((f) => f.ruleId), ['permission-check']);
    const cut = lintText(text, 'n.coach.md', setup, { only, budgetMs: 50, now: countingClock() }).findings;
    assert.deepEqual(cut.map((f) => f.ruleId), ['note-too-large'], 'stopped before it could report');
    assert.equal(cutShort(cut), 'permission-check');
  });

  it('a budget of 0: every rule is skipped and named, none runs', () => {
    let ran = 0;
    const probe: Rule = { id: 'probe', description: 'Counts its runs, for this test.', defaultSeverity: 'info', fixable: false, examples: [], check: () => void ran++ };
    const findings = lintText(HEAD + 'She is lazy.\n', 'n.coach.md', setupWith(), { rules: [probe, ...RULES], budgetMs: 0, now: countingClock() }).findings;
    assert.equal(ran, 0);
    assert.deepEqual(findings.map((f) => f.ruleId), ['note-too-large']);
    const skipped = /were skipped: ([^.]*)\./.exec(findings[0]?.reason ?? '')?.[1]?.split(', ');
    assert.deepEqual(skipped, ['probe', ...RULES.filter((r) => r.id !== 'note-too-large').map((r) => r.id)]);
  });

  it('tick() throws only inside a check whose budget is spent; outside one (a summary, the indexer) it never does', () => {
    const ticks = (n: number) => {
      for (let i = 0; i < n; i++) tick();
    };
    assert.doesNotThrow(() => ticks(1_000));
    assert.throws(() => withDeadline(0, () => 1, () => ticks(1_000)), BudgetSpent);
    assert.doesNotThrow(() => withDeadline(10, () => 1, () => ticks(1_000)), 'not spent yet');
    assert.doesNotThrow(() => ticks(1_000), 'the deadline is gone once the check is over, even after a throw');
  });

  it('a paragraph with more quotes than a call takes arguments is masked, not a stack overflow', () => {
    const text = 'She said "ok" and "fine". '.repeat(150_000);
    const ranges = maskRanges(text);
    assert.equal(ranges.length, 300_000);
  });
});
