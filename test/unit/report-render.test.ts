import assert from 'node:assert/strict';
import type { Root, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { codeFence, encodePath, escapeAttr, escapeHtml, escapeMarkdown, oneLine } from '../../src/core/report/escape';
import { delta, hours, linkBaseFor, noteHref } from '../../src/core/report/format';
import { CSV_COLUMNS, renderCsv } from '../../src/core/report/render-csv';
import { renderHtml, REPORT_CSP } from '../../src/core/report/render-html';
import { renderMarkdown } from '../../src/core/report/render-markdown';
import type { Engagement, ReportData } from '../../src/core/report/types';
import { emptyReport, HOSTILE, hostileReport, pseudonymizedReport, realisticReport, twoFrameworkReport } from './support/report-fixtures';

/** Without the invisible word joiners that break autolinks. */
const plain = (text: string) => text.replace(/\u2060/g, '');
const mdTree = (text: string): Root => unified().use(remarkParse).use(remarkGfm).parse(text);

function nodes(tree: Root | RootContent, type: string): RootContent[] {
  const found: RootContent[] = [];
  const walk = (n: Root | RootContent) => {
    if (n.type === type) found.push(n as RootContent);
    if ('children' in n) for (const c of n.children) walk(c);
  };
  walk(tree);
  return found;
}

/** Pipes that delimit cells: not preceded by an odd number of backslashes. */
function cellPipes(line: string): number {
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '|') continue;
    let slashes = 0;
    for (let j = i - 1; j >= 0 && line[j] === '\\'; j--) slashes++;
    if (slashes % 2 === 0) count++;
  }
  return count;
}

/** Groups consecutive lines starting with `|` into tables. */
function tableBlocks(markdown: string): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      blocks.push(current);
      current = [];
    }
  }
  return blocks;
}

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  assert.ok(start >= 0, `no section ${heading}`);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** Every real tag of an HTML string (values are escaped, so `<` only opens our own tags). */
function tags(html: string): string[] {
  return html.match(/<[a-zA-Z!/][^>]*>/g) ?? [];
}

describe('report escaping', () => {
  it('escapes HTML text and attributes, on one line', () => {
    assert.equal(escapeHtml(`<b a="1" b='2'>&\`x\`\n y</b>`), '&lt;b a=&quot;1&quot; b=&#39;2&#39;&gt;&amp;&#96;x&#96; y&lt;/b&gt;');
    assert.equal(escapeAttr('" onmouseover="x'), '&quot; onmouseover=&quot;x');
    assert.equal(oneLine(' a\r\n\tb\u2028c\u0007 '), 'a b c');
  });

  it('neutralises every Markdown construct a value could start', () => {
    for (const c of ['\\', '*', '_', '[', ']', '(', ')', '<', '>', '#', '|', '`', '!', '~', '&', '$', '@']) {
      assert.equal(escapeMarkdown(`a${c}b`), `a\\${c}b`, c);
    }
    assert.equal(escapeMarkdown('[x](javascript:alert(1))'), '\\[x\\]\\(javascript:alert\\(1\\)\\)');
    const J = '\u2060';
    assert.equal(escapeMarkdown('see http://evil.example and www.evil.example'), `see http:/${J}/evil${J}.example and www${J}.evil${J}.example`);
    assert.equal(escapeMarkdown('a@b.com'), `a\\@b${J}.com`);
    assert.equal(escapeMarkdown('- item'), '\\- item');
    assert.equal(escapeMarkdown('1. item'), '1\\. item');
    assert.equal(escapeMarkdown('3.1'), '3.1');
    assert.equal(escapeMarkdown('two\nlines'), 'two lines');
  });

  it('escaped Markdown reads back as exactly the original text', () => {
    const values = Object.values(HOSTILE).concat(['Tomás Reyes', 'C-0412', '50% & more', 'a_b*c']);
    for (const v of values) {
      const tree = mdTree(`| x |\n| - |\n| ${escapeMarkdown(v)} |\n`);
      assert.equal(nodes(tree, 'link').length + nodes(tree, 'image').length + nodes(tree, 'html').length + nodes(tree, 'inlineCode').length, 0, v);
      const table = nodes(tree, 'table')[0] as Table;
      assert.equal(plain(toString(table.children[1])), oneLine(v), v);
    }
  });

  it('percent-encodes link targets segment by segment, with no scheme and no host', () => {
    assert.equal(encodePath('../tomas reyes/notes (1)#2?.coach.md'), '../tomas%20reyes/notes%20%281%29%232%3F.coach.md');
    assert.equal(encodePath('javascript:alert(1)'), 'javascript%3Aalert%281%29');
    assert.equal(encodePath('//evil.example/x'), 'evil.example/x');
    assert.equal(encodePath("a/it's!*~.md"), 'a/it%27s%21%2A%7E.md');
    assert.equal(noteHref(null, '../'), undefined);
    assert.equal(noteHref('a b/c.coach.md', '../'), '../a%20b/c.coach.md');
    assert.equal(noteHref('a/c.coach.md', linkBaseFor('coach-reports')), '../a/c.coach.md');
    assert.equal(noteHref('a/c.coach.md', linkBaseFor('out/reports/')), '../../a/c.coach.md');
    assert.equal(noteHref('a/c.coach.md', (p) => `x/${p}`), 'x/a/c.coach.md');
    assert.equal(noteHref('a/c.coach.md'), 'a/c.coach.md');
  });

  it('picks a code fence longer than any backtick run', () => {
    assert.equal(codeFence('plain'), '```');
    assert.equal(codeFence('a ```` b'), '`````');
  });

  it('formats hours once, to at most two decimals, and deltas with arrows', () => {
    assert.equal(hours(130 / 60), '2.17');
    assert.equal(hours(90 / 60), '1.5');
    assert.equal(hours(3), '3');
    assert.equal(hours(0), '0');
    assert.equal(delta(8), '▲ +8 pts');
    assert.equal(delta(-5), '▼ −5 pts');
    assert.equal(delta(0), 'no change');
    assert.equal(delta(null), '—');
  });
});

