// Checks the notes-b evaluation set is self-consistent: every label points at a line that holds its
// sentence, and every note is a well-formed note. Run: node eval/judgmental/notes-b/validate.mjs
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const CATEGORIES = new Set(['character-label', 'difficult-client', 'doubt', 'diagnosing', 'substance-use',
  'condescension', 'generalization', 'blame', 'mind-reading', 'moralizing', 'dismissive']);
const PERSONS = new Set(['client', 'other']);
const errors = [];

const notes = readdirSync(dir).filter((f) => f.endsWith('.coach.md')).sort();
const lines = new Map();
const words = [];
for (const f of notes) {
  const text = readFileSync(join(dir, f), 'utf8');
  lines.set(f, text.split('\n'));
  const fm = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!fm) { errors.push(`${f}: no closed frontmatter`); continue; }
  const client = /^client: *(\S.*)$/m.exec(fm[1]);
  const date = /^date: *(\d{4}-\d{2}-\d{2})$/m.exec(fm[1]);
  if (!client) errors.push(`${f}: frontmatter has no client`);
  if (!date) errors.push(`${f}: frontmatter has no YYYY-MM-DD date`);
  // The file name carries the date too; the two must agree or the session order is ambiguous.
  else if (!f.endsWith(`-${date[1]}.coach.md`)) errors.push(`${f}: file name date differs from ${date[1]}`);
  words.push(text.slice(fm[0].length).split(/\s+/).filter(Boolean).length);
}

const tsv = readFileSync(join(dir, 'labels.tsv'), 'utf8').trimEnd().split('\n');
if (tsv[0] !== 'file\tline\tcategory\tperson\ttext') errors.push('labels.tsv: unexpected header');
const perCategory = new Map();
const perPerson = new Map();
const labelled = new Set();
const seenLines = new Set();
for (const [i, row] of tsv.slice(1).entries()) {
  const [file, line, category, person, sentence, ...rest] = row.split('\t');
  const where = `labels.tsv row ${i + 2}`;
  if (rest.length || !sentence) { errors.push(`${where}: expected 5 columns`); continue; }
  if (!CATEGORIES.has(category)) errors.push(`${where}: unknown category ${category}`);
  if (!PERSONS.has(person)) errors.push(`${where}: unknown person ${person}`);
  const fileLines = lines.get(file);
  if (!fileLines) { errors.push(`${where}: no note ${file}`); continue; }
  const n = Number(line);
  if (!fileLines[n - 1]?.includes(sentence)) errors.push(`${where}: text not on ${file}:${line}`);
  if (seenLines.has(`${file}:${n}`)) errors.push(`${where}: second label on ${file}:${line}`);
  seenLines.add(`${file}:${n}`);
  labelled.add(file);
  perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
  perPerson.set(person, (perPerson.get(person) ?? 0) + 1);
}

const clients = new Set(notes.map((f) => f.replace(/-\d{4}-\d{2}-\d{2}\.coach\.md$/, '')));
console.log(`notes ${notes.length}, clients ${clients.size}, with labels ${labelled.size}, without ${notes.length - labelled.size}`);
console.log(`words per note (after frontmatter): min ${Math.min(...words)}, max ${Math.max(...words)}, total ${words.reduce((a, b) => a + b, 0)}`);
console.log(`labels ${tsv.length - 1}: ${[...perCategory].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(`person: ${[...perPerson].sort().map(([k, v]) => `${k} ${v}`).join(', ')}`);
for (const e of errors) console.error(`ERROR ${e}`);
process.exitCode = errors.length ? 1 : 0;
