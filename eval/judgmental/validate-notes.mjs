// Checks a whole-note set (notes-c, notes-d): each label's text is on its stated line, one label per
// line, known categories and persons, and each note has client + date frontmatter.
// Run: node eval/judgmental/validate-notes.mjs notes-d   (exit code 1 on any problem)
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const set = process.argv[2];
if (!set) { console.error('usage: node eval/judgmental/validate-notes.mjs <set folder, e.g. notes-d>'); process.exit(2); }
const dir = join(dirname(fileURLToPath(import.meta.url)), set);
const categories = new Set(['character-label', 'difficult-client', 'doubt', 'diagnosing', 'substance-use',
  'condescension', 'generalization', 'blame', 'mind-reading', 'moralizing', 'dismissive']);
const errors = [];
const notes = readdirSync(dir).filter((f) => f.endsWith('.coach.md')).sort();
const lines = new Map(notes.map((f) => [f, readFileSync(join(dir, f), 'utf8').split('\n')]));

for (const [file, text] of lines) {
  const end = text.indexOf('---', 1);
  const fm = text[0] === '---' && end > 0 ? text.slice(1, end) : [];
  if (!fm.some((l) => /^client:\s*\S/.test(l))) errors.push(`${file}: no client`);
  if (!fm.some((l) => /^date:\s*\d{4}-\d{2}-\d{2}\s*$/.test(l))) errors.push(`${file}: no YYYY-MM-DD date`);
}

const rows = readFileSync(join(dir, 'labels.tsv'), 'utf8').trimEnd().split('\n');
if (rows[0] !== 'file\tline\tcategory\tperson\ttext') errors.push('labels.tsv: bad header');
const labelled = new Set();
const seenLines = new Set();
for (const row of rows.slice(1)) {
  const [file, line, category, person, sentence] = row.split('\t');
  const at = `${file}:${line}`;
  if (!lines.has(file)) { errors.push(`${at}: no such note`); continue; }
  if (seenLines.has(at)) errors.push(`${at}: two labels on one line`);
  seenLines.add(at);
  if (!categories.has(category)) errors.push(`${at}: unknown category ${category}`);
  if (person !== 'client' && person !== 'other') errors.push(`${at}: person must be client or other`);
  if (!sentence || !(lines.get(file)[Number(line) - 1] ?? '').includes(sentence)) errors.push(`${at}: text not on that line`);
  labelled.add(file);
}

const words = [...lines.values()].map((l) => l.join('\n').replace(/^---[\s\S]*?---/, '').split(/\s+/).filter(Boolean).length);
console.log(`${notes.length} notes, ${labelled.size} with judgments, ${notes.length - labelled.size} without, ` +
  `${rows.length - 1} labelled sentences, words per note ${Math.min(...words)}–${Math.max(...words)}`);
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
