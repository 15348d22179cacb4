import assert from 'node:assert/strict';
import { defaultConfig } from '../../../src/core/config/types';
import { builtinDataRoot } from '../../../src/core/data/paths';
import { lintText } from '../../../src/core/engine/lint';
import type { EngineSetup } from '../../../src/core/engine/setup';
import { findSensitiveMentions, loadSensitiveLexicon, parseSensitiveTopics } from '../../../src/core/lexicons/sensitive';
import type { Finding } from '../../../src/core/model/types';
import { setupWith } from '../support/setup';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
const PCC_HEAD = '---\nclient: Maria\ndate: 2026-03-02\nframework: icf-pcc-2020\n---\n\n';
const setup = setupWith();

function lint(body: string, options: { setup?: EngineSetup; head?: string } = {}): Finding[] {
  const text = (options.head ?? HEAD) + body;
  return lintText(text, 'maria.coach.md', options.setup ?? setup, { only: ['permission-check'] }).findings;
}

/** Applies a finding's first fix and returns the new note text. */
function applyFix(text: string, finding: Finding): string {
  const edits = [...(finding.fixes[0]?.edits ?? [])].sort((a, b) => b.start - a.start);
  assert.ok(edits.length > 0, 'the finding has a fix');
  return edits.reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);
}

