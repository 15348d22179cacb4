import assert from 'node:assert/strict';
import { progressOf, session } from './support';

const check = (p: { credentials: { id: string; checks: { id: string; logged: number; required: number; met: boolean }[] }[] }, credential: string, id: string) =>
  p.credentials.find((c) => c.id === credential)?.checks.find((k) => k.id === id);

describe('credential progress: what counts', () => {
  it('counts hours from exact minutes, split paid and pro bono, individual and group', () => {
    const { progress } = progressOf(
      {
        'a1.coach.md': session('client: Ana\ndate: 2026-01-10\nduration: 45'),
        'a2.coach.md': session('client: Ana\ndate: 2026-02-10\nduration: 50\npaid: false'),
        'g1.coach.md': session('client: Team\ndate: 2026-03-01\nduration: 90\ntype: group\ngroup_size: 4'),
      },
      { asOf: '2026-03-31' },
    );
    assert.deepEqual(
      [progress.sessions, progress.minutes, progress.paidHours, progress.proBonoHours, progress.individualHours, progress.groupHours],
      [3, 185, 135 / 60, 50 / 60, 95 / 60, 1.5],
    );
  });

  it('leaves out sessions with icf_log: false, and says how many', () => {
    const { progress, log } = progressOf(
      { 'a.coach.md': session('client: Ana\ndate: 2026-01-10\nduration: 60'), 'b.coach.md': session('client: Ana\ndate: 2026-01-17\nduration: 30\nicf_log: false') },
      { asOf: '2026-03-31' },
    );
    assert.deepEqual([progress.minutes, progress.notLogged, log[0]?.sessions], [60, 1, 1]);
    assert.deepEqual(progress.leftOut, [], 'a session kept out of the log on purpose is not a problem to fix');
  });

  it('leaves out a session dated before the training start, and names the note', () => {
    const { progress } = progressOf(
      { 'early.coach.md': session('client: Ana\ndate: 2025-08-31\nduration: 60'), 'start.coach.md': session('client: Ana\ndate: 2025-09-01\nduration: 60') },
      { asOf: '2026-03-31', trainingStart: '2025-09-01' },
    );
    assert.equal(progress.hours, 1, 'the session on the training start day counts; the one before does not');
    assert.equal(progress.leftOut.length, 1);
    assert.equal(progress.leftOut[0]?.note, 'early.coach.md');
    assert.match(progress.leftOut[0]?.reason ?? '', /before your training started \(2025-09-01\)/);
  });

  it('names a note without a duration and guesses no hours for it', () => {
    const { progress, log } = progressOf(
      { 'a.coach.md': session('client: Ana\ndate: 2026-01-10\nduration: 60'), 'no-length.coach.md': session('client: Ben\ndate: 2026-01-12') },
      { asOf: '2026-03-31' },
    );
    assert.deepEqual([progress.hours, progress.sessions, progress.clients], [1, 1, 1]);
    assert.deepEqual(progress.leftOut.map((l) => l.note), ['no-length.coach.md']);
    assert.match(progress.leftOut[0]?.reason ?? '', /no `duration`/);
    assert.deepEqual(log.map((e) => e.client), ['Ana'], 'the log lists only what counts');
  });

  it('counts a group once for hours and each member as a client, as ICF does', () => {
    const { progress } = progressOf(
      {
        'g1.coach.md': session('client: Leads\ndate: 2026-01-10\nduration: 60\ntype: group\ngroup_size: 5'),
        'g2.coach.md': session('client: Leads\ndate: 2026-02-10\nduration: 60\ntype: group\ngroup_size: 6'),
        'a.coach.md': session('client: Ana\ndate: 2026-02-11\nduration: 60'),
      },
      { asOf: '2026-03-31' },
    );
    assert.equal(progress.hours, 3, 'two group hours, not ten or twelve');
    assert.equal(progress.clients, 7, 'the largest group size (6) plus Ana');
  });

  it('names a group session without group_size and counts nothing for it', () => {
    const { progress } = progressOf(
      { 'g.coach.md': session('client: Leads\ndate: 2026-01-10\nduration: 60\ntype: group'), 'a.coach.md': session('client: Ana\ndate: 2026-01-11\nduration: 60') },
      { asOf: '2026-03-31' },
    );
    assert.deepEqual([progress.hours, progress.clients], [1, 1]);
    assert.deepEqual(progress.leftOut.map((l) => l.note), ['g.coach.md']);
    assert.match(progress.leftOut[0]?.reason ?? '', /without `group_size`.*15 or fewer/);
  });

  it('leaves out groups larger than ICF counts', () => {
    const { progress } = progressOf({ 'g.coach.md': session('client: Hall\ndate: 2026-01-10\nduration: 60\ntype: group\ngroup_size: 16') }, { asOf: '2026-03-31' });
    assert.deepEqual([progress.hours, progress.clients], [0, 0]);
    assert.match(progress.leftOut[0]?.reason ?? '', /a group of 16: ICF counts only groups of 15 or fewer/);
  });

  it('keeps a renamed client as one client through client_id, shown under the latest name', () => {
    const files = {
      'old.coach.md': session('client: Maria Lopez\nclient_id: C-014\ndate: 2026-01-10\nduration: 60'),
      'new.coach.md': session('client: Maria Lopez-Green\nclient_id: C-014\ndate: 2026-03-10\nduration: 60'),
    };
    const { progress, log } = progressOf(files, { asOf: '2026-03-31' });
    assert.equal(progress.clients, 1);
    assert.deepEqual(log.map((e) => [e.client, e.start, e.end, e.sessions]), [['Maria Lopez-Green', '2026-01-10', '2026-03-10', 2]]);
    const without = progressOf({ 'old.coach.md': session('client: Maria Lopez\ndate: 2026-01-10\nduration: 60'), 'new.coach.md': session('client: Maria Lopez-Green\ndate: 2026-03-10\nduration: 60') }, { asOf: '2026-03-31' });
    assert.equal(without.progress.clients, 2, 'without client_id the two names are two clients');
  });

  it('counts hours in the last 18 months, and nothing dated after the as-of day', () => {
    const { progress } = progressOf(
      {
        'old.coach.md': session('client: Ana\ndate: 2024-09-29\nduration: 60'),
        'edge.coach.md': session('client: Ana\ndate: 2024-09-30\nduration: 60'),
        'late.coach.md': session('client: Ana\ndate: 2026-04-01\nduration: 60'),
      },
      { asOf: '2026-03-31' },
    );
    assert.deepEqual(progress.recent, { months: 18, since: '2024-09-30', hours: 1 });
    assert.equal(progress.hours, 2);
  });
});

