// Starts VS Code's server (from the code-server install made by install.mjs) and builds the
// workbench URL that loads this extension. Shared by run.mjs (integration tests) and
// ../demo.mjs (`npm run demo`).
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { codeServerDir } from './install.mjs';

/** Flags for headless Debian Chromium that keep it from phoning home. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** User settings that skip first-run prompts and turn telemetry and update checks off. */
export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'chat.disableAIFeatures': true,
};

/** With `--restricted`: trust on, no prompt, so a folder nobody trusted opens in Restricted Mode. */
export const RESTRICTED_SETTINGS = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

/**
 * Writes <userDataDir>/User/settings.json: BASE_SETTINGS, then `extra`, then (with `keepExisting`)
 * whatever the file already holds, so choices made in an earlier session win.
 */
export function writeUserSettings(userDataDir, extra = {}, { keepExisting = false } = {}) {
  const file = join(userDataDir, 'User', 'settings.json');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  let existing = {};
  if (keepExisting && existsSync(file)) {
    try {
      existing = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return; // edited by hand (comments, trailing commas): leave it exactly as it is
    }
  }
  writeFileSync(file, JSON.stringify({ ...BASE_SETTINGS, ...extra, ...existing }, null, 2));
}

/**
 * The environment for the server (and the extension host it starts): no leftovers from a
 * surrounding VS Code, HOME/XDG/TMPDIR pointed at the given folders.
 */
export function hostEnv({ home, config, data, cache, tmp }, base = process.env) {
  const env = { ...base };
  for (const key of Object.keys(env)) if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  return Object.assign(env, { HOME: home, XDG_CONFIG_HOME: config, XDG_DATA_HOME: data, XDG_CACHE_HOME: cache, XDG_RUNTIME_DIR: tmp, TMPDIR: tmp });
}

/**
 * Starts the server in its own process group, bound to 127.0.0.1.
 * kind: 'vscode' (VS Code's server-main.js, fast) or 'code-server' (code-server's entry.js).
 * port: 0 lets the server pick one. dirs: { userData, extensions, serverData, runDir }.
 * onOutput(chunk) receives everything the server prints.
 * Returns at once { server, ready }: the child process (so it can be stopped even while it starts)
 * and a promise of the port it listens on, rejected if it exits first.
 */
export function startServer({ kind = 'vscode', port = 0, dirs, env, cwd, restricted = false, onOutput = () => {} }) {
  // restricted: workspace trust stays on, so the folder opens in Restricted Mode (see RESTRICTED_SETTINGS).
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions,
    '--disable-telemetry', '--disable-update-check', ...(restricted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override'];
  let args;
  if (kind === 'vscode') {
    args = [join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js'), '--host', '127.0.0.1', '--port', String(port),
      '--without-connection-token', '--accept-server-license-terms', '--server-data-dir', dirs.serverData, ...common];
  } else if (kind === 'code-server') {
    const config = join(dirs.runDir, 'config.yaml');
    writeFileSync(config, 'auth: none\ncert: false\n');
    args = [join(codeServerDir, 'out', 'node', 'entry.js'), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
      '--config', config, '--ignore-last-opened', ...common];
  } else {
    throw new Error(`unknown server kind '${kind}'`);
  }
  const server = spawn(process.execPath, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const listeningLine = kind === 'vscode' ? /Extension host agent listening on (\d+)/ : /HTTP server listening on https?:\/\/[^:\s]+:(\d+)/;
  const ready = new Promise((resolveStart, rejectStart) => {
    let buffered = '';
    let listening = false;
    const onData = (chunk) => {
      onOutput(chunk);
      if (listening) return;
      buffered += chunk.toString();
      const match = listeningLine.exec(buffered);
      if (match) {
        listening = true;
        buffered = '';
        resolveStart(Number(match[1]));
      }
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.once('exit', (code, signal) => { if (!listening) rejectStart(new Error(`the server exited early (${code ?? signal})`)); });
    server.once('error', rejectStart);
  });
  return { server, ready };
}

/** True while the child has not exited. */
export function isRunning(child) {
  return Boolean(child) && child.exitCode === null && child.signalCode === null;
}

/** SIGTERM to the server's process group, SIGKILL after `graceMs`; resolves when it has exited. */
export async function stopServer(server, graceMs = 3000) {
  if (!isRunning(server)) return;
  const exited = new Promise((done) => server.once('exit', done));
  try { process.kill(-server.pid, 'SIGTERM'); } catch { /* already gone */ }
  const timer = setTimeout(() => { try { process.kill(-server.pid, 'SIGKILL'); } catch { /* gone */ } }, graceMs);
  await exited;
  clearTimeout(timer);
}

/** A path on the server, as the workbench must name it for the server's Node extension host. */
export function remoteUri(port, path) {
  return `vscode-remote://127.0.0.1:${port}${path}`;
}

/**
 * The workbench URL: opens `folder` (an absolute path on the server) and passes `payload`
 * (pairs such as ['extensionDevelopmentPath', remoteUri(port, root)]) to the workbench.
 */
export function workbenchUrl({ port, folder, payload = [] }) {
  const query = [];
  if (folder) query.push(`folder=${encodeURIComponent(folder)}`);
  if (payload.length > 0) query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/${query.length > 0 ? `?${query.join('&')}` : ''}`;
}
