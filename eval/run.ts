/**
 * `npm run eval`: every labelled evaluation of the linter's core checks, one after another, each in
 * its own process (they load the engine independently):
 *   judgmental   eval/judgmental/run.ts   coach:judgmental-language on labelled sentences
 *   sensitive    eval/sensitive/run.ts    coach:permission-check and coach:referral-check on note paragraphs
 *   headings     eval/headings/run.ts     marker sections as coaches title them
 * Options are passed to each: --set dev|holdout (and fresh for judgmental), --misses, --false.
 * --only=judgmental,headings runs some of them.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const EVALS = ['judgmental', 'sensitive', 'headings'] as const;
const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
const passed = args.filter((a) => !a.startsWith('--only='));
let failed = false;
for (const name of EVALS) {
  if (only && !only.includes(name)) continue;
  const run = spawnSync(process.execPath, [...process.execArgv, join(__dirname, name, 'run.ts'), ...passed], { stdio: 'inherit' });
  if (run.status !== 0) failed = true;
  console.log('');
}
process.exit(failed ? 1 : 0);
