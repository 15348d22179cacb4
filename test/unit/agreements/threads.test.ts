import assert from 'node:assert/strict';
import { agreementThreads } from '../../../src/core/agreements/figures';
import { lastIn, madeIn, threadsOfClient } from '../../../src/core/agreements/threads';
import { summaryOf } from './support';

describe('agreement threads', () => {
  const ana = [
    summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-02-03\nsession: 2', ['[ ] Draft the proposal, due 2026-02-10', '[x] Book the room']),
    summaryOf('/ws/ana/1.coach.md', 'client: Ana\ndate: 2026-01-06\nsession: 1', ['[ ] Draft the proposal', '[ ] Call the sponsor']),
    summaryOf('/ws/ana/3.coach.md', 'client: Ana\ndate: 2026-03-03\nsession: 3', ['[x] draft the proposal!', '[ ] Ask for feedback']),
  ];

  it('shows an agreement carried forward once, linking where it was made and where last revisited', () => {
    const threads = threadsOfClient(ana);
    const draft = threads.filter((t) => t.key === 'draft the proposal');
    assert.equal(draft.length, 1);
    const [t] = draft;
    assert.ok(t);
    assert.deepEqual(t.occurrences.map((o) => o.date), ['2026-01-06', '2026-02-03', '2026-03-03']);
    assert.equal(madeIn(t).path, '/ws/ana/1.coach.md');
    assert.equal(lastIn(t).path, '/ws/ana/3.coach.md');
    assert.equal(t.kept, true);
    // The latest line's words, and the latest due date written on any line.
    assert.equal(t.text, 'draft the proposal!');
    assert.equal(t.due, '2026-02-10');
  });

  it('marks an open agreement the next note did not mention as dropped on that note’s date', () => {
    const sponsor = threadsOfClient(ana).find((t) => t.key === 'call the sponsor');
    assert.equal(sponsor?.droppedAt, '2026-02-03');
    const feedback = threadsOfClient(ana).find((t) => t.key === 'ask for feedback');
    assert.equal(feedback?.droppedAt, undefined, 'no later note yet: not dropped');
  });

  it('starts a new thread when the same words come back after being kept', () => {
    const notes = [
      summaryOf('/ws/b/1.coach.md', 'client: Ben\ndate: 2026-01-01', ['[ ] Send the weekly update']),
      summaryOf('/ws/b/2.coach.md', 'client: Ben\ndate: 2026-01-08', ['[x] Send the weekly update']),
      summaryOf('/ws/b/3.coach.md', 'client: Ben\ndate: 2026-01-15', ['[ ] Send the weekly update']),
    ];
    const threads = threadsOfClient(notes);
    assert.deepEqual(threads.map((t) => [t.kept, t.occurrences.length]), [[true, 2], [false, 1]]);
    assert.notEqual(threads[0]?.id, threads[1]?.id);
  });

  it('reads a kept item copied into the next note as the same kept agreement', () => {
    const notes = [
      summaryOf('/ws/d/1.coach.md', 'client: Dan\ndate: 2026-01-01', ['[ ] Update the CV']),
      summaryOf('/ws/d/2.coach.md', 'client: Dan\ndate: 2026-01-08', ['[x] Update the CV']),
      summaryOf('/ws/d/3.coach.md', 'client: Dan\ndate: 2026-01-15', ['[x] Update the CV']),
    ];
    const threads = threadsOfClient(notes);
    assert.deepEqual(threads.map((t) => [t.kept, lastIn(t).date]), [[true, '2026-01-08']]);
  });

  it('keeps one client across a rename with client_id, and leaves out notes that do not count', () => {
    const notes = [
      summaryOf('/ws/c/1.coach.md', 'client: Cara Silva\nclient_id: C1\ndate: 2026-01-01', ['[ ] Map the stakeholders']),
      summaryOf('/ws/c/2.coach.md', 'client: Cara Costa\nclient_id: C1\ndate: 2026-02-01', ['[ ] Map the stakeholders']),
      summaryOf('/ws/c/bad.coach.md', 'client: Cara Costa\nclient_id: C1\ndate: 2026-02-30', ['[ ] Never seen']),
    ];
    const threads = agreementThreads(notes);
    assert.deepEqual(threads.map((t) => [t.client, t.occurrences.length]), [['Cara Costa', 2]]);
  });
});
