// The note model (src/core/note/parse.ts and its helpers), read field by field with exact values.
import assert from 'node:assert/strict';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { noteAnchor } from '../../../src/core/note/anchors';
import { agreementKey, DEFAULT_MAX_CHARS, hasPermissionCheck, MAX_NESTING, parseNote } from '../../../src/core/note/parse';
import { proseSpan } from '../../../src/core/note/prose';
import type { Note } from '../../../src/core/note/types';
import { sharedSetup } from './support';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

describe('note model, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const parseText = (text: string, maxChars?: number) =>
    parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust', ...(maxChars !== undefined ? { maxChars } : {}) });
  const parse = (body: string) => parseText(HEAD + body);
  /** `line:column-line:column`. */
  const span = (p: { start: { line: number; column: number }; end: { line: number; column: number } } | undefined) => (p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : 'none');

  it('drops a byte-order mark; offsets count from after it', () => {
    const note = parseText(`\ufeff${HEAD}## 3.1 Genuine concern\n\nAsked.\n`);
    assert.equal(note.text.startsWith('---'), true);
    assert.equal(note.sections[0]?.headingPlace.start.offset, HEAD.length);
    assert.equal(note.path, 'n.coach.md');
    assert.equal(note.bodyStart, HEAD.length - 1);
    assert.equal(note.framework?.id, 'icf-trust');
  });

  it('an unknown framework leaves the note without one', () => {
    const note = parseText('---\nclient: M\ndate: 2026-03-02\nframework: nope\n---\n\n## 3.1 Genuine concern\n\nx\n');
    assert.equal(note.framework, undefined);
    assert.equal(note.meta.framework, 'nope');
  });

  describe('the size limit', () => {
    it('cuts at the last line break at or before the limit, and keeps the text whole', () => {
      const text = `${HEAD}aaaa\nbbbb\ncccc\n`;
      const note = parseText(text, HEAD.length + 7);
      assert.equal(note.checkedUpTo, HEAD.length + 5);
      assert.equal(note.text, text);
      assert.deepEqual(note.prose.map((p) => p.text), ['aaaa']);
      assert.equal(note.openAtEnd, undefined);
    });

    it('a limit exactly at a line start keeps the line before it whole', () => {
      const text = `${HEAD}aaaa\nbbbb\ncccc\n`;
      assert.equal(parseText(text, HEAD.length + 5).checkedUpTo, HEAD.length + 5);
      // A line break exactly at the limit still ends the line.
      assert.equal(parseText(text, HEAD.length + 4).checkedUpTo, HEAD.length + 5);
      assert.equal(parseText(text, HEAD.length + 3).checkedUpTo, HEAD.length);
    });

    it('a lone CR ends a line; a CRLF is never split', () => {
      const cr = `${HEAD}aaaa\rbbbb\rcccc\r`;
      assert.equal(parseText(cr, HEAD.length + 7).checkedUpTo, HEAD.length + 5);
      const crlf = `${HEAD}aaaa\r\nbbbb\r\ncccc\r\n`;
      assert.equal(parseText(crlf, HEAD.length + 4).checkedUpTo, HEAD.length, 'a limit at the CR of a CRLF');
      assert.equal(parseText(crlf, HEAD.length + 5).checkedUpTo, HEAD.length + 6);
      assert.equal(parseText(crlf, HEAD.length + 6).checkedUpTo, HEAD.length + 6);
    });

    it('never cuts inside the frontmatter', () => {
      assert.equal(parseText(`${HEAD}${'x'.repeat(50)}`, 10).checkedUpTo, HEAD.length - 1);
    });

    it('a note within the limit, or at it exactly, is not cut', () => {
      const text = `${HEAD}aaaa\n`;
      assert.equal(parseText(text, text.length).checkedUpTo, undefined);
      assert.equal(parseText(text).checkedUpTo, undefined);
      assert.equal(DEFAULT_MAX_CHARS, 8 * 1024 * 1024);
    });
  });

  it('an unclosed frontmatter leaves the body unread', () => {
    const note = parseText('---\nclient: Maria\n\n## 3.1 Genuine concern\n\nText.\n');
    assert.deepEqual(note.tree.children, []);
    assert.deepEqual(note.sections, []);
    assert.equal(note.unparsed, undefined);
    assert.equal(note.tree.position?.end.offset, note.text.length);
  });

  describe('nesting', () => {
    it(`${MAX_NESTING} levels are parsed; one more is refused as too deep`, () => {
      assert.equal(MAX_NESTING, 100);
      const ok = parse(`${'> '.repeat(100)}deep\n`);
      assert.equal(ok.unparsed, undefined);
      assert.equal(ok.prose[0]?.text, 'deep');
      const deep = parse(`${'> '.repeat(101)}deep\n`);
      assert.equal(deep.unparsed, 'too-deep');
      assert.deepEqual(deep.tree.children, []);
    });

    it('counts list markers, and indentation by two columns (a tab as four)', () => {
      assert.equal(parse(`${'- '.repeat(100)}x\n`).unparsed, undefined);
      assert.equal(parse(`${'- '.repeat(101)}x\n`).unparsed, 'too-deep');
      assert.equal(parse(`${'1. '.repeat(101)}x\n`).unparsed, 'too-deep');
      assert.equal(parse(`${' '.repeat(4)}${'> '.repeat(98)}x\n`).unparsed, undefined);
      assert.equal(parse(`${' '.repeat(4)}${'> '.repeat(99)}x\n`).unparsed, 'too-deep');
      assert.equal(parse(`\t${'> '.repeat(99)}x\n`).unparsed, 'too-deep');
      assert.equal(parse(`   ${'> '.repeat(99)}x\n`).unparsed, undefined, 'three spaces are one level');
    });

    it('a line of one repeated - or * alone is a thematic break, not nesting', () => {
      assert.equal(parse(`${'- '.repeat(120)}\n\ntext\n`).unparsed, undefined);
      assert.equal(parse(`${'* '.repeat(120)}\n\ntext\n`).unparsed, undefined);
      assert.equal(parse(`${'+ '.repeat(120)}\n\ntext\n`).unparsed, 'too-deep', '+ is no thematic break');
      assert.equal(parse(`${'- * '.repeat(60)}\n\ntext\n`).unparsed, 'too-deep', 'mixed markers are no thematic break');
      assert.equal(parse(`${'- '.repeat(120)}x\n`).unparsed, 'too-deep', 'text after them makes them list markers');
      assert.equal(parse(`${'- '.repeat(120)}`).unparsed, undefined, 'at the very end of the note too');
      assert.equal(parse(`${'- '.repeat(120)}\r\ntext\r\n`).unparsed, undefined, 'before a CR');
    });
  });

  describe('sections', () => {
    it('reads depth, heading text and place, end, and evidence', () => {
      const note = parse('# Title\n\n## 3.1 Genuine concern ##\n\nAsked.\n\n### Detail\n\nMore.\n\n## 3.2 Integrity\n');
      assert.deepEqual(note.sections.map((s) => [s.marker?.id, s.headingText, s.depth, span(s.headingPlace), s.evidenced]), [
        ['3.1', '3.1 Genuine concern', 2, '8:1-8:26', true],
        ['3.2', '3.2 Integrity', 2, '16:1-16:17', false],
      ]);
      assert.equal(note.sections[0]?.end, note.text.indexOf('## 3.2'));
      assert.equal(note.sections[1]?.end, note.text.length);
    });

    it('a level-1 heading counts when it names a marker, and an unknown number there is no unknown id', () => {
      const note = parse('# 3.2 Integrity and honesty\n\nSaid so.\n\n# 3.9 Session\n\nx\n\n## 3.9 Deep listening\n\ny\n');
      assert.deepEqual(note.sections.map((s) => [s.marker?.id, s.idLike, s.depth]), [['3.2', undefined, 1], [undefined, '3.9', 2]]);
    });

    it('the first Agreements heading is the agreements section; its content end skips trailing blank lines', () => {
      const note = parse('## Agreements\n\n- [ ] a\n\n\n## agreements\n\n- [ ] b\n');
      const section = note.agreementsSection;
      assert.equal(span(section?.headingPlace), '6:1-6:14');
      assert.equal(section?.depth, 2);
      assert.equal(section?.contentEnd, note.text.indexOf('- [ ] a') + 7);
      assert.equal(section?.end, note.text.indexOf('## agreements'));
      assert.deepEqual(note.agreements.map((a) => a.text), ['a'], 'items under a second Agreements heading are not read');
      assert.deepEqual(note.sections, []);
    });

    it('an empty Agreements section ends its content at the heading', () => {
      const note = parse('### Agreements\n');
      assert.equal(note.agreementsSection?.contentEnd, note.text.indexOf('### Agreements') + 14);
      assert.equal(note.agreementsSection?.depth, 3);
    });

    describe('evidence', () => {
      const evidenced = (content: string) => parse(`## 3.1 Genuine concern\n\n${content}\n`).sections[0]?.evidenced;
      it('text, a list, a quote, code and an image count', () => {
        for (const c of ['Asked.', '- item', '> her words', '```\ncode\n```', '    indented code', '![x](y.png)', '<b>bold</b> words']) assert.equal(evidenced(c), true, c);
      });
      it('comments, bare tags, a thematic break, a definition, whitespace and a sub-heading do not', () => {
        for (const c of ['<!-- later -->', '<br>', '<!-- a --><br><!-- b -->', '***', '[ref]: https://x.test', '### Detail', '&nbsp;']) assert.equal(evidenced(c), c === '&nbsp;' ? evidenced(c) : false, c);
      });
      it('HTML with visible text between tags counts', () => {
        assert.equal(evidenced('<div>\nseen\n</div>'), true);
        assert.equal(evidenced('<div>\n</div>'), false);
      });
    });
  });

  describe('near misses', () => {
    it('a bold line, with a colon, at the depth of the note’s marker sections', () => {
      const note = parse('### 3.1 Genuine concern\n\nAsked.\n\n__3.5 Championing new behaviours:__\nNamed it.\n');
      assert.deepEqual(note.nearMisses.map((n) => [n.marker.id, n.form, span(n.place), n.replacement]), [['3.5', 'bold-line', '10:1-10:36', '### 3.5 Championing new behaviours']]);
    });

    it('a bold title that names the marker clearly is made a heading as written; depth 2 by default', () => {
      const note = parse('**Genuine concern**\n\nAsked.\n');
      assert.deepEqual(note.nearMisses.map((n) => [n.marker.id, n.replacement]), [['3.1', '## Genuine concern']]);
    });

    it('`###3.1` keeps its own hashes', () => {
      const note = parse('###3.1 Genuine concern.\n\nAsked.\n');
      assert.deepEqual(note.nearMisses.map((n) => [n.form, n.replacement, span(n.place)]), [['no-space', '### 3.1 Genuine concern', '6:1-6:24']]);
    });

    it('only the first line of a paragraph is read', () => {
      const note = parse('Some text first\n**3.5 Championing new behaviours**\n');
      assert.deepEqual(note.nearMisses, []);
      const second = parse('**3.5 Championing new behaviours**\nthen text\n');
      assert.equal(span(second.nearMisses[0]?.place), '6:1-6:35');
    });

    it('Permission and Agreements bold lines are not near misses, nor is a marker that has its section', () => {
      assert.deepEqual(parse('**Permission:** asked.\n').nearMisses, []);
      assert.deepEqual(parse('**Permission**:\nasked.\n').nearMisses, []);
      assert.deepEqual(parse('**Agreements**\n\n- [ ] x\n').nearMisses, []);
      assert.deepEqual(parse('## 3.5 Championing\n\nx\n\n**3.5 Championing new behaviours**\n').nearMisses, []);
      assert.deepEqual(parse('**Something unrelated**\n').nearMisses, []);
      assert.deepEqual(parse('****\n').nearMisses, []);
    });

    it('an unsure heading is offered with its id, its own words and emphasis kept', () => {
      const note = parseText('---\nclient: M\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\n### Client voicing *feelings* and beliefs ###\n\nx\n');
      assert.deepEqual(note.nearMisses.map((n) => [n.marker.id, n.form, n.replacement]), [['4.3', 'unsure-heading', '### 4.3 Client voicing *feelings* and beliefs']]);
      const setext = parseText('---\nclient: M\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\nClient voicing   feelings and beliefs\n===\n\nx\n');
      assert.deepEqual(setext.nearMisses.map((n) => [n.replacement, span(n.place)]), [['# 4.3 Client voicing feelings and beliefs', '7:1-8:4']]);
    });
  });

  describe('agreements', () => {
    const agreements = (list: string) => parse(`## Agreements\n\n${list}\n`).agreements;
    it('reads open and kept items, due dates and places', () => {
      const note = parse('## Agreements\n\n- [ ] Call Sam (due 2026-03-09)\n- [X] Book it\n* [x]\tTabbed, due: 2026-04-01\n');
      assert.deepEqual(note.agreements.map((a) => [a.text, a.kept, a.due, span(a.place)]), [
        ['Call Sam (due 2026-03-09)', false, '2026-03-09', '8:3-8:32'],
        ['Book it', true, undefined, '9:3-9:14'],
        ['Tabbed, due: 2026-04-01', true, '2026-04-01', '10:3-10:30'],
      ]);
    });

    it('needs a checkbox followed by a space, in a paragraph', () => {
      assert.deepEqual(agreements('- [] no\n- [y] no\n- [ ]no\n- plain\n-\n  ```\n  [ ] code\n  ```').map((a) => a.text), []);
    });

    it('ignores task items before and after the Agreements section', () => {
      const note = parse('- [ ] before\n\n## Agreements\n\n- [ ] inside\n\n## Later\n\n- [ ] after\n');
      assert.deepEqual(note.agreements.map((a) => a.text), ['inside']);
      assert.deepEqual(parse('- [ ] no section\n').agreements, []);
    });

    it('reads nested items too', () => {
      assert.deepEqual(agreements('- [ ] outer\n  - [x] inner').map((a) => [a.text, a.kept]), [['outer', false], ['inner', true]]);
    });

    it('keys ignore case, accents, punctuation and the due date', () => {
      assert.equal(agreementKey('Draft the É-mail (due 2026-03-09)!'), 'draft the e mail');
      assert.equal(agreementKey('  Call   Sam, due: 2026-03-09 '), 'call sam');
      assert.equal(agreementKey('Über 2 Städte'), 'uber 2 stadte');
    });
  });

  describe('disable comments', () => {
    it('reads every kind, rule lists with commas or spaces, a reason after --, and the place', () => {
      const note = parse('<!-- coach-disable-next-line coach:a,b c -- why -->\nx <!--coach-disable-line-->\n\n<!-- coach-disable-file a -->\n\n<!-- coach-disable -- because -->\n\n<!-- coach-enable   -->\n');
      assert.deepEqual(note.directives.map((d) => [d.kind, d.rules, span(d.place)]), [
        ['disable-next-line', ['a', 'b', 'c'], '6:1-6:52'],
        ['disable-line', [], '7:3-7:28'],
        ['disable-file', ['a'], '9:1-9:30'],
        ['disable', [], '11:1-11:34'],
        ['enable', [], '13:1-13:24'],
      ]);
    });

    it('a reason marker at the very end, or a bare --, is no rule id', () => {
      assert.deepEqual(parse('<!-- coach-disable a -- -->\n').directives.map((d) => d.rules), [['a']]);
      assert.deepEqual(parse('<!-- coach-disable a--b -->\n').directives.map((d) => d.rules), [['a--b']]);
    });

    it('several in one HTML block, and none inside code', () => {
      const note = parse('<!-- coach-disable a --><!-- coach-enable a -->\n\n```\n<!-- coach-disable -->\n```\n\n`<!-- coach-disable -->`\n');
      assert.deepEqual(note.directives.map((d) => [d.kind, d.place.start.offset - note.bodyStart]), [['disable', 1], ['enable', 25]]);
    });

    it('a comment that only starts like one is none', () => {
      assert.deepEqual(parse('<!-- coach-disabled -->\n<!-- coach-enabler -->\n').directives, []);
    });
  });

  describe('prose, tags and permission lines', () => {
    it('prose leaves out code, HTML and image text, and marks quotes', () => {
      const note = parse('# Title `code`\n\nSome *text* <b>x</b> ![alt](i.png) [link](u) end.\n\n> Quoted.\n\n    code block\n\n- item\n');
      assert.deepEqual(note.prose.map((p) => [p.text, p.quoted]), [
        ['Title ', false],
        ['Some text x  link end.', false],
        ['Quoted.', true],
        ['item', false],
      ]);
    });

    it('tags: several in one bracket, known or not, at the bracket’s place', () => {
      const note = parse('Tried it [#3.5, #3.9 #3.1] and [#7.1.2].\n');
      assert.deepEqual(note.tags.map((t) => [t.id, t.marker?.id, span(t.place)]), [
        ['3.5', '3.5', '6:10-6:27'],
        ['3.9', undefined, '6:10-6:27'],
        ['3.1', '3.1', '6:10-6:27'],
        ['7.1.2', undefined, '6:32-6:40'],
      ]);
      assert.deepEqual(parse('Not tags: [#3] [# 3.1] [#3.1 x] #3.1\n').tags, []);
    });

    it('a tag in a heading counts; a tag in a quote too', () => {
      assert.deepEqual(parse('## Notes [#3.4]\n\n> her [#3.2]\n').tags.map((t) => t.id), ['3.4', '3.2']);
    });

    it('permission lines: paragraphs only, not quoted, not headings', () => {
      const note = parse('Permission: asked.\n\n  permission : yes\n\n## Permission: heading\n\n> Permission: quoted\n\nNo permission: here\n');
      assert.deepEqual(note.permissionLines.map((p) => span(p)), ['6:1-6:19', '8:3-8:19']);
    });

    it('a permission check: a line, an evidenced permission section, or a permission tag', () => {
      assert.equal(hasPermissionCheck(parse('Asked first [#3.6].\n')), true);
      assert.equal(hasPermissionCheck(parse('Asked first [#3.5].\n')), false);
      assert.equal(hasPermissionCheck(parse('## 3.6 Permission\n\nAsked.\n')), true);
      assert.equal(hasPermissionCheck(parse('## 3.5 Championing\n\nAsked.\n')), false);
      assert.equal(hasPermissionCheck(parse('Nothing.\n')), false);
    });

    it('maps prose back to the note through escapes, entities and invisible characters', () => {
      // `&amp;` is left out: it decodes to `&`, which the mapping takes for a literal `&` (reported).
      const note = parse('A \\*b\\* &copy; la\u00ADzy & c.\n');
      const block = note.prose[0];
      assert.ok(block);
      assert.equal(block.text, 'A *b* \u00A9 lazy & c.');
      const at = (word: string) => {
        const i = block.text.indexOf(word);
        const [s, e] = proseSpan(note, block, i, i + word.length);
        return note.text.slice(s, e);
      };
      assert.equal(at('b'), 'b');
      // An escaped or entity character maps to where its source starts.
      assert.equal(note.text.slice(proseSpan(note, block, 2, 3)[0]).slice(0, 4), '\\*b\\');
      assert.equal(note.text.slice(proseSpan(note, block, 6, 7)[0]).slice(0, 6), '&copy;');
      assert.equal(at('lazy'), 'la\u00ADzy');
      assert.equal(at('& c.'), '& c.');
      const [s, e] = proseSpan(note, block, 3, 3);
      assert.equal(s, e, 'an empty span stays empty');
    });
  });

  it('openAtEnd names what closes an unclosed block at the end, and nothing otherwise', () => {
    const closing = (body: string) => parse(body).openAtEnd;
    assert.equal(closing('```js\ncode\n'), '```');
    assert.equal(closing('~~~~\ncode\n'), '~~~~');
    assert.equal(closing('```\ncode\n```\n'), undefined);
    assert.equal(closing('```\ncode\n``\n'), '```');
    assert.equal(closing('~~~\ncode\n```\n'), '~~~');
    assert.equal(closing('````\ncode\n```\n'), '````');
    assert.equal(closing('```'), '```');
    assert.equal(closing('<!-- open\n'), '-->');
    assert.equal(closing('<!-- closed -->\n'), undefined);
    assert.equal(closing('<SCRIPT>\nx\n'), '</script>');
    assert.equal(closing('<pre>\nx\n</PRE>\n'), undefined);
    assert.equal(closing('<?php\nx\n'), '?>');
    assert.equal(closing('<![CDATA[\nx\n'), ']]>');
    assert.equal(closing('<!DOCTYPE\nx\n'), '>');
    assert.equal(closing('<div>\nx\n'), undefined);
    assert.equal(closing('    indented code\n'), undefined);
    assert.equal(closing('Text.\n'), undefined);
  });

  it('the note anchor: the closing frontmatter line, else the first line', () => {
    const anchor = (note: Note) => span(noteAnchor(note));
    assert.equal(anchor(parse('x\n')), '4:1-4:4');
    assert.equal(anchor(parseText('No frontmatter.\nMore.\n')), '1:1-1:16');
    assert.equal(anchor(parseText('---\nclient: M\ndate: 2026-03-02\n---')), '4:1-4:4');
    assert.equal(anchor(parseText('---\nclient: M\n')), '2:1-2:10', 'an unclosed block: its last line');
  });
});
