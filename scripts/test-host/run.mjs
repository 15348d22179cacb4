#!/usr/bin/env node
// Runs the integration suite (out/integration/index.js) inside a real VS Code extension host,
// offline: VS Code's server from code-server (installed by install.mjs) serves the workbench,
// headless Debian Chromium (driven by playwright-core) loads it, and the workbench runs the
// suite in the server's Node extension host, as VS Code's own browser integration tests do.
//
// Usage: node scripts/test-host/run.mjs [WORKSPACE] [options]
//   WORKSPACE            folder to open (default: a fresh copy of test/fixtures/workspace/)
//   --screenshot FILE    enable screenshots: tests may request one (test/integration/support/
//                        screenshot.ts); otherwise one is saved to FILE just before exit
//   --grep PATTERN       only run tests whose full title matches PATTERN
//   --timeout SECONDS    give up after this long (default 600)
//   --server KIND        'vscode' (VS Code's server-main.js, default) or 'code-server'
//   --settings FILE      JSON object merged into the user settings (e.g. a color theme for screenshots)
//   --restricted         open the folder untrusted, in Restricted Mode (workspace trust on, no prompt)
//   --viewport WxH       browser window size (default 1280x800)
//   --keep               keep the per-run folder (logs, user data, workspace copy) on success
//   --verbose            also print the server's output and the browser console
//   --tests DIR          run the compiled suite in DIR (default out/integration; e.g. out/bench-host,
//                        built by build-tests.mjs --suite bench-host)
//   --open FILE          a file the workbench opens as it starts (as a restored editor would be)
// Tests can also ask the runner what the page shows (test/integration/support/page-query.ts):
// the extension host has no DOM, so a named, read-only query runs in the page for them.
// Exit code: 0 when the suite passed, 1 otherwise.
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { format, parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { isInstalled } from './install.mjs';
import { CHROMIUM_ARGS, hostEnv, remoteUri, RESTRICTED_SETTINGS, startServer, stopServer as stopServerProcess, workbenchUrl, writeUserSettings } from './server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = '/usr/bin/chromium';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const say = (message) => console.log(`[test-host] ${message}`);

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    screenshot: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '600' },
    server: { type: 'string', default: 'vscode' },
    keep: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    viewport: { type: 'string', default: '1280x800' },
    settings: { type: 'string' },
    restricted: { type: 'boolean', default: false },
    tests: { type: 'string' },
    open: { type: 'string' },
  },
});

function die(message) {
  console.error(`[test-host] ERROR: ${message}`);
  process.exit(1);
}

// ---- preconditions -------------------------------------------------------------------------
const testsIndex = join(opts.tests ? resolve(opts.tests) : join(root, 'out', 'integration'), 'index.js');
if (!isInstalled()) die('code-server is not installed: run `npm run host:install` (node scripts/test-host/install.mjs).');
if (!existsSync(CHROMIUM)) die(`${CHROMIUM} not found. Install it with: apt-get install -y --no-install-recommends chromium`);
if (!existsSync(testsIndex)) die(`${testsIndex} not found: run node scripts/test-host/build-tests.mjs first.`);
const openFile = opts.open ? resolve(opts.open) : undefined;
if (openFile && !existsSync(openFile)) die(`--open ${opts.open}: no such file`);
if (!existsSync(join(root, 'dist', 'extension.js'))) die('dist/extension.js not found: run `npm run build` first.');
if (!['vscode', 'code-server'].includes(opts.server)) die(`--server must be 'vscode' or 'code-server', not '${opts.server}'`);
const timeoutMs = Number(opts.timeout) * 1000;
if (!(timeoutMs > 0)) die(`--timeout must be a number of seconds, not '${opts.timeout}'`);
const [width, height] = opts.viewport.split('x').map(Number);
if (!(width > 0 && height > 0)) die(`--viewport must look like 1280x800, not '${opts.viewport}'`);
const screenshotFile = opts.screenshot ? resolve(opts.screenshot) : undefined;

