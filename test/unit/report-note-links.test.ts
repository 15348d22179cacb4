import * as assert from 'node:assert/strict';
import { withNoteLinks } from '../../src/core/report/html/note-links';
import { renderHtml } from '../../src/core/report/render-html';
import type { ReportData } from '../../src/core/report/types';
import { hostileReport, pseudonymizedReport, realisticReport } from './support/report-fixtures';

const link = (path: string) => `command:coachNotes.openNoteAt?${encodeURIComponent(JSON.stringify([`/root/${path}`]))}`;

function linked(data: ReportData): { before: string; after: string; paths: string[] } {
  const before = renderHtml(data, { linkBase: '' });
  const paths = [...data.notes.map((n) => n.path), ...data.excluded.map((e) => e.path)].filter((p): p is string => p !== null);
  return { before, after: withNoteLinks(before, paths, link), paths };
}

const hrefs = (html: string) => [...html.matchAll(/ href="([^"]*)"/g)].map((m) => m[1] ?? '');
const unescape = (attr: string) => attr.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#96;/g, '`').replace(/&amp;/g, '&');

describe('report note links for the editor', () => {
  it('turns each note link, dated notes and notes left out, into the link given for that note', () => {
    const data = realisticReport();
    const { before, after, paths } = linked(data);
    const targets = hrefs(after);
    assert.equal(targets.length, hrefs(before).length);
    assert.ok(targets.length >= data.notes.length);
    assert.deepEqual(new Set(targets.map(unescape)), new Set(paths.map(link)));
    // Nothing but the href values changed.
    assert.equal(after.replace(/ href="[^"]*"/g, ' href=""'), before.replace(/ href="[^"]*"/g, ' href=""'));
  });

  it('matches hostile paths exactly and leaves note text alone', () => {
    const data = hostileReport();
    const { before, after, paths } = linked(data);
    assert.ok(hrefs(before).length > 0);
    assert.equal(hrefs(after).length, hrefs(before).length);
    for (const target of hrefs(after)) assert.ok(paths.map(link).includes(unescape(target)), target);
    assert.equal(after.replace(/ href="[^"]*"/g, ' href=""'), before.replace(/ href="[^"]*"/g, ' href=""'));
  });

  it('adds no link to a pseudonymized report', () => {
    const { before, after } = linked(pseudonymizedReport());
    assert.equal(after, before);
    assert.deepEqual(hrefs(after), []);
  });
});
