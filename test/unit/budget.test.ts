import assert from 'node:assert/strict';
import { toLintJson } from '../../src/cli/output/lint-json';
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

  it('a paragraph with more quotes than a call takes arguments is masked, not a stack overflow', () => {
    const text = 'She said "ok" and "fine". '.repeat(150_000);
    const ranges = maskRanges(text);
    assert.equal(ranges.length, 300_000);
  });
});
