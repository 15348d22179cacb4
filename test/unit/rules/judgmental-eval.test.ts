import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { breakdown, readSet, run, score, type Outcome } from '../../../eval/judgmental/evaluate';
import { rewritesDoc } from '../../../scripts/gen-rewrites-doc';
import { setupWith } from '../support/setup';

// The development set (eval/judgmental/dev-*.tsv): a regression in what the rule catches, or a new
// false alarm kind, fails the suite. Precision and recall hold issue 10's targets (≥ 0.95, ≥ 0.90;
// 0.998 and 0.920 today), each person judged ≥ 0.88 and each category ≥ 0.80 (0.850 at the lowest).
const RECALL_FLOOR = 0.9;
const PERSON_RECALL_FLOOR = 0.88;
const CATEGORY_RECALL_FLOOR = 0.8;
describe('coach:judgmental-language on the labelled development set', function () {
  this.timeout(120_000);
  let outcomes: Outcome[];

  before(() => {
    outcomes = run(readSet('dev'), setupWith());
  });

  it('has at least 800 sentences, about half judgmental, about the client, other people and the coach', () => {
    assert.ok(outcomes.length >= 800, `${outcomes.length}`);
    const judgmental = outcomes.filter((o) => o.row.label === 'J').length / outcomes.length;
    assert.ok(judgmental > 0.4 && judgmental < 0.6, `${judgmental}`);
    for (const person of ['client', 'other', 'coach']) assert.ok(outcomes.some((o) => o.row.person === person), person);
  });

  it('keeps precision ≥ 0.95, and recall above its floor', () => {
    const s = score(outcomes);
    assert.ok(s.precision >= 0.95, `precision ${s.precision.toFixed(3)}`);
    assert.ok(s.recall >= RECALL_FLOOR, `recall ${s.recall.toFixed(3)}`);
  });

  it('catches judgments of other people as well as of the client', () => {
    const byPerson = breakdown(outcomes.filter((o) => o.row.label === 'J'), (o) => o.row.person);
    for (const [person, s] of byPerson) assert.ok(s.recall >= PERSON_RECALL_FLOOR, `${person}: recall ${s.recall.toFixed(3)}`);
  });

  it('catches every category', () => {
    const byCategory = breakdown(outcomes.filter((o) => o.row.label === 'J'), (o) => o.row.category);
    assert.equal(byCategory.size, 11);
    for (const [category, s] of byCategory) assert.ok(s.recall >= CATEGORY_RECALL_FLOOR, `${category}: recall ${s.recall.toFixed(3)}`);
  });

  it('words the message for the person judged', () => {
    const other = outcomes.filter((o) => o.row.label === 'J' && o.row.person === 'other' && o.findings[0]?.data?.['person'] === 'other');
    assert.ok(other.length > 20, `${other.length}`);
    for (const o of other) assert.match(o.findings[0]?.reason ?? '', /, about [^,]+,/, o.row.text);
  });

  it('docs/rewrites.md is current (npm run docs)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'rewrites.md'), 'utf8');
    assert.equal(onDisk, rewritesDoc());
  });
});
