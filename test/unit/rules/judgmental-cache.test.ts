import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { readBlock } from '../../../src/core/rules/judgmental/block-cache';
import { setupWith } from '../support/setup';

// What a block read as is kept for the next lint of an edited note (src/core/rules/judgmental/block-cache.ts).
// A wrong key would show findings of another client, lexicon or block kind; a kept reading cut
// short by the time budget would hide findings for good.
const note = (client: string, body: string) => `---\nclient: ${client}\ndate: 2026-03-02\n---\n\n${body}\n`;
const reasons = (s: EngineSetup, text: string) => lintText(text, 'n.coach.md', s, { only: ['judgmental-language'] }).findings.map((f) => f.reason);

describe('coach:judgmental-language: readings kept between lints', () => {
  let setup: EngineSetup;
  before(() => {
    setup = setupWith();
  });

  it('gives the same findings from a kept reading, in a block that moved', () => {
    const first = lintText(note('Maria Lopez', 'She was lazy about the budget.'), 'n.coach.md', setup, { only: ['judgmental-language'] }).findings;
    const moved = note('Maria Lopez', 'We met by video.\n\nShe was lazy about the budget.');
    const again = lintText(moved, 'n.coach.md', setup, { only: ['judgmental-language'] }).findings;
    assert.equal(again.length, 1);
    assert.equal(moved.slice(again[0]?.place.start.offset, again[0]?.place.end.offset), 'lazy');
    assert.equal(again[0]?.reason, first[0]?.reason);
    assert.deepEqual(again[0]?.expected, first[0]?.expected);
  });

  it('reads a block again for another client, and with another lexicon', () => {
    assert.match(reasons(setup, note('Maria Lopez', 'She was lazy about the budget.'))[0] ?? '', /Maria Lopez/);
    assert.match(reasons(setup, note('Ana Ruiz', 'She was lazy about the budget.'))[0] ?? '', /Ana Ruiz/);
    const allowing = setupWith('judgmental:\n  allow: [lazy]\n');
    assert.deepEqual(reasons(allowing, note('Maria Lopez', 'She was lazy about the budget.')), []);
  });

  it('keeps a heading apart from a paragraph of the same words', () => {
    const model = { threshold: 0.5, bias: -3, weights: new Map([['wibbles', 30]]), categories: [{ id: 'character-label', bias: 0, weights: new Map<string, number>() }] };
    const withModel = { ...setup, judgmental: { ...setup.judgmental, model } };
    const people = { names: new Set(['maria']), client: 'Maria' };
    const text = 'Maria wibbles the plan every week';
    assert.equal(readBlock(text, withModel.judgmental, people, false, () => false).judgments.length, 0);
    assert.equal(readBlock(text, withModel.judgmental, people, true, () => false).judgments.length, 1);
  });

  it('does not keep a reading the time budget cut short', () => {
    const people = { names: new Set(['maria']), client: 'Maria' };
    // Scare quotes are read after the phrase scan, where the budget is asked first.
    const text = 'Her "migraine" flared up again before the review.';
    assert.equal(readBlock(text, setup.judgmental, people, true, () => true).judgments.length, 0);
    assert.equal(readBlock(text, setup.judgmental, people, true, () => false).judgments.length, 1);
  });
});
