// Inserted text (src/core/note/template.ts), exactly: a marker section's skeleton, where a missing
// section goes, the line breaks before an insertion, a new session note, and what closes a block
// left open at the end of a note.
import assert from 'node:assert/strict';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Framework, Marker } from '../../../src/core/frameworks/types';
import { parseNote } from '../../../src/core/note/parse';
import { insertionOffset, leadingBreak, markerSkeleton, sessionNoteTemplate } from '../../../src/core/note/template';
import { sharedSetup } from './support';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

describe('note templates and insertions, exactly', () => {
  let setup: EngineSetup;
  let trust: Framework;
  before(() => {
    setup = sharedSetup();
    trust = setup.frameworks.get('icf-trust') as Framework;
  });
  const parse = (text: string) => parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });
  const marker = (id: string) => trust.markers.find((m) => m.id === id) as Marker;

  it('a marker skeleton: heading at the depth, blank line, the description as a comment, blank line', () => {
    assert.equal(markerSkeleton(marker('3.1'), 3), "### 3.1 Genuine concern\n\n<!-- Shows genuine concern for the client's welfare and future. -->\n\n");
    assert.equal(markerSkeleton(marker('3.1'), 2, '\r\n'), "## 3.1 Genuine concern\r\n\r\n<!-- Shows genuine concern for the client's welfare and future. -->\r\n\r\n");
  });

  describe('where a missing section goes', () => {
    const offsetOf = (text: string, id: string) => insertionOffset(parse(text), marker(id));

    it('after the closest earlier marker in framework order, wherever it sits in the note', () => {
      const text = `${HEAD}## 3.3 Clear agreements\n\nA.\n\n## 3.1 Genuine concern\n\nB.\n\n## 3.6 Permission\n\nC.\n`;
      assert.equal(offsetOf(text, '3.4'), text.indexOf('## 3.1'), 'the end of 3.3, which comes before 3.1 here');
      assert.equal(offsetOf(text, '3.2'), text.indexOf('## 3.6'), 'the end of 3.1, which runs to 3.6');
      assert.equal(offsetOf(text, '3.5'), text.indexOf('## 3.1'), 'after 3.3, not after 3.1 and not before 3.6');
    });

    it('else before the closest later one', () => {
      const text = `${HEAD}## 3.6 Permission\n\nC.\n\n## 3.4 Respect for the client\n\nB.\n`;
      assert.equal(offsetOf(text, '3.2'), text.indexOf('## 3.4'));
    });

    it('else before Agreements, else at the end; a heading that only looks like a marker does not count', () => {
      const withAgreements = `${HEAD}## 3.9 Not a marker\n\nA.\n\n## Agreements\n\n- [ ] x\n`;
      assert.equal(offsetOf(withAgreements, '3.1'), withAgreements.indexOf('## Agreements'));
      const plain = `${HEAD}## 3.9 Not a marker\n\nA.\n`;
      assert.equal(offsetOf(plain, '3.1'), plain.length);
    });

    it('a note of an unknown framework: Agreements or the end', () => {
      const text = '---\nclient: Maria\ndate: 2026-03-02\nframework: nope\n---\n\n## 3.1 Genuine concern\n\nA.\n';
      assert.equal(offsetOf(text, '3.2'), text.length);
    });
  });

  describe('line breaks before an insertion', () => {
    const at = (text: string, offset = text.length) => leadingBreak(parse(text), offset);

    it('none at the start or after a blank line (spaces allowed, any line endings)', () => {
      assert.equal(at('x', 0), '');
      assert.equal(at('x\n\n'), '');
      assert.equal(at('x\n \t\n'), '');
      assert.equal(at('x\r\n\r\n'), '');
      assert.equal(at('x\r\ry\r\r'), '');
    });

    it('one after a line break, two after text, in the note’s line ending', () => {
      assert.equal(at('a\nb\n'), '\n');
      assert.equal(at('a\nbc', 2), '\n', 'near the start, only what comes before counts');
      assert.equal(at('x\n\nab'), '\n\n', 'a blank line earlier is not one right before');
      assert.equal(at('a\r\nb\r\n'), '\r\n');
      assert.equal(at('a\r\nb'), '\r\n\r\n');
      assert.equal(at('x\ry\r'), '\r');
    });

    it('two when a lone CR before it would merge with an LF into one CRLF', () => {
      assert.equal(at('a\nb\nc\r'), '\n\n');
    });

    it('at the end of a note inside an open fence, it closes the fence first', () => {
      assert.equal(at('```\ncode'), '\n```\n\n');
      assert.equal(at('```\ncode\n'), '```\n\n');
      assert.equal(at('```\r\ncode\r\n'), '```\r\n\r\n');
      assert.equal(at('```\ncode\n\nmore\n', 6), '\n\n', 'not at the end: no closing');
    });
  });

  it('a new session note: frontmatter, every marker section at depth 2, then Agreements', () => {
    const body = trust.markers.map((m) => markerSkeleton(m, 2)).join('');
    assert.equal(
      sessionNoteTemplate(trust, { client: 'Ana "A" Lee', date: '2026-03-02', session: 4 }),
      `---\nclient: "Ana \\"A\\" Lee"\ndate: 2026-03-02\nsession: 4\nduration: 60\nframework: icf-trust\n---\n\n# Session with Ana "A" Lee\n\n${body}## Agreements\n\n- [ ] \n`,
    );
    assert.ok(body.startsWith('## 3.1 Genuine concern\n\n<!-- '));
    assert.equal(sessionNoteTemplate(trust, { client: 'Bo', date: '2026-03-03' }).split('\n').slice(0, 6).join('|'), '---|client: "Bo"|date: 2026-03-03|duration: 60|framework: icf-trust|---');
  });

  describe('what closes a block left open at the end', () => {
    const open = (text: string) => parse(text).openAtEnd;

    it('a fence of either character, at least as long', () => {
      assert.equal(open('~~~~\ncode\n~~~\n'), '~~~~');
      assert.equal(open('~~~\ncode\n~~~\n'), undefined);
      assert.equal(open('````\ncode\n```\n'), '````');
      assert.equal(open('```\ncode\n````\n'), undefined);
      assert.equal(open('```\ncode\n\n\n'), '```');
    });

    it('an HTML block by its kind; one that ends on its first line is closed', () => {
      assert.equal(open('<!-- a\n\n'), '-->');
      assert.equal(open('<!-->\n'), undefined);
      assert.equal(open('<?>\n'), undefined);
      assert.equal(open('<?php\nx\n'), '?>');
      assert.equal(open('<SCRIPT>\nx\n'), '</script>');
      assert.equal(open('<pre>\nx</PRE>\n'), undefined);
      assert.equal(open('<![CDATA[\nx\n'), ']]>');
      assert.equal(open('<!DOCTYPE\nx\n'), '>');
      assert.equal(open('<div>\nx\n'), undefined, 'a block only a blank line ends');
      assert.equal(open('Text.\n'), undefined);
      assert.equal(open(''), undefined);
    });

    it('nothing when the note was cut for size before its end', () => {
      const text = `x\n\n\`\`\`\nab\n${'y'.repeat(50)}\n`;
      assert.equal(parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust', maxChars: 30 }).openAtEnd, undefined);
      assert.equal(open(text), '```');
    });
  });
});
