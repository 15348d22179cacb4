// Child process of bench/startup.ts, bundled by it into dist/bench/startup-baselines.js like the
// shipped CLI, so each baseline is a whole process just as `coach-notes lint` is: start Node, load
// the code, find the notes, read and process them. Usage: node startup-baselines.js remark|markdownlint <folder>
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

function notesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.coach.md'))
    .sort()
    .map((name) => join(dir, name));
}

const [what, dir] = process.argv.slice(2);
if (!dir || (what !== 'remark' && what !== 'markdownlint')) throw new Error('usage: startup-baselines.js remark|markdownlint <folder>');
const files = notesUnder(dir);
let count = 0;
if (what === 'remark') {
  const parser = unified().use(remarkParse);
  for (const file of files) count += parser.parse(readFileSync(file, 'utf8')).children.length;
} else {
  // The library with its default rules, reading the files itself, as its own CLI would.
  const results = lint({ files });
  for (const file of files) count += results[file]?.length ?? 0;
}
process.stdout.write(`${files.length} notes, ${count}\n`);
