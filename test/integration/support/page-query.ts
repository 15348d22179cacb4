// Lets a test read what the workbench page shows, under the offline runner
// (scripts/test-host/run.mjs): the extension host has no DOM. The test logs
// `COACH_PAGE_QUERY <name> <file>`, the runner runs the named, read-only query in the page and
// writes `{ value }` or `{ error }` to the file, and the test waits for it.
// Under any other host (e.g. @vscode/test-electron) there is no runner to ask: `canQueryPage()`
// is false and the test uses what that host offers instead.
import * as fs from 'node:fs';
import * as path from 'node:path';

let asked = 0;

export const canQueryPage = (): boolean => Boolean(process.env.COACH_PAGE_QUERY_DIR);

/** The answer of the runner's page query `name` (see PAGE_QUERIES in run.mjs). */
export async function queryPage<T>(name: string, timeoutMs = 10_000): Promise<T> {
  const dir = process.env.COACH_PAGE_QUERY_DIR;
  if (!dir) throw new Error('This host has no runner to query the page (only scripts/test-host/run.mjs has).');
  const file = path.join(dir, `${process.pid}-${++asked}.json`);
  console.log(`COACH_PAGE_QUERY ${name} ${file}`);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`The runner did not answer the page query ${name} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const answer = JSON.parse(fs.readFileSync(file, 'utf8')) as { value?: T; error?: string };
  fs.rmSync(file, { force: true });
  if (answer.error !== undefined) throw new Error(`page query ${name}: ${answer.error}`);
  return answer.value as T;
}
