import assert from 'node:assert/strict';
import Ajv from 'ajv';
import { lintText } from '../../src/core/engine/lint';
import headingWords from '../../src/core/frameworks/heading-words.json';
import { titleWords } from '../../src/core/frameworks/heading-words';
import { idsInHeading } from '../../src/core/frameworks/markers';
import { summarize } from '../../src/core/workspace/summary';
import schema from '../../schemas/heading-words.schema.json';
import { setupWith } from './support/setup';

const setup = setupWith();
const head = (framework = 'icf-trust') => `---\nclient: Maria\ndate: 2026-03-02\nframework: ${framework}\n---\n\n`;
const EVIDENCE = '\n\nAsked how the first week back had gone.\n';
const lint = (body: string, framework?: string) => lintText(head(framework) + body, 'n.coach.md', setup);
/** What a line, written as a section with evidence, counts for: the credited marker, else `~id` for a near miss. */
function readAs(line: string, framework?: string): string | undefined {
  const { note } = lint(line + EVIDENCE, framework);
  const credited = note.sections.find((s) => s.marker)?.marker?.id;
  return credited ?? (note.nearMisses[0] ? `~${note.nearMisses[0].marker.id}` : undefined);
}

describe('marker headings as coaches title them', () => {
  describe('count for their marker', () => {
    const cases: [string, string, string?][] = [
      ['## 3.1 Genuine concern', '3.1'],
      ['## Genuine concern', '3.1'],
      ['## Genuine concern (3.1)', '3.1'],
      ['## Clear agreements – 3.3', '3.3'],
      ['## Integrity and honesty (ICF 3.2)', '3.2'],
      ['## [3.2] Integrity and honesty', '3.2'],
      ['## (3.5) Championing', '3.5'],
      ['## Marker 3.1: Genuine concern', '3.1'],
      ['### ICF 3.4 – Respect', '3.4'],
      ['## Competency 3.3 Clear agreements', '3.3'],
      ['## Marker #3.5 Championing new behaviours', '3.5'],
      ['## PCC 6.3', '6.3', 'icf-pcc-2020'],
      ['## Marker 5.4 (curiosity)', '5.4', 'icf-pcc-2020'],
      ['## 3.3', '3.3'],
      ['## 3.1:', '3.1'],
      ['## 3.6.', '3.6'],
      ['## 6.7 –', '6.7', 'icf-pcc-2020'],
      ['### 3.4 — what I noticed', '3.4'],
      ['# 3.2 Integrity and honesty', '3.2'],
      ['# Genuine concern', '3.1'],
      ['###### 3.1 Genuine concern', '3.1'],
      ['#### Resources and obstacles', '8.6', 'icf-pcc-2020'],
      ['## 3,3 Clear agreements', '3.3'],
      ['## (7,2) New views of self', '7.2', 'icf-pcc-2020'],
      ['## Establishing trust: Genuine concern', '3.1'],
      ['## Cultivates Trust and Safety – Support and empathy', '4.2', 'icf-pcc-2020'],
      ['## Agreements: Measures of success', '3.2', 'icf-pcc-2020'],
      ['## Genuine concern for the client', '3.1'],
      ['## Notes on clear agreements', '3.3'],
      ['## Respecting the client\'s learning style', '3.4'],
      ['## Championing new behaviors', '3.5'],
      ['## CLEAR AGREEMENTS', '3.3'],
      ['## Integrity & honesty', '3.2'],
      ['## Reflects & summarizes', '6.7', 'icf-pcc-2020'],
      ['## Design next steps', '8.5', 'icf-pcc-2020'],
      ['## Explores the clients words', '6.2', 'icf-pcc-2020'],
      ['## Permission', '3.6'],
      ['### Permission', '4.4', 'icf-pcc-2020'],
      ['## Concern', '3.1'],
      ['## Sincerity', '3.2'],
      ['## Emotions', '6.3', 'icf-pcc-2020'],
      ['## Keeps promises', '3.3'],
      ['## What she learned about her situation', '8.3', 'icf-pcc-2020'],
      ['## Progress toward the session goal', '8.1', 'icf-pcc-2020'],
      ['Genuine concern\n---', '3.1'],
      ['Acknowledges the client (4.1)\n---', '4.1', 'icf-pcc-2020'],
      ['## *3.1* Genuine concern', '3.1'],
      ['## **3.3** Clear agreements', '3.3'],
      ['## `5.3` Client chooses the direction', '5.3', 'icf-pcc-2020'],
      ['## Permission in sensitive areas.', '3.6'],
    ];
    for (const [line, id, framework] of cases) {
      it(`${JSON.stringify(line)} → ${id}${framework ? ` (${framework})` : ''}`, () => assert.equal(readAs(line, framework), id));
    }
  });

  describe('near misses: offered as a heading that counts', () => {
    const cases: [string, string, string, string?][] = [
      ['**3.5 Championing new behaviours**', '~3.5', '## 3.5 Championing new behaviours'],
      ['__Genuine concern__', '~3.1', '## Genuine concern'],
      ['**Permission in sensitive areas:**', '~3.6', '## Permission in sensitive areas'],
      ['**Accountability (8.7)**', '~8.7', '## Accountability (8.7)', 'icf-pcc-2020'],
      ['##3.1 Genuine concern', '~3.1', '## 3.1 Genuine concern'],
      ['###Respect for the client (3.4)', '~3.4', '### Respect for the client (3.4)'],
      ['## Client voicing feelings and beliefs', '~4.3', '## 4.3 Client voicing feelings and beliefs', 'icf-pcc-2020'],
      ['## Supporting risk-taking and fear of failure', '~3.5', '## 3.5 Supporting risk-taking and fear of failure'],
      ['Nonverbal cues and energy shifts\n---', '~6.4', '## 6.4 Nonverbal cues and energy shifts', 'icf-pcc-2020'],
    ];
    for (const [line, expected, replacement, framework] of cases) {
      it(`${JSON.stringify(line)} → ${expected}, fixed as ${JSON.stringify(replacement)}`, () => {
        const text = head(framework) + line + EVIDENCE;
        const { note, findings } = lintText(text, 'n.coach.md', setup, { only: ['marker-heading', 'missing-marker-section'] });
        assert.equal(readAs(line, framework), expected);
        const near = findings.filter((f) => f.ruleId === 'marker-heading');
        assert.equal(near.length, 1);
        assert.equal(near[0]?.fixes[0]?.edits[0]?.newText, replacement);
        const id = expected.slice(1);
        assert.match(near[0]?.reason ?? '', new RegExp(`${id.replace('.', '\\.')} “`));
        assert.ok(!findings.some((f) => f.ruleId === 'missing-marker-section' && f.data?.['marker'] === id), 'no contradictory “No section”');
        // The one-click fix makes the line count, and the finding goes away.
        const edit = near[0]?.fixes[0]?.edits[0];
        assert.ok(edit);
        const fixed = lintText(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), 'n.coach.md', setup, { only: ['marker-heading'] });
        assert.equal(fixed.note.sections.find((s) => s.marker)?.marker?.id, id);
        assert.deepEqual(fixed.findings, []);
        assert.ok(note.nearMisses.length === 1);
      });
    }

    it('keeps the text that follows a bold line in its own paragraph after the fix', () => {
      const text = head() + '**Genuine concern**\nAsked about the move first.\n';
      const { findings } = lintText(text, 'n.coach.md', setup, { only: ['marker-heading'] });
      const edit = findings[0]?.fixes[0]?.edits[0];
      assert.ok(edit);
      assert.equal(text.slice(edit.start, edit.end), '**Genuine concern**');
      const fixed = lintText(text.slice(0, edit.start) + edit.newText + text.slice(edit.end), 'n.coach.md', setup).note;
      assert.deepEqual(fixed.sections.map((s) => [s.marker?.id, s.evidenced]), [['3.1', true]]);
    });

    it('uses the heading level the note already uses for its marker sections', () => {
      const { findings } = lint('### 3.1 Genuine concern\n\nAsked first.\n\n**Integrity**\n\nSaid what I would pass on.\n');
      assert.equal(findings.find((f) => f.ruleId === 'marker-heading')?.expected?.[0], '### Integrity');
    });

    it('is not offered for a marker that already has its section', () => {
      const { note } = lint('## 3.5 Championing new behaviours\n\nNamed the risk.\n\n**Championing new behaviours**\n\nAnd the second one.\n');
      assert.deepEqual(note.nearMisses, []);
    });

    it('is not offered for a bold `Permission:` line, which is a permission check, nor for bold Agreements', () => {
      for (const framework of ['icf-trust', 'icf-pcc-2020']) {
        const { note } = lint('**Permission:**\nAsked whether she wanted to bring her health in. She said yes.\n\n**Agreements**\n\n- [ ] Call Sam\n', framework);
        assert.deepEqual(note.nearMisses, [], framework);
        assert.equal(note.permissionLines.length, 1);
      }
    });

    it('is reported instead of “No section”, and “No section” returns when the line is not like the marker', () => {
      const near = lint('**Genuine concern**' + EVIDENCE).findings.map((f) => f.ruleId + ' ' + String(f.data?.['marker']));
      assert.ok(near.includes('marker-heading 3.1'));
      assert.ok(!near.includes('missing-marker-section 3.1'));
      const plain = lint('**Some thoughts**' + EVIDENCE).findings.map((f) => f.ruleId + ' ' + String(f.data?.['marker']));
      assert.ok(plain.includes('missing-marker-section 3.1'));
    });
  });

  describe('guards: a number or a loose word is not a section', () => {
    const none: [string, string?][] = [
      ['## 3.5 hours of prep'],
      ['## The 3.2 release plan'],
      ['## 3.6 million seed round'],
      ['## Sprint 3.4 retro'],
      ['## Agenda item 3.1: hiring', 'icf-pcc-2020'],
      ['## 3.1 Background', 'icf-pcc-2020'],
      ['## OKR 8.2: ship the pilot', 'icf-pcc-2020'],
      ['## Q3.1 goals', 'icf-pcc-2020'],
      ['## 2.1 Her role and team', 'icf-pcc-2020'],
      ['## Integrity of the data pipeline migration'],
      ['## Learning', 'icf-pcc-2020'],
      ['## Explores words and view', 'icf-pcc-2020'],
      ['## Reflections', 'icf-pcc-2020'],
      ['## Resources to send', 'icf-pcc-2020'],
      ['## Client voicing feelings about the layoffs and the budget cuts', 'icf-pcc-2020'],
      ['## Provides ongoing support for and champions new behaviours and actions, including those involving risk-taking and fear of failure'],
      ['## Agreements'],
      ['# Dana Okafor — session 5'],
      ['**Key takeaways**'],
    ];
    for (const [line, framework] of none) {
      it(`${JSON.stringify(line)}${framework ? ` (${framework})` : ''} is no marker section and no near miss`, () => {
        const { note } = lint(line + EVIDENCE, framework);
        assert.deepEqual(note.sections.map((s) => s.marker?.id ?? s.idLike), []);
        assert.deepEqual(note.nearMisses.map((n) => n.marker.id), []);
      });
    }

    it('reads an id only where it stands alone: not in a longer number, a date, a percentage, a fraction or a range', () => {
      assert.deepEqual(idsInHeading('3.1.2026 follow-up'), []);
      assert.deepEqual(idsInHeading('Q3.1 goals'), []);
      assert.deepEqual(idsInHeading('6.3% attrition'), []);
      assert.deepEqual(idsInHeading('8.5/10 energy'), []);
      assert.deepEqual(idsInHeading('Sections 5.1–5.3 of the handbook'), []);
      assert.deepEqual(idsInHeading('Budget 2024.3'), []);
      assert.deepEqual(idsInHeading('Marker #3.5, then (3,3) and [8.9]'), ['3.5', '3.3', '8.9']);
      assert.deepEqual(idsInHeading('**3.3** Clear agreements'), ['3.3']);
    });

    it('reports an unknown id at the start of a heading only when it is shaped like the framework\'s ids', () => {
      const idOf = (line: string) => lint(line + EVIDENCE).note.sections.map((s) => s.idLike);
      assert.deepEqual(idOf('## 3.9 Deep listening'), ['3.9']);
      assert.deepEqual(idOf('## 3.1.2 Sub-point'), []);
      assert.deepEqual(idOf('## 3.1.2026 follow-up'), []);
      // A level-1 heading is the note's title unless it names a marker clearly.
      assert.deepEqual(idOf('# 3.9 Deep listening'), []);
    });
  });

  describe('the vocabulary (src/core/frameworks/heading-words.json)', () => {
    it('is valid against its schema', () => {
      const validate = new Ajv({ allErrors: true }).compile(schema);
      assert.ok(validate(headingWords), JSON.stringify(validate.errors));
    });

    it('reads British and American spelling, inflection, case and possessives alike', () => {
      const stems = (t: string) => titleWords(t).map((w) => w.stem);
      assert.deepEqual(stems('Championing new behaviours'), stems('champions new behaviors'));
      assert.deepEqual(stems('Reflects and summarises'), stems('REFLECTING AND SUMMARIZED'));
      assert.deepEqual(stems("the client's words"), stems('the clients words'));
      assert.notDeepEqual(stems('Summary'), stems('Summarises'));
    });
  });

  it('counts in the workspace summary (coverage, the view, the report) exactly as in the rules', () => {
    const { note } = lint('## Genuine concern (3.1)\n\nAsked first.\n\n**Integrity**\n\nSaid what I pass on.\n\n## 3.5 hours of prep\n\nRead her notes.\n\n## Respect\n\n<!-- later -->\n');
    const summary = summarize(note, setup);
    assert.deepEqual(summary.sections, ['3.1', '3.4']);
    assert.deepEqual(summary.evidenced, ['3.1']);
    // A near miss does not count until it is a heading: coverage shows 3.2 as missing, and the diagnostic says why.
    assert.deepEqual(summary.missing, ['3.2', '3.3', '3.5', '3.6']);
    assert.equal(summary.sectionLines['3.1'], 7);
  });
});
