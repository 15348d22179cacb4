#!/usr/bin/env node
// Installs code-server (VS Code's server + web workbench) into .test-host/code-server/
// so the integration suite can run in a real VS Code extension host without downloading
// VS Code itself. Idempotent: a marker written after a successful install makes later
// runs a no-op. Usage: node scripts/test-host/install.mjs [--force]
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const hostDir = join(root, '.test-host', 'code-server');
export const codeServerDir = join(hostDir, 'node_modules', 'code-server');
const markerFile = join(hostDir, 'installed.json');

const APT_HINT = 'apt-get update && apt-get install -y --no-install-recommends chromium libkrb5-dev ripgrep';

/** True when code-server is installed at the expected version (the marker is written last). */
export function isInstalled() {
  try {
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    const pkg = JSON.parse(readFileSync(join(codeServerDir, 'package.json'), 'utf8'));
    return marker.version === CODE_SERVER_VERSION && pkg.version === CODE_SERVER_VERSION &&
      existsSync(join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js')) &&
      existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules', '@vscode', 'ripgrep', 'bin', 'rg'));
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`\n[host:install] ERROR: ${message}\n`);
  process.exit(1);
}

function checkPrerequisites() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium (/usr/bin/chromium: the headless browser that runs the workbench)');
  if (!existsSync('/usr/include/krb5.h') && !existsSync('/usr/include/gssapi/gssapi.h')) {
    missing.push('libkrb5-dev (headers for the "kerberos" native module that code-server builds)');
  }
  if (!existsSync('/usr/bin/rg')) missing.push('ripgrep (/usr/bin/rg: stands in for the ripgrep binary that @vscode/ripgrep would download)');
  if (missing.length > 0) {
    fail(`missing system packages:\n  - ${missing.join('\n  - ')}\nInstall them (as root) with:\n  ${APT_HINT}`);
  }
  const tools = ['make', 'g++', 'python3', 'tar'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
  if (tools.length > 0) {
    fail(`missing build tools for native modules: ${tools.join(', ')}\nInstall them with:\n  apt-get install -y --no-install-recommends build-essential python3`);
  }
  const major = Number(process.versions.node.split('.')[0]);
  if (major !== 20) fail(`code-server ${CODE_SERVER_VERSION} requires Node 20 (this is Node ${process.versions.node}).`);
}

function npm(args, options = {}) {
  const result = spawnSync('npm', args, { stdio: 'inherit', env: cleanEnv(), ...options });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

/**
 * The environment for the nested npm, without what an enclosing `npm run` exported
 * (npm_config_local_prefix etc. would point npm at the project instead of .test-host).
 */
function cleanEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^npm_/i.test(key) || key === 'INIT_CWD') delete env[key];
  return env;
}

/** Extracts one file from an npm tarball without unpacking the rest. */
function readFromTarball(tarball, member) {
  return execFileSync('tar', ['-xzOf', tarball, member], { maxBuffer: 64 * 1024 * 1024 }).toString('utf8');
}

/**
 * @vscode/ripgrep's postinstall downloads a binary from GitHub, which is unreachable here.
 * It first looks for `$TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<asset version>-<target>.tar.gz`.
 * Read both versions from the exact packages that will be installed and put Debian's rg there.
 */
function seedRipgrepCache(workDir, cacheTmp) {
  npm(['pack', `code-server@${CODE_SERVER_VERSION}`, '--pack-destination', workDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const shrinkwrap = JSON.parse(readFromTarball(join(workDir, `code-server-${CODE_SERVER_VERSION}.tgz`), 'package/lib/vscode/npm-shrinkwrap.json'));
  const rgPackageVersion = shrinkwrap.packages?.['node_modules/@vscode/ripgrep']?.version;
  if (!rgPackageVersion) fail('could not find @vscode/ripgrep in code-server\'s lib/vscode/npm-shrinkwrap.json');

  npm(['pack', `@vscode/ripgrep@${rgPackageVersion}`, '--pack-destination', workDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const postinstall = readFromTarball(join(workDir, `vscode-ripgrep-${rgPackageVersion}.tgz`), 'package/lib/postinstall.js');
  const assetVersion = /const VERSION = '([^']+)'/.exec(postinstall)?.[1];
  if (!assetVersion) fail(`could not read the ripgrep release version from @vscode/ripgrep@${rgPackageVersion}`);

  const archMap = { x64: 'x86_64-unknown-linux-musl', arm64: 'aarch64-unknown-linux-musl' };
  const target = archMap[process.arch];
  if (!target) fail(`unsupported architecture ${process.arch}`);

  const cacheDir = join(cacheTmp, `vscode-ripgrep-cache-${rgPackageVersion}`);
  mkdirSync(cacheDir, { recursive: true });
  const archive = join(cacheDir, `ripgrep-${assetVersion}-${target}.tar.gz`);
  // The archive must hold a single file named `rg`.
  execFileSync('tar', ['-czf', archive, '-C', '/usr/bin', 'rg']);
  console.log(`[host:install] seeded ${archive} with /usr/bin/rg (@vscode/ripgrep ${rgPackageVersion}, ripgrep ${assetVersion})`);
}

export function install({ force = false } = {}) {
  if (!force && isInstalled()) {
    console.log(`[host:install] code-server ${CODE_SERVER_VERSION} already installed in ${hostDir}`);
    return;
  }
  checkPrerequisites();
  const started = Date.now();
  console.log(`[host:install] installing code-server ${CODE_SERVER_VERSION} into ${hostDir} (takes a minute or two)…`);
  rmSync(hostDir, { recursive: true, force: true });
  mkdirSync(hostDir, { recursive: true });
  writeFileSync(join(hostDir, 'package.json'), JSON.stringify({
    name: 'coach-notes-test-host',
    private: true,
    description: 'code-server for the Coach Notes integration tests (installed by scripts/test-host/install.mjs)',
  }, null, 2) + '\n');

  const workDir = mkdtempSync(join(tmpdir(), 'coach-host-install-'));
  try {
    const cacheTmp = join(workDir, 'tmp');
    mkdirSync(cacheTmp);
    seedRipgrepCache(workDir, cacheTmp);
    npm(['install', '--no-audit', '--no-fund', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
      cwd: hostDir,
      env: {
        ...cleanEnv(),
        TMPDIR: cacheTmp,
        // code-server's postinstall refuses to run as root without these.
        npm_config_yes: 'true',
        npm_config_unsafe_perm: 'true',
        npm_config_update_notifier: 'false',
      },
    });
  } catch (error) {
    fail(`${error instanceof Error ? error.message : error}\n` +
      'If a native module failed to build, check the system packages:\n  ' + APT_HINT);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString() }, null, 2) + '\n');
  if (!isInstalled()) fail(`code-server installed, but ${codeServerDir} looks incomplete; run again with --force`);
  console.log(`[host:install] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  install({ force: process.argv.includes('--force') });
}
