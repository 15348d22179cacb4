/**
 * `npm run train:judgmental`: trains lexicons/judgmental-model.json from the labelled sets in
 * eval/judgmental (dev-*, fresh-* and the neutral note sentences neutral-*; never holdout-* or
 * notes-*), prints how it does on each fresh set left out of its training and on the validation
 * notes, and picks the threshold from those figures.
 *   --exclude SET   leave a set out entirely (to score a new set blind before it is trained on)
 *   --check         write nothing; exit 1 if the file differs from what the sets give
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSetup } from '../src/core/engine/setup';
import { serializeSentenceModel } from '../src/core/language/sentence-model';
import { EVAL_DIR, readSet, type Row } from '../eval/judgmental/evaluate';
import { globSync } from 'tinyglobby';
import { chooseThreshold, crossSet, examplesOf, JUDGMENT_RATE, MAX_NOTE_FLAGS, MIN_NOTE_PRECISION, MIN_PRECISION, noteFlags, notePrecision, pooled, sentenceCount, train, TRAINING } from '../eval/judgmental/model';

const args = process.argv.slice(2);
const excluded = args.includes('--exclude') ? String(args[args.indexOf('--exclude') + 1]) : undefined;
const check = args.includes('--check');
const out = join(__dirname, '..', 'lexicons', 'judgmental-model.json');

const sets = readdirSync(EVAL_DIR)
  .filter((f) => /^(dev|fresh|neutral)-.*\.tsv$/.test(f))
  .map((f) => f.replace(/\.tsv$/, ''))
  .filter((s) => s !== excluded)
  .sort();
const setup = loadSetup();
delete setup.judgmental.model; // the sets are read without the model it replaces
const categoryIds = [...setup.judgmental.categories.values()].filter((c) => c.builtin).map((c) => c.id);
const setOfRow = new Map<Row, string>();
const rows = sets.flatMap((set) => readSet(set).map((row) => (setOfRow.set(row, set), row)));
const examples = examplesOf(rows, setup);
// Neutral note sentences are only ever trained on; the fresh sets are each left out in turn.
const fresh = sets.filter((s) => s.startsWith('fresh-'));
const neutral = sets.filter((s) => s.startsWith('neutral-'));
const results = crossSet(examples, (r) => setOfRow.get(r) as string, fresh, neutral, setup, categoryIds);
// Validation notes, never trained on: the example workspace and the test fixtures' notes.
const root = join(__dirname, '..');
const notes = globSync(['examples/notes/**/*.coach.md', 'test/fixtures/workspace/**/*.coach.md'], { cwd: root }).sort().map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));
const trained = train(examples, categoryIds, 0.5);
const flags = noteFlags(trained, notes, setup);
const noteSentences = sentenceCount(notes, setup);
const threshold = chooseThreshold(results, flags, noteSentences);
const model = { ...trained, threshold };

const pct = (x: number) => (Number.isNaN(x) ? '–' : x.toFixed(3));
const figures = results.map((r) => {
  const s = r.byThreshold.find((b) => b.threshold === threshold) as { tp: number; fp: number; fn: number };
  return { set: r.set, rows: r.rows, rule_recall: Number(pct(r.ruleRecall)), precision: Number(pct(s.tp / (s.tp + s.fp))), recall: Number(pct(s.tp / (s.tp + s.fn))) };
});
console.log(`Sentence model: ${rows.length} labelled sentences from ${sets.join(', ')}; ${model.weights.size} weights.`);
const chosenInNotes = notePrecision(pooled(results, threshold));
if (chosenInNotes >= MIN_NOTE_PRECISION) console.log(`Threshold ${threshold}: the lowest at which, over the left-out sets, precision is ≥ ${MIN_PRECISION} on the labelled sentences and ≥ ${MIN_NOTE_PRECISION} in whole notes (${100 * JUDGMENT_RATE}% of sentences judgmental), and the model flags at most ${100 * MAX_NOTE_FLAGS}% of the ${noteSentences} sentences of ${notes.length} validation notes.\n`);
else console.log(`Threshold ${threshold}: no threshold gives, over the left-out sets, precision ≥ ${MIN_NOTE_PRECISION} in whole notes (${100 * JUDGMENT_RATE}% of sentences judgmental) with ≥ ${MIN_PRECISION} on the labelled sentences and at most ${100 * MAX_NOTE_FLAGS}% of the ${noteSentences} validation-note sentences flagged; this one comes closest (${chosenInNotes.toFixed(3)}).\n`);
console.log('| threshold | recall | precision (labelled sets) | false alarms per 1,000 neutral note sentences | precision in whole notes | validation-note sentences flagged |\n|---|---|---|---|---|---|');
for (const t of flags.keys()) {
  const s = pooled(results, t);
  console.log(`| ${t}${t === threshold ? ' ←' : ''} | ${pct(s.tp / (s.tp + s.fn))} | ${pct(s.tp / (s.tp + s.fp))} | ${((1000 * s.noteFp) / (s.noteFp + s.noteTn)).toFixed(1)} | ${pct(notePrecision(s))} | ${flags.get(t)} |`);
}
console.log('');
console.log('| left out of training | sentences | word lists alone: recall | with the model: precision | recall |\n|---|---|---|---|---|');
for (const f of figures) console.log(`| ${f.set} | ${f.rows} | ${f.rule_recall} | ${f.precision} | ${f.recall} |`);

const text = serializeSentenceModel(model, {
  $comment: 'Generated by `npm run train:judgmental` (scripts/train-judgmental-model.ts) from eval/judgmental; do not edit by hand. Logistic regression over the words and word pairs of a sentence (names, numbers and quotations as placeholders).',
  trained_on: Object.fromEntries(sets.map((s) => [s, rows.filter((r) => setOfRow.get(r) === s).length])),
  training: TRAINING,
  left_out_figures: figures,
  validation_notes: { notes: notes.length, sentences: noteSentences, flagged: flags.get(threshold) ?? 0 },
});
if (check) {
  const current = readFileSync(out, 'utf8');
  if (current !== text) {
    console.error('\nlexicons/judgmental-model.json differs from what the sets give: run `npm run train:judgmental`.');
    process.exit(1);
  }
  console.log('\nlexicons/judgmental-model.json is up to date.');
} else {
  writeFileSync(out, text);
  console.log(`\nWrote ${out}${excluded ? ` without ${excluded} (score it now, then train again without --exclude)` : ''}.`);
}
