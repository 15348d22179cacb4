import assert from 'node:assert/strict';
import { lintText } from '../../src/core/engine/lint';
import { buildReport } from '../../src/core/report/build';
import { decodeNote } from '../../src/core/workspace/files';
import { setupWith } from './support/setup';

const note = (fm: string, body: string) => `---\n${fm.trim()}\n---\n\n${body}`;
const section = (id: string, text = 'Observed in the session.') => `## ${id}\n\n${text}\n\n`;

const FILES: Record<string, string> = {
  'ana/1.coach.md': note('client: Ana\ndate: 2026-01-10\nsession: 1\nduration: 60', section('3.1') + section('3.3') + '## Agreements\n\n- [ ] Draft the proposal\n- [ ] Call the sponsor\n'),
  'ana/2.coach.md': note('client: Ana\ndate: 2026-04-05\nsession: 2\nduration: 45', section('3.1', 'She is lazy about the budget.') + section('3.2') + '## Agreements\n\n- [x] Draft the proposal.\n- [ ] Book the review\n'),
  'ana/3.coach.md': note('client: Ana\ndate: 2026-05-05\nsession: 3\nduration: 45', section('3.1', 'We talked about her divorce and the move.') + '## Agreements\n\n- [ ] book the review, due 2026-05-20\n- [ ] Ask for feedback\n'),
  'ben/1.coach.md': note('client: Ben\ndate: 2026-04-20\ntype: group\ngroup_size: 4\nduration: 90\npaid: false', section('3.1') + section('3.4') + section('3.6', 'Asked before we went into the grief the team carries.')),
  'ben/2.coach.md': note('client: Ben\ndate: 2026-06-01\ntype: group\ngroup_size: 6\nduration: 90\npaid: false\nicf_log: false', section('3.1')),
  'bad.coach.md': note('client: Ana\ndate: 2026-02-30', section('3.1')),
};

function build(pseudonymize = false) {
  const setup = setupWith();
  const files = Object.entries(FILES).map(([path, text]) => decodeNote(`/ws/${path}`, Buffer.from(text)));
  return buildReport(files, setup, { quarter: { year: 2026, q: 2 }, root: '/ws', pseudonymize });
}

describe('buildReport', () => {
  const data = build();

  it('summarises the quarter: notes, clients and hours split by paid and type', () => {
    assert.deepEqual([data.quarter, data.previousQuarter, data.period.start, data.period.end], ['2026-Q2', '2026-Q1', '2026-04-01', '2026-06-30']);
    assert.deepEqual(data.totals, {
      notes: 4, clients: 2, minutes: 270, hours: 4.5, paidHours: 1.5, proBonoHours: 3,
      individualHours: 1.5, groupHours: 3, individualNotes: 2, groupNotes: 2, notesWithoutDuration: 0,
    });
  });

  it('computes per-marker coverage with the change against the previous quarter', () => {
    const row = (id: string) => data.markers.find((m) => m.id === id);
    assert.deepEqual([row('3.1')?.notes, row('3.1')?.total, row('3.1')?.coverage, row('3.1')?.deltaPoints], [4, 4, 1, 0]);
    assert.deepEqual([row('3.2')?.coverage, row('3.2')?.deltaPoints], [0.25, 25]);
    assert.deepEqual([row('3.3')?.coverage, row('3.3')?.previous, row('3.3')?.deltaPoints], [0, { notes: 1, total: 1, coverage: 1 }, -100]);
    assert.deepEqual(data.focus.map((m) => m.id), ['3.3', '3.5', '3.2']);
  });

  it('builds the client × marker matrix', () => {
    assert.deepEqual(data.matrix.clients, ['Ana', 'Ben']);
    const col = data.matrix.markers.findIndex((m) => m.id === '3.4');
    assert.deepEqual(data.matrix.cells.map((row) => row[col]), [{ evidenced: 0, sessions: 2 }, { evidenced: 1, sessions: 2 }]);
  });

  it('counts agreements made, kept, carried forward and never revisited', () => {
    assert.deepEqual(data.signals.agreements, { made: 2, kept: 1, carriedForward: 1, neverRevisited: 1, overdueAtEnd: 1, followThroughRate: 2 / 3 });
  });

  it('counts sensitive topics with and without a permission check', () => {
    assert.deepEqual([data.signals.sensitive.withPermission, data.signals.sensitive.withoutPermission], [1, 1]);
    const ids = data.signals.sensitive.topics.map((t) => [t.id, t.withPermission, t.withoutPermission]);
    assert.ok(ids.some(([, w, wo]) => w === 1 && wo === 0), JSON.stringify(ids));
    assert.ok(ids.some(([, w, wo]) => w === 0 && wo === 1), JSON.stringify(ids));
  });

  it('counts judgmental-language findings per month, as the linter reports them', () => {
    const expected = lintText(FILES['ana/2.coach.md'] ?? '', 'x.coach.md', setupWith(), { only: ['judgmental-language'] }).findings.length;
    assert.deepEqual(data.signals.judgmentalByMonth.map((m) => [m.month, m.notes, m.findings]), [['2026-04', 2, expected], ['2026-05', 1, 0], ['2026-06', 1, 0]]);
  });

  it('lists the notes with missing markers, and the ICF log engagements without icf_log: false', () => {
    assert.deepEqual(data.notes.map((n) => [n.date, n.client, n.path, n.missing.join(' ')]), [
      ['2026-04-05', 'Ana', 'ana/2.coach.md', '3.3 3.4 3.5 3.6'],
      ['2026-04-20', 'Ben', 'ben/1.coach.md', '3.2 3.3 3.5'],
      ['2026-05-05', 'Ana', 'ana/3.coach.md', '3.2 3.3 3.4 3.5 3.6'],
      ['2026-06-01', 'Ben', 'ben/2.coach.md', '3.2 3.3 3.4 3.5 3.6'],
    ]);
    assert.deepEqual(data.engagements, [
      { client: 'Ana', start: '2026-04-05', end: '2026-05-05', type: 'individual', groupSize: null, sessions: 2, paidHours: 1.5, proBonoHours: 0 },
      { client: 'Ben', start: '2026-04-20', end: '2026-04-20', type: 'group', groupSize: 4, sessions: 1, paidHours: 0, proBonoHours: 1.5 },
    ]);
    assert.deepEqual(data.excluded.map((e) => e.path), ['bad.coach.md']);
  });

  it('pseudonymizes clients in a stable order and hides paths', () => {
    const p = build(true);
    const json = JSON.stringify(p);
    assert.ok(!/Ana|Ben|ana\/|ben\//.test(json), 'no client name or path remains');
    assert.deepEqual(p.matrix.clients, ['Client A', 'Client B']);
    assert.deepEqual(p.notes.map((n) => n.client), ['Client A', 'Client B', 'Client A', 'Client B']);
    assert.ok(p.notes.every((n) => n.path === null));
  });
});