describe('coach:permission-check', () => {
  describe('sensitive topics', () => {
    const cases: Array<[string, string]> = [
      ['health', 'She has been sick for most of the month.'],
      ['health', 'Her health has been on her mind since the cancer scare.'],
      ['diagnosis', 'She got her ADHD diagnosis last week.'],
      ['diagnosis', 'The new medication makes her tired.'],
      ['mental-health', 'She started therapy in January.'],
      ['mental-health', 'She mentioned a panic attack before the board meeting.'],
      ['grief', 'Her father died in the spring.'],
      ['grief', 'She is grieving, and the funeral is on Friday.'],
      ['relationships', 'The divorce is nearly final.'],
      ['relationships', 'She learned of an affair; her ex-husband wants the house.'],
      ['sexuality', 'He is thinking about coming out as gay at work.'],
      ['religion', 'Her faith is central to how she decides; she prays before big calls.'],
      ['money', 'The credit card debt keeps her awake.'],
      ['money', 'She has money worries since the move.'],
      ['addiction', 'He has been sober for two years and goes to AA meetings.'],
      ['abuse', 'She described the bullying by her former manager.'],
      ['abuse', 'The trauma of the accident still shows up in meetings.'],
      ['pregnancy', 'She is pregnant and unsure how to tell the board.'],
      ['pregnancy', 'They are in the middle of IVF.'],
    ];
    for (const [topic, sentence] of cases) {
      it(`flags ${topic}: “${sentence}”`, () => {
        const findings = lint(`${sentence}\n`);
        assert.equal(findings.length, 1, `expected one finding for: ${sentence}`);
        assert.ok(String(findings[0]?.data?.topics).split(',').includes(topic), `topics: ${findings[0]?.data?.topics}`);
      });
    }

    it('covers every GDPR special category, criminal records, immigration, self-harm and job loss', () => {
      assert.deepEqual(setup.problems, []);
      assert.deepEqual(setup.sensitive.topics.map((t) => t.id).sort(), [
        'abuse', 'addiction', 'diagnosis', 'ethnicity', 'gender', 'genetic', 'grief', 'health', 'immigration', 'job-loss', 'legal',
        'mental-health', 'money', 'politics', 'pregnancy', 'relationships', 'religion', 'self-harm', 'sexuality', 'union',
      ]);
    });

    it('matches whole words, ignoring case and curly apostrophes', () => {
      assert.equal(lint('DIVORCE papers arrived.\n').length, 1);
      assert.equal(lint('Her mother has Alzheimer’s.\n').length, 1);
      assert.equal(lint('Her mother has\nAlzheimer\'s and a heart\nattack last year.\n').length, 1);
      assert.equal(lint('She is a graduate of Essex; the sexton rang.\n').length, 0);
    });

    it('spots self-harm as a hyphenated term but not sensitive words inside compounds', () => {
      assert.deepEqual(findSensitiveMentions(setup.sensitive, 'She mentioned self-harm in her teens.').map((m) => m.topic.id), ['self-harm']);
      assert.equal(lint('An ill-advised email, a dead-end idea, and trauma-informed training for his ex-boss.\n').length, 0);
    });
  });

  describe('everyday senses (no false alarms)', () => {
    const quiet = [
      'The deadline moved and the plan hit a dead end.',
      'She was killing it in the pitch; the old idea is dead in the water.',
      'The health of the project worries her; the team health check is Friday.',
      'They will launch after the bank holiday.',
      'The tech debt is growing and technical debt slows the team.',
      'She took a leap of faith and has faith in her team.',
      'Good grief, the meeting ran long; the noise died down.',
      'She is sick of status meetings and ill at ease in them.',
      'A bit of retail therapy after the review.',
      'He diagnosed the problem in the build and disabled the alerts.',
      'A pregnant pause, then a stroke of luck.',
      'They broke up the meeting early and split up the work.',
      'She is dying to try the new format; death by PowerPoint is over.',
      'She wants a salary review and talked about money for the new product.',
      'She feels anxious about the presentation and stressed about the launch.',
      'Her relationship with her manager is improving.',
      'The deal is dead; Faith from marketing called it. Oh god, she said.',
      'The video call broke up twice; the team split from the main branch.',
      'She works in public health, in a dying market, on end of life for old products.',
      'Her counselling skills help her lead; the bank holiday weekend helps too.',
      'The old plan died a slow death in committee; God is in the details, she said.',
    ];
    for (const sentence of quiet) {
      it(`does not flag “${sentence}”`, () => {
        assert.deepEqual(lint(`${sentence}\n`).map((f) => f.reason), []);
      });
    }

    it('counts a longer mention once ("mental health" is not also health)', () => {
      const [finding] = lint('We touched on her mental health.\n');
      assert.equal(finding?.data?.topics, 'mental-health');
      assert.match(finding?.reason ?? '', /touches on mental health, but/);
    });
  });

  describe('what counts as a permission check', () => {
    const body = 'Her father died in January.\n';
    it('a plain Permission: line', () => {
      assert.equal(lint(`Permission: asked if we could talk about her father; yes.\n\n${body}`).length, 0);
    });
    it('a bold **Permission:** line, anywhere in the note', () => {
      assert.equal(lint(`${body}\n**Permission:** asked before going further; she said yes.\n`).length, 0);
    });
    it('a list item starting with Permission:', () => {
      assert.equal(lint(`- Permission: asked first; she agreed.\n- Checked her energy.\n\n${body}`).length, 0);
    });
    it('but not a Permission: line inside a quote (the client\'s words)', () => {
      assert.equal(lint(`> Permission: granted, haha.\n\n${body}`).length, 1);
    });
    it('an evidenced 3.6 section', () => {
      assert.equal(lint(`## 3.6 Permission in sensitive areas\n\nAsked before exploring her loss.\n\n## 3.1 Genuine concern\n\n${body}`).length, 0);
    });
    it('but not an empty 3.6 section (only a comment)', () => {
      const findings = lint(`## 3.6 Permission in sensitive areas\n\n<!-- Asks permission -->\n\n## 3.1 Genuine concern\n\n${body}`);
      assert.equal(findings.length, 1);
    });
    it('a [#3.6] tag', () => {
      assert.equal(lint(`Her father died in January; I asked before we went there [#3.6].\n`).length, 0);
    });
    it('under icf-pcc-2020: a section or tag for the permission marker 4.4', () => {
      assert.equal(lint(`## 4.4 Invites the client's response\n\nAsked if we could look at it; she said yes.\n\n${body}`, { head: PCC_HEAD }).length, 0);
      assert.equal(lint(`She chose to talk about it [#4.4].\n\n${body}`, { head: PCC_HEAD }).length, 0);
      const [finding] = lint(body, { head: PCC_HEAD });
      assert.match(finding?.reason ?? '', /4\.4 Invites the client's response/);
      assert.equal(lint(`[#3.6]\n\n${body}`, { head: PCC_HEAD }).length, 1, '3.6 is not the permission marker of icf-pcc-2020');
    });
  });

  describe('where mentions count', () => {
    it('counts the client\'s words in a blockquote', () => {
      assert.equal(lint('> My sister died last year.\n').length, 1);
    });
    it('ignores code, inline code, HTML comments and frontmatter', () => {
      const head = '---\nclient: Maria\ndate: 2026-03-02\ntopic: divorce\n---\n\n';
      const body = '```\ndivorce, cancer, debt\n```\n\nWe used `grief` as a search word.\n\n<!-- therapy came up last time -->\n\nA calm session.\n';
      assert.equal(lint(body, { head }).length, 0);
    });
    it('counts headings and list items', () => {
      assert.equal(lint('## Grief\n\nShe wanted to talk.\n').length, 1);
      assert.equal(lint('- Her divorce\n').length, 1);
    });
    it('respects coach-disable comments', () => {
      assert.equal(lint('<!-- coach-disable-next-line permission-check -->\nHer father died.\n').length, 0);
    });
  });

  describe('the finding', () => {
    it('is one per note, placed on the first mention, listing topics in order', () => {
      const text = HEAD + 'A good start.\n\nHer father died in March, and grief comes in waves.\n\nShe is pregnant, and her health is fine. Her father died.\n';
      const findings = lintText(text, 'maria.coach.md', setup, { only: ['permission-check'] }).findings;
      assert.equal(findings.length, 1);
      const finding = findings[0];
      assert.ok(finding);
      assert.equal(text.slice(finding.place.start.offset, finding.place.end.offset), 'died');
      assert.equal(finding.place.start.line, 8);
      assert.match(finding.reason, /^This note touches on grief, pregnancy and health, but records no permission check\./);
      assert.match(finding.reason, /ICF 3\.6 asks the coach to ask permission before coaching in sensitive, new areas/);
      assert.match(finding.reason, /Permission: …/);
      assert.equal(finding.severity, 'warning');
      assert.equal(finding.data?.topics, 'grief,pregnancy,health');
      assert.equal(finding.data?.mentions, 5);
    });

    it('follows the configured severity', () => {
      const quiet = setupWith('rules:\n  permission-check: info\n');
      assert.equal(lint('Her father died.\n', { setup: quiet })[0]?.severity, 'info');
      assert.equal(lint('Her father died.\n', { setup: setupWith('rules:\n  permission-check: "off"\n') }).length, 0);
    });
  });

  describe('the fix', () => {
    function fixAndRelint(body: string, head = HEAD): string {
      const text = head + body;
      const [finding] = lintText(text, 'maria.coach.md', setup, { only: ['permission-check'] }).findings;
      assert.ok(finding, 'a finding before the fix');
      const fixed = applyFix(text, finding);
      assert.deepEqual(lintText(fixed, 'maria.coach.md', setup, { only: ['permission-check'] }).findings, [], 'no finding after the fix');
      return fixed.slice(head.length);
    }
    const line = (topics: string) => `**Permission:** Asked whether we could explore ${topics}; <client's answer>.`;

    it('inserts a permission paragraph just before the paragraph of the first mention', () => {
      assert.equal(
        fixAndRelint('A good start.\n\nHer father died, and her health suffered.\n'),
        `A good start.\n\n${line('grief and health')}\n\nHer father died, and her health suffered.\n`,
      );
    });

    it('goes right after the frontmatter when the mention is the first block', () => {
      assert.equal(fixAndRelint('She is pregnant.\n'), `${line('pregnancy')}\n\nShe is pregnant.\n`);
      const tight = '---\nclient: Maria\ndate: 2026-03-02\n---\nShe is pregnant.';
      const [finding] = lintText(tight, 'm.coach.md', setup, { only: ['permission-check'] }).findings;
      assert.ok(finding);
      assert.equal(applyFix(tight, finding), `---\nclient: Maria\ndate: 2026-03-02\n---\n\n${line('pregnancy')}\n\nShe is pregnant.`);
    });

    it('goes before the whole list or quote, never inside it', () => {
      assert.equal(
        fixAndRelint('Notes:\n\n- Checked in on the week.\n- Her divorce is final.\n'),
        `Notes:\n\n${line('relationships')}\n\n- Checked in on the week.\n- Her divorce is final.\n`,
      );
      assert.equal(fixAndRelint('She said:\n> The debt is crushing me.\n'), `She said:\n\n${line('money')}\n\n> The debt is crushing me.\n`);
    });

    it('goes just below a heading that holds the mention', () => {
      assert.equal(fixAndRelint('## Grief\n\nShe wanted to talk.\n'), `## Grief\n\n${line('grief')}\n\nShe wanted to talk.\n`);
      assert.equal(fixAndRelint('## Her divorce\n'), `## Her divorce\n\n${line('relationships')}\n`);
    });

    it('inside a marker section, keeps the section evidenced and its place', () => {
      const fixed = fixAndRelint('## 3.1 Genuine concern\n\nAsked about the funeral.\n\n## 3.2 Integrity\n\nOwned a mistake.\n');
      assert.equal(fixed, `## 3.1 Genuine concern\n\n${line('grief')}\n\nAsked about the funeral.\n\n## 3.2 Integrity\n\nOwned a mistake.\n`);
    });

    it('uses the note\'s line endings', () => {
      const crlf = '---\r\nclient: Maria\r\ndate: 2026-03-02\r\n---\r\n\r\nHello.\r\n\r\nHer father died.\r\n';
      const [finding] = lintText(crlf, 'm.coach.md', setup, { only: ['permission-check'] }).findings;
      assert.ok(finding);
      const fixed = applyFix(crlf, finding);
      assert.ok(fixed.endsWith(`Hello.\r\n\r\n${line('grief')}\r\n\r\nHer father died.\r\n`), JSON.stringify(fixed));
      assert.equal(lintText(fixed, 'm.coach.md', setup, { only: ['permission-check'] }).findings.length, 0);
    });
  });

  describe('workspace config', () => {
    it('allow: listed words and phrases are never mentions', () => {
      const allowing = setupWith('sensitive_topics:\n  allow: [therapy, "health coaching"]\n');
      assert.deepEqual(allowing.problems, []);
      assert.equal(lint('She runs a therapy practice and a health coaching offer.\n', { setup: allowing }).length, 0);
      assert.equal(lint('Her health is poor.\n', { setup: allowing }).length, 1, 'only the allowed phrase is ignored');
    });

    it('extra: adds new topics, as objects or plain words', () => {
      const extra = setupWith('sensitive_topics:\n  extra:\n    - topic: Housing\n      terms: [tenancy, "social housing"]\n    - landlord\n');
      assert.deepEqual(extra.problems, []);
      const [finding] = lint('Her tenancy runs out in May.\n', { setup: extra });
      assert.match(finding?.reason ?? '', /touches on Housing, but/);
      assert.equal(finding?.data?.topics, 'housing');
      assert.equal(lint('She fears her landlord.\n', { setup: extra }).length, 1);
    });

    it('extra: terms for a known topic join it', () => {
      const extra = setupWith('sensitive_topics:\n  extra:\n    - topic: grief\n      terms: [loss of her mother]\n');
      const [finding] = lint('Since the loss of her mother, work feels hollow.\n', { setup: extra });
      assert.equal(finding?.data?.topics, 'grief');
    });

    it('extra: terms are literal text, never patterns', () => {
      const extra = setupWith('sensitive_topics:\n  extra:\n    - topic: odd\n      terms: ["a.b", "(x+)+$", "[abc]"]\n');
      assert.equal(lint('axb x xx abc\n', { setup: extra }).length, 0);
      assert.equal(lint('She said a.b and (x+)+$ and [abc].\n', { setup: extra })[0]?.data?.mentions, 3);
      const started = Date.now();
      assert.equal(lint(`${'x'.repeat(50_000)}!\n`, { setup: extra }).length, 0);
      assert.ok(Date.now() - started < 2000, 'no catastrophic backtracking');
    });
  });

  describe('the lexicon loader', () => {
    it('reports a missing lexicon file and keeps the config topics', () => {
      const config = defaultConfig();
      config.sensitiveTopics.extra = [{ topic: 'visa', terms: ['visa'] }];
      const { lexicon, problems } = loadSensitiveLexicon('/nonexistent-coach-data', config);
      assert.equal(problems.length, 1);
      assert.match(problems[0]?.file ?? '', /sensitive-topics\.yaml$/);
      assert.deepEqual(lexicon.topics.map((t) => t.id), ['visa']);
    });

    it('loads the built-in file without problems', () => {
      const { lexicon, problems } = loadSensitiveLexicon(builtinDataRoot(), defaultConfig());
      assert.deepEqual(problems, []);
      assert.ok(lexicon.topics.every((t) => t.terms.length > 0 && t.label !== ''));
      // Every topic is found by its first term.
      for (const t of lexicon.topics) assert.deepEqual(findSensitiveMentions(lexicon, `We talked about ${t.terms[0]} today.`).map((m) => m.topic.id), [t.id], t.id);
    });

    it('reports schema errors and duplicate topic ids with line and field', () => {
      const missing = parseSensitiveTopics('schema_version: 1\ntopics:\n  - id: a\n    title: A\n    terms: [x]\n', 'lex.yaml');
      assert.deepEqual(missing.topics, []);
      assert.deepEqual(missing.problems.map((p) => [p.field, p.line]), [['topics[0].label', 3]]);
      const dup = parseSensitiveTopics('schema_version: 1\ntopics:\n  - { id: a, title: A, label: a, terms: [x] }\n  - { id: a, title: B, label: b, terms: [y] }\n', 'lex.yaml');
      assert.deepEqual(dup.problems.map((p) => [p.field, p.line]), [['topics[1].id', 4]]);
    });

    it('finds mentions with their indices in the text', () => {
      const mentions = findSensitiveMentions(setup.sensitive, 'After the funeral, her mental health dipped.');
      assert.deepEqual(mentions.map((m) => [m.topic.id, m.text, m.start]), [['grief', 'funeral', 10], ['mental-health', 'mental health', 23]]);
    });
  });
});
