#!/usr/bin/env node
// Checks the notes-a evaluation set is internally consistent, so a scoring run never measures a
// typo: every labels.tsv row names a real note, a valid category and person, and its text occurs
// on the line it names; every note has frontmatter with a client and a date matching its name.
// Usage: node eval/judgmental/notes-a/validate.mjs   (exit code 1 on any problem)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = dirname(fileURLToPath(import.meta.url));
const CATEGORIES = new Set([
  'character-label', 'difficult-client', 'doubt', 'diagnosing', 'substance-use', 'condescension',
  'generalization', 'blame', 'mind-reading', 'moralizing', 'dismissive',
]);
const PERSONS = new Set(['client', 'other']);
const problems = [];

const notes = new Map();
for (const name of readdirSync(dir).filter((f) => f.endsWith('.coach.md')).sort()) {
  const text = readFileSync(join(dir, name), 'utf8');
  const lines = text.split('\n');
  notes.set(name, lines);
  const end = lines.indexOf('---', 1);
  if (lines[0] !== '---' || end < 0) { problems.push(`${name}: no closed frontmatter`); continue; }
  const front = lines.slice(1, end);
  const client = front.find((l) => /^client:\s*\S/.test(l));
  const date = front.map((l) => /^date:\s*(\d{4}-\d{2}-\d{2})\s*$/.exec(l)).find(Boolean);
  if (!client) problems.push(`${name}: frontmatter has no client`);
  if (!date) problems.push(`${name}: frontmatter has no YYYY-MM-DD date`);
  else if (!name.endsWith(`-${date[1]}.coach.md`)) problems.push(`${name}: date ${date[1]} differs from the file name`);
  const words = lines.slice(end + 1).join(' ').split(/\s+/).filter(Boolean).length;
  if (words < 250 || words > 700) problems.push(`${name}: ${words} words, outside 250-700`);
}

const rows = readFileSync(join(dir, 'labels.tsv'), 'utf8').split('\n').filter((l) => l !== '');
if (rows[0] !== 'file\tline\tcategory\tperson\ttext') problems.push('labels.tsv: wrong header');
const seen = new Set();
const perCategory = new Map();
const labelled = new Set();
for (const [i, row] of rows.slice(1).entries()) {
  const where = `labels.tsv row ${i + 2}`;
  const [file, line, category, person, text, ...extra] = row.split('\t');
  if (extra.length > 0 || text === undefined || text === '') { problems.push(`${where}: needs 5 fields`); continue; }
  if (!CATEGORIES.has(category)) problems.push(`${where}: unknown category ${category}`);
  if (!PERSONS.has(person)) problems.push(`${where}: person must be client or other`);
  const lines = notes.get(file);
  if (!lines) { problems.push(`${where}: no note ${file}`); continue; }
  const n = Number(line);
  if (!Number.isInteger(n) || n < 1 || n > lines.length) { problems.push(`${where}: bad line ${line}`); continue; }
  if (!lines[n - 1].includes(text)) problems.push(`${where}: text not on ${file}:${n}`);
  if (seen.has(`${file}:${n}`)) problems.push(`${where}: second judgmental sentence on ${file}:${n}`);
  seen.add(`${file}:${n}`);
  labelled.add(file);
  perCategory.set(category, (perCategory.get(category) ?? 0) + 1);
}

console.log(`${notes.size} notes, ${labelled.size} with judgmental sentences, ${notes.size - labelled.size} without, ${rows.length - 1} labelled sentences`);
console.log([...perCategory].sort().map(([c, k]) => `${c} ${k}`).join(', '));
for (const p of problems) console.error(p);
process.exitCode = problems.length > 0 ? 1 : 0;