// ---- per-run folder: HOME, XDG folders, TMPDIR, user data, extensions, workspace ----------
// Under the system temp folder (short paths: VS Code puts Unix sockets in TMPDIR).
const runDir = mkdtempSync(join(tmpdir(), 'coach-it-'));
const dirs = {
  home: join(runDir, 'home'),
  config: join(runDir, 'xdg-config'),
  data: join(runDir, 'xdg-data'),
  cache: join(runDir, 'xdg-cache'),
  tmp: join(runDir, 'tmp'),
  userData: join(runDir, 'user-data'),
  extensions: join(runDir, 'extensions'),
  serverData: join(runDir, 'server-data'),
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
let extraSettings = {};
if (opts.settings) {
  try {
    extraSettings = JSON.parse(readFileSync(resolve(opts.settings), 'utf8'));
  } catch (error) {
    die(`--settings ${opts.settings}: ${error.message}`);
  }
}
writeUserSettings(dirs.userData, opts.restricted ? { ...RESTRICTED_SETTINGS, ...extraSettings } : extraSettings);

let workspace;
if (positionals[0]) {
  workspace = resolve(positionals[0]);
  if (!existsSync(workspace)) die(`workspace folder ${workspace} does not exist`);
} else {
  workspace = join(runDir, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
}

// Never let a surrounding VS Code (integrated terminal) leak into the test instance.
const env = hostEnv(dirs);
// The server's environment reaches the extension host, hence the tests.
if (opts.grep) env.COACH_TEST_GREP = opts.grep;
env.COACH_PAGE_QUERY_DIR = join(runDir, 'page-queries');
if (screenshotFile) Object.assign(env, { COACH_SCREENSHOT_BASE: process.cwd(), COACH_SCREENSHOT_FILE: screenshotFile });

// ---- screenshots ---------------------------------------------------------------------------
const screenshots = {
  taken: new Set(),
  queue: Promise.resolve(),
  /** Writes atomically (temp file + rename): the requesting test waits for the file to appear. */
  take(file, { quiet = false } = {}) {
    this.queue = this.queue.then(async () => {
      if (!page) throw new Error('the workbench page is not open');
      mkdirSync(dirname(file), { recursive: true });
      const partial = `${file}.partial-${process.pid}.png`;
      await page.screenshot({ path: partial, animations: 'disabled', caret: 'hide', timeout: 10_000 });
      renameSync(partial, file);
      this.taken.add(file);
      if (!quiet) say(`screenshot saved to ${file}`);
    });
    return this.queue;
  },
  /** --screenshot FILE when no test asked for it; after a failure, one in the run folder. */
  async final(code) {
    if (screenshotFile && page && !this.taken.has(screenshotFile)) await this.take(screenshotFile);
    if (code !== 0 && page) await this.take(join(runDir, 'workbench-at-exit.png'), { quiet: true });
  },
};

// ---- page queries --------------------------------------------------------------------------
// Named and read-only: a test picks one by name and gets its JSON answer in a file it waits for.
// Code that runs in the page is written here, never sent by the test.
const PAGE_QUERIES = {
  // Developer: Inspect Editor Tokens and Scopes — the token under the cursor and its TextMate
  // scopes (innermost first, one per line), or null while the widget is not shown.
  tokenInspector: `(() => {
    const widget = document.querySelector('.token-inspect-widget');
    if (!widget) return null;
    const heading = widget.querySelector('h2.tiw-token');
    const scopes = widget.querySelector('td.tiw-metadata-scopes');
    return {
      // A long token is shown shortened: "first…last".
      token: heading?.firstChild?.textContent ?? '',
      // Text nodes between <br>s; read even while the widget is scrolled out of sight.
      scopes: scopes ? Array.from(scopes.childNodes).filter((n) => n.nodeType === 3).map((n) => n.textContent.trim()).filter(Boolean) : [],
      text: widget.textContent,
    };
  })()`,
};

async function answerPageQuery(name, file) {
  let answer;
  if (!Object.hasOwn(PAGE_QUERIES, name)) answer = { error: `unknown page query ${name}` };
  else if (!page) answer = { error: 'the workbench page is not open' };
  else answer = await page.evaluate(PAGE_QUERIES[name]).then((value) => ({ value }), (error) => ({ error: error.message }));
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  writeFileSync(partial, JSON.stringify(answer));
  renameSync(partial, file);
}

// ---- cleanup, whatever happens -----------------------------------------------------------
const serverLog = createWriteStream(join(runDir, 'server.log'));
let page;
let workbenchLog;
let server;
let browser;
let finishing = false;

async function stopServer() {
  if (server) await stopServerProcess(server);
}

async function finish(code, reason) {
  if (finishing) return;
  finishing = true;
  if (reason) console.error(`[test-host] ${reason}`);
  await screenshots.final(code).catch((error) => console.error(`[test-host] final screenshot failed: ${error.message}`));
  await browser?.close().catch(() => {});
  await stopServer();
  serverLog.end();
  workbenchLog?.end();
  if (code === 0 && !opts.keep) {
    rmSync(runDir, { recursive: true, force: true });
  } else {
    say(`run folder kept: ${runDir} (server.log, workbench.log, workbench-at-exit.png, user-data/logs/, workspace/)`);
  }
  say(`${code === 0 ? 'PASSED' : 'FAILED'} (exit ${code}) in ${elapsed()}`);
  process.exit(code);
}

process.on('SIGINT', () => finish(130, 'interrupted'));
process.on('SIGTERM', () => finish(143, 'terminated'));
const globalTimer = setTimeout(() => finish(1, `timed out after ${opts.timeout} s`), timeoutMs);
globalTimer.unref();

// ---- server --------------------------------------------------------------------------------
say(`starting ${opts.server === 'vscode' ? "VS Code's server" : 'code-server'} (run folder ${runDir})`);
const launched = startServer({
  kind: opts.server,
  port: 0,
  dirs: { ...dirs, runDir },
  env,
  cwd: runDir,
  restricted: opts.restricted,
  onOutput: (chunk) => {
    serverLog.write(chunk);
    if (opts.verbose) process.stdout.write(`[server] ${chunk}`);
  },
});
server = launched.server;
const port = await launched.ready.catch((error) => finish(1, `${error.message}; see ${join(runDir, 'server.log')}`));
server.on('exit', (code, signal) => { if (!finishing) finish(1, `the server exited unexpectedly (${code ?? signal}); see ${join(runDir, 'server.log')}`); });
say(`server listening on 127.0.0.1:${port} after ${elapsed()}`);

// ---- browser -------------------------------------------------------------------------------
try {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    env,
    args: [...CHROMIUM_ARGS,
      // Only the local server is reachable: lookups of anything else fail at once instead of hanging.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
  });
  const context = await browser.newContext({ viewport: { width, height } });
  page = await context.newPage();
  say(`Chromium started after ${elapsed()}`);
} catch (error) {
  await finish(1, `could not start Chromium: ${error.message}`);
}
page.on('crash', () => finish(1, 'the workbench page crashed'));
page.on('pageerror', (error) => { if (opts.verbose) console.error(`[browser] page error: ${error.message}`); });
if (opts.verbose) page.on('console', (message) => console.log(`[browser:${message.type()}] ${message.text()}`));

// Everything the workbench logs (its own log and the extension host's console) goes to
// workbench.log; stdout gets the same minus the workbench's routine start-up chatter.
workbenchLog = createWriteStream(join(runDir, 'workbench.log'));
const NOISE = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\] registration/,
  /^ChatSessionStore: /,
  /ENOTFOUND open-vsx\.org/,
  /vsda/,
];
await page.exposeFunction('codeAutomationLog', (type, args) => {
  const text = format(...(Array.isArray(args) ? args : [args]));
  workbenchLog.write(`[${type}] ${text}\n`);
  const request = /^COACH_SCREENSHOT (.+)$/m.exec(text);
  if (request) {
    screenshots.take(resolve(request[1].trim())).catch((error) => console.error(`[test-host] screenshot failed: ${error.message}`));
    return;
  }
  const query = /^COACH_PAGE_QUERY (\S+) (.+)$/m.exec(text);
  if (query) {
    const file = resolve(query[2].trim());
    if (dirname(file) === env.COACH_PAGE_QUERY_DIR) answerPageQuery(query[1], file).catch((error) => console.error(`[test-host] page query failed: ${error.message}`));
    return;
  }
  if (text.startsWith('integration: running')) say(`mocha starting after ${elapsed()}`);
  if (!opts.verbose && NOISE.some((noise) => noise.test(text))) return;
  (type === 'error' || type === 'warn' ? console.error : console.log)(text);
});
await page.exposeFunction('codeAutomationExit', async (code) => {
  say(`suite done after ${elapsed()}`);
  await finish(code === 0 ? 0 : 1, code === 0 ? undefined : `the suite reported exit code ${code}`);
});

// ---- go ------------------------------------------------------------------------------------
const remote = (path) => remoteUri(port, path);
const payload = [
  ['extensionDevelopmentPath', remote(root)],
  ['extensionTestsPath', remote(testsIndex)],
  ['skipWelcome', 'true'],
  ['skipReleaseNotes', 'true'],
  // The browser workbench opens this file as it starts (its environment's filesToOpenOrCreate).
  ...(openFile ? [['openFile', remote(openFile)]] : []),
];
const url = workbenchUrl({ port, folder: workspace, payload });
say(`opening the workbench on ${workspace}`);
try {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  say(`workbench page loaded after ${elapsed()}`);
} catch (error) {
  await finish(1, `could not open the workbench: ${error.message}`);
}
