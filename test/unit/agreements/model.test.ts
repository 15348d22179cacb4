import assert from 'node:assert/strict';
import { agreementThreads } from '../../../src/core/agreements/figures';
import { AgreementsModel } from '../../../src/core/agreements/model';
import type { NoteSummary } from '../../../src/core/workspace/summary';
import { summaryOf } from './support';

function workspace(): NoteSummary[] {
  return [
    summaryOf('/ws/ana/1.coach.md', 'client: Ana\ndate: 2026-01-06', ['[ ] Draft the proposal, due 2026-01-20']),
    summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-02-03', ['[ ] Draft the proposal, due 2026-02-17']),
    summaryOf('/ws/ben/1.coach.md', 'client: Ben\ndate: 2026-01-10', ['[ ] Call the sponsor', '[x] Book the room']),
  ];
}

const ids = (model: AgreementsModel) => [...model.threads()].map((t) => t.id).sort();

describe('AgreementsModel', () => {
  it('builds the same threads as a fresh build, and follows one-note edits to the same result', () => {
    const notes = workspace();
    const model = new AgreementsModel();
    model.reset(notes);
    assert.deepEqual(ids(model), agreementThreads(notes).map((t) => t.id).sort());

    const edited = summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-02-03', ['[x] Draft the proposal', '[ ] Ask for feedback']);
    assert.equal(model.update([edited]), true);
    const fresh = agreementThreads([notes[0] as NoteSummary, edited, notes[2] as NoteSummary]);
    assert.deepEqual([...model.threads()].map((t) => [t.key, t.kept]).sort(), fresh.map((t) => [t.key, t.kept]).sort());
  });

  it('re-threads only the edited client: the other clients’ threads are the same objects', () => {
    const model = new AgreementsModel();
    model.reset(workspace());
    const ben = model.threadsOfClientKey('Ben');
    const anaBefore = model.threadsOfClientKey('Ana');
    model.update([summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-02-03', ['[x] Draft the proposal'])]);
    assert.equal(model.threadsOfClientKey('Ben'), ben);
    assert.notEqual(model.threadsOfClientKey('Ana'), anaBefore);
  });

  it('ignores edits that leave agreements, client and date alone', () => {
    const model = new AgreementsModel();
    model.reset(workspace());
    const version = model.version;
    // A new summary object (a prose edit re-summarises the note) with the same agreements.
    assert.equal(model.update([summaryOf('/ws/ben/1.coach.md', 'client: Ben\ndate: 2026-01-10', ['[ ] Call the sponsor', '[x] Book the room'])]), false);
    assert.equal(model.version, version);
  });

  it('moves a note between clients, forgets deleted notes and notes that stop counting', () => {
    const model = new AgreementsModel();
    model.reset(workspace());
    model.update([summaryOf('/ws/ben/1.coach.md', 'client: Cara\ndate: 2026-01-10', ['[ ] Call the sponsor'])]);
    assert.deepEqual([...model.threads()].filter((t) => t.key === 'call the sponsor').map((t) => t.client), ['Cara']);
    assert.deepEqual(model.pathsOfClientName('Ben'), []);
    assert.deepEqual(model.pathsOfClientName('Cara'), ['/ws/ben/1.coach.md']);

    model.update([], ['/ws/ben/1.coach.md']);
    assert.equal([...model.threads()].some((t) => t.client === 'Cara'), false);

    // An impossible date makes the note invalid: its agreements leave the view with it.
    model.update([summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-02-30', ['[ ] Draft the proposal'])]);
    const draft = [...model.threads()].find((t) => t.key === 'draft the proposal');
    assert.deepEqual(draft?.occurrences.map((o) => o.date), ['2026-01-06']);
  });
});
