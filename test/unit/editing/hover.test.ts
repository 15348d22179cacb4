import * as assert from 'node:assert/strict';
import { findingHover, markerHover } from '../../../src/core/editing/hover';
import { lintNote } from '../../../src/core/engine/lint';
import { ruleDocUrl } from '../../../src/core/rules/docs';
import { parseWith } from '../../../src/core/workspace/batch';
import { summarize } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

const setup = setupWith();
const parse = (path: string, text: string) => parseWith(setup, { path, text });
/** Hover text as read on screen: Markdown escapes removed. */
const plain = (markdown: string | undefined) => (markdown ?? '').replace(/\\(.)/g, '$1');

const NOTE = `---
client: Alex Morgan
date: 2026-04-06
---

## 3.1 Genuine concern

Asked about the move.

She will try both [#3.1 #3.4] this week.

She was lazy about the homework.
`;

const OTHERS = [
  summarize(parse('/w/a1.coach.md', '---\nclient: Alex Morgan\ndate: 2026-02-03\n---\n\n## 3.4 Respect for the client\n\nLet the pauses run.\n'), setup),
  summarize(parse('/w/a2.coach.md', '---\nclient: Alex Morgan\ndate: 2026-03-03\n---\n\nKept to her pace [#3.4].\n'), setup),
  summarize(parse('/w/p1.coach.md', '---\nclient: Priya Shah\ndate: 2026-03-03\n---\n\nNoted [#3.4].\n'), setup),
];

describe('editing: hover', () => {
  const note = parse('/w/now.coach.md', NOTE);
  const offsetOf = (s: string, plus = 0) => NOTE.indexOf(s) + plus;

  it('over a marker heading: the marker\'s full text, its framework and how often it is evidenced for this client', () => {
    const hover = markerHover(note, offsetOf('## 3.1', 4), OTHERS);
    const text = plain(hover?.markdown);
    assert.match(text, /^\*\*3.1 Genuine concern\*\*/);
    assert.match(text, /Shows genuine concern for the client's welfare and future./);
    assert.match(text, /Framework: ICF 3: Establishing Trust and Intimacy with the Client \(`icf-trust`\)/);
    assert.match(text, /Evidenced for Alex Morgan in 1 of 3 notes, this one included\./);
    assert.equal(hover?.place.start.line, 6);
  });

  it('over an evidence tag: the id under the cursor, counted across the client\'s notes only', () => {
    const on34 = plain(markerHover(note, offsetOf('#3.4', 2), OTHERS)?.markdown);
    assert.match(on34, /^\*\*3.4 Respect for the client\*\*/);
    // Alex's two other notes both evidence 3.4 (a section, a tag); Priya's does not count.
    assert.match(on34, /in 3 of 3 notes, this one included; in an earlier note last on 2026-03-03\./);
    assert.match(plain(markerHover(note, offsetOf('[#3.1', 1), OTHERS)?.markdown), /^\*\*3.1 /);
  });

  it('a marker this note does not evidence says so', () => {
    const other = parse('/w/x.coach.md', '---\nclient: Alex Morgan\ndate: 2026-04-06\n---\n\n## 3.4 Respect for the client\n\n');
    assert.match(plain(markerHover(other, other.text.indexOf('3.4'), OTHERS)?.markdown), /in 2 of 3 notes, not yet in this one/);
  });

  it('nothing over prose, the frontmatter or a heading that names no marker', () => {
    assert.equal(markerHover(note, offsetOf('Asked about'), OTHERS), undefined);
    assert.equal(markerHover(note, offsetOf('Alex Morgan'), OTHERS), undefined);
    const plainHeading = parse('/w/y.coach.md', '---\nclient: A\ndate: 2026-04-06\n---\n\n## What we did\n\nTalked.\n');
    assert.equal(markerHover(plainHeading, plainHeading.text.indexOf('What'), []), undefined);
  });

  it('over a finding: the rule\'s explanation and its documentation link', () => {
    const findings = lintNote(note, setup);
    const hover = findingHover(findings, offsetOf('lazy', 1));
    assert.ok(hover, 'a finding is under the cursor');
    assert.match(plain(hover.markdown), /\*\*coach:judgmental-language\*\*: /);
    assert.ok(hover.markdown.includes(`](${ruleDocUrl('judgmental-language')})`), hover.markdown);
    assert.equal(findingHover(findings, offsetOf('Asked about')), undefined);
  });
});
