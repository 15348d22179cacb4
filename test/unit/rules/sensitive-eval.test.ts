import assert from 'node:assert/strict';
import { breakdown, readSet, rightTopicRate, run, score, shouldWarn, type Outcome } from '../../../eval/sensitive/evaluate';
import { setupWith } from '../support/setup';

// The development set (eval/sensitive/dev.tsv): a regression in what coach:permission-check and
// coach:referral-check catch, a new kind of false alarm, or a finding that names the wrong topic
// fails the suite. Precision and recall hold issue 15's targets. The right-topic floor (0.95) sits
// just under today's figure (0.996): health and diagnosis, or grief and health, legitimately
// overlap, so a finding may name a second topic, but the one meant must be among those named.
const PRECISION = 0.9;
const RECALL = 0.85;
const RIGHT_TOPIC = 0.95;
describe('coach:permission-check on the labelled development set', function () {
  this.timeout(120_000);
  let outcomes: Outcome[];

  before(() => {
    outcomes = run(readSet('dev'), setupWith());
  });

  it('has at least 400 paragraphs, with figurative uses in fair numbers and every family', () => {
    assert.ok(outcomes.length >= 400, `${outcomes.length}`);
    assert.ok(outcomes.filter((o) => o.row.kind === 'figurative').length >= 100);
    assert.equal(new Set(outcomes.map((o) => o.row.topic).filter((t) => t !== 'none')).size, 20);
  });

  it(`keeps precision ≥ ${PRECISION} and recall ≥ ${RECALL}`, () => {
    const s = score(outcomes);
    assert.ok(s.precision >= PRECISION, `precision ${s.precision.toFixed(3)}`);
    assert.ok(s.recall >= RECALL, `recall ${s.recall.toFixed(3)}`);
  });

  it(`names the topic actually mentioned (≥ ${RIGHT_TOPIC} of the findings)`, () => {
    const r = rightTopicRate(outcomes);
    assert.ok(r.rate >= RIGHT_TOPIC, `right topic ${r.rate.toFixed(3)}`);
  });

  it('catches every kind of wording: keyword, everyday and other-person', () => {
    for (const [kind, s] of breakdown(outcomes.filter((o) => shouldWarn(o.row)), (o) => o.row.kind)) assert.ok(s.recall >= 0.85, `${kind}: recall ${s.recall.toFixed(3)}`);
  });

  it('catches every family', () => {
    for (const [topic, s] of breakdown(outcomes.filter((o) => shouldWarn(o.row)), (o) => o.row.topic)) assert.ok(s.recall >= 0.75, `${topic}: recall ${s.recall.toFixed(3)}`);
  });

  it('never warns on a recorded permission check, except self-harm, which always gets the referral message', () => {
    for (const o of outcomes.filter((x) => x.row.permission && x.row.topic !== 'self-harm')) assert.deepEqual(o.findings.map((f) => f.ruleId), [], o.row.id);
    const selfHarm = outcomes.filter((o) => o.row.topic === 'self-harm');
    assert.ok(selfHarm.some((o) => o.row.permission));
    for (const o of selfHarm) assert.ok(o.referral, `${o.row.id} has no referral message`);
  });

  it('leaves at least 97% of figurative uses alone', () => {
    const figurative = outcomes.filter((o) => o.row.kind === 'figurative');
    const quiet = figurative.filter((o) => o.findings.length === 0).length / figurative.length;
    assert.ok(quiet >= 0.97, `${quiet.toFixed(3)}`);
  });
});
