import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './support/io';
import { tempWorkspace } from './support/setup';

const EXAMPLES = join(__dirname, '..', '..', 'examples', 'notes');
const CLIENTS = ['Dana Okafor', 'Dana', 'Okafor', 'Tomás Reyes', 'Tomás', 'Reyes', 'Northwind'];

describe('coach-notes report', () => {
  it('writes Markdown to standard output by default', async () => {
    const r = await cli(['report', EXAMPLES, '--quarter', '2026-Q1']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# .*2026-Q1/m);
    assert.match(r.out, /Respect for the client/);
  });

  it('prints exactly the report data as JSON', async () => {
    const r = await cli(['report', EXAMPLES, '--quarter', '2026-Q2', '--format', 'json']);
    const data = JSON.parse(r.out) as { quarter: string; totals: { notes: number; minutes: number }; markers: { id: string; deltaPoints: number | null }[] };
    assert.deepEqual([data.quarter, data.totals.notes, data.totals.minutes], ['2026-Q2', 7, 495]);
    assert.equal(data.markers.find((m) => m.id === '3.6')?.deltaPoints, 50);
  });

  it('writes a file atomically and never overwrites it', async () => {
    const out = join(tempWorkspace({}), 'reports', 'q1.html');
    const first = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--format', 'html', '--out', out]);
    assert.equal(first.code, 0, first.err);
    const html = readFileSync(out, 'utf8');
    assert.match(html, /Content-Security-Policy/);
    const second = await cli(['report', EXAMPLES, '--quarter', '2026-Q2', '--format', 'html', '--out', out]);
    assert.equal(second.code, 2);
    assert.match(second.err, /already exists\. Reports are never overwritten/);
    assert.equal(readFileSync(out, 'utf8'), html, 'the first report is untouched');
    assert.deepEqual(readdirSync(join(out, '..')), ['q1.html'], 'no temporary file is left behind');
  });

  it('gives a clear message, not an empty file, for a quarter without notes', async () => {
    const r = await cli(['report', EXAMPLES, '--quarter', '2025-Q3']);
    assert.equal(r.code, 1);
    assert.equal(r.out, '');
    assert.match(r.err, /no notes are dated in 2025-Q3/);
  });

  it('writes the ICF coaching log as CSV, without icf_log: false sessions', async () => {
    const r = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--format', 'csv']);
    const lines = r.out.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.match(lines[0] ?? '', /^Client,Contact,/);
    assert.equal(lines.length, 4, 'a header and one row per client engagement');
    assert.ok(lines.some((l) => l.startsWith('Northwind Team Leads,,Group,5,')), lines.join('\n'));
  });

  it('leaves no client name anywhere in pseudonymized output, in every format', async () => {
    for (const format of ['md', 'html', 'json', 'csv']) {
      for (const quarter of ['2026-Q1', '2026-Q2']) {
        const r = await cli(['report', EXAMPLES, '--quarter', quarter, '--format', format, '--pseudonymize']);
        assert.equal(r.code, 0);
        for (const name of CLIENTS) assert.ok(!r.out.includes(name), `${format} ${quarter} mentions ${name}`);
        assert.match(r.out, /Client A/);
      }
    }
  });

  it('follows a fiscal year with --first-month', async () => {
    const root = tempWorkspace({ 'a.coach.md': '---\nclient: Ana\ndate: 2026-04-15\nduration: 60\n---\n\n## 3.1 Genuine concern\n\nAsked.\n' });
    const r = await cli(['report', root, '--quarter', '2026-Q1', '--first-month', '4', '--format', 'json']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual((JSON.parse(r.out) as { period: unknown }).period, { start: '2026-04-01', end: '2026-06-30', firstMonth: 4 });
  });

  it('rejects a missing or malformed quarter as a usage error', async () => {
    assert.equal((await cli(['report', EXAMPLES])).code, 2);
    assert.equal((await cli(['report', EXAMPLES, '--quarter', 'Q1'])).code, 2);
  });
});
