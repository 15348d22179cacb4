/**
 * `npm run eval:judgmental:notes -- [--set notes-a] [--no-model] [--list]`: coach:judgmental-language
 * on whole notes (eval/judgmental/notes-*), scored by line against labels.tsv: a finding on a
 * labelled line is a hit, on any other line a false alarm; a labelled line without one, a miss.
 * Real notes are mostly neutral prose, so this is the precision a coach meets.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { lintText } from '../../src/core/engine/lint';
import { loadSetup } from '../../src/core/engine/setup';
import { tsvRows } from '../scoring';

const args = process.argv.slice(2);
const set = args.includes('--set') ? String(args[args.indexOf('--set') + 1]) : 'notes-a';
const dir = join(__dirname, set);
const setup = loadSetup();
if (args.includes('--no-model')) delete setup.judgmental.model;
const labels = tsvRows(readFileSync(join(dir, 'labels.tsv'), 'utf8'), 'labels.tsv', 'file\tline\tcategory\tperson\ttext').map(([file, line, category, person, text]) => ({ key: `${file}:${line}`, category: category ?? '', person: person ?? '', text: text ?? '' }));
const labelled = new Map(labels.map((l) => [l.key, l]));
const flaggedLines = new Map<string, string[]>();
const files = globSync('*.coach.md', { cwd: dir }).sort();
let lines = 0;
for (const file of files) {
  const text = readFileSync(join(dir, file), 'utf8');
  lines += text.split('\n').length;
  for (const f of lintText(text, file, setup, { only: ['judgmental-language'] }).findings) {
    const key = `${file}:${f.place.start.line}`;
    flaggedLines.set(key, [...(flaggedLines.get(key) ?? []), `${String(f.data?.['source'])}: ‘${text.slice(f.place.start.offset, f.place.end.offset)}’`]);
  }
}
const hits = labels.filter((l) => flaggedLines.has(l.key));
const alarms = [...flaggedLines.keys()].filter((k) => !labelled.has(k));
const precision = hits.length / (hits.length + alarms.length);
const recall = hits.length / labels.length;
console.log(`## coach:judgmental-language on ${files.length} whole notes (${set}, ${lines} lines, ${labels.length} labelled judgments)${setup.judgmental.model ? '' : ', word lists only'}\n`);
console.log(`precision ${precision.toFixed(3)} · recall ${recall.toFixed(3)} · F1 ${((2 * precision * recall) / (precision + recall)).toFixed(3)}  (hits ${hits.length}, false alarms ${alarms.length}, misses ${labels.length - hits.length})`);
for (const group of ['client', 'other']) {
  const g = labels.filter((l) => l.person === group);
  console.log(`- about ${group === 'client' ? 'the client' : 'other people'}: recall ${(g.filter((l) => flaggedLines.has(l.key)).length / g.length).toFixed(3)} (${g.length})`);
}
if (args.includes('--list')) {
  console.log('\n### False alarms\n');
  for (const k of alarms) console.log(`- ${k} ${(flaggedLines.get(k) ?? []).join(' · ')}`);
  // Reading the misses spends the set: its labelled sentences are then known.
  console.log('\n### Misses\n');
  for (const l of labels.filter((m) => !flaggedLines.has(m.key))) console.log(`- ${l.key} (${l.category}, ${l.person}) ${l.text}`);
}
