import assert from 'node:assert/strict';
import { lintText } from '../../src/core/engine/lint';
import { hasPermissionCheck } from '../../src/core/note/parse';
import { decodeNote } from '../../src/core/workspace/files';
import { summarize } from '../../src/core/workspace/summary';
import { setupWith } from './support/setup';

const setup = setupWith();
const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
const parse = (body: string, head = HEAD) => lintText(head + body, 'n.coach.md', setup).note;

describe('note model', () => {
  it('matches marker sections by id, title or alias, ignoring case', () => {
    const note = parse('## 3.1 Genuine concern\n\nAsked about her week.\n\n### integrity and honesty\n\nSaid I had forgotten the notes.\n\n#### KEEPING PROMISES\n\n<!-- nothing yet -->\n\n## 3.10 Not a marker\n');
    assert.deepEqual(note.sections.map((s) => [s.marker?.id, s.idLike, s.evidenced]), [
      ['3.1', '3.1', true],
      ['3.2', undefined, true],
      ['3.3', undefined, false],
      [undefined, '3.10', false],
    ]);
  });

  it('ends a section at the next heading of the same or higher level', () => {
    const note = parse('## 3.1 Genuine concern\n\n### Detail\n\n## 3.2 Integrity\n\nText.\n');
    const [first] = note.sections;
    assert.equal(first?.evidenced, false, 'a sub-heading alone is not evidence');
    assert.equal(note.text.slice(first?.end ?? 0).startsWith('## 3.2'), true);
  });

  it('reads inline tags as evidence, but not inside code', () => {
    const note = parse('She tried the new routine [#3.5] and chose her pace [#3.1, #3.4].\n\n`[#3.2]` is code.\n');
    assert.deepEqual(note.tags.map((t) => t.id), ['3.5', '3.1', '3.4']);
  });

  it('reads agreements: open, kept, due dates, case-insensitive matching key', () => {
    const note = parse('## Agreements\n\n- [ ] Draft the e-mail to Sam, due 2026-03-09\n- [x] Book the next session\n- Not a task\n');
    assert.deepEqual(note.agreements.map((a) => [a.kept, a.due, a.key]), [
      [false, '2026-03-09', 'draft the e mail to sam'],
      [true, undefined, 'book the next session'],
    ]);
  });

  it('recognises permission checks: plain, bold, list item, or an evidenced 3.6 section', () => {
    assert.ok(hasPermissionCheck(parse('Permission: asked before talking about her father.\n')));
    assert.ok(hasPermissionCheck(parse('**Permission:** asked before talking about her father.\n')));
    assert.ok(hasPermissionCheck(parse('- Permission: she said yes.\n')));
    assert.ok(hasPermissionCheck(parse('## 3.6 Permission\n\nAsked whether we could look at the loss.\n')));
    assert.ok(!hasPermissionCheck(parse('## 3.6 Permission\n\n<!-- empty -->\n')));
    assert.ok(!hasPermissionCheck(parse('> Permission: her words, quoted.\n')));
  });

  it('reads disable comments with or without the coach: prefix', () => {
    const note = parse('<!-- coach-disable coach:judgmental-language, permission-check -->\n\n<!-- coach-enable -->\n');
    assert.deepEqual(note.directives.map((d) => [d.kind, d.rules]), [
      ['disable', ['judgmental-language', 'permission-check']],
      ['enable', []],
    ]);
  });
});

describe('note model edge cases', () => {
  it('treats words after `--` in a disable comment as the reason, not rule ids', () => {
    const note = parse('<!-- coach-disable -- supervision notes follow -->\n\n<!-- coach-disable-next-line unknown-marker -- a draft -->\n');
    assert.deepEqual(note.directives.map((d) => d.rules), [[], ['unknown-marker']]);
  });

  it('does not count a lone <br> as evidence', () => {
    assert.equal(parse('## 3.1 Genuine concern\n\n<br>\n').sections[0]?.evidenced, false);
  });

  it('does not read a heading that starts with an unrelated number as a marker', () => {
    const note = parse('## 1.5 hours of silence\n\nText.\n\n## 3.7 Direct communication\n\nText.\n');
    assert.deepEqual(note.sections.map((s) => s.idLike), ['3.7']);
  });

  it('quotes a numeric client code as written', () => {
    const { findings } = lintText('---\nclient: 0412\ndate: 2026-03-02\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
    assert.match(findings[0]?.reason ?? '', /client: "0412"/);
  });

  it('counts a Permission: line as evidence for the permission marker', () => {
    const note = parse('Permission: asked before we talked about her health; she said yes.\n');
    assert.deepEqual(summarize(note, setup).evidenced, ['3.6']);
  });
});

describe('bad input never crashes', () => {
  const cases: Record<string, string> = {
    'an empty file': '',
    'no frontmatter': '# Just a heading\n\nSome text.\n',
    'only ---': '---',
    'a BOM and CRLF': '\ufeff---\r\nclient: Maria\r\ndate: 2026-03-02\r\n---\r\n\r\n## 3.1 Genuine concern\r\n\r\nText.\r\n',
    'mixed line endings': '---\nclient: Maria\r\ndate: 2026-03-02\r---\n\nText.\r\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const { findings } = lintText(text, 'n.coach.md', setup);
      for (const f of findings) assert.ok(f.place.end.offset <= text.length);
    });
  }

  it('binary bytes are decoded with a warning and still checked', () => {
    const file = decodeNote('x.coach.md', Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff, 0xfe, 0x0a]));
    assert.match(file.warning ?? '', /binary/);
    const { findings } = lintText(file.text, file.path, setup, { only: ['frontmatter'] });
    assert.ok(findings.length > 0);
  });

  it('a 5 MB note is checked completely', () => {
    const paragraph = 'We looked at what support would help her try the new approach at work. '.repeat(10) + '\n\n';
    const text = HEAD + '## 3.1 Genuine concern\n\n' + paragraph.repeat(Math.ceil(5_000_000 / paragraph.length));
    assert.ok(text.length > 5_000_000);
    const { note, findings } = lintText(text, 'big.coach.md', setup);
    assert.equal(note.sections[0]?.evidenced, true);
    assert.ok(findings.every((f) => f.place.end.offset <= text.length));
  });
});
