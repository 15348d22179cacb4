import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../../../src/core/config/types';
import { builtinDataRoot } from '../../../src/core/data/paths';
import { lintText } from '../../../src/core/engine/lint';
import {
  buildSensitiveLexicon,
  expandTerm,
  findSensitiveMentions,
  MAX_FORMS_PER_TERM,
  parseSensitiveTopics,
  SENSITIVE_LEXICON_FILE,
  type SensitiveLexicon,
  type SensitiveTopic,
} from '../../../src/core/lexicons/sensitive';
import type { Finding } from '../../../src/core/model/types';
import { REFERRAL_PLACEHOLDER } from '../../../src/core/rules/referral-check';
import { setupWith } from '../support/setup';

const HEAD = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';
const setup = setupWith();
const lexicon = setup.sensitive;

function topicsOf(text: string, lex: SensitiveLexicon = lexicon): string[] {
  return [...new Set(findSensitiveMentions(lex, text).map((m) => m.topic.id))];
}

function lint(body: string, rules: string[] = ['permission-check', 'referral-check']): Finding[] {
  return lintText(HEAD + body, 'maria.coach.md', setup, { only: rules }).findings;
}

/** The built-in topics as parsed, to rebuild variants of the lexicon. */
function builtinTopics(): SensitiveTopic[] {
  const file = join(builtinDataRoot(), SENSITIVE_LEXICON_FILE);
  const { topics, problems } = parseSensitiveTopics(readFileSync(file, 'utf8'), file);
  assert.deepEqual(problems, []);
  return topics;
}

/** The built-in lexicon with one topic changed. */
function variant(id: string, change: (t: SensitiveTopic) => SensitiveTopic): SensitiveLexicon {
  return buildSensitiveLexicon(builtinTopics().map((t) => (t.id === id ? change(t) : t)), defaultConfig());
}

describe('sensitive topics: the families and their wording', () => {
  // One keyword, one everyday and one other-person paragraph per family, each of a kind of wording
  // coaches use (none taken from the evaluation sets).
  const cases: Array<[string, string]> = [
    ['legal', 'He has a criminal record from his late teens and the vetting starts next week.'],
    ['legal', 'She was arrested at the weekend and is out on bail until the hearing.'],
    ['legal', 'Her brother was sentenced last month and she visits him in prison on Sundays.'],
    ['legal', 'A former landlord is suing him over the deposit.'],
    ['immigration', 'Her work visa expires in June and the renewal is stuck.'],
    ['immigration', 'He is still waiting for the Home Office to decide on his right to remain.'],
    ['immigration', "His mother's papers run out in the spring and she may have to leave the country."],
    ['self-harm', 'She said she has had suicidal thoughts since the winter.'],
    ['self-harm', 'He said some days he does not want to live any more.'],
    ['self-harm', 'Her son took an overdose last month.'],
    ['job-loss', 'She was made redundant in March.'],
    ['job-loss', 'He was let go on Friday after the merger.'],
    ['job-loss', 'Her partner lost his job at the plant and they are living on one salary.'],
    ['ethnicity', 'He is tired of the racist jokes at the depot.'],
    ['ethnicity', 'She wants to bring her Nigerian heritage into how she leads.'],
    ['ethnicity', 'People keep asking where she is really from.'],
    ['politics', 'She is standing for election as a local councillor.'],
    ['politics', 'He keeps his political views to himself at work.'],
    ['politics', 'Her husband joined the Green Party and spends his weekends canvassing.'],
    ['union', 'He is the union rep at the depot.'],
    ['union', 'She has been on the picket line every morning this week.'],
    ['union', 'His father was a shop steward for thirty years.'],
    ['genetic', 'Her genetic test came back positive.'],
    ['genetic', 'The condition runs in his family and skips a generation.'],
    ['genetic', 'He does not want the new clock-in system to keep his fingerprints.'],
    ['gender', 'He is trans and has not told his new manager.'],
    ['gender', 'She started hormones in January and is changing her name at work.'],
    ['gender', 'Her colleagues keep misgendering her in meetings.'],
    ['money', 'He is behind on his rent and the bailiffs have written.'],
    ['money', 'Her card balances keep climbing and she only makes the minimum payments.'],
    ['money', 'She cannot pay her council tax this month.'],
    ['addiction', 'He is ninety days sober and wants to protect his evenings.'],
    ['addiction', 'Two years without a drink, she said.'],
    ['addiction', 'Her husband is drinking heavily again.'],
    ['pregnancy', 'She lost the baby at ten weeks.'],
    ['pregnancy', 'Her due date is in October.'],
    ['relationships', 'The custody hearing is next month.'],
    ['relationships', 'Her husband moved out in March, and the kids stay with him every other weekend.'],
    ['relationships', 'He has been estranged from his father for years.'],
    ['grief', 'He lost his mum in the spring.'],
    ['grief', "Her brother's funeral is on Friday."],
    ['sexuality', 'He came out to his parents last month.'],
    ['religion', 'She prays five times a day and is fasting for Ramadan.'],
    ['mental-health', 'He has been signed off with depression.'],
    ['abuse', 'Her partner keeps her bank card and checks her phone every night.'],
    ['diagnosis', 'She takes a tablet every four hours and never misses a dose.'],
    ['health', 'He broke his leg skiing and is on crutches.'],
  ];
  for (const [topic, text] of cases) {
    it(`${topic}: “${text}”`, () => {
      assert.ok(topicsOf(text).includes(topic), `found ${topicsOf(text).join(', ') || 'nothing'}`);
    });
  }

  it('every topic has a title, a label and a description for the docs', () => {
    for (const t of lexicon.topics) assert.ok(t.title && t.label && t.description, t.id);
  });
});

