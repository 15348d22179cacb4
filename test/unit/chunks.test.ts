import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { loadSetup } from '../../src/core/engine/setup';
import { CHUNKED_ABOVE, parseBySection, parseInSections, sectionStarts } from '../../src/core/note/chunks';
import { parseWith } from '../../src/core/workspace/batch';

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

  /** A heading, or a paragraph or block quote in column 0 right after a blank line. */
  const cutPoint = (t: string, s: number) => /^#{1,6}[ \t\r\n]/.test(t.slice(s, s + 7)) || (/^[\p{L}\p{N}>]/u.test(t.slice(s, s + 1)) && /(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)$/.test(t.slice(Math.max(0, s - 20), s)));

  it('cuts only before top-level headings, and paragraphs and block quotes after a blank line', () => {
    const starts = sectionStarts(text);
    assert.ok(starts.length > 20);
    assert.ok(starts.some((s) => text.startsWith('#', s)) && starts.some((s) => !text.startsWith('#', s)), 'both kinds of cut occur');
    for (const s of starts.slice(1)) assert.ok(cutPoint(text, s), JSON.stringify(text.slice(s - 20, s + 20)));
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

  describe('with CRLF, lone CR and mixed line endings', () => {
    const endings = {
      crlf: (t: string) => t.replace(/\r?\n/g, '\r\n'),
      cr: (t: string) => t.replace(/\r?\n/g, '\r'),
      mixed: (t: string) => {
        let i = 0;
        return t.replace(/\r?\n/g, () => ['\n', '\r', '\r\n'][i++ % 3] ?? '\n');
      },
    };
    const lf = text.replace(/\r\n/g, '\n');

    for (const [name, convert] of Object.entries(endings)) {
      it(`${name}: cut at the same places as with LF`, () => {
        const converted = convert(lf);
        const starts = sectionStarts(converted);
        assert.equal(starts.length, sectionStarts(lf).length);
        for (const s of starts.slice(1)) assert.ok(cutPoint(converted, s), JSON.stringify(converted.slice(s - 20, s + 20)));
      });

      it(`${name}: exactly the whole-note tree, line numbers included`, () => {
        const converted = convert(lf);
        assert.deepEqual(parseInSections(converted, parse), parse(converted));
      });
    }

    it('a fence opened after a lone CR hides the headings inside it', () => {
      const tricky = 'Before the fence.\r```\r# inside the fence\n# still inside\n```\n\n# After\n';
      assert.deepEqual(sectionStarts(tricky), [0, tricky.indexOf('# After')]);
      assert.deepEqual(parseBySection(tricky, parse), parse(tricky));
    });
  });

  it('never cuts inside an HTML block, whatever the line scan thought', () => {
    for (const html of ['<div>\n# not a heading\n</div>\n', '<span>\r\n# part of the HTML block\n', '<!DOCTYPE note\n# x\n>\n', '<?php\n# x\n?>\n', '- <div>\n# a heading after a list\n']) {
      const note = `Intro.\n\n${html}\n# A real heading\n\nText.\n`;
      assert.deepEqual(parseBySection(note, parse), parse(note), JSON.stringify(html));
    }
  });

  it('any mix of fences, HTML, lists, quotes, paragraphs and headings, with any line endings: exactly the whole-note tree (6,000 notes)', () => {
    const LINES = [
      '# Heading', '## Sub', '#', '#\tTab', '###### six', '####### seven', '  # indented', '> # quoted', '- # item heading', 'Text of a paragraph.', '', '  ', '', '\t',
      'Another paragraph', '2026-03-02 was the date', '1.5 hours', '1. item', '2) item', 'Ünïcode start', '  continued', '    - [ ] deep', '- [ ] agreement', 'lazy line',
      '```', '```js', '```a`b', '````', '~~~', '~~~ info', ' ~~~', '```  ', '    ```', '   ```', '\t```', 'para ```', '- ```', '> ```', '    indented code',
      '- item', '  - nested', '+ item', '10) item', '> quote', '>', '---', '===', '* * *',
      '<div>', '</div>', '<DIV>', '<div/>', '<div>text</div>', '<p>', '</p>', '<span>', '</span>', '<span>text', '<a href="x">', '<br/>', '<custom-tag>', '<table><tr><td>',
      '<!-- comment', '-->', '<!-- one -->', '<!-- a --> text', '<?php', '?>', '<?x ?>', '<!DOCTYPE html', '>', '<![CDATA[', ']]>', '<pre>', '</pre>', '<script>', '<style>', '<textarea>', '</textarea>',
    ];
    const note = fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 40 }).map((lines) => lines.map(([l, eol]) => l + eol).join(''));
    fc.assert(
      fc.property(note, (text) => assert.deepEqual(parseBySection(text, parse), parse(text), JSON.stringify(text))),
      { seed: 6, numRuns: 6_000 },
    );
  });

  it('leaves small notes to a single parse', () => {
    let calls = 0;
    parseInSections('# a\n\ntext\n\n# b\n', (t) => (calls++, parse(t)));
    assert.equal(calls, 1);
  });

  describe('a note being edited (live)', () => {
    const small = '# Session\n\nOpening.\n\n## 3.1 Genuine concern\n\nAsked how she was.\n\n## Agreements\n\n- [ ] Send the plan\n';

    it('is parsed by section whatever its size, and an edit re-parses only its own section', () => {
      let calls = 0;
      const counted = (t: string) => (calls++, parse(t));
      assert.deepEqual(parseInSections(small, counted, true), parse(small));
      const edited = small.replace('Asked how', 'Asked gently how');
      calls = 0;
      assert.deepEqual(parseInSections(edited, counted, true), parse(edited));
      assert.equal(calls, 1);
    });

    it('is parsed whole when it defines a link reference, so references resolve across sections', () => {
      const text = '# Notes\n\nSee [the plan][p].\n\n## Later\n\n[p]: https://plan.example\n';
      let calls = 0;
      const tree = parseInSections(text, (t) => (calls++, parse(t)), true);
      assert.equal(calls, 1);
      assert.deepEqual(tree, parse(text));
      assert.ok(JSON.stringify(tree).includes('"linkReference"'));
    });

    it('reads every example note exactly as a fresh whole parse does', () => {
      const setup = loadSetup({ root: ROOT });
      for (const dir of readdirSync(ROOT).filter((d) => !d.startsWith('.') && !d.endsWith('.md'))) {
        for (const file of readdirSync(join(ROOT, dir))) {
          const path = join(ROOT, dir, file);
          const text = readFileSync(path, 'utf8');
          const whole = parseWith(setup, { path, text });
          for (let i = 0; i < 2; i++) {
            const live = parseWith(setup, { path, text }, true);
            assert.deepEqual(live.tree, whole.tree, file);
            assert.deepEqual({ ...live, tree: undefined, lines: undefined }, { ...whole, tree: undefined, lines: undefined }, file);
          }
        }
      }
    });
  });
});
