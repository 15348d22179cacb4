// Parsing by section (src/core/note/chunks.ts), on small notes: where the line scan cuts, that the
// joined tree is exactly the whole-note tree, when a note is parsed whole, and the section cache.
// A stand-in parser counts calls (and keeps the cache tests cheap); the cache is shared by the
// whole process, so every text here is unique to its test.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { CHUNKED_ABOVE, parseBySection, parseInSections, sectionStarts } from '../../../src/core/note/chunks';

const parse = (text: string) => unified().use(remarkParse).parse(text) as Root;

/** A stand-in parser that records what it was given and returns an empty tree. */
function recording() {
  const calls: string[] = [];
  const stub = (text: string): Root => (calls.push(text), { type: 'root', children: [] });
  return { calls, stub };
}

/** The first characters of each section, for readable failures. */
const heads = (text: string) => sectionStarts(text).map((s) => text.slice(s, s + 8));

describe('parsing by section, exactly', () => {
  describe('where the line scan cuts', () => {
    it('before an ATX heading of 1–6 #s (then a space, a tab or the line end), never at the very start', () => {
      const text = '# Top\ntext\n## Two\n#tag\n####### seven\n#\n#\ttab\n###### six\n';
      assert.deepEqual(heads(text), ['# Top\nte', '## Two\n#', '#\n#\ttab\n', '#\ttab\n##', '###### s']);
    });

    it('before a paragraph in column 0 after a blank line (letters of any script, digits), not a list or indented line', () => {
      const text = 'Intro\n\nPara\n  \nNext\n1. list\n\n2) item\n\n- item\n\n  indented\n\nÜber\n\n2026 date\n\n1.5 hours\n';
      assert.deepEqual(heads(text), ['Intro\n\nP', 'Para\n  \n', 'Next\n1. ', 'Über\n\n20', '2026 dat']);
    });

    it('nowhere inside a code fence: closed by the same character, at least as long, up to 3 spaces in, nothing after', () => {
      assert.deepEqual(heads('```\n# in\n````\n# after\n```` x\n# in\n   ````  \n# out\n'), ['```\n# in', '# after\n', '# out\n']);
      assert.deepEqual(heads('~~~~\n~~~\n# in\n```\n# in\n~~~~ x\n# in\n~~~~~\nP\n\n# out\n'), ['~~~~\n~~~', '# out\n']);
      assert.deepEqual(heads('    ```\n# not in a fence: indented code\n'), ['    ```\n', '# not in']);
    });

    it('a blank line inside a fence does not make the line after the fence a paragraph start', () => {
      assert.deepEqual(heads('```\n\n```\nno blank before\n\n- x\n\nyes\n'), ['```\n\n```', 'yes\n']);
    });

    it('nowhere inside a comment or a pre, script, style or textarea block left open on its line', () => {
      assert.deepEqual(heads('a\n<!-- open\n# in\n--> done\n# after\n<!-- x --> \n# h2\n'), ['a\n<!-- o', '# after\n', '# h2\n']);
      for (const tag of ['PRE class=x', 'script', 'style', 'textarea']) {
        const name = tag.split(' ')[0] ?? '';
        const text = `<${tag}>\n# in\n</${name.toLowerCase()}>\n# after\n<${name}>one line</${name}>\n# last\n`;
        assert.deepEqual(heads(text), [text.slice(0, 8), '# after\n', '# last\n'], tag);
      }
    });

    it('lines end at LF, CRLF or a lone CR', () => {
      const text = 'a\r\n\r\nB\r# c\r\n\r\n# d\n\rE\n';
      assert.deepEqual(sectionStarts(text), [0, 5, 7, 14, 19]);
    });
  });

  describe('the joined tree is the whole-note tree', () => {
    const same = (text: string) => assert.deepEqual(parseBySection(text, parse), parse(text), JSON.stringify(text));

    it('positions and line numbers across LF, CRLF and lone CR sections', () => {
      same('# One\r\ntext\r\n\r\n# Two\rmore\r\r# Three\n\nlast\n');
      same('Para\n\nNext\r\n\r\nThird\r\rFourth');
    });

    it('a section that ends inside a block the scan misjudged takes the next one in', () => {
      for (const html of ['<div>\n# not a heading\n</div>\n', '<span>\r\n# part of the HTML block\n', '<!DOCTYPE note\n# x\n>\n', '<?php\n# x\n?>\n', '<script\n# x\n</script>\n', '- <div>\n# a heading after a list\n', '> ```\n# after a quoted fence\n']) {
        same(`Intro.\n\n${html}\n# A real heading\n\nText.\n`);
        same(`Intro.\n\n${html}# A heading right after\n`);
      }
      same('Before the fence.\r```\r# inside the fence\n# still inside\n```\n\n# After\n');
      same('<div>\n\n# after a blank line the HTML block is over\n');
      same('<!-- closed -->\n# after a closed comment\n');
      same('<!-- open\n\n# inside\n');
    });

    it('any mix of blocks and line endings (400 notes)', () => {
      const LINES = ['# H', '#', '####### 7', 'Text.', '', '  ', '1. item', '- item', '  - nested', '> quote', '    code', '```', '~~~~', '~~~', '<div>', '</div>', '<span>', '<!-- c', '-->', '<pre>', '</pre>', '<?x', '?>', '<!X', '>', '---'];
      const note = fc.array(fc.tuple(fc.constantFrom(...LINES), fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 24 }).map((lines) => lines.map(([l, eol]) => l + eol).join(''));
      fc.assert(fc.property(note, same), { seed: 11, numRuns: 400 });
    });
  });

  describe('whole or by section', () => {
    it(`a note of up to ${CHUNKED_ABOVE} characters is parsed whole; one more, by section`, () => {
      const at = (n: number, tag: string) => {
        const head = `# ${tag}\n`;
        return head + 'x'.repeat(n - head.length - '\n# b\n'.length) + '\n# b\n';
      };
      const small = recording();
      const text = at(CHUNKED_ABOVE, 'size-at-limit');
      assert.equal(text.length, CHUNKED_ABOVE);
      parseInSections(text, small.stub);
      assert.deepEqual(small.calls, [text]);
      const large = recording();
      const over = at(CHUNKED_ABOVE + 1, 'size-over-limit');
      parseInSections(over, large.stub);
      assert.deepEqual(large.calls, [over.slice(0, over.length - 4), '# b\n']);
    });

    it('a note being edited is parsed by section whatever its size', () => {
      const { calls, stub } = recording();
      parseInSections('# live-small\n\n# b-live\n', stub, true);
      assert.deepEqual(calls, ['# live-small\n\n', '# b-live\n']);
    });

    it('a link reference definition (any `]:`) keeps even a live note whole', () => {
      const { calls, stub } = recording();
      const text = '# refs\n\nSee [p].\n\n# later\n\n[p]: https://plan.example\n';
      parseInSections(text, stub, true);
      assert.deepEqual(calls, [text]);
    });
  });

  describe('the section cache', () => {
    it('an unchanged section is not parsed again; a changed one is', () => {
      const { calls, stub } = recording();
      parseInSections('# cache-a\n\n# cache-b\n', stub, true);
      parseInSections('# cache-a\n\n# cache-b changed\n', stub, true);
      assert.deepEqual(calls, ['# cache-a\n\n', '# cache-b\n', '# cache-b changed\n']);
    });

    it('keeps a section of up to a quarter of its size, not a larger one', () => {
      const quarter = 1024 * 1024 / 4;
      const fits = '#' + ' q'.repeat((quarter - 2) / 2) + '\n';
      const tooBig = '#' + ' Q'.repeat((quarter - 2) / 2) + ' \n';
      assert.equal(fits.length, quarter);
      assert.equal(tooBig.length, quarter + 1);
      const { calls, stub } = recording();
      for (let i = 0; i < 2; i++) parseInSections(fits, stub, true);
      for (let i = 0; i < 2; i++) parseInSections(tooBig, stub, true);
      assert.equal(calls.length, 3);
      assert.deepEqual(calls.map((c) => c.length), [quarter, quarter + 1, quarter + 1]);
    });

    it('beyond 1 MB of sections, forgets the least recently used first', () => {
      const section = (name: string) => `# ${name}\n${'z'.repeat(250_000)}\n`;
      const [a, b, c, d, e, f] = ['lru-a', 'lru-b', 'lru-c', 'lru-d', 'lru-e', 'lru-f'].map(section) as [string, string, string, string, string, string];
      const { calls, stub } = recording();
      const live = (text: string) => parseInSections(text, stub, true);
      live(a + b + c + d + e); // 1,250,045 characters: the oldest, a, goes
      live(b); // kept, and now the most recently used
      live(f); // forgets c, now the least recently used, not b
      live(b + d);
      live(c);
      live(a);
      assert.deepEqual(calls.map((x) => x.slice(2, 7)), ['lru-a', 'lru-b', 'lru-c', 'lru-d', 'lru-e', 'lru-f', 'lru-c', 'lru-a']);
    });
  });
});
