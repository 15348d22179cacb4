import assert from 'node:assert/strict';
import { addAllowedWord } from '../../src/core/config/edit';
import type { Finding, TextEdit } from '../../src/core/model/types';
import { lintBatch } from '../../src/core/workspace/batch';
import { decodeNote } from '../../src/core/workspace/files';
import { setupWith } from './support/setup';

/** Applies edits (non-overlapping) from the end backwards, so offsets stay valid. */
function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

const PREVIOUS = '---\nclient: Maria\ndate: 2026-02-16\n---\n\n## Agreements\n\n- [ ] Draft the email to her manager, due 2026-02-23\n- [ ] Try one meeting without apologising\n';

function lint(text: string, ruleId: string): Finding[] {
  const files = [decodeNote('prev.coach.md', Buffer.from(PREVIOUS)), decodeNote('note.coach.md', Buffer.from(text))];
  return lintBatch(files, setupWith(), { only: [ruleId] }).results.find((r) => r.path === 'note.coach.md')?.findings ?? [];
}

/** Applies a finding's first fix and checks that the finding does not come back at that place. */
function fixAndRelint(text: string, ruleId: string, pick = 0): { fixed: string; before: number; after: Finding[] } {
  const findings = lint(text, ruleId);
  const fix = findings[pick]?.fixes[0];
  assert.ok(fix, `${ruleId} offers a fix`);
  const fixed = apply(text, fix.edits);
  return { fixed, before: findings.length, after: lint(fixed, ruleId) };
}

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

describe('quick fixes, applied and re-checked', () => {
  it('carries an open agreement forward into an existing Agreements section', () => {
    const { fixed, before, after } = fixAndRelint(`${HEAD}## 3.1 Genuine concern\n\nAsked.\n\n## Agreements\n\n- [x] Book the room\n\n## Reflection\n\nText.\n`, 'agreement-follow-up');
    assert.equal(before, 2);
    assert.equal(after.length, 1);
    assert.match(fixed, /- \[x\] Book the room\n- \[ \] Draft the email to her manager, due 2026-02-23\n\n## Reflection/);
  });

  it('adds an Agreements section when the note has none', () => {
    const { fixed, after } = fixAndRelint(`${HEAD}Text.\n`, 'agreement-follow-up');
    assert.equal(after.length, 1);
    assert.match(fixed, /Text\.\n\n## Agreements\n\n- \[ \] Draft the email/);
  });

  it('inserts every missing section at once, in framework order, with CRLF kept', () => {
    const text = `${HEAD}## 3.2 Integrity\n\nSaid so.\n\n## 3.5 Championing\n\nCheered.\n\n## Agreements\n\n- [ ] x\n`.replace(/\n/g, '\r\n');
    const findings = lint(text, 'missing-marker-section');
    assert.equal(findings.length, 4);
    const all = findings[0]?.fixes.find((f) => f.title.startsWith('Add all 4'));
    assert.ok(all);
    const fixed = apply(text, all.edits);
    assert.deepEqual([...fixed.matchAll(/^## (\d\.\d)/gm)].map((m) => m[1]), ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    assert.ok(!/[^\r]\n/.test(fixed), 'only CRLF line ends');
    assert.equal(lint(fixed, 'missing-marker-section').length, 0);
  });

  it('records a permission check, after which the note passes', () => {
    const { fixed, after } = fixAndRelint(`${HEAD}## 3.1 Genuine concern\n\nHer father died in January.\n`, 'permission-check');
    assert.equal(after.length, 0);
    assert.match(fixed, /\*\*Permission:\*\* Asked whether we could explore grief; <client's answer>\.\n\nHer father died/);
  });

  it('rewrites judgmental wording, after which nothing is flagged there', () => {
    const text = `${HEAD}She was lazy about the budget.\n`;
    const { after, fixed } = fixAndRelint(text, 'judgmental-language');
    assert.equal(after.length, 0, fixed);
  });
});

describe('allowing a word in .coach/config.yaml', () => {
  it('creates the list, keeps comments and other settings, and does not add a word twice', () => {
    const config = '# my settings\nrules:\n  empty-marker-section: hint # quiet\n';
    const once = addAllowedWord(config, 'resistant');
    assert.equal(once, '# my settings\nrules:\n  empty-marker-section: hint # quiet\njudgmental:\n  allow:\n    - resistant\n');
    const twice = addAllowedWord(once ?? '', 'stubborn');
    assert.match(twice ?? '', /allow:\n {4}- resistant\n {4}- stubborn\n/);
    assert.equal(addAllowedWord(twice ?? '', 'Stubborn'), twice);
  });

  it('starts a config from nothing, and never rewrites invalid YAML', () => {
    assert.equal(addAllowedWord('', 'lazy'), 'judgmental:\n  allow:\n    - lazy\n');
    assert.equal(addAllowedWord('rules: [unclosed\n', 'lazy'), undefined);
  });

  it('makes the linter accept the word', () => {
    const setup = setupWith(addAllowedWord('', 'stubborn'));
    const files = [decodeNote('n.coach.md', Buffer.from(`${HEAD}She was stubborn about the plan.\n`))];
    assert.equal(lintBatch(files, setup, { only: ['judgmental-language'] }).results[0]?.findings.length, 0);
  });
});
