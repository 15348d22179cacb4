// coach:permission-check and coach:referral-check, exactly: where the finding sits, what it names,
// and the exact text the fix inserts (a fix that deleted the mention would also clear the finding).
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Finding, TextEdit } from '../../../src/core/model/types';
import { listText } from '../../../src/core/rules/permission-check';
import { REFERRAL_PLACEHOLDER } from '../../../src/core/rules/referral-check';
import { sharedSetup } from './support';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
const GRIEF = 'Her father died in January.\n';
const ASK = "**Permission:** Asked whether we could explore grief; <client's answer>.";
const SUICIDAL = 'She said she has been having suicidal thoughts since the spring.\n';
const REFERRAL = `**Referral:** ${REFERRAL_PLACEHOLDER}.`;

function apply(text: string, edits: readonly TextEdit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}
const at = (f: Finding | undefined) => (f ? `${f.place.start.line}:${f.place.start.column}-${f.place.end.line}:${f.place.end.column}` : 'none');

describe('sensitive-area rules, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const lint = (text: string, ruleId: string) => lintText(text, 'note.coach.md', setup, { only: [ruleId] }).findings;
  const fixed = (text: string, ruleId: string) => {
    const [f, ...rest] = lint(text, ruleId);
    assert.deepEqual(rest, [], 'one finding for the whole note');
    assert.equal(f?.fixes.length, 1);
    return apply(text, f?.fixes[0]?.edits ?? []);
  };

  describe('permission-check', () => {
    it('one finding at the first mention, naming every topic once, in order, with the marker that counts', () => {
      const text = `${HEAD}${GRIEF}\nShe has been sick twice since, and grief comes in waves at work.\n`;
      const [f, ...rest] = lint(text, 'permission-check');
      assert.deepEqual(rest, []);
      assert.equal(at(f), '6:12-6:16');
      assert.equal(
        f?.reason,
        "This note touches on grief and health, but records no permission check. ICF 3.6 asks the coach to ask permission before coaching in sensitive, new areas. Note the question you asked and the client's answer, e.g. “Permission: …”. A line of evidence under 3.6 Permission in sensitive areas, or a [#3.6] tag, counts too.",
      );
      assert.deepEqual(f?.data, { topics: 'grief,health', mention: 'died', mentions: 3 });
      assert.equal(f?.fixes[0]?.title, "Record the permission check (then fill in the client's answer)");
      assert.equal(fixed(text, 'permission-check'), `${HEAD}**Permission:** Asked whether we could explore grief and health; <client's answer>.\n\n${GRIEF}\nShe has been sick twice since, and grief comes in waves at work.\n`);
    });

    it('names the permission marker of the note’s framework', () => {
      const text = `---\nclient: Maria\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\n${GRIEF}`;
      assert.match(lint(text, 'permission-check')[0]?.reason ?? '', / A line of evidence under 4\.4 Invites the client's response, or a \[#4\.4\] tag, counts too\.$/);
    });

    it('the record line goes before the paragraph, list or quote that holds the mention, as its own paragraph', () => {
      assert.equal(fixed(`${HEAD}x\n${GRIEF}`, 'permission-check'), `${HEAD}${ASK}\n\nx\n${GRIEF}`);
      assert.equal(fixed(`${HEAD}- ${GRIEF}- more\n`, 'permission-check'), `${HEAD}${ASK}\n\n- ${GRIEF}- more\n`);
      assert.equal(fixed(`${HEAD}Intro.\n\n> ${GRIEF}`, 'permission-check'), `${HEAD}Intro.\n\n${ASK}\n\n> ${GRIEF}`);
    });

    it('below a heading: under a heading that holds the mention, or between a heading and its paragraph', () => {
      assert.equal(fixed(`${HEAD}## Grief at work\n\nText.\n`, 'permission-check'), `${HEAD}## Grief at work\n\n${ASK}\n\nText.\n`);
      assert.equal(fixed(`${HEAD}## 3.1 Genuine concern\n${GRIEF}`, 'permission-check'), `${HEAD}## 3.1 Genuine concern\n\n${ASK}\n\n${GRIEF}`);
    });

    it('one line break after it when a blank line or the end follows; CRLF kept', () => {
      assert.equal(fixed(`${HEAD}## Grief\n`, 'permission-check'), `${HEAD}## Grief\n\n${ASK}\n`);
      assert.equal(fixed(`${HEAD}## Grief\n\n`, 'permission-check'), `${HEAD}## Grief\n\n${ASK}\n\n`);
      const crlf = `${HEAD}x\n${GRIEF}`.replace(/\n/g, '\r\n');
      assert.equal(fixed(crlf, 'permission-check'), `${HEAD}${ASK}\n\nx\n${GRIEF}`.replace(/\n/g, '\r\n'));
    });

    it('nothing with a permission line, a [#3.6] tag or evidence under 3.6; self-harm alone is left to referral-check', () => {
      assert.deepEqual(lint(`${HEAD}**Permission:** asked; yes.\n\n${GRIEF}`, 'permission-check'), []);
      assert.deepEqual(lint(`${HEAD}Asked first [#3.6].\n\n${GRIEF}`, 'permission-check'), []);
      assert.deepEqual(lint(`${HEAD}${SUICIDAL}`, 'permission-check'), []);
      assert.deepEqual(lint(`${HEAD}Nothing sensitive.\n`, 'permission-check'), []);
      // With a referral topic and another, only the other is named.
      const [f] = lint(`${HEAD}${SUICIDAL}\n${GRIEF}`, 'permission-check');
      assert.deepEqual(f?.data, { topics: 'grief', mention: 'died', mentions: 1 });
    });

    it('listText joins names the way a sentence does', () => {
      assert.equal(listText([]), '');
      assert.equal(listText(['a']), 'a');
      assert.equal(listText(['a', 'b']), 'a and b');
      assert.equal(listText(['a', 'b', 'c']), 'a, b and c');
    });
  });

  describe('referral-check', () => {
    it('at the first mention, quoting it, and the fix inserts the referral line before its paragraph', () => {
      const text = `${HEAD}${SUICIDAL}`;
      const [f, ...rest] = lint(text, 'referral-check');
      assert.deepEqual(rest, []);
      assert.equal(at(f), '6:30-6:47');
      assert.equal(
        f?.reason,
        "This note mentions self-harm or suicidal thoughts (‘suicidal thoughts’). ICF's guidance is to refer the client to a mental-health professional or a crisis service when this comes up; a permission check alone is not enough. Say plainly in the note whether a referral or a crisis resource was discussed, and what the client agreed to, e.g. “Referral: …”.",
      );
      assert.deepEqual(f?.data, { topics: 'self-harm', mention: 'suicidal thoughts', mentions: 1 });
      assert.equal(f?.fixes[0]?.title, 'Record whether a referral was discussed (then complete the line)');
      assert.equal(fixed(text, 'referral-check'), `${HEAD}${REFERRAL}\n\n${SUICIDAL}`);
    });

    it('a Referral: paragraph or list item is a record; a quoted one, or one that is not at the start, is not', () => {
      assert.deepEqual(lint(`${HEAD}**Referral:** GP.\n\n${SUICIDAL}`, 'referral-check'), []);
      assert.deepEqual(lint(`${HEAD}- referral : GP\n\n${SUICIDAL}`, 'referral-check'), []);
      assert.equal(lint(`${HEAD}> Referral: none, she said.\n\n${SUICIDAL}`, 'referral-check').length, 1);
      assert.equal(lint(`${HEAD}No referral: yet.\n\n${SUICIDAL}`, 'referral-check').length, 1);
    });

    it('other sensitive topics are left to permission-check', () => {
      assert.deepEqual(lint(`${HEAD}${GRIEF}`, 'referral-check'), []);
    });
  });
});
