// The rules' exact output: where each finding sits, what it says, and the exact text each fix
// produces (a fix that deleted the sentence would make any "the finding went away" test pass).
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Finding, TextEdit } from '../../../src/core/model/types';
import { lintBatch } from '../../../src/core/workspace/batch';
import { decodeNote } from '../../../src/core/workspace/files';
import { sharedSetup } from './support';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

/** `line:column-line:column` of a finding. */
const at = (f: Finding | undefined) => (f ? `${f.place.start.line}:${f.place.start.column}-${f.place.end.line}:${f.place.end.column}` : 'none');

describe('rules, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const lint = (text: string, ruleId: string) => lintText(text, 'note.coach.md', setup, { only: [ruleId] }).findings;
  const fixed = (text: string, ruleId: string, finding = 0, fix = 0) => {
    const f = lint(text, ruleId)[finding]?.fixes[fix];
    assert.ok(f, `${ruleId} offers fix ${fix} on finding ${finding}`);
    return apply(text, f.edits);
  };

  describe('unclosed-block', () => {
    it('a comment: where, what it says, and both fixes', () => {
      const text = `${HEAD}<!-- ask about the offsite\n\n## 3.1 Genuine concern\n\nShe was lazy.\n`;
      const [f, ...rest] = lint(text, 'unclosed-block');
      assert.deepEqual(rest, []);
      assert.equal(f?.reason, 'The comment that opens on line 6 is never closed with `-->`, so the 2 lines of text after it are hidden from every check and from a Markdown preview. Close it where it should end.');
      assert.equal(at(f), '6:1-6:27');
      assert.deepEqual(f?.data, { close: '-->', hiddenLines: 2 });
      assert.deepEqual(f?.fixes.map((x) => x.title), ['Close the comment at the end of its first line', 'Close the comment at the end of the note']);
      assert.equal(fixed(text, 'unclosed-block', 0, 0), `${HEAD}<!-- ask about the offsite -->\n\n## 3.1 Genuine concern\n\nShe was lazy.\n`);
      assert.equal(fixed(text, 'unclosed-block', 0, 1), `${text}-->\n`);
    });

    it('one hidden line is named in the singular; none, not at all', () => {
      assert.match(lint(`${HEAD}<!-- a\n\nb\n`, 'unclosed-block')[0]?.reason ?? '', /, so the line of text after it is hidden from every check/);
      assert.match(lint(`${HEAD}<!-- a\n \t \nb\n`, 'unclosed-block')[0]?.reason ?? '', /, so the line of text after it is hidden/, 'a line of spaces is no text');
      assert.equal(lint(`${HEAD}<!-- a\n\n\n`, 'unclosed-block')[0]?.reason, 'The comment that opens on line 6 is never closed with `-->`. Close it where it should end.');
    });

    it('a code fence: one fix, at the end, adding a line break when the note has none', () => {
      const text = `${HEAD}## 3.1 Genuine concern\n\n~~~~\nher words\n\nmore`;
      const [f] = lint(text, 'unclosed-block');
      assert.equal(f?.reason, 'The code block that opens on line 8 is never closed with `~~~~`, so the 2 lines of text after it are hidden from every check and from a Markdown preview. Close it where it should end.');
      assert.equal(at(f), '8:1-8:5');
      assert.deepEqual(f?.fixes.map((x) => x.title), ['Close the code block at the end of the note']);
      assert.equal(fixed(text, 'unclosed-block'), `${text}\n~~~~\n`);
    });

    it('an HTML block, with CRLF kept', () => {
      const text = `${HEAD}<script>\nx\n`.replace(/\n/g, '\r\n');
      const [f] = lint(text, 'unclosed-block');
      assert.match(f?.reason ?? '', /^The HTML block that opens on line 6 is never closed with `<\/script>`, so the line of text after it is hidden/);
      assert.equal(fixed(text, 'unclosed-block'), `${text}</script>\r\n`);
    });

    it('says nothing about closed blocks or a note that ends elsewhere', () => {
      assert.deepEqual(lint(`${HEAD}<!-- a -->\n\n\`\`\`\ncode\n\`\`\`\n`, 'unclosed-block'), []);
      assert.deepEqual(lint('', 'unclosed-block'), []);
    });
  });

  describe('empty-marker-section', () => {
    it('is placed on the heading of the empty section, not elsewhere', () => {
      const text = `${HEAD}## 3.1 Genuine concern\n\nAsked.\n\n### 3.4 Respect for the client\n\n<!-- later -->\n\n## 3.5 Championing\n\nCheered.\n`;
      const findings = lint(text, 'empty-marker-section');
      assert.equal(findings.length, 1);
      assert.equal(at(findings[0]), '10:1-10:31');
      assert.deepEqual(findings[0]?.data, { marker: '3.4' });
      assert.equal(findings[0]?.reason, 'The section for 3.4 “Respect for the client” has no evidence yet. One sentence on what you did or noticed makes it count; until then this note does not count toward 3.4 in coverage.');
    });

    it('an unknown id heading is left to unknown-marker', () => {
      assert.deepEqual(lint(`${HEAD}## 3.9 Deep listening\n`, 'empty-marker-section'), []);
    });
  });

  describe('unknown-marker', () => {
    it('names the id and the framework’s markers, at the heading and at the tag', () => {
      const findings = lint(`${HEAD}## 3.9 Deep listening\n\nText [#4.2] and [#3.1].\n`, 'unknown-marker');
      assert.deepEqual(findings.map((f) => [at(f), f.data?.id]), [['6:1-6:22', '3.9'], ['8:6-8:12', '4.2']]);
      assert.equal(findings[0]?.reason, '“3.9” is not a marker of ICF 3: Establishing Trust and Intimacy with the Client (icf-trust), whose markers are 3.1, 3.2, 3.3, 3.4, 3.5, 3.6. Check the number, or set `framework:` in the frontmatter if this note follows another model.');
      assert.equal(findings[1]?.reason, 'The tag [#4.2] names no marker of ICF 3: Establishing Trust and Intimacy with the Client (icf-trust), whose markers are 3.1, 3.2, 3.3, 3.4, 3.5, 3.6.');
    });

    it('says nothing when the framework is unknown', () => {
      assert.deepEqual(lint('---\nclient: Maria\ndate: 2026-03-02\nframework: nope\n---\n\n## 3.9 x\n\n[#4.2]\n', 'unknown-marker'), []);
    });
  });

  describe('frontmatter', () => {
    it('reports each problem at its place, with the field', () => {
      const findings = lint('---\nclient: Maria\ndate: 2026-02-30\nduration: -45\n---\n', 'frontmatter');
      assert.deepEqual(findings.map((f) => [at(f), f.data]), [['3:7-3:17', { field: 'date' }], ['4:11-4:14', { field: 'duration' }]]);
    });

    it('a problem without a field carries no data', () => {
      const [f] = lint('# Session\n', 'frontmatter');
      assert.equal(f?.data, undefined);
    });
  });

  describe('missing-marker-section', () => {
    const ALL = ['3.1 Genuine concern', '3.2 Integrity', '3.3 Clear agreements', '3.4 Respect', '3.5 Championing', '3.6 Permission'];
    const body = (ids: string[]) => ALL.filter((h) => ids.some((id) => h.startsWith(id))).map((h) => `## ${h}\n\nSeen.\n`).join('\n');

    it('one missing section: placed at the note anchor, its fix inserts exactly the skeleton in framework order', () => {
      const text = HEAD + body(['3.1', '3.2', '3.4', '3.5', '3.6']);
      const [f, ...rest] = lint(text, 'missing-marker-section');
      assert.deepEqual(rest, []);
      assert.equal(at(f), '4:1-4:4');
      assert.equal(f?.reason, 'No section for 3.3 “Clear agreements” yet. If it showed up in the session, a line of evidence makes it count; if it did not, an empty heading keeps it in view.');
      assert.deepEqual(f?.fixes.map((x) => x.title), ['Add a section for 3.3 Clear agreements']);
      assert.equal(f?.data?.framework, 'icf-trust');
      assert.equal(
        fixed(text, 'missing-marker-section'),
        HEAD + body(['3.1', '3.2']) + `\n## 3.3 Clear agreements\n\n<!-- ${String(f?.data?.skeleton).split('<!-- ')[1]?.split(' -->')[0]} -->\n\n` + body(['3.4', '3.5', '3.6']),
      );
    });

    it('uses the depth the note already uses, and goes before the first later marker when none comes before', () => {
      const text = `${HEAD}### 3.2 Integrity\n\nSeen.\n`;
      const findings = lint(text, 'missing-marker-section');
      const first = findings[0];
      assert.equal(first?.data?.marker, '3.1');
      assert.match(String(first?.data?.skeleton), /^### 3\.1 /);
      const out = fixed(text, 'missing-marker-section');
      assert.ok(out.startsWith(`${HEAD}### 3.1 Genuine concern\n\n<!-- `), out);
      assert.ok(out.endsWith('-->\n\n### 3.2 Integrity\n\nSeen.\n'), out);
    });

    it('goes before Agreements when no marker section exists, else at the end', () => {
      const text = `${HEAD}Intro.\n\n## Agreements\n\n- [ ] x\n`;
      const out = fixed(text, 'missing-marker-section');
      assert.ok(out.startsWith(`${HEAD}Intro.\n\n## 3.1 `), out);
      assert.ok(out.endsWith('-->\n\n## Agreements\n\n- [ ] x\n'), out);
      const bare = `${HEAD}Intro.`;
      assert.ok(fixed(bare, 'missing-marker-section').startsWith(`${bare}\n\n## 3.1 `));
    });

    it('"add all" merges insertions at one place into one edit, in framework order, one leading break', () => {
      const text = `${HEAD}Intro.`;
      const findings = lint(text, 'missing-marker-section');
      assert.equal(findings.length, 6);
      const all = findings[0]?.fixes[1];
      assert.equal(all?.title, 'Add all 6 missing marker sections');
      assert.equal(all?.edits.length, 1);
      const out = apply(text, all?.edits ?? []);
      assert.deepEqual([...out.matchAll(/^## (\S+)/gm)].map((m) => m[1]), ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
      assert.ok(out.startsWith(`${text}\n\n## 3.1 `));
      assert.ok(!out.includes('-->\n\n\n'), 'no doubled blank lines between the sections');
      assert.equal(lint(out, 'missing-marker-section').length, 0);
    });

    it('skips notes without a closed frontmatter or a known framework', () => {
      assert.deepEqual(lint('---\nclient: M\n', 'missing-marker-section'), []);
      assert.deepEqual(lint('---\nclient: M\ndate: 2026-03-02\nframework: nope\n---\n', 'missing-marker-section'), []);
    });
  });

  describe('marker-heading', () => {
    it('a bold line becomes a heading at the depth the note uses', () => {
      const text = `${HEAD}### 3.1 Genuine concern\n\nAsked.\n\n**3.5 Championing new behaviours**\n\nNamed it.\n`;
      const [f] = lint(text, 'marker-heading');
      assert.equal(at(f), '10:1-10:35');
      assert.deepEqual(f?.data, { marker: '3.5', form: 'bold-line' });
      assert.equal(f?.reason, 'This bold line looks like your section for 3.5 “Championing new behaviours”, but only a heading counts as a marker section. Make it a heading to count it.');
      assert.equal(fixed(text, 'marker-heading'), text.replace('**3.5 Championing new behaviours**', '### 3.5 Championing new behaviours'));
    });

    it('`##3.1` gets its space', () => {
      const text = `${HEAD}##3.1 Genuine concern\n\nAsked.\n`;
      const [f] = lint(text, 'marker-heading');
      assert.equal(f?.reason, 'This looks like a heading for 3.1 “Genuine concern”, but Markdown needs a space after the #, so it reads as plain text and does not count yet. Add the space to count it.');
      assert.equal(fixed(text, 'marker-heading'), text.replace('##3.1', '## 3.1'));
    });

    it('a loose heading gets the id', () => {
      const text = '---\nclient: Maria\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\n### Client voicing feelings and beliefs\n\nShe named it.\n';
      const [f] = lint(text, 'marker-heading');
      assert.match(f?.reason ?? '', /^This heading reads like 4\.3 “Welcomes what the client shares”, but not clearly enough to count for it\./);
      assert.equal(fixed(text, 'marker-heading'), text.replace('### Client', '### 4.3 Client'));
    });
  });

  describe('agreement-follow-up', () => {
    const PREVIOUS = '---\nclient: Maria\ndate: 2026-02-16\n---\n\n## Agreements\n\n- [ ] Draft the email, due 2026-02-23\n- [x] Book the room\n- [ ] Call Sam\n';
    const run = (text: string, previous = PREVIOUS) =>
      lintBatch([decodeNote('prev.coach.md', Buffer.from(previous)), decodeNote('note.coach.md', Buffer.from(text))], setup, { only: ['agreement-follow-up'] }).results.find((r) => r.path === 'note.coach.md')?.findings ?? [];
    const fix = (text: string, i = 0) => apply(text, run(text)[i]?.fixes[0]?.edits ?? []);

    it('reports each open agreement not revisited, at the Agreements heading', () => {
      const text = `${HEAD}## 3.1 Genuine concern\n\nAsked.\n\n## Agreements\n\n- [x] call sam!\n`;
      const findings = run(text);
      assert.equal(findings.length, 1);
      assert.equal(at(findings[0]), '10:1-10:14');
      assert.equal(findings[0]?.reason, 'Last session (2026-02-16) ended with an open agreement that this note does not revisit: “Draft the email, due 2026-02-23”. Checking in on it, kept or not, keeps the promise visible for both of you.');
      assert.deepEqual(findings[0]?.data, { agreement: 'Draft the email, due 2026-02-23', previous: 'prev.coach.md' });
      assert.equal(findings[0]?.fixes[0]?.title, 'Carry this agreement forward into Agreements');
      assert.equal(fix(text), `${text}- [ ] Draft the email, due 2026-02-23\n`);
    });

    it('without an Agreements section: at the note anchor, and the fix adds the section', () => {
      const text = `${HEAD}Text.\n`;
      const findings = run(text);
      assert.deepEqual(findings.map(at), ['4:1-4:4', '4:1-4:4']);
      assert.equal(findings[0]?.fixes[0]?.title, 'Add an Agreements section with this agreement');
      assert.equal(fix(text, 1), `${text}\n## Agreements\n\n- [ ] Call Sam\n`);
    });

    it('carries forward below the heading, after a paragraph, and before following text', () => {
      assert.equal(fix(`${HEAD}## Agreements\n`), `${HEAD}## Agreements\n\n- [ ] Draft the email, due 2026-02-23\n`);
      assert.equal(fix(`${HEAD}## Agreements\n\nWe agreed:\n\n## Next\n`), `${HEAD}## Agreements\n\nWe agreed:\n\n- [ ] Draft the email, due 2026-02-23\n\n## Next\n`);
      assert.equal(fix(`${HEAD}## Agreements\n\n- [x] a\n## Next\n`), `${HEAD}## Agreements\n\n- [x] a\n- [ ] Draft the email, due 2026-02-23\n\n## Next\n`);
      assert.equal(fix(`${HEAD}## Agreements\n\n1. [x] a\n`), `${HEAD}## Agreements\n\n1. [x] a\n- [ ] Draft the email, due 2026-02-23\n`);
    });

    it('closes a code fence left open at the end before carrying forward', () => {
      const text = `${HEAD}## Agreements\n\n\`\`\`\ncode\n`;
      const out = fix(text);
      assert.ok(out.startsWith(text), out);
      assert.ok(out.endsWith('```\n\n- [ ] Draft the email, due 2026-02-23'), out);
      assert.deepEqual(run(out).map((f) => f.data?.agreement), ['Call Sam'], 'the carried item is read as an agreement, outside the code block');
    });

    it('keeps CRLF', () => {
      const text = `${HEAD}## Agreements\n\n- [x] a\n`.replace(/\n/g, '\r\n');
      assert.equal(fix(text), `${text}- [ ] Draft the email, due 2026-02-23\r\n`);
    });

    it('needs a client, a date and a previous note of the same client', () => {
      assert.deepEqual(run('---\nclient: Maria\n---\n\nText.\n'), []);
      assert.deepEqual(run('---\ndate: 2026-03-02\n---\n\nText.\n'), []);
      assert.deepEqual(run(`${HEAD}Text.\n`, PREVIOUS.replace('Maria', 'Dana')), []);
      assert.deepEqual(run(`${HEAD}Text.\n`, PREVIOUS.replace('2026-02-16', '2026-03-09')), [], 'a later note is not the previous one');
    });
  });

  describe('note-too-large', () => {
    it('a note cut at the limit says how much was checked, at the note anchor', () => {
      const big = { ...setup, config: { ...setup.config, maxNoteChars: 2048 } };
      const text = HEAD + 'A line of the session, in her words.\n'.repeat(100);
      const [f] = lintText(text, 'n.coach.md', big, { only: ['note-too-large'] }).findings;
      assert.equal(at(f), '4:1-4:4');
      assert.equal(f?.reason, 'This note is 4 KB, more than Coach Notes reads in one go, so only its first 2 KB were checked. Splitting it into session-sized notes gets every part checked (the limit is `max_note_size_kb` in .coach/config.yaml).');
    });

    it('one long line past the limit is named', () => {
      const big = { ...setup, config: { ...setup.config, maxNoteChars: 2048 } };
      const text = `${HEAD}Short.\n${'x'.repeat(3000)}\n`;
      const [f] = lintText(text, 'n.coach.md', big, { only: ['note-too-large'] }).findings;
      assert.equal(f?.reason, 'This note is 3 KB, more than Coach Notes reads in one go, and line 7 alone runs past the 2 KB limit, so only the 6 lines before it were checked. Breaking that line into paragraphs, or splitting the note into session-sized notes, gets it checked (the limit is `max_note_size_kb` in .coach/config.yaml).');
      const one = `${'x'.repeat(3000)}\n`;
      assert.match(lintText(one, 'n.coach.md', big, { only: ['note-too-large'] }).findings[0]?.reason ?? '', /line 1 alone runs past the 2 KB limit, so none of it could be checked\./);
      const headOnly = `${HEAD}${'x'.repeat(3000)}\n`;
      assert.match(lintText(headOnly, 'n.coach.md', big, { only: ['note-too-large'] }).findings[0]?.reason ?? '', /line 6 alone runs past the 2 KB limit, so only the frontmatter was checked\./);
      const oneLine = `Short.\n${'x'.repeat(3000)}\n`;
      assert.match(lintText(oneLine, 'n.coach.md', big, { only: ['note-too-large'] }).findings[0]?.reason ?? '', /line 2 alone runs past the 2 KB limit, so only the line before it was checked\./);
    });

    it('a frontmatter longer than the limit is named', () => {
      const big = { ...setup, config: { ...setup.config, maxNoteChars: 2048 } };
      const text = `---\nclient: Maria\ndate: 2026-03-02\nnotes: ${'y'.repeat(3000)}\n---\n\nBody.\n`;
      const [f] = lintText(text, 'n.coach.md', big, { only: ['note-too-large'] }).findings;
      assert.match(f?.reason ?? '', /^This note is 3 KB, more than Coach Notes reads in one go, and its frontmatter alone is longer than the 2 KB limit, so only the frontmatter was checked\./);
    });

    it('a note nested too deeply says so', () => {
      const text = `${HEAD}${'>'.repeat(150)} deep\n`;
      const [f] = lint(text, 'note-too-large');
      assert.equal(at(f), '4:1-4:4');
      assert.match(f?.reason ?? '', /^This note is too deeply nested to check: quotes, lists or emphasis sit inside one another more than 100 levels deep/);
    });

    it('an ordinary note gets nothing', () => {
      assert.deepEqual(lint(`${HEAD}Fine.\n`, 'note-too-large'), []);
    });
  });
});
