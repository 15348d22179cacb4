/**
 * `npm run eval:sensitive`: precision, recall and F1 of coach:permission-check (with the referral
 * message of coach:referral-check for self-harm) on the labelled paragraphs in this folder —
 * overall, per topic family and per kind, and how often the topic named is the one meant.
 *   --set dev|holdout   which set (default dev)
 *   --misses            list the paragraphs that should be flagged and are not, or name the wrong topic
 *   --false             list the paragraphs flagged that should not be, with the words flagged
 */
import { loadSetup } from '../../src/core/engine/setup';
import { breakdown, readSet, rightTopic, rightTopicRate, run, score, shouldWarn, type Outcome, type Score } from './evaluate';

const args = process.argv.slice(2);
const at = args.indexOf('--set');
const set = at >= 0 && args[at + 1] ? String(args[at + 1]) : 'dev';
const rows = readSet(set);
const outcomes = run(rows, loadSetup());

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `| ${name} | ${s.tp + s.fn} | ${s.fp + s.tn} | ${s.tp + s.fn > 0 ? pct(s.recall) : '–'} | ${s.tp + s.fp > 0 ? pct(s.precision) : '–'} | ${s.tp + s.fn > 0 && s.tp + s.fp > 0 ? s.f1.toFixed(3) : '–'} | ${s.fp} |`;

const total = score(outcomes);
const named = rightTopicRate(outcomes);
console.log(`## coach:permission-check on the ${set} set (${rows.length} paragraphs)\n`);
console.log(`precision ${total.precision.toFixed(3)} · recall ${total.recall.toFixed(3)} · F1 ${total.f1.toFixed(3)}  (tp ${total.tp}, fp ${total.fp}, fn ${total.fn}, tn ${total.tn})`);
console.log(`right topic ${named.rate.toFixed(3)} (${named.right} of ${named.flagged} flagged name the topic meant; ${named.only} name it alone, ${named.onlyRate.toFixed(3)})`);

console.log('\n### By kind\n\n| kind | should warn | should not | recall | precision | F1 | false alarms |\n|---|---|---|---|---|---|---|');
for (const [k, s] of breakdown(outcomes, (o) => o.row.kind)) console.log(line(k, s));

// Per topic, a finding counts for a topic only when it names it: precision is the share of
// findings naming the topic that are on a row of that topic which should warn.
console.log('\n### By topic (a finding counts when it names the topic)\n\n| topic | should warn | flagged at all | named it | recall (named) | precision (named) | F1 | named wrongly |\n|---|---|---|---|---|---|---|---|');
const topics = [...new Set(rows.map((r) => r.topic))].filter((t) => t !== 'none').sort();
for (const topic of topics) {
  const mine = outcomes.filter((o) => o.row.topic === topic && shouldWarn(o.row));
  const flagged = mine.filter((o) => o.findings.length > 0).length;
  const right = mine.filter(rightTopic).length;
  const naming = outcomes.filter((o) => names(o, topic));
  const wrong = naming.filter((o) => o.row.topic !== topic || !shouldWarn(o.row)).length;
  const recall = mine.length === 0 ? 1 : right / mine.length;
  const precision = naming.length === 0 ? 1 : (naming.length - wrong) / naming.length;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  console.log(`| ${topic} | ${mine.length} | ${flagged} | ${right} | ${pct(recall)} | ${naming.length > 0 ? pct(precision) : '–'} | ${f1.toFixed(3)} | ${wrong} |`);
}
const falseNone = outcomes.filter((o) => o.row.topic === 'none' && o.findings.length > 0).length;
const falsePermitted = outcomes.filter((o) => o.row.topic !== 'none' && !shouldWarn(o.row) && o.findings.length > 0).length;
console.log(`\nFalse alarms: ${falseNone} on \`none\` rows, ${falsePermitted} on rows with a recorded permission check.`);

if (args.includes('--misses')) {
  console.log('\n### Should warn, not flagged or naming another topic\n');
  for (const o of outcomes) {
    if (!shouldWarn(o.row) || rightTopic(o)) continue;
    const got = o.findings.length === 0 ? 'not flagged' : `named ${o.topics.join(', ') || '?'}${o.referral ? ' (referral)' : ''} at ${o.spans.map((s) => `‘${s}’`).join(', ')}`;
    console.log(`- ${o.row.id} [${o.row.topic}/${o.row.kind}] ${o.row.text.replace(/\n/g, ' ⏎ ')}  ⟶ ${got}`);
  }
}
if (args.includes('--false')) {
  console.log('\n### Should not warn, flagged\n');
  for (const o of outcomes) {
    if (shouldWarn(o.row) || o.findings.length === 0) continue;
    console.log(`- ${o.row.id} [${o.row.topic}/${o.row.kind}] ${o.row.text.replace(/\n/g, ' ⏎ ')}  ⟶ ${o.topics.join(', ')} at ${o.spans.map((s) => `‘${s}’`).join(', ')}`);
  }
}

function names(o: Outcome, topic: string): boolean {
  return o.topics.includes(topic) || (topic === 'self-harm' && o.referral);
}
