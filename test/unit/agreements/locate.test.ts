import assert from 'node:assert/strict';
import { findAgreement, markKeptEdit } from '../../../src/core/agreements/locate';
import { parseWith } from '../../../src/core/workspace/batch';
import { noteText, setup } from './support';

const apply = (text: string, e: { start: number; end: number; newText: string }) => text.slice(0, e.start) + e.newText + text.slice(e.end);

describe('finding and checking an agreement in its note', () => {
  const text = noteText('client: Ana\ndate: 2026-03-03', ['[x] Call the sponsor', '[ ] Draft the proposal, due 2026-03-17', '[ ]  Book the review']);
  const note = parseWith(setup, { path: '/ws/a.coach.md', text });

  it('finds the line of an agreement by its key', () => {
    const found = findAgreement(note, 'draft the proposal');
    assert.equal(found?.place.start.line, text.split('\n').findIndex((l) => l.includes('Draft the proposal')) + 1);
    assert.equal(findAgreement(note, 'not there'), undefined);
  });

  it('turns `[ ]` into `[x]` and changes nothing else', () => {
    const found = findAgreement(note, 'draft the proposal');
    assert.ok(found);
    const edit = markKeptEdit(text, found);
    assert.ok(edit);
    const after = apply(text, edit);
    assert.equal(after, text.replace('- [ ] Draft the proposal', '- [x] Draft the proposal'));
    // Read again, it is kept.
    assert.equal(findAgreement(parseWith(setup, { path: '/ws/a.coach.md', text: after }), 'draft the proposal')?.kept, true);
  });

  it('leaves a kept item alone', () => {
    const kept = findAgreement(note, 'call the sponsor');
    assert.ok(kept);
    assert.equal(markKeptEdit(text, kept), undefined);
  });
});
