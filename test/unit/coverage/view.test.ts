import * as assert from 'node:assert/strict';
import { buildCoverageView, needsAttention } from '../../../src/core/coverage/tree-model';
import type { NoteSummary } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

const frameworks = setupWith().frameworks;

function note(path: string, over: Partial<NoteSummary> = {}): NoteSummary {
  return {
    path,
    valid: true,
    client: 'Alex',
    date: '2026-02-03',
    framework: 'icf-trust',
    type: 'individual',
    paid: true,
    icfLog: true,
    evidenced: ['3.1'],
    sections: ['3.1'],
    missing: [],
    unevidenced: [],
    agreements: [],
    permissionCheck: false,
    sensitiveTopics: [],
    sectionLines: {},
    ...over,
  };
}

const { date: _date, ...undated } = note('/w/undated.coach.md');
const NOTES = [
  note('/w/a1.coach.md'),
  note('/w/a2.coach.md', { date: '2026-03-20' }),
  note('/w/a3.coach.md', { date: '2026-05-01' }),
  note('/w/bad.coach.md', { valid: false, invalidReason: 'The `date:` 2026-13-01 is not a real day.' }),
  undated,
];

describe('coverage view: what it shows and says', () => {
  it('filtered to a quarter, says so with the counts and puts the way back first', () => {
    const view = buildCoverageView(NOTES, frameworks, { grouping: 'marker', quarter: { year: 2026, q: 1 } });
    assert.equal(view.message, '2026-Q1 · showing 2 of 3 notes');
    assert.equal(view.description, '2026-Q1 · by marker');
    assert.deepEqual([view.shown, view.total], [2, 3]);
    assert.equal(view.roots[0]?.kind, 'show-all-time');
    assert.equal(view.roots[0]?.label, 'Show all time');
  });

  it('over all time, has no message and no way back row', () => {
    const view = buildCoverageView(NOTES, frameworks, { grouping: 'client' });
    assert.equal(view.message, undefined);
    assert.equal(view.description, 'All time · by client');
    assert.ok(!view.roots.some((n) => n.kind === 'show-all-time'));
    assert.deepEqual([view.shown, view.total], [3, 3]);
  });

  it('lists notes coverage cannot count under "Needs attention", each with its reason and a line to open', () => {
    for (const grouping of ['marker', 'client'] as const) {
      const group = buildCoverageView(NOTES, frameworks, { grouping, quarter: { year: 2026, q: 2 } }).roots.find((n) => n.kind === 'attention');
      assert.ok(group, grouping);
      assert.equal(group.label, 'Needs attention');
      assert.equal(group.description, '2 notes not counted');
      assert.deepEqual(
        group.children.map((c) => [c.label, c.description, c.path, c.line]),
        [
          ['bad.coach.md', 'The `date:` 2026-13-01 is not a real day.', '/w/bad.coach.md', 1],
          ['undated.coach.md', 'The note has no `date:` in its frontmatter.', '/w/undated.coach.md', 1],
        ],
      );
    }
  });

  it('has no "Needs attention" group when every note counts', () => {
    assert.equal(needsAttention(NOTES.slice(0, 3)), undefined);
    assert.ok(!buildCoverageView(NOTES.slice(0, 3), frameworks, { grouping: 'marker' }).roots.some((n) => n.kind === 'attention'));
  });
});
