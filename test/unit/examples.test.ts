import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { RULES } from '../../src/core/rules/index';
import { cli } from './support/io';

const ROOT = join(__dirname, '..', '..', 'examples', 'notes');

/** What examples/notes/README.md promises: each rule fires exactly here, and nowhere else. */
const EXPECTED: Record<string, string[]> = {
  'dana-okafor/dana-okafor-2026-02-09.coach.md': ['judgmental-language'],
  'dana-okafor/dana-okafor-2026-05-04.coach.md': ['marker-heading', 'agreement-follow-up'],
  'northwind-team-leads/northwind-team-leads-2026-04-28.coach.md': ['empty-marker-section'],
  'northwind-team-leads/northwind-team-leads-2026-06-09.coach.md': ['missing-marker-section'],
  'tomas-reyes/tomas-reyes-2026-02-24.coach.md': ['unknown-marker'],
  'tomas-reyes/tomas-reyes-2026-03-24.coach.md': ['judgmental-language'],
  'tomas-reyes/tomas-reyes-2026-04-21.coach.md': ['permission-check', 'referral-check'],
  'tomas-reyes/tomas-reyes-2026-04-31.coach.md': ['frontmatter'],
};

interface Entry { file: string; ruleId: string; severity: string }
interface Coverage { quarter: string | null; notes: number; clients: number; hours: number; markers: { framework: string; id: string; notes: number; coverage: number }[] }

describe('examples/notes', () => {
  it('shows every rule firing exactly where the example README says, and the other notes clean', async () => {
    const r = await cli(['lint', '--format', 'json', ROOT]);
    assert.equal(r.code, 1, 'the impossible date and the missing permission check are errors');
    const byFile: Record<string, string[]> = {};
    for (const e of JSON.parse(r.out) as Entry[]) (byFile[relative(ROOT, e.file).split('\\').join('/')] ??= []).push(e.ruleId);
    assert.deepEqual(byFile, EXPECTED);
    // note-too-large needs a multi-megabyte note, and unclosed-block a broken note; their own
    // examples and the hostile corpus cover them.
    const fired = new Set([...Object.values(EXPECTED).flat(), 'note-too-large', 'unclosed-block']);
    assert.deepEqual(RULES.map((rule) => rule.id).filter((id) => !fired.has(id)), [], 'every rule fires somewhere');
  });

  it('gives the documented coverage for 2026-Q1', async () => {
    const json = JSON.parse((await cli(['coverage', '--format', 'json', '--quarter', '2026-Q1', ROOT])).out) as Coverage;
    assert.deepEqual([json.quarter, json.notes, json.clients, json.hours], ['2026-Q1', 8, 3, 9.25]);
    assert.deepEqual(json.markers.map((m) => `${m.framework} ${m.id} ${m.notes}`), [
      'icf-trust 3.1 8', 'icf-trust 3.2 8', 'icf-trust 3.3 8', 'icf-trust 3.4 6', 'icf-trust 3.5 6', 'icf-trust 3.6 0',
    ]);
    assert.equal(json.markers[3]?.coverage, 0.75);
  });

  it('gives the documented coverage for 2026-Q2, with the PCC note counted in its own framework', async () => {
    const json = JSON.parse((await cli(['coverage', '--format', 'json', '--quarter', '2026-Q2', ROOT])).out) as Coverage;
    assert.deepEqual([json.notes, json.clients, json.hours], [7, 3, 8.25]);
    const trust = json.markers.filter((m) => m.framework === 'icf-trust').map((m) => m.notes);
    assert.deepEqual(trust, [6, 4, 6, 5, 5, 3]);
    const pcc = json.markers.filter((m) => m.framework === 'icf-pcc-2020');
    assert.equal(pcc.length, 37);
    assert.deepEqual(pcc.filter((m) => m.notes > 0).map((m) => m.id), ['3.1', '3.2', '4.1', '5.5', '6.2', '7.5', '8.5', '8.9']);
    assert.ok(pcc.every((m) => m.coverage === m.notes / 1));
  });

  it('leaves out the note with invalid frontmatter and says why', async () => {
    const r = await cli(['coverage', ROOT]);
    assert.match(r.out, /Left out \(1\)[^]*tomas-reyes-2026-04-31\.coach\.md: `date` 2026-04-31 is not a day on the calendar/);
    assert.match(r.out, /^15 notes, 3 clients, 17\.5 coaching hours$/m);
  });
});
