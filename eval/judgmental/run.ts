/**
 * `npm run eval`: precision, recall and F1 of coach:judgmental-language on the labelled sentence
 * sets in this folder — overall, per category and per person judged.
 *   --set NAME          which set: dev, holdout, fresh (all fresh-*), or one file such as fresh-d (default dev)
 *   --misses            list the judgmental sentences not flagged
 *   --false             list the neutral sentences flagged, with the flagged words
 */
import { loadSetup } from '../../src/core/engine/setup';
import { breakdown, readSet, run, score, type Score } from './evaluate';

const args = process.argv.slice(2);
const set = args[args.indexOf('--set') + 1] && args.includes('--set') ? String(args[args.indexOf('--set') + 1]) : 'dev';
const rows = readSet(set);
const outcomes = run(rows, loadSetup());

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score) =>
  `| ${name} | ${s.tp + s.fn} | ${s.fp + s.tn} | ${s.tp + s.fn > 0 ? pct(s.recall) : '–'} | ${s.tp + s.fp > 0 ? pct(s.precision) : '–'} | ${s.tp + s.fn > 0 && s.tp + s.fp > 0 ? s.f1.toFixed(3) : '–'} | ${s.fp} |`;
const table = (title: string, scores: Map<string, Score>) => {
  console.log(`\n### ${title}\n\n| group | judgmental | neutral | recall | precision | F1 | false alarms |\n|---|---|---|---|---|---|---|`);
  for (const [k, s] of scores) console.log(line(k, s));
};

const total = score(outcomes);
console.log(`## coach:judgmental-language on the ${set} set (${rows.length} sentences)\n`);
console.log(`precision ${total.precision.toFixed(3)} · recall ${total.recall.toFixed(3)} · F1 ${total.f1.toFixed(3)}  (tp ${total.tp}, fp ${total.fp}, fn ${total.fn}, tn ${total.tn})`);
table('Judgmental sentences by category, neutral ones by kind', breakdown(outcomes, (o) => `${o.row.label === 'J' ? '' : 'neutral: '}${o.row.category}`));
table('By person described', breakdown(outcomes, (o) => o.row.person));
table('By source', breakdown(outcomes, (o) => o.row.source));
if (args.includes('--misses')) {
  console.log('\n### Judgmental sentences not flagged\n');
  for (const o of outcomes) if (o.row.label === 'J' && o.findings.length === 0) console.log(`- ${o.row.id} [${o.row.category}/${o.row.person}] ${o.row.text}`);
}
if (args.includes('--false')) {
  console.log('\n### Neutral sentences flagged\n');
  for (const o of outcomes) if (o.row.label === 'N' && o.findings.length > 0) console.log(`- ${o.row.id} [${o.row.category}] ${o.row.text}  ⟶ ${o.spans.map((s) => `‘${s}’`).join(', ')}`);
}
