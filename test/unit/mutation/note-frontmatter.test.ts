// The frontmatter's fields (src/core/note/frontmatter.ts), exactly: what each field becomes in the
// note's metadata, and each problem's field, place and wording. Defaults: framework icf-trust, an
// individual session, paid, in the ICF log.
import assert from 'node:assert/strict';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Place } from '../../../src/core/model/types';
import { locateFrontmatter } from '../../../src/core/note/frontmatter';
import { parseNote } from '../../../src/core/note/parse';
import { sharedSetup } from './support';

const at = (p: Place | undefined) => (p ? `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}` : 'none');
const DEFAULTS = { framework: 'icf-trust', type: 'individual', paid: true, icfLog: true };

/** [the YAML between the --- lines, the metadata besides the defaults, `field place reason` per problem] */
const CASES: [string, Record<string, unknown>, string[]][] = [
    ["client: Maria\ndate: 2026-03-02", {"client":"Maria","date":"2026-03-02"}, []],
    ["date: 2026-03-02", {"date":"2026-03-02"}, ["client 1:1-1:4 The frontmatter needs a `client` field (a name or a code) so this note can be linked to the client's other sessions."]],
    ["client: \"  \"\ndate: 2026-03-02", {"date":"2026-03-02"}, ["client 2:9-2:13 `client` should be a name or a code, written as plain text."]],
    ["client: \"  Maria  \"\ndate: 2026-03-02", {"client":"Maria","date":"2026-03-02"}, []],
    ["client: 0412\ndate: 2026-03-02", {"date":"2026-03-02"}, ["client 2:9-2:13 `client` reads as the number 412. Put a client code in quotes, such as `client: \"0412\"`, so it stays exactly as written."]],
    ["client: [a]\ndate: 2026-03-02", {"date":"2026-03-02"}, ["client 2:9-2:12 `client` should be a name or a code, written as plain text."]],
    ["client: \"a\\u0007b\"\ndate: 2026-03-02", {"date":"2026-03-02"}, ["client 2:9-2:19 `client` contains an invisible control character (U+0007), which no name needs; it usually comes from text pasted out of another program. Retype the name or code as plain text, such as `client: Maria Lopez`."]],
    ["client: Maria", {"client":"Maria"}, ["date 1:1-1:4 The frontmatter needs the session `date`, written YYYY-MM-DD, so the note falls into the right quarter."]],
    ["client: Maria\ndate: 2026-02-30", {"client":"Maria"}, ["date 3:7-3:17 `date` 2026-02-30 is not a day on the calendar. Check the month and day."]],
    ["client: Maria\ndate: x2026-03-02", {"client":"Maria"}, ["date 3:7-3:18 `date` should be the session date written YYYY-MM-DD, for example `2026-03-02`."]],
    ["client: Maria\ndate: 2026-03-02x", {"client":"Maria"}, ["date 3:7-3:18 `date` should be the session date written YYYY-MM-DD, for example `2026-03-02`."]],
    ["client: Maria\ndate: 20260302", {"client":"Maria"}, ["date 3:7-3:15 `date` should be the session date written YYYY-MM-DD, for example `2026-03-02`."]],
    ["client: Maria\ndate: 2026-03-02\nsession: 3\nduration: 45\nframework: \" icf-pcc-2020 \"\ntype: group\ngroup_size: 2\npaid: false\nicf_log: false", {"framework":"icf-pcc-2020","type":"group","paid":false,"icfLog":false,"client":"Maria","date":"2026-03-02","session":3,"duration":45,"groupSize":2}, []],
    ["client: Maria\ndate: 2026-03-02\nsession: 0", {"client":"Maria","date":"2026-03-02"}, ["session 4:10-4:11 `session` should be the session number: a whole number from 1 up."]],
    ["client: Maria\ndate: 2026-03-02\nframework: \"\"", {"client":"Maria","date":"2026-03-02"}, ["framework 4:12-4:14 `framework` should be the id of a marker framework, such as `icf-trust`."]],
    ["client: Maria\ndate: 2026-03-02\nframework: 5", {"client":"Maria","date":"2026-03-02"}, ["framework 4:12-4:13 `framework` should be the id of a marker framework, such as `icf-trust`."]],
    ["client: Maria\ndate: 2026-03-02\nframework: nope", {"framework":"nope","client":"Maria","date":"2026-03-02"}, ["framework 4:12-4:16 The framework `nope` is not known here. Known frameworks: `icf-pcc-2020`, `icf-trust`. A workspace can add its own in .coach/frameworks/."]],
    ["client: Maria\ndate: 2026-03-02\ntype: solo", {"client":"Maria","date":"2026-03-02"}, ["type 4:7-4:11 `type` should be `individual` or `group`."]],
    ["client: Maria\ndate: 2026-03-02\ntype: individual", {"client":"Maria","date":"2026-03-02"}, []],
    ["client: Maria\ndate: 2026-03-02\ngroup_size: 1", {"client":"Maria","date":"2026-03-02"}, ["group_size 4:13-4:14 `group_size` should be the number of participants: a whole number of 2 or more.", "group_size 4:13-4:14 `group_size` is set, but `type` is not `group`. Add `type: group`, or remove `group_size`."]],
    ["client: Maria\ndate: 2026-03-02\ntype: group\ngroup_size: 3", {"type":"group","client":"Maria","date":"2026-03-02","groupSize":3}, []],
    ["client: Maria\ndate: 2026-03-02\npaid: yes\nicf_log: 1", {"client":"Maria","date":"2026-03-02"}, ["paid 4:7-4:10 `paid` should be `true` or `false`.", "icf_log 5:10-5:11 `icf_log` should be `true` or `false`."]],
    ["client: ~\ndate: null", {}, ["client 1:1-1:4 The frontmatter needs a `client` field (a name or a code) so this note can be linked to the client's other sessions.", "date 1:1-1:4 The frontmatter needs the session `date`, written YYYY-MM-DD, so the note falls into the right quarter."]],
    ["[1, 2]", {}, ["- 1:1-4:1 The frontmatter should be a list of `key: value` fields, such as `client: Maria` and `date: 2026-03-02`."]],
    ["\"just text\"", {}, ["- 1:1-4:1 The frontmatter should be a list of `key: value` fields, such as `client: Maria` and `date: 2026-03-02`."]],
    ["client: Maria\rdate: 2026-03-02\rsession: 2", {"client":"Maria","date":"2026-03-02","session":2}, []],
    ["client: Maria\ndate: 2026-03-02\nclient: x", {}, ["- 4:1-4:2 The frontmatter YAML has a problem: Map keys must be unique."]],
];

describe('frontmatter fields, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });

  for (const [yaml, meta, problems] of CASES) {
    it(JSON.stringify(yaml), () => {
      const note = parseNote(`---\n${yaml}\n---\n\nBody.\n`, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });
      assert.deepEqual(note.frontmatter.problems.map((p) => `${p.field ?? '-'} ${at(p.place)} ${p.reason}`), problems);
      assert.deepEqual(note.meta, { ...DEFAULTS, ...meta });
      assert.equal(note.frontmatter.valid, problems.length === 0);
    });
  }

  it('locates the block: none without an opening line; closed by --- or ... at a line start', () => {
    assert.deepEqual(locateFrontmatter('client: x\n'), { present: false, closed: false, yamlStart: 0, yamlEnd: 0, end: 0 });
    assert.deepEqual(locateFrontmatter('---\na: 1\n...\nbody'), { present: true, closed: true, yamlStart: 4, yamlEnd: 9, end: 13 });
    assert.deepEqual(locateFrontmatter('---\n---'), { present: true, closed: true, yamlStart: 4, yamlEnd: 4, end: 7 });
    assert.deepEqual(locateFrontmatter('---\na: ---\n'), { present: true, closed: false, yamlStart: 4, yamlEnd: 11, end: 11 });
  });
});