describe('sensitive topics: figurative-use guards', () => {
  // Each guard both keeps the sentence quiet and matters: without the topic's exclusions the
  // sentence would be flagged, so removing the guard fails its test.
  const guarded: Array<[string, string, string]> = [
    ['death idioms', 'grief', 'The proposal died a death in the steering committee.'],
    ['death idioms', 'grief', 'The client meeting felt like a funeral.'],
    ['death idioms', 'grief', 'The legacy product is in its death throes.'],
    ['death idioms', 'grief', 'Her team is still mourning the old flexible-hours policy.'],
    ['death idioms', 'grief', 'She is dying to try the new format.'],
    ['death idioms', 'self-harm', 'Cutting the price again would be career suicide.'],
    ['death idioms', 'self-harm', 'She said she wanted to die of embarrassment when the demo crashed, and laughed.'],
    ['medical metaphors', 'health', 'She wants to run a health check on the working agreements.'],
    ['medical metaphors', 'health', "She called the legacy codebase 'sick'."],
    ['medical metaphors', 'mental-health', 'Prices are depressed across the region.'],
    ['medical metaphors', 'mental-health', 'He calls his Sunday runs his therapy.'],
    ['medical metaphors', 'mental-health', 'She asked for a breakdown of the costs.'],
    ['business divorce and marriage', 'relationships', 'The board will divorce the two product lines.'],
    ['business divorce and marriage', 'relationships', 'The merger is a marriage of two very different teams.'],
    ['business divorce and marriage', 'relationships', 'The company is in a custody battle with the other division over analytics.'],
    ['business divorce and marriage', 'relationships', 'She feels estranged from her old team.'],
    ['money figures', 'money', 'The team feels bankrupt of ideas after the third pitch.'],
    ['money figures', 'money', 'The tech debt is slowing every release.'],
    ['office politics', 'politics', 'Political infighting is stalling the restructure.'],
    ['office politics', 'politics', 'An activist investor is pushing for a sale.'],
    ['legal figures', 'legal', 'The reporting is stuck in arrested development.'],
    ['legal figures', 'legal', 'She is worried about the court of public opinion.'],
    ['business trips and transfers', 'immigration', 'He needs a visa for the trade fair in Shanghai.'],
    ['business unions', 'union', 'A union of the two offices is planned for the spring.'],
    ['business unions', 'union', 'She wants to strike a better balance between deep work and meetings.'],
    ['everyday job words', 'job-loss', 'He came in fired up about the new market.'],
    ['everyday job words', 'job-loss', 'Her idea was dismissed as too expensive.'],
    ['career transitions', 'gender', 'He is transitioning to a new role in product marketing.'],
    ['career transitions', 'gender', 'She is planning her transition to management.'],
    ['birth figures', 'pregnancy', 'He described the joint venture as stillborn.'],
    ['birth figures', 'pregnancy', 'There was a pregnant pause after she asked for the budget.'],
    ['heredity figures', 'genetic', 'Leading from the front is in his DNA.'],
    ['heredity figures', 'genetic', 'She is leading the rollout of a biometric payment product.'],
    ['habit figures', 'addiction', 'He admits to an addiction to email.'],
    ['habit figures', 'addiction', 'She took a sober look at the forecast.'],
    ['faith figures', 'religion', "The team's religious adherence to sprint rituals slows them down."],
    ['faith figures', 'religion', 'She has faith in her team; her faith in the plan is strong.'],
    ['race figures', 'ethnicity', 'Her race to the finish line left no time for review.'],
    ['anxiety about a task', 'mental-health', 'Her anxiety about the pitch faded once she had rehearsed.'],
  ];
  for (const [kind, topic, text] of guarded) {
    it(`${kind}: “${text}” is not ${topic}, because of a guard`, () => {
      assert.deepEqual(topicsOf(text), [], 'flagged with the guards in place');
      const unguarded = variant(topic, (t) => ({ ...t, exclusions: [] }));
      assert.ok(topicsOf(text, unguarded).includes(topic), 'the guard does not matter: without it the sentence is still not flagged');
    });
  }

  // Figures of speech whose words are simply not terms: they need no guard, and stay quiet.
  const quiet = [
    "It's a do-or-die quarter for the Berlin office.",
    'The project is dead in the water, and she is killing it in sales.',
    'She wants to triage the backlog before the quarter starts.',
    'The sales pipeline looks healthy for Q3.',
    'Finance is proposing surgical cuts to the marketing budget.',
    'He described the launch plan as kamikaze.',
    'The legal team reviewed the contract and she is free to sign.',
    'Migrating the database is his main project this quarter.',
    'He wants to get better at office politics, and the politics of the merger wear him down.',
    'The board had to bail out the subsidiary, and the ball is in her court now.',
    'Leading from the front is in his genes.',
    'She is working on letting go of perfectionism.',
    'He has to let one of his engineers go next week.',
    'Half the dashboards are redundant.',
    'The team is chasing clients for unpaid invoices.',
    'She is organising the summer party.',
    'He lost his biggest client to a competitor.',
    'The market recovery has been slower than expected.',
  ];
  for (const text of quiet) {
    it(`stays quiet: “${text}”`, () => assert.deepEqual(topicsOf(text), []));
  }
});

