// Lets a test ask the offline runner (scripts/test-host/run.mjs --screenshot FILE) for a
// screenshot of the workbench at the moment the test chooses, e.g. once an editor shows
// diagnostics. The runner watches the extension host's log for `COACH_SCREENSHOT <path>`,
// saves the page there, and the test waits for the file before going on.
// Under any other host (e.g. @vscode/test-electron) this resolves to false at once.
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Requests a screenshot and waits until it is written. `file` (optional) is relative to the
 * directory the runner was started from; without it the runner's --screenshot FILE is used.
 * Returns the absolute path written, or false when screenshots were not requested for this run.
 */
export async function requestScreenshot(file?: string, timeoutMs = 30_000): Promise<string | false> {
  const base = process.env.COACH_SCREENSHOT_BASE;
  const fallback = process.env.COACH_SCREENSHOT_FILE;
  if (!base || !fallback) return false;
  const target = path.resolve(base, file ?? fallback);
  fs.rmSync(target, { force: true });
  // Give the workbench a moment to paint what the test just did.
  await new Promise((resolve) => setTimeout(resolve, 750));
  console.log(`COACH_SCREENSHOT ${target}`);
  const deadline = Date.now() + timeoutMs;
  while (!fs.existsSync(target)) {
    if (Date.now() > deadline) throw new Error(`The runner did not write the screenshot ${target} within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return target;
}
