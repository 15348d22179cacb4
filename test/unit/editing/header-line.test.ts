import * as assert from 'node:assert/strict';
import { nextSessionNumber, recentClients } from '../../../src/core/editing/clients';
import { headerLine } from '../../../src/core/editing/header-line';
import type { NoteSummaryForRules } from '../../../src/core/workspace/view';
import type { NoteSummary } from '../../../src/core/workspace/summary';

const other = (path: string, date: string, session?: number, client = 'Alex'): NoteSummaryForRules => ({ path, client, date, agreements: [], ...(session !== undefined ? { session } : {}) });
const base = { client: 'Alex', unevidenced: ['3.2'], required: ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6'], agreements: [{ kept: false }, { kept: true }, { kept: false }] };

describe('editing: header line', () => {
  it('counts required markers evidenced and open agreements', () => {
    const line = headerLine({ ...base, path: '/n.coach.md', date: '2026-03-01' }, []);
    assert.equal(line.summary, '5/6 markers evidenced · 2 open agreements');
    assert.deepEqual(line.evidenced, { count: 5, of: 6 });
    assert.equal(headerLine({ ...base, path: '/n', agreements: [{ kept: false }], required: undefined }, []).summary, '1 open agreement');
  });

  it('finds the client\'s adjacent notes by date, then session, then path', () => {
    const notes = [other('/a.coach.md', '2026-01-01', 1), other('/c.coach.md', '2026-03-01', 2), other('/d.coach.md', '2026-03-01', 4), other('/e.coach.md', '2026-05-01', 5), other('/x.coach.md', '2026-03-02', 9, 'Priya')];
    const line = headerLine({ ...base, path: '/b.coach.md', date: '2026-03-01', session: 3 }, notes);
    assert.equal(line.previous, '/c.coach.md');
    assert.equal(line.next, '/d.coach.md');
    const first = headerLine({ ...base, path: '/a.coach.md', date: '2026-01-01', session: 1 }, notes);
    assert.equal(first.previous, undefined);
    assert.equal(first.next, '/c.coach.md');
    assert.equal(headerLine({ ...base, path: '/e.coach.md', date: '2026-05-01', session: 5 }, notes).next, undefined);
  });

  it('an undated note has no neighbours', () => {
    const line = headerLine({ ...base, path: '/b.coach.md' }, [other('/a.coach.md', '2026-01-01')]);
    assert.equal(line.previous, undefined);
    assert.equal(line.next, undefined);
  });
});

describe('editing: clients', () => {
  const s = (client: string, date: string | undefined, session?: number, path = `/${client}-${date}`): NoteSummary =>
    ({ path, client, date, session, valid: true, framework: 'icf-trust', type: 'individual', paid: true, icfLog: true, evidenced: [], sections: [], missing: [], unevidenced: [], agreements: [], permissionCheck: false, sensitiveTopics: [], sectionLines: {} }) as NoteSummary;

  it('lists each client once, most recent session first', () => {
    const clients = recentClients([s('Alex', '2026-01-01'), s('Priya', '2026-02-01'), s('Alex', '2026-03-01'), s('Zoe', undefined)]);
    assert.deepEqual(clients.map((c) => [c.name, c.lastDate, c.notes]), [['Alex', '2026-03-01', 2], ['Priya', '2026-02-01', 1], ['Zoe', undefined, 1]]);
  });

  it('numbers the next session from the highest earlier number, or the count of earlier notes', () => {
    const notes = [s('Alex', '2026-01-01', 4), s('Alex', '2026-02-01', 5), s('Alex', '2026-04-01', 7)];
    assert.equal(nextSessionNumber(notes, 'Alex', {}), 8);
    assert.equal(nextSessionNumber(notes, 'Alex', { date: '2026-03-01' }), 6);
    assert.equal(nextSessionNumber(notes, 'Alex', { path: '/Alex-2026-04-01', date: '2026-04-01' }), 6, 'a note is not its own previous session');
    assert.equal(nextSessionNumber([s('Alex', '2026-01-01'), s('Alex', '2026-02-01')], 'Alex', {}), 3);
    assert.equal(nextSessionNumber(notes, 'Priya', {}), 1);
  });
});
