// The outline (document symbols) and folding spans of a note (src/core/note/outline.ts), exactly:
// each heading's text, depth, line and section range, its parent, and every kind of fold.
import assert from 'node:assert/strict';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Place } from '../../../src/core/model/types';
import { foldingSpans, outline, type OutlineItem } from '../../../src/core/note/outline';
import { parseNote } from '../../../src/core/note/parse';
import { sharedSetup } from './support';

const at = (p: Place) => `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;

/** One line per heading: indentation for nesting, then text, depth, selection, range and marker. */
function lines(items: readonly OutlineItem[], indent = ''): string[] {
  return items.flatMap((i) => [`${indent}${i.text} d${i.depth} ${at(i.selection)} ${at(i.range)}${i.markerId ? ` ${i.markerId}` : ''}`, ...lines(i.children, `${indent}  `)]);
}

describe('note outline and folding, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const parse = (text: string) => parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });

  const NOTE = [
    '---', 'client: Maria', 'date: 2026-03-02', '---', '',
    '# Session', '', 'Intro.', '',
    '## 3.1 Genuine concern', '', 'Asked.', '',
    '### Detail *one*', '', 'More.', '', '',
    '## Other  ', '',
    '#', '', '<!-- a', 'b -->', '',
    '<!-- #region x -->', 'text', '<!-- #endregion -->', '',
    '# Second', 'last', '',
  ].join('\n');

  it('nests headings under the last one of a higher level; a section runs to its last non-blank character', () => {
    assert.deepEqual(lines(outline(parse(NOTE))), [
      'Session d1 6:1-6:10 6:1-19:9',
      '  3.1 Genuine concern d2 10:1-10:23 10:1-16:6 3.1',
      '    Detail one d3 14:1-14:17 14:1-16:6',
      // Only trailing spaces: the range still covers the whole heading line.
      '  Other d2 19:1-19:11 19:1-19:11',
      '(untitled heading) d1 21:1-21:2 21:1-28:20',
      'Second d1 30:1-30:9 30:1-31:5',
    ]);
  });

  it('a deeper heading after a shallower one is its sibling’s child, not the first one’s; setext headings and CRLF count', () => {
    assert.deepEqual(lines(outline(parse('# A\n### B\n## C\n### D\n# E\r\n\r\ntext  \r\n'))), [
      'A d1 1:1-1:4 1:1-4:6',
      '  B d3 2:1-2:6 2:1-2:6',
      '  C d2 3:1-3:5 3:1-4:6',
      '    D d3 4:1-4:6 4:1-4:6',
      'E d1 5:1-5:4 5:1-7:5',
    ]);
    assert.deepEqual(lines(outline(parse('Title\n===\n\ntext\n\n## b\n'))), ['Title d1 1:1-2:4 1:1-6:5', '  b d2 6:1-6:5 6:1-6:5']);
    assert.deepEqual(outline(parse('No headings.\n')), []);
  });

  it('folds the frontmatter, each section longer than its heading, multi-line comments and #region pairs, in line order', () => {
    assert.deepEqual(foldingSpans(parse(NOTE)), [
      { startLine: 1, endLine: 4, kind: 'frontmatter' },
      { startLine: 6, endLine: 19, kind: 'section' },
      { startLine: 10, endLine: 16, kind: 'section' },
      { startLine: 14, endLine: 16, kind: 'section' },
      { startLine: 21, endLine: 28, kind: 'section' },
      { startLine: 23, endLine: 24, kind: 'comment' },
      { startLine: 26, endLine: 28, kind: 'region' },
      { startLine: 30, endLine: 31, kind: 'section' },
    ]);
  });

  it('regions nest; a stray #endregion and a one-line comment fold nothing', () => {
    const text = '<!-- #region -->\n<!-- #region inner -->\n<!--#endregion-->\n<!-- #endregion -->\n<!-- #endregion stray -->\n<!-- one -->\n<!--\n-->\n';
    assert.deepEqual(foldingSpans(parse(text)), [
      { startLine: 1, endLine: 4, kind: 'region' },
      { startLine: 2, endLine: 3, kind: 'region' },
      { startLine: 7, endLine: 8, kind: 'comment' },
    ]);
  });

  it('the frontmatter folds when closed and longer than one line, up to its closing line', () => {
    assert.deepEqual(foldingSpans(parse('---\nclient: x\n---')), [{ startLine: 1, endLine: 3, kind: 'frontmatter' }]);
    assert.deepEqual(foldingSpans(parse('---\nclient: x\n---\n\ntext\n')), [{ startLine: 1, endLine: 3, kind: 'frontmatter' }]);
    assert.deepEqual(foldingSpans(parse('---\n---\n# A\n')), [{ startLine: 1, endLine: 2, kind: 'frontmatter' }]);
    assert.deepEqual(foldingSpans(parse('---\nclient: x\n')), [], 'never closed');
  });
});
