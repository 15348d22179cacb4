import assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/report/build';
import { renderReport } from '../../../src/core/report/render';
import type { ReportData } from '../../../src/core/report/types';
import { decodeNote } from '../../../src/core/workspace/files';
import { setupWith } from '../support/setup';
import { session } from './support';

const FILES: Record<string, string> = {
  'maria/1.coach.md': session('client: Maria Lopez\nclient_id: C-1\ndate: 2025-08-20\nduration: 60'),
  'maria/2.coach.md': session('client: Maria Lopez\nclient_id: C-1\ndate: 2026-01-10\nduration: 60'),
  'maria/3.coach.md': session('client: Maria Lopez-Green\nclient_id: C-1\ndate: 2026-02-10\nduration: 90'),
  'team/1.coach.md': session('client: Northwind Leads\ndate: 2026-02-12\nduration: 120\ntype: group\ngroup_size: 5\npaid: false'),
  'team/2.coach.md': session('client: Northwind Leads\ndate: 2026-03-12\nduration: 60\ntype: group'),
  'zoe/1.coach.md': session('client: Zoe Park\ndate: 2026-03-20'),
};
const NAMES = ['Maria', 'Lopez', 'Northwind', 'Zoe', 'Park'];

function report(config: string | undefined, pseudonymize = false): ReportData {
  const setup = setupWith(config);
  const files = Object.entries(FILES).map(([path, text]) => decodeNote(`/ws/${path}`, Buffer.from(text)));
  return buildReport(files, setup, { quarter: { year: 2026, q: 1 }, root: '/ws', pseudonymize });
}

describe('the report’s credential progress panel', () => {
  const data = report('credential:\n  training_start: 2025-09-01\n');
  const p = data.credential;

  it('counts from the training start to the quarter’s end, naming the notes that could count but do not', () => {
    assert.ok(p);
    assert.deepEqual([p.asOf, p.trainingStart, p.sessions, p.hours, p.paidHours, p.proBonoHours, p.clients], ['2026-03-31', '2025-09-01', 3, 4.5, 2.5, 2, 6]);
    assert.deepEqual(
      p.leftOut.map((l) => l.note),
      ['maria/1.coach.md', 'team/2.coach.md', 'zoe/1.coach.md'],
    );
  });

  it('is left out until the coach sets credential.training_start', () => {
    assert.equal(report(undefined).credential, undefined);
    assert.doesNotMatch(renderReport(report(undefined), 'md'), /credential progress/i);
  });

  it('appears in Markdown: a table per credential, bars toward the next one and the estimate', () => {
    const md = renderReport(data, 'md');
    assert.match(md, /## ICF credential progress/);
    assert.match(md, /\| Associate Certified Coach \\\(ACC\\\) \| 4\.5 of 100 \| 2\.5 of 75 \| 6 of 8 \| 4\.5 of 25 \| not yet \|/);
    assert.match(md, /Toward the ACC:\n\n```text\nCoaching hours {2,}█░+ 4\.5 of 100/);
    assert.match(md, /No estimate for the ACC: at the current pace, 18 months hold about 11\.6 hours, short of the 25 recent hours asked\./);
    assert.match(md, /team\/2⁠\.coach⁠\.md: a group session without `group_size`/);
  });

  it('appears in HTML with an SVG progress chart, one bar per requirement', () => {
    const html = renderReport(data, 'html');
    assert.match(html, /<section id="credential"><h2>ICF credential progress<\/h2>/);
    const rows = [...html.matchAll(/<g class="credential-row" data-credential="(\w+)" data-check="(\w+)">.*?<rect class="bar[^"]*" x="\d+" y="[\d.]+" width="([\d.]+)"/g)];
    assert.equal(rows.length, 4 + 4 + 3, 'ACC and PCC have four requirements, MCC three recorded');
    const accHours = rows.find((r) => r[1] === 'acc' && r[2] === 'hours');
    assert.equal(Number(accHours?.[3]), Math.round((4.5 / 100) * 380 * 10) / 10, 'the bar is filled to its share of the threshold');
    assert.match(html, /<svg class="chart credential-chart"[^>]*role="img"/);
  });

  it('appears in CSV below the log, after a blank record, leaving the log’s columns alone', () => {
    const lines = renderReport(data, 'csv').replace(/^\ufeff/, '').split('\r\n');
    const blank = lines.indexOf('');
    assert.ok(blank > 0);
    assert.equal(lines[blank + 1], 'Credential,Requirement,Logged,Required,Met');
    assert.equal(lines[blank + 2], 'ACC,Coaching hours,4.5,100,no');
    assert.ok(lines.slice(0, blank).every((l) => l.split(',').length === 9), 'the log rows keep their nine columns');
  });

  it('is in the JSON data', () => {
    const json = JSON.parse(renderReport(data, 'json')) as ReportData;
    assert.equal(json.credential?.credentials[1]?.id, 'pcc');
  });

  it('names no client anywhere when pseudonymized', () => {
    const hidden = report('credential:\n  training_start: 2025-09-01\n', true);
    for (const format of ['md', 'html', 'json', 'csv'] as const) {
      const text = renderReport(hidden, format);
      for (const name of NAMES) assert.ok(!text.includes(name), `${format} mentions ${name}`);
    }
    assert.match(hidden.credential?.leftOut[0]?.note ?? '', /^Client [A-Z], 2025-08-20$/);
  });

  it('escapes hostile note names in the list of notes that do not count', () => {
    const setup = setupWith('credential:\n  training_start: 2025-09-01\n');
    const evil = '/ws/<img src=x onerror=alert(1)> [x](javascript:alert(2)).coach.md';
    const files = [decodeNote(evil, Buffer.from(session('client: "<b>Eve</b>"\ndate: 2026-02-01'))), decodeNote('/ws/ok.coach.md', Buffer.from(session('client: Ok\ndate: 2026-02-02\nduration: 60')))];
    const hostile = buildReport(files, setup, { quarter: { year: 2026, q: 1 }, root: '/ws' });
    const html = renderReport(hostile, 'html');
    const panel = html.slice(html.indexOf('<section id="credential">'), html.indexOf('</section>', html.indexOf('<section id="credential">')));
    assert.match(panel, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(panel, /<img|<b>Eve/);
    const md = renderReport(hostile, 'md');
    const line = md.split('\n').find((l) => l.startsWith('- ') && l.includes('onerror'));
    assert.equal(line, '- \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(javascript:alert\\(2\\)\\).coach\u2060.md: no `duration`: add the session length in minutes, such as `duration: 60`, for its hours to count.');
  });
});