describe('renderMarkdown', () => {
  const md = plain(renderMarkdown(realisticReport(), { linkBase: '../', generated: '2026-04-02' }));

  it('opens with the quarter, its dates, the framework, notes, clients and the hours split', () => {
    assert.match(md, /^# Marker coverage report: 2026-Q1\n/);
    assert.match(md, /\*\*Period:\*\* 2026-Q1, 1 January – 31 March 2026/);
    assert.match(md, /\*\*Framework:\*\* ICF 3: Establishing Trust and Intimacy with the Client — 12 notes/);
    assert.match(md, /\*\*Notes:\*\* 12 \(9 individual, 3 group\)/);
    assert.match(md, /\*\*Clients:\*\* 4\n/);
    assert.match(md, /\*\*Coaching hours:\*\* 13\.67 hours: 10\.67 paid, 3 pro bono; 9\.17 individual, 4\.5 group/);
  });

  it('has the sections in order', () => {
    const headings = nodes(mdTree(md), 'heading').map((h) => toString(h));
    assert.deepEqual(headings, [
      'Marker coverage report: 2026-Q1',
      'Marker coverage',
      'Focus for next quarter',
      'Clients and markers',
      'Trust practice signals',
      'Judgmental language',
      'Sensitive areas',
      'Agreements',
      'Session notes',
      'Notes left out',
    ]);
  });

  it('tabulates coverage with counts, percentages and ▲/▼ changes, and draws text bars', () => {
    const s = section(md, 'Marker coverage');
    assert.match(s, /^\| \*\*3\.1\*\* Genuine concern \| 11\/12 \| 92% \| ▲ \+2 pts \|$/m);
    assert.match(s, /^\| \*\*3\.2\*\* Integrity and honesty \| 9\/12 \| 75% \| ▼ −5 pts \|$/m);
    assert.match(s, /^\| \*\*3\.3\*\* Clear agreements \| 12\/12 \| 100% \| no change \|$/m);
    assert.match(s, /^\| \*\*3\.6\*\* Permission in sensitive areas \| 4\/12 \| 33% \| ▲ \+23 pts \|$/m);
    const code = nodes(mdTree(s), 'code')[0];
    assert.ok(code && code.type === 'code');
    assert.equal(code.value.split('\n').length, 6);
    assert.match(code.value, /^3\.3 Clear agreements +█{20} 100% {2}no change$/m);
    assert.match(code.value, /^3\.6 Permission in sensitive areas +█{7}░{13} {2}33% {2}▲ \+23 pts$/m);
  });

  it('lists the focus markers, least covered first, with their descriptions', () => {
    const s = section(md, 'Focus for next quarter');
    const items = nodes(mdTree(s), 'listItem').map((i) => toString(i));
    assert.equal(items.length, 3);
    assert.match(items[0] ?? '', /^3\.6 Permission in sensitive areas: evidenced in 4 of 12 notes \(33%\), ▲ \+23 pts\.Asks permission/);
    assert.match(items[1] ?? '', /^3\.5 Championing new behaviours/);
    assert.match(items[2] ?? '', /^3\.4 Respect for the client/);
  });

  it('shows the client × marker matrix with ✓ for full marks', () => {
    const s = section(md, 'Clients and markers');
    assert.match(s, /^\| Client \| 3\.1 \| 3\.2 \| 3\.3 \| 3\.4 \| 3\.5 \| 3\.6 \|$/m);
    assert.match(s, /^\| Northwind team leads \| ✓ 3\/3 \| 2\/3 \| ✓ 3\/3 \| 2\/3 \| 1\/3 \| 0\/3 \|$/m);
  });

  it('reports the trust-practice signals', () => {
    const s = section(md, 'Trust practice signals');
    assert.match(s, /4 findings of judgmental wording in 12 notes\./);
    assert.match(s, /^\| January 2026 \| 3 \| 3 \| 1\.0 \|$/m);
    assert.match(s, /6 notes touched a sensitive area: 4 with a recorded permission check, 2 without\./);
    assert.match(s, /^\| Health \| 2 \| \*\*1\*\* \|$/m);
    assert.match(s, /^\| Made this quarter \| 14 \|$/m);
    assert.match(s, /^\| Carried forward, still open \| 3 \|$/m);
    assert.match(s, /^\| Never revisited \| 2 \|$/m);
    assert.match(s, /^\| \*\*Follow-through rate\*\* \| \*\*86%\*\* \|$/m);
  });

  it('links each note relative to the report, percent-encoded', () => {
    const s = section(md, 'Session notes');
    assert.match(s, /^\| \[2026-01-12\]\(\.\.\/dana-okafor\/dana-okafor-2026-01-12\.coach\.md\) \| Dana Okafor \| 4 \| ✓ none \|$/m);
    assert.match(s, /^\| \[2026-01-19\]\(\.\.\/tomas-reyes\/tomas%20reyes%202026-01-19\.coach\.md\) \| Tomás Reyes \| 1 \| 3\.6 \|$/m);
    assert.match(s, /^\| \[2026-03-30\]\(.*\) \| Dana Okafor \| — \| 3\.2, 3\.4, 3\.5 \|$/m);
    const links = nodes(mdTree(s), 'link');
    assert.equal(links.length, 12);
  });

  it('lists notes left out with their reasons, and ends with the confidentiality footer', () => {
    const s = section(md, 'Notes left out');
    assert.match(s, /^- \[drafts\/untitled\.coach\.md\]\(\.\.\/drafts\/untitled\.coach\.md\): `date` 2026-02-30 is not a day on the calendar\.$/m);
    assert.match(md, /Generated by Coach Notes on 2 April 2026\. Confidential\..*Nothing left this machine/);
  });

  it('shows no paths and no links when pseudonymized', () => {
    const p = plain(renderMarkdown(pseudonymizedReport(), { linkBase: '../' }));
    assert.equal(nodes(mdTree(p), 'link').length, 0);
    assert.doesNotMatch(p, /coach\.md|Dana|Okafor|Tomás/);
    assert.match(p, /\*\*Clients:\*\* 4 \(pseudonymized\)/);
    assert.match(p, /^\| 2026-01-12 \| Client A \| 4 \| ✓ none \|$/m);
    assert.match(p, /^- note 1 \\\(path hidden\\\): The frontmatter is not valid\.$/m);
    assert.match(p, /pseudonyms/);
  });

  it('says when there is no previous quarter to compare with', () => {
    const data = realisticReport();
    const first = { ...data, markers: data.markers.map((m) => ({ ...m, previous: null, deltaPoints: null })) };
    const s = section(plain(renderMarkdown(first)), 'Marker coverage');
    assert.match(s, /There are no notes in 2025-Q4 to compare with\./);
    assert.match(s, /^\| \*\*3\.1\*\* Genuine concern \| 11\/12 \| 92% \| — \|$/m);
    assert.match(renderHtml(first), /There are no notes in 2025-Q4 to compare with\./);
  });

  it('says clearly that a quarter has no notes, without crashing', () => {
    const e = renderMarkdown(emptyReport());
    assert.match(e, /^## No notes in this quarter$/m);
    assert.match(e, /no session notes dated between 1 April 2026 and 30 June 2026/);
    assert.doesNotMatch(e, /## Marker coverage|## Session notes/);
    assert.match(e, /## Notes left out/);
  });

  it('groups by framework and keeps wide matrices to ten marker columns per table', () => {
    const t = plain(renderMarkdown(twoFrameworkReport()));
    assert.match(t, /^### ICF PCC Markers \\\(2020\\\)$/m);
    const matrix = section(t, 'Clients and markers');
    const tables = tableBlocks(matrix);
    assert.equal(tables.length, 1 + 4);
    for (const rows of tables) assert.ok(cellPipes(rows[0] ?? '') - 2 <= 10);
    assert.match(section(t, 'Session notes'), /^\| Date \| Client \| Session \| Framework \| Missing markers \|$/m);
    assert.match(t, /2 notes have no `duration` and add no hours/);
  });

  describe('with hostile values', () => {
    const data = hostileReport();
    const h = renderMarkdown(data, { linkBase: '../' });
    const tree = mdTree(h);

    it('keeps every table row to its header’s column count', () => {
      const tables = tableBlocks(h);
      assert.equal(tables.length, 6);
      for (const rows of tables) {
        const width = cellPipes(rows[0] ?? '');
        for (const row of rows) assert.equal(cellPipes(row), width, row);
      }
      for (const t of nodes(tree, 'table') as Table[]) {
        const width = t.children[0]?.children.length;
        for (const row of t.children) assert.equal(row.children.length, width);
      }
    });

    it('produces no HTML, images or links of its own from values', () => {
      assert.equal(nodes(tree, 'html').length, 0);
      assert.equal(nodes(tree, 'image').length, 0);
      assert.equal(nodes(tree, 'inlineCode').length, 0);
      const links = nodes(tree, 'link').map((l) => (l.type === 'link' ? l.url : ''));
      assert.equal(links.length, data.notes.length + data.excluded.length);
      for (const url of links) {
        assert.match(url, /^\.\.\/[A-Za-z0-9%._\-/]+$/, url);
        assert.doesNotMatch(url, /:|\/\//);
      }
      // Outside the bar chart's code block (literal text), every `<` is escaped.
      const fence = h.indexOf('```text');
      const outside = h.slice(0, fence) + h.slice(h.indexOf('\n```\n', fence) + 5);
      assert.doesNotMatch(outside, /(^|[^\\])</m);
    });

    it('adds no headings and keeps the bar chart inside its code block', () => {
      const headings = nodes(tree, 'heading').map((n) => toString(n));
      assert.equal(headings.length, 10);
      assert.ok(!headings.some((t) => t === 'heading'));
      assert.equal(nodes(tree, 'code').length, 1);
    });

    it('reads back the exact client names', () => {
      const notes = nodes(tree, 'table').find((t) => toString((t as Table).children[0]?.children[0] ?? t) === 'Date') as Table;
      data.notes.forEach((n, i) => assert.equal(plain(toString(notes.children[i + 1]?.children[1] ?? notes)), oneLine(n.client)));
    });
  });
});

describe('renderHtml', () => {
  const html = renderHtml(realisticReport(), { linkBase: '../', generated: '2026-04-02' });
  const text = (s: string) => s.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ');

  it('is one self-contained document under a strict CSP, with no script and no requests', () => {
    assert.match(html, /^<!DOCTYPE html>\n<html lang="en">/);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
    assert.equal(REPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:;");
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(|\ssrc=/i);
    const urls = html.match(/https?:\/\/[^\s"'<>]+/g) ?? [];
    assert.deepEqual([...new Set(urls)], ['http://www.w3.org/2000/svg']);
    assert.match(html, /@media print/);
    assert.match(html, /@page \{ size: A4;/);
    assert.match(html, /page-break-inside: avoid/);
  });

  it('draws one bar per marker with the previous quarter as a tick, and the monthly chart', () => {
    assert.equal((html.match(/<rect class="bar[ "]/g) ?? []).length, 6);
    assert.equal((html.match(/<rect class="bar focus"/g) ?? []).length, 3);
    assert.equal((html.match(/<line class="tick"/g) ?? []).length, 6);
    assert.equal((html.match(/<rect class="month-bar"/g) ?? []).length, 3);
  });

  it('shows the figures: hours split, coverage, deltas, focus, matrix, signals', () => {
    const t = text(html);
    assert.match(t, /Coaching hours 13\.67 10\.67 paid · 3 pro bono 9\.17 individual · 4\.5 group/);
    assert.match(t, /Session notes 12 9 individual · 3 group/);
    assert.match(t, /3\.2 Integrity and honesty 9\/12 75% ▼ −5 pts/);
    assert.match(t, /3\.6 Permission in sensitive areas 4\/12 33% ▲ \+23 pts/);
    assert.match(t, /Focus 1 3\.6 Permission in sensitive areas 33% , 4 of 12 notes/);
    assert.match(html, /<td class="h0" title="Northwind team leads, 3\.6 Permission in sensitive areas: evidenced in 0 of 3 sessions">/);
    assert.match(html, /<td class="h3" [^>]*><span aria-hidden="true">4\/4<\/span>/);
    assert.match(t, /Follow-through 86%/);
    assert.match(t, /Notes left out 1 note could not be counted/);
    assert.match(html, /<code>date<\/code> 2026-02-30 is not a day on the calendar\./);
    assert.match(t, /Confidential\./);
    assert.match(html, /<a href="\.\.\/tomas-reyes\/tomas%20reyes%202026-01-19\.coach\.md">2026-01-19<\/a>/);
  });

  it('has no links when pseudonymized, and a clear message for an empty quarter', () => {
    const p = renderHtml(pseudonymizedReport(), { linkBase: '../' });
    assert.doesNotMatch(p, /<a /);
    assert.doesNotMatch(p, /Dana|coach\.md/);
    const e = renderHtml(emptyReport());
    assert.match(e, /<h2>No notes in this quarter<\/h2>/);
    assert.doesNotMatch(e, /<svg|<table/);
  });

  it('escapes hostile values everywhere: no tags, handlers or hrefs come from them', () => {
    const data = hostileReport();
    const h = renderHtml(data, { linkBase: '../' });
    assert.doesNotMatch(h, /<script|<img|<svg onload/i);
    const allowed = new Set(['html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'p', 'h1', 'h2', 'h3', 'dl', 'div', 'dt', 'dd', 'span', 'section', 'figure', 'figcaption', 'svg', 'desc', 'line', 'text', 'tspan', 'g', 'rect', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'a', 'br', 'strong', 'b', 'code', 'footer', '!doctype']);
    for (const tag of tags(h)) {
      const name = /^<\/?([a-zA-Z0-9!]+)/.exec(tag)?.[1]?.toLowerCase() ?? '';
      assert.ok(allowed.has(name), tag);
      // Attribute values never hold a raw quote, so blanking them leaves only real attribute names.
      const names = tag.replace(/"[^"]*"/g, '""');
      assert.doesNotMatch(names, /\son[a-z]+\s*=|\ssrc\s*=|\sstyle\s*=/i, tag);
      assert.match(names, /^<[^"'<>]*(?:""[^"'<>]*)*>$/, tag);
      const href = /\shref="([^"]*)"/.exec(tag)?.[1];
      if (href !== undefined) assert.match(href, /^\.\.\/[A-Za-z0-9%._\-/]+$/, tag);
    }
    // The payloads are there, as text.
    assert.ok(h.includes(escapeHtml(HOSTILE.script)));
    assert.ok(h.includes('&lt;img src=x onerror=&quot;window.__pwned=2;alert(1)&quot;&gt;'));
    assert.ok(h.includes(escapeHtml(oneLine(HOSTILE.newline))));
  });
});

describe('renderCsv', () => {
  const engagement = (client: string, extra: Partial<Engagement> = {}): Engagement => ({
    client,
    start: '2026-01-05',
    end: '2026-03-30',
    type: 'individual',
    groupSize: null,
    sessions: 3,
    paidHours: 2,
    proBonoHours: 0,
    ...extra,
  });
  const csvOf = (engagements: Engagement[]) => renderCsv({ ...emptyReport(), engagements } as ReportData);
  const rows = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').slice(0, -1);
  /** RFC 4180 fields of one record (the test's own small reader). */
  const fields = (record: string): string[] => {
    const out: string[] = [];
    let i = 0;
    while (i <= record.length) {
      if (record[i] === '"') {
        let value = '';
        i++;
        while (i < record.length) {
          if (record[i] === '"' && record[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (record[i] === '"') break;
          else value += record[i++];
        }
        out.push(value);
        i += 2;
      } else {
        const end = record.indexOf(',', i);
        out.push(record.slice(i, end < 0 ? undefined : end));
        i = end < 0 ? record.length + 1 : end + 1;
      }
    }
    return out;
  };

  it('writes the ICF coaching log: one row per engagement, RFC 4180 line ends', () => {
    const csv = renderCsv(realisticReport());
    assert.ok(csv.startsWith('\uFEFFClient,'), 'a UTF-8 BOM, for Excel');
    assert.ok(csv.endsWith('\r\n'));
    assert.doesNotMatch(csv.replace(/\r\n/g, ''), /[\r\n]/);
    assert.deepEqual(rows(csv), [
      'Client,Contact,Individual/Group,Group size,Start date,End date,Sessions,Paid hours,Pro bono hours',
      'Dana Okafor,,Individual,,2026-01-12,2026-03-30,4,4,0',
      'Northwind team leads,,Group,5,2026-01-27,2026-03-23,3,4.5,0',
      'Sam Lee,,Individual,,2026-02-10,2026-03-09,2,0,1.5',
      'Tomás Reyes,,Individual,,2026-01-19,2026-03-16,3,2.17,1.5',
    ]);
    assert.deepEqual([...CSV_COLUMNS].slice(0, 2), ['Client', 'Contact']);
  });

  it('writes only the header for a quarter without engagements', () => {
    assert.deepEqual(rows(renderCsv(emptyReport())), [CSV_COLUMNS.join(',')]);
  });

  it('quotes commas, quotes and collapses line breaks', () => {
    assert.deepEqual(rows(csvOf([engagement('Lopez, Maria "Mia"\nteam')])).slice(1), ['"Lopez, Maria ""Mia"" team",,Individual,,2026-01-05,2026-03-30,3,2,0']);
  });

  it('guards against formula injection with a leading apostrophe', () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1', ' =1', '\uFF1D1+1'];
    const clients = rows(csvOf(names.map((n) => engagement(n)))).slice(1).map((r) => fields(r)[0]);
    assert.deepEqual(clients, ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1+1", "'-2+3", "'@SUM(A1)", "'=1+1", "'=1+1", "'=1", "'\uFF1D1+1"]);
    for (const c of clients) assert.ok(c.startsWith("'"));
    // Plain names and numbers are left alone.
    assert.match(rows(csvOf([engagement('Ana-Maria')]))[1] ?? '', /^Ana-Maria,/);
  });

  it('escapes hostile names without breaking the row', () => {
    const csv = renderCsv(hostileReport());
    const lines = rows(csv);
    assert.equal(lines.length, 5);
    assert.match(lines[4] ?? '', /^"'=HYPERLINK\(""http:\/\/evil\.example"",""click""\)/);
    for (const line of lines) assert.equal(fields(line).length, CSV_COLUMNS.length, line);
  });
});