describe('credential progress: thresholds and the estimate', () => {
  // 8 clients × 10 sessions of 75 minutes, paid, one a week from 2025-01-06: 100 hours, 80 sessions.
  const weekly: Record<string, string> = {};
  for (let i = 0; i < 80; i++) {
    const day = new Date(Date.UTC(2025, 0, 6 + i * 7)).toISOString().slice(0, 10);
    weekly[`s${i}.coach.md`] = session(`client: C${i % 8}\ndate: ${day}\nduration: 75`);
  }

  it('says when a credential is met, each requirement against its threshold', () => {
    const { progress } = progressOf(weekly, { asOf: '2026-08-01' });
    const acc = progress.credentials.find((c) => c.id === 'acc');
    assert.equal(acc?.met, true);
    assert.deepEqual(acc?.checks.map((k) => [k.id, k.logged, k.required, k.met]), [
      ['hours', 100, 100, true],
      ['paidHours', 100, 75, true],
      ['clients', 8, 8, true],
      ['recentHours', 95, 25, true], // the four January 2025 sessions are more than 18 months back
    ]);
    assert.equal(progress.next?.id, 'pcc', 'the next credential is the first not met');
  });

  it('is not met when one requirement falls short: too few clients', () => {
    const seven: Record<string, string> = {};
    for (const [k, v] of Object.entries(weekly)) seven[k] = v.replace(/client: C7/, 'client: C0');
    const { progress } = progressOf(seven, { asOf: '2026-08-01' });
    assert.deepEqual([check(progress, 'acc', 'clients')?.logged, progress.credentials[0]?.met, progress.next?.id], [7, false, 'acc']);
  });

  it('estimates the day at the current pace from the last 18 months', () => {
    // Half of the weekly sessions (every other week): 50 hours over the 79 weeks to 2026-07-05.
    const half = Object.fromEntries(Object.entries(weekly).filter((_e, i) => i % 2 === 0));
    const { progress } = progressOf(half, { asOf: '2026-07-06', credential: 'acc' });
    assert.equal(progress.hours, 50);
    const pace = progress.pace;
    assert.ok(pace);
    assert.equal(pace.since, '2025-01-06', 'measured from the first session, inside the 18 months');
    // 50 hours over 547 days; the 50 missing hours take as long again.
    const days = Math.round((Date.parse(progress.next?.date ?? '') - Date.parse('2026-07-06')) / 86_400_000);
    assert.ok(Math.abs(days - 547) <= 1, `about 547 days, got ${days}`);
  });

  it('gives no date, and says why, without sessions in the last 18 months', () => {
    const { progress } = progressOf({ 'a.coach.md': session('client: Ana\ndate: 2020-01-10\nduration: 60') }, { asOf: '2026-03-31' });
    assert.equal(progress.next?.date, null);
    assert.match(progress.next?.reason ?? '', /no sessions in the last 18 months/);
  });

  it('says the recent-hours rule cannot be met when the pace is too slow for it', () => {
    // 20 hours spread over 18 months keeps the window at 20: PCC asks 50 recent hours.
    const slow: Record<string, string> = {};
    for (let i = 0; i < 20; i++) slow[`s${i}.coach.md`] = session(`client: C${i}\ndate: ${new Date(Date.UTC(2024, 9, 1 + i * 27)).toISOString().slice(0, 10)}\nduration: 60`);
    const { progress } = progressOf(slow, { asOf: '2026-03-31', credential: 'pcc' });
    assert.equal(progress.next?.date, null);
    assert.match(progress.next?.reason ?? '', /short of the 50 recent hours/);
  });

  it('marks the MCC requirement ICF has but the data does not record', () => {
    const { progress } = progressOf(weekly, { asOf: '2026-08-01' });
    assert.match(progress.credentials.find((c) => c.id === 'mcc')?.unrecorded ?? '', /recent hours/);
    assert.equal(progress.credentials.find((c) => c.id === 'acc')?.unrecorded, undefined);
  });
});
