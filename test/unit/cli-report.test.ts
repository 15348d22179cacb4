import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node, Parent } from 'unist';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { cli } from './support/io';
import { tempWorkspace } from './support/setup';

function visit(node: Node, fn: (n: Node) => void): void {
  fn(node);
  for (const child of (node as Parent).children ?? []) visit(child, fn);
}

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

  it('leaves no client name anywhere in pseudonymized output, in every format', async function () {
    this.timeout(90_000); // several whole reports: a hang guard, not a timing check
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

  it('escapes hostile client names and framework titles from the workspace, end to end', async () => {
    const hostile = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '](javascript:alert(1))', 'A | B | C'];
    const files: Record<string, string> = {
      '.coach/frameworks/evil.yaml': 'schema_version: 1\nid: evil\nname: "<script>alert(2)</script>"\nversion: "1"\nmarkers:\n  - id: "1.1"\n    title: "<img src=x onerror=alert(3)> | x"\n    description: "[click](javascript:alert(4))"\n',
    };
    hostile.forEach((client, i) => {
      files[`n${i}.coach.md`] = `---\nclient: ${JSON.stringify(client)}\ndate: 2026-02-0${i + 1}\nduration: 30\n---\n\n## 3.1 Genuine concern\n\nAsked.\n`;
    });
    files['e.coach.md'] = '---\nclient: "<b>x</b>"\ndate: 2026-02-09\nframework: evil\n---\n\n## 1.1 Whatever\n\nText.\n';
    const root = tempWorkspace(files);
    const html = (await cli(['report', root, '--quarter', '2026-Q1', '--format', 'html'])).out;
    assert.ok(!/<script|<img|<b>x|onerror=alert\(\d\)[^&]/i.test(html.replace(/&lt;[^]*?&gt;/g, '')), 'no live markup from notes');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const md = (await cli(['report', root, '--quarter', '2026-Q1', '--format', 'md'])).out;
    // Read the Markdown back as a renderer would: no HTML nodes, and links only to the note files.
    const tree = unified().use(remarkParse).use(remarkGfm).parse(md);
    const rawHtml: string[] = [];
    const links: string[] = [];
    visit(tree, (node) => {
      const n = node as Node & { value?: string; url?: string };
      if (n.type === 'html') rawHtml.push(n.value ?? '');
      if (n.type === 'link') links.push(n.url ?? '');
    });
    assert.deepEqual(rawHtml, []);
    assert.ok(links.length > 0 && links.every((url) => /^[\w./-]+\.coach\.md$/.test(url)), links.join(' '));
    for (const table of md.split(/\n\n/).filter((b) => b.startsWith('|'))) {
      const widths = table.split('\n').map((row) => row.replace(/\\\|/g, '').split('|').length);
      assert.ok(widths.every((w) => w === widths[0]), `a table keeps its columns:\n${table}`);
    }
  });

  it('rejects a missing or malformed quarter as a usage error', async () => {
    assert.equal((await cli(['report', EXAMPLES])).code, 2);
    assert.equal((await cli(['report', EXAMPLES, '--quarter', 'Q1'])).code, 2);
  });

  it('says a quarter such as 2026-Q5 is not valid and what form is expected, not that it is required', async () => {
    const r = await cli(['report', EXAMPLES, '--quarter', '2026-Q5']);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, 'coach-notes: “2026-Q5” is not a valid quarter for --quarter. Write the year, a dash and Q1 to Q4, for example 2026-Q1 (January to March, or the first quarter of your year with --first-month).\n');
  });

  it('exits 2 with only the error for a folder that does not exist', async () => {
    const missing = join(tempWorkspace({}), 'notes-typo');
    const out = join(missing, '..', 'report.md');
    const r = await cli(['report', missing, '--quarter', '2026-Q1', '--out', out]);
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, `coach-notes: could not read ${missing}: No such file or folder.\ncoach-notes: nothing was checked. Correct the path, then run the command again.\n`);
    assert.deepEqual(readdirSync(join(missing, '..')), [], 'no report is written');
  });

  it('writes into an --out folder under the usual name, and never over an existing report there', async () => {
    const root = tempWorkspace({});
    mkdirSync(join(root, 'reports'));
    const first = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--out', 'reports'], root);
    assert.equal(first.code, 0, first.err);
    assert.equal(first.err, `coach-notes: wrote ${join('reports', 'coverage-2026-Q1.md')} (8 notes, 2026-Q1).\n`);
    assert.match(readFileSync(join(root, 'reports', 'coverage-2026-Q1.md'), 'utf8'), /^# .*2026-Q1/m);
    const again = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--out', 'reports'], root);
    assert.equal(again.code, 2);
    assert.match(again.err, /coverage-2026-Q1\.md already exists\. Reports are never overwritten/);
    // A name ending in / is a folder, created when missing; the name follows format and pseudonymizing.
    const csv = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--format', 'csv', '--pseudonymize', '--out', 'logs/'], root);
    assert.equal(csv.code, 0, csv.err);
    assert.deepEqual(readdirSync(join(root, 'logs')), ['icf-coaching-log-2026-Q1-pseudonymized.csv']);
  });

  it('says clearly when --out cannot be written because a file is in the way', async () => {
    const root = tempWorkspace({ 'notes.txt': 'x' });
    const r = await cli(['report', EXAMPLES, '--quarter', '2026-Q1', '--out', 'notes.txt/q1.md'], root);
    assert.equal(r.code, 2);
    assert.equal(r.err, `coach-notes: could not write ${join('notes.txt', 'q1.md')}: part of the path is a file, not a folder. Choose another --out file or folder.\n`);
  });

  it('links notes from the workspace root when --config names a file outside .coach/', async () => {
    const root = tempWorkspace({ 'notes/a.coach.md': '---\nclient: Ana\ndate: 2026-02-15\nduration: 60\n---\n\n## 3.1 Genuine concern\n\nAsked.\n', 'other.yaml': 'framework: icf-trust\n' });
    mkdirSync(join(root, '.coach'));
    writeFileSync(join(root, '.coach', 'config.yaml'), '');
    const r = await cli(['report', 'notes', '--quarter', '2026-Q1', '--config', 'other.yaml', '--out', 'reports/q1.md'], root);
    assert.equal(r.code, 0, r.err);
    assert.match(readFileSync(join(root, 'reports', 'q1.md'), 'utf8'), /\]\(\.\.\/notes\/a\.coach\.md\)/, 'the link leads from reports/ to the note');
  });
});