describe('sensitive topics: which topic is named', () => {
  it('a longer term wins over a shorter one inside it, whatever its topic', () => {
    assert.deepEqual(topicsOf('He has started gender-affirming hormone therapy.'), ['gender']);
    assert.deepEqual(topicsOf('She saw a genetic counsellor about the result.'), ['genetic']);
    assert.deepEqual(topicsOf('We touched on her mental health.'), ['mental-health']);
  });

  it('a yielding term gives way to another topic in the same paragraph', () => {
    assert.deepEqual(topicsOf('She is transitioning, and her therapist has been a steady support.'), ['gender']);
    assert.deepEqual(topicsOf('Her BRCA1 result means surgery next year.'), ['genetic']);
    const text = 'She is transitioning, and her therapist has been a steady support.';
    const firm = variant('mental-health', (t) => ({ ...t, terms: [...t.terms, ...t.yielding], yielding: [] }));
    assert.deepEqual(topicsOf(text, firm).sort(), ['gender', 'mental-health'], 'without yielding, therapy would name mental health too');
  });

  it('a yielding term alone still names its topic', () => {
    assert.deepEqual(topicsOf('She started therapy in January.'), ['mental-health']);
    assert.deepEqual(topicsOf('He has surgery booked for May.'), ['health']);
  });

  it('yields only within the paragraph', () => {
    const [finding] = lint('She is transitioning at work.\n\nShe started therapy in January.\n', ['permission-check']);
    assert.equal(finding?.data?.topics, 'gender,mental-health');
    assert.match(finding?.reason ?? '', /touches on gender identity and mental health, but/);
  });
});

