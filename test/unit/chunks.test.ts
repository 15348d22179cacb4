import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CHUNKED_ABOVE, parseInSections, sectionStarts } from '../../src/core/note/chunks';

const parse = (text: string) => unified().use(remarkParse).parse(text) as Root;
const ROOT = join(__dirname, '..', '..', 'examples', 'notes');

/** Every example note body, plus blocks that must never be cut: fences, HTML, nested lists, quotes. */
function bigNote(): string {
  let body = '';
  for (const dir of readdirSync(ROOT).filter((d) => !d.startsWith('.') && !d.endsWith('.md'))) {
    for (const file of readdirSync(join(ROOT, dir))) body += readFileSync(join(ROOT, dir, file), 'utf8').replace(/^---[^]*?---\n/, '');
  }
  const tricky = [
    '```\n# not a heading inside a fence\n## nor this\n```\n',
    '~~~~markdown\n### still code\n~~~\n## still code, the fence needs four tildes\n~~~~\n',
    '<!--\n# a comment line\n-->\n',
    '<pre>\n# preformatted\n</pre>\n',
    '- a list\n  ## a heading inside the list item\n- more\n',
    '> a quote\n# ends the quote\n',
    'A paragraph\n# ends the paragraph\n',
    'Setext heading\n===\n',
    '#hashtag is not a heading\n',
  ].join('\n');
  let text = '---\r\nclient: Maria\r\ndate: 2026-03-02\r\n---\r\n\r\n';
  while (text.length < CHUNKED_ABOVE * 4) text += body + '\n' + tricky + '\n';
  return text;
}

describe('parsing large notes section by section', () => {
  const text = bigNote();

  it('cuts only before top-level headings', () => {
    const starts = sectionStarts(text);
    assert.ok(starts.length > 20);
    for (const s of starts.slice(1)) assert.match(text.slice(s, s + 7), /^#{1,6}[ \t\r\n]/);
    assert.ok(!starts.some((s) => text.slice(s).startsWith('## still code') || text.slice(s).startsWith('# a comment line') || text.slice(s).startsWith('# preformatted')));
  });

  it('gives exactly the tree of a whole-note parse, positions included', () => {
    assert.deepEqual(parseInSections(text, parse), parse(text));
  });

  it('gives the same tree again after an edit, reusing unchanged sections', () => {
    parseInSections(text, parse);
    const edited = text.slice(0, 5000) + 'An edit in the middle. ' + text.slice(5000);
    let calls = 0;
    const counted = (t: string) => (calls++, parse(t));
    assert.deepEqual(parseInSections(edited, counted), parse(edited));
    assert.equal(calls, 1, 'only the edited section was parsed again');
  });

  it('leaves small notes to a single parse', () => {
    let calls = 0;
    parseInSections('# a\n\ntext\n\n# b\n', (t) => (calls++, parse(t)));
    assert.equal(calls, 1);
  });
});
