import assert from 'node:assert/strict';
import { agreementThreads } from '../../../src/core/agreements/figures';
import { overdueCount } from '../../../src/core/agreements/status';
import { agreementGroups, agreementLabel, agreementLinks, agreementRows, agreementTooltip, type AgreementViewOptions } from '../../../src/core/agreements/tree-model';
import { summaryOf } from './support';

const TODAY = '2026-03-10';

const threads = agreementThreads([
  summaryOf('/ws/ana/1.coach.md', 'client: Ana\ndate: 2026-02-03\nsession: 1', ['[ ] Draft the proposal, due 2026-02-17', '[ ] Call the sponsor']),
  summaryOf('/ws/ana/2.coach.md', 'client: Ana\ndate: 2026-03-03\nsession: 2', ['[ ] Draft the proposal, due 2026-03-05', '[x] Call the sponsor', '[ ] Book the review (due 2026-03-12)']),
  summaryOf('/ws/ben/1.coach.md', 'client: Ben\ndate: 2026-03-01', ['[ ] Ask for feedback, due 2026-04-30', '[ ] Map the stakeholders']),
]);

const options = (o: Partial<AgreementViewOptions> = {}): AgreementViewOptions => ({ grouping: 'due', showKept: false, today: TODAY, ...o });

describe('agreements view model', () => {
  it('groups by due date: overdue, this week, later, no date; kept only when asked', () => {
    const groups = agreementGroups(threads, options());
    assert.deepEqual(groups.map((g) => [g.label, g.threads.length]), [['Overdue', 1], ['Due this week', 1], ['Due later', 1], ['No due date', 1]]);
    assert.match(groups[1]?.description ?? '', /by 2026-03-16/);
    const withKept = agreementGroups(threads, options({ showKept: true }));
    assert.deepEqual(withKept.map((g) => g.label).slice(-1), ['Kept']);
  });

  it('marks overdue rows by icon and words, not by colour alone', () => {
    const [overdue] = agreementGroups(threads, options());
    assert.ok(overdue);
    const [row] = agreementRows(overdue, options());
    assert.ok(row);
    assert.equal(row.icon, 'warning');
    assert.equal(row.warning, true);
    assert.match(row.description, /overdue, due 2026-03-05/);
    assert.match(agreementTooltip(row), /Due 2026-03-05: overdue/);
    assert.equal(overdueCount(threads, TODAY), 1);
    assert.equal(overdueCount(threads, '2026-03-05'), 0, 'due today is not overdue yet');
  });

  it('shows text, client, note date and due date on each row; a carried one once, with its two links', () => {
    const rows = agreementGroups(threads, options()).flatMap((g) => agreementRows(g, options()));
    const draft = rows.filter((r) => r.thread.key === 'draft the proposal');
    assert.equal(draft.length, 1);
    const [row] = draft;
    assert.ok(row);
    assert.equal(row.label, 'Draft the proposal');
    assert.equal(row.description, 'Ana · 2026-02-03 → 2026-03-03 · overdue, due 2026-03-05');
    // Clicking opens the latest line; the links open where it was made and where it was last revisited.
    assert.deepEqual(row.target, { path: '/ws/ana/2.coach.md', key: 'draft the proposal', date: '2026-03-03' });
    const links = agreementLinks(row);
    assert.deepEqual(links.map((l) => [l.label, l.target.path]), [['Made', '/ws/ana/1.coach.md'], ['Last revisited (1 later note)', '/ws/ana/2.coach.md']]);
    const single = rows.find((r) => r.thread.key === 'map the stakeholders');
    assert.equal(single?.description, 'Ben · 2026-03-01 · no due date');
    assert.deepEqual(single && agreementLinks(single), []);
  });

  it('groups by client with open and overdue counts, kept rows last when shown', () => {
    const groups = agreementGroups(threads, options({ grouping: 'client', showKept: true }));
    assert.deepEqual(groups.map((g) => [g.label, g.description, g.icon]), [
      ['Ana', '2 open · 1 overdue · 1 kept', 'warning'],
      ['Ben', '2 open · 0 kept', 'person'],
    ]);
    const ana = agreementRows(groups[0] as (typeof groups)[0], options({ grouping: 'client', showKept: true }));
    assert.deepEqual(ana.map((r) => r.status), ['overdue', 'this-week', 'kept']);
  });

  it('takes the due phrase out of the label, since the row shows it', () => {
    assert.equal(agreementLabel('Book the review (due 2026-03-12)'), 'Book the review');
    assert.equal(agreementLabel('Draft it, due: 2026-03-12'), 'Draft it');
    assert.equal(agreementLabel('due 2026-03-12'), 'due 2026-03-12');
  });
});
