#!/usr/bin/env node
// `npm run demo`: try the extension in a real VS Code in your browser, without installing it.
// Builds the extension, installs the offline host if needed (scripts/test-host/install.mjs),
// starts VS Code's server on 127.0.0.1 with the extension loaded from this checkout
// (extensionDevelopmentPath), and prints the URL to open. Ctrl+C stops it.
//
// Usage: node scripts/demo.mjs [FOLDER] [options]
//   FOLDER         folder to open (default: examples/notes)
//   --port N       port to listen on (default 3765; a free one is used if N is taken)
//   --no-build     skip `npm run build` (use the dist/ already there)
//   --verbose      also print the server's output
// User data and extensions live in .test-host/demo/ and persist between runs, so settings and
// layout survive a restart; the browser keeps its own state per address, so keep the same port.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isInstalled } from './test-host/install.mjs';
import { hostEnv, isRunning, remoteUri, startServer, stopServer, workbenchUrl, writeUserSettings } from './test-host/server.mjs';

const DEFAULT_PORT = 3765;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const say = (message) => console.log(`[demo] ${message}`);

function die(message) {
  console.error(`[demo] ERROR: ${message}`);
  process.exit(1);
}

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    port: { type: 'string', default: String(DEFAULT_PORT) },
    'no-build': { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
  },
});
const wantedPort = Number(opts.port);
if (!Number.isInteger(wantedPort) || wantedPort < 0 || wantedPort > 65535) die(`--port must be a port number, not '${opts.port}'`);
const folder = resolve(positionals[0] ?? join(root, 'examples', 'notes'));
if (!existsSync(folder) || !statSync(folder).isDirectory()) die(`${folder} is not a folder`);

/** Runs a node script from the project, output to the terminal; stops the demo if it fails. */
function runStep(what, script, args = []) {
  say(what);
  // TypeScript scripts run through tsx, as npm run does.
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const result = spawnSync(process.execPath, [...loader, join(root, script), ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) die(`${what} failed (${result.status ?? result.signal})`);
}

/** Resolves to true when nothing listens on 127.0.0.1:port. */
function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen({ host: '127.0.0.1', port, exclusive: true }, () => probe.close(() => done(true)));
  });
}

// ---- build and host --------------------------------------------------------------------------
if (!opts['no-build']) runStep('building the extension (npm run build)', 'scripts/build.ts');
if (!existsSync(join(root, 'dist', 'extension.js'))) die('dist/extension.js not found: run `npm run build` first.');
if (!isInstalled()) runStep('installing the VS Code host (first run only, about two minutes)', 'scripts/test-host/install.mjs');

// ---- folders ---------------------------------------------------------------------------------
// Persistent: user data, extensions, server data, HOME and XDG folders. Per run: TMPDIR, under
// the system temp folder because VS Code puts Unix sockets there (short paths).
const demoDir = join(root, '.test-host', 'demo');
const runTmp = mkdtempSync(join(tmpdir(), 'coach-demo-'));
const dirs = {
  home: join(demoDir, 'home'),
  config: join(demoDir, 'xdg-config'),
  data: join(demoDir, 'xdg-data'),
  cache: join(demoDir, 'xdg-cache'),
  userData: join(demoDir, 'user-data'),
  extensions: join(demoDir, 'extensions'),
  serverData: join(demoDir, 'server-data'),
  runDir: demoDir,
  tmp: runTmp,
};
for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
// The defaults skip first-run prompts and turn telemetry off; settings changed in the demo win.
writeUserSettings(dirs.userData, {}, { keepExisting: true });

// ---- server ----------------------------------------------------------------------------------
let port = wantedPort;
if (port !== 0 && !(await portIsFree(port))) {
  say(`port ${port} is taken; using a free port instead (choose one with --port N)`);
  port = 0;
}

// A second demo (on another port) must not overwrite the first one's log.
const logFile = join(demoDir, port === wantedPort ? 'server.log' : `server-${process.pid}.log`);
const log = createWriteStream(logFile);
const { server, ready } = startServer({
  kind: 'vscode',
  port,
  dirs,
  env: hostEnv(dirs),
  cwd: demoDir,
  onOutput: (chunk) => {
    log.write(chunk);
    if (opts.verbose) process.stdout.write(`[server] ${chunk}`);
  },
});

let stopping = false;
async function stop(code, reason) {
  if (stopping) return;
  stopping = true;
  if (reason) say(reason);
  await stopServer(server);
  await new Promise((done) => log.end(done));
  rmSync(runTmp, { recursive: true, force: true });
  if (code === 0 && port !== wantedPort) rmSync(logFile, { force: true });
  process.exit(code);
}
process.on('SIGINT', () => stop(0, 'stopping…'));
process.on('SIGTERM', () => stop(0, 'stopping…'));
process.on('SIGHUP', () => stop(0, 'stopping…'));
// Whatever else ends this process must not leave the server running on its own.
process.on('exit', () => { if (isRunning(server)) try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } });

say(`starting VS Code's server (log: ${relative(root, logFile)})`);
const listening = await ready.catch((error) => stop(1, `${error.message}; see ${logFile}`));
server.on('exit', (code, signal) => { if (!stopping) stop(1, `the server exited (${code ?? signal}); see ${logFile}`); });

const url = workbenchUrl({
  port: listening,
  folder,
  payload: [
    ['extensionDevelopmentPath', remoteUri(listening, root)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ],
});
console.log(`
Coach Notes demo is running: open

  ${url}

in your browser. It opens ${folder} with the extension loaded from ${root}
(after changing the sources, run \`npm run build\` and reload the page).
Press Ctrl+C to stop.
`);
