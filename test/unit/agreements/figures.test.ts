import assert from 'node:assert/strict';
import { agreementFigures, agreementThreads } from '../../../src/core/agreements/figures';
import { renderReport } from '../../../src/core/report/render';
import { realisticReport } from '../support/report-fixtures';
import { summaryOf } from './support';

const Q1 = { start: '2026-01-01', end: '2026-03-31' };

describe('agreement figures (the report’s agreement section)', () => {
  const threads = agreementThreads([
    // Made in Q4, carried into Q1 twice, then kept in Q1: made 0, kept 1, carried 1, revisited once.
    summaryOf('/ws/a/0.coach.md', 'client: Ana\ndate: 2025-12-10', ['[ ] Draft the proposal']),
    summaryOf('/ws/a/1.coach.md', 'client: Ana\ndate: 2026-01-10', ['[ ] Draft the proposal', '[ ] Call the sponsor, due 2026-02-01']),
    summaryOf('/ws/a/2.coach.md', 'client: Ana\ndate: 2026-02-10', ['[ ] Draft the proposal', '[ ] Book the review, due 2026-03-31']),
    summaryOf('/ws/a/3.coach.md', 'client: Ana\ndate: 2026-03-10', ['[x] Draft the proposal', '[ ] Book the review, due 2026-03-31', '[ ] Ask for feedback, due 2026-04-15']),
    // Kept after the quarter: it was still open (and overdue) at the quarter's end.
    summaryOf('/ws/b/1.coach.md', 'client: Ben\ndate: 2026-03-01', ['[ ] Map the stakeholders, due 2026-03-15']),
    summaryOf('/ws/b/2.coach.md', 'client: Ben\ndate: 2026-04-02', ['[x] Map the stakeholders']),
  ]);

  it('counts made, kept, carried, never revisited and overdue at the quarter’s end from the view’s threads', () => {
    assert.deepEqual(agreementFigures(threads, Q1), {
      // Call the sponsor, Book the review, Ask for feedback, Map the stakeholders.
      made: 4,
      kept: 1,
      // Draft the proposal (once, though carried into two notes) and Book the review.
      carriedForward: 2,
      // Call the sponsor: the next note (2026-02-10) did not take it up.
      neverRevisited: 1,
      // Call the sponsor (due 02-01, dropped but never kept), Book the review (due on the last day), Map the stakeholders.
      overdueAtEnd: 3,
      followThroughRate: 2 / 3,
    });
  });

  it('reads the next quarter from the same threads: the kept item and no new overdue', () => {
    const q2 = agreementFigures(threads, { start: '2026-04-01', end: '2026-06-30' });
    assert.deepEqual([q2.made, q2.kept, q2.overdueAtEnd], [0, 1, 3]);
  });

  it('prints overdue at the quarter’s end in the Markdown and HTML reports', () => {
    const md = renderReport(realisticReport(), 'md');
    assert.match(md, /^\| Overdue at the quarter’s end \| 4 \|$/m);
    const html = renderReport(realisticReport(), 'html');
    assert.match(html, /<div class="warn"><dt>Overdue at the quarter’s end<\/dt><dd>4<\/dd><\/div>/);
  });
});
