/**
 * `npm run eval:headings`: how marker headings as coaches title them are read, on the labelled
 * heading sets in this folder — overall, per kind and per framework.
 *   --set dev|holdout   which set (default dev)
 *   --misses            list every row not credited to its marker (and every `none` row taken or offered)
 */
import { loadSetup } from '../../src/core/engine/setup';
import { breakdown, figures, readSet, run, type Figures } from './evaluate';

const args = process.argv.slice(2);
const at = args.indexOf('--set');
const set = at >= 0 && args[at + 1] ? String(args[at + 1]) : 'dev';
const rows = readSet(set);
const outcomes = run(rows, loadSetup());

const pct = (n: number, of: number) => (of > 0 ? `${((100 * n) / of).toFixed(1)}%` : '–');
const line = (name: string, f: Figures) =>
  `| ${name} | ${f.intended} | ${pct(f.credited, f.intended)} | ${pct(f.credited + f.offered, f.intended)} | ${f.wrong} | ${f.missed} | ${f.none} | ${f.taken} | ${f.questioned} |`;
const table = (title: string, groups: Map<string, Figures>) => {
  console.log(`\n### ${title}\n`);
  console.log('| group | marker rows | credited | credited or offered | wrong marker | not recognized | none rows | taken | questioned |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [k, f] of groups) console.log(line(k, f));
};

const total = figures(outcomes);
console.log(`## Marker headings on the ${set} set (${rows.length} lines)\n`);
console.log(
  `credited ${pct(total.credited, total.intended)} · credited or offered as a one-click heading ${pct(total.credited + total.offered, total.intended)} ` +
    `(${total.credited} + ${total.offered} of ${total.intended}; ${total.wrong} to a wrong marker, ${total.missed} not recognized) · ` +
    `non-marker lines taken ${total.taken} of ${total.none} (${pct(total.taken, total.none)}), questioned ${total.questioned} · ` +
    `near misses also reported missing: ${total.contradictions}`,
);
table('By kind', breakdown(outcomes, (o) => o.row.kind));
table('By framework', breakdown(outcomes, (o) => o.row.framework));
if (args.includes('--misses')) {
  console.log('\n### Not credited to the intended marker\n');
  for (const o of outcomes) {
    if (o.verdict === 'credited' || o.verdict === 'left') continue;
    console.log(`- ${o.row.id} [${o.row.framework}/${o.row.kind}] ${o.verdict}${o.got ? ` ${o.got}` : ''} (meant ${o.row.expected}): ${JSON.stringify(o.row.line)}`);
  }
}