describe('sensitive topics: word classes', () => {
  const classes = { poss: ['her', 'his'], opt: ['', 'very'] };

  it('expands each slot with each word of its class, an empty word leaving the slot out', () => {
    assert.deepEqual(expandTerm('lost {poss} job', classes), ['lost her job', 'lost his job']);
    assert.deepEqual(expandTerm('{opt} ill', classes), ['ill', 'very ill']);
    assert.deepEqual(expandTerm('plain', classes), ['plain']);
  });

  it('reports an unknown class and a term that stands for too many forms', () => {
    assert.match(String(expandTerm('lost {nope} job', classes)), /word_classes does not define/);
    const big = { w: Array.from({ length: 100 }, (_, i) => `w${i}`) };
    assert.match(String(expandTerm('{w} {w}', big)), new RegExp(`more than ${MAX_FORMS_PER_TERM}`));
  });

  it('reports an unknown class in the lexicon with its field, and uses no half-read data', () => {
    const yaml = 'schema_version: 1\nword_classes:\n  poss: [her]\ntopics:\n  - { id: a, title: A, label: a, terms: ["lost {kin}"] }\n';
    const { topics, problems } = parseSensitiveTopics(yaml, 'lex.yaml');
    assert.deepEqual(topics, []);
    assert.deepEqual(problems.map((p) => p.field), ['topics[0].terms[0]']);
  });

  it('workspace terms stay literal text', () => {
    const extra = setupWith('sensitive_topics:\n  extra:\n    - topic: odd\n      terms: ["lost {poss} keys"]\n');
    assert.deepEqual(topicsOf('She lost her keys.', extra.sensitive), []);
    assert.deepEqual(topicsOf('She lost {poss} keys.', extra.sensitive), ['odd']);
  });
});

describe('coach:referral-check (self-harm and suicidal thoughts)', () => {
  it('gives the referral message, not the permission reminder, when no permission is recorded', () => {
    const findings = lint('She said she has been having suicidal thoughts since the spring.\n');
    assert.deepEqual(findings.map((f) => f.ruleId), ['referral-check']);
    assert.match(findings[0]?.reason ?? '', /^This note mentions self-harm or suicidal thoughts \(‘suicidal thoughts’\)\. ICF's guidance is to refer/);
    assert.match(findings[0]?.reason ?? '', /whether a referral or a crisis resource was discussed/);
    assert.equal(findings[0]?.data?.topics, 'self-harm');
    assert.equal(findings[0]?.severity, 'warning');
  });

  it('stays when a permission check is recorded', () => {
    const findings = lint('**Permission:** Asked whether she wanted to talk about it now; she said yes.\n\nShe said she keeps thinking about suicide on the drive home.\n');
    assert.deepEqual(findings.map((f) => f.ruleId), ['referral-check']);
  });

  it('sits beside the permission reminder for the other topics', () => {
    const findings = lint('He was made redundant, and said everyone would be better off without him.\n');
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['permission-check', 'referral-check']);
    const permission = findings.find((f) => f.ruleId === 'permission-check');
    assert.equal(permission?.data?.topics, 'job-loss');
  });

  it('is satisfied by a Referral: line, but not by a quote or an informal mention', () => {
    const body = 'Her son took an overdose last month.\n';
    assert.equal(lint(`${body}\n**Referral:** Gave her the crisis line number; she will call her GP today.\n`, ['referral-check']).length, 0);
    assert.equal(lint(`${body}\n- Referral: suggested family support services; she will look tonight.\n`, ['referral-check']).length, 0);
    assert.equal(lint(`${body}\n> Referral: I don't need one.\n`, ['referral-check']).length, 1);
    assert.equal(lint(`${body}\nWe talked about a referral.\n`, ['referral-check']).length, 1);
  });

  it('offers a Referral: line to complete, before the paragraph of the first mention', () => {
    const text = `${HEAD}Opened with the week.\n\nShe mentioned self-harm urges during audit season.\n`;
    const [finding] = lintText(text, 'maria.coach.md', setup, { only: ['referral-check'] }).findings;
    const edit = finding?.fixes[0]?.edits[0];
    assert.ok(edit);
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    assert.equal(fixed, `${HEAD}Opened with the week.\n\n**Referral:** ${REFERRAL_PLACEHOLDER}.\n\nShe mentioned self-harm urges during audit season.\n`);
    assert.equal(lintText(fixed, 'maria.coach.md', setup, { only: ['referral-check'] }).findings.length, 0, 'the line, once inserted, is the record to complete');
  });

  it('follows its own severity and disable comments', () => {
    const loud = setupWith('rules:\n  referral-check: error\n');
    const text = `${HEAD}He said there is no point in living.\n`;
    assert.equal(lintText(text, 'm.coach.md', loud, { only: ['referral-check'] }).findings[0]?.severity, 'error');
    assert.equal(lint('<!-- coach-disable-next-line referral-check -->\nHe said there is no point in living.\n').length, 0);
  });
});
