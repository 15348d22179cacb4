import assert from 'node:assert/strict';
import dgram from 'node:dgram';
import dns from 'node:dns';
import http from 'node:http';
import http2 from 'node:http2';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { bundleOptions, ENTRY_POINTS } from '../../scripts/bundle-options';
import { lintText } from '../../src/core/engine/lint';
import { loadSetup } from '../../src/core/engine/setup';
import { indexWorkspace } from '../../src/core/indexer/index';
import { lintBatch } from '../../src/core/workspace/batch';
import { readNoteFiles } from '../../src/core/workspace/files';
import { cli } from './support/io';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'notes');

/** Every way Node code reaches the network, replaced by a trap that records the call and throws. */
function trapNetwork(): { calls: string[]; restore: () => void } {
  const calls: string[] = [];
  const undo: (() => void)[] = [];
  const trap = (owner: object, name: string, label: string) => {
    const target = owner as Record<string, unknown>;
    if (typeof target[name] !== 'function') return;
    const original = target[name];
    target[name] = function trapped() {
      calls.push(label);
      throw new Error(`Coach Notes tried to use the network: ${label}`);
    };
    undo.push(() => {
      target[name] = original;
    });
  };
  trap(net, 'connect', 'net.connect');
  trap(net, 'createConnection', 'net.createConnection');
  trap(net.Socket.prototype, 'connect', 'net.Socket#connect');
  trap(http, 'request', 'http.request');
  trap(http, 'get', 'http.get');
  trap(https, 'request', 'https.request');
  trap(https, 'get', 'https.get');
  trap(http2, 'connect', 'http2.connect');
  trap(tls, 'connect', 'tls.connect');
  trap(dgram, 'createSocket', 'dgram.createSocket');
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) trap(dns, name, `dns.${name}`);
  for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) trap(dns.promises, name, `dns.promises.${name}`);
  for (const name of ['fetch', 'WebSocket', 'EventSource']) trap(globalThis, name, name);
  // The undici package, if anything has loaded it (Node's own fetch is trapped above).
  for (const [file, mod] of Object.entries(require.cache)) {
    if (!/[\\/]node_modules[\\/]undici[\\/]/.test(file) || !mod) continue;
    for (const name of ['fetch', 'request', 'stream', 'pipeline', 'connect', 'upgrade']) trap(mod.exports as object, name, `undici.${name}`);
  }
  return {
    calls,
    restore: () => {
      for (const u of undo.reverse()) u();
    },
  };
}

describe('no network: notes never leave the machine', function () {
  this.timeout(120_000);

  describe('with every network API made to throw', () => {
    let traps: ReturnType<typeof trapNetwork>;
    before(() => {
      traps = trapNetwork();
    });
    after(() => traps.restore());

    it('the traps work: a connection attempt is caught and recorded', () => {
      assert.throws(() => net.connect(9, '127.0.0.1'), /tried to use the network: net\.connect/);
      assert.throws(() => http.get('http://127.0.0.1:9/'), /http\.get/);
      assert.deepEqual(traps.calls.splice(0), ['net.connect', 'http.get']);
    });

    it('the CLI: lint, coverage and the report in all four formats, to standard output and to files', async () => {
      const out = mkdtempSync(join(tmpdir(), 'coach-offline-'));
      const runs: string[][] = [
        ['lint', EXAMPLES],
        ['lint', '--format', 'json', EXAMPLES],
        ['coverage', EXAMPLES],
        ['coverage', '--format', 'json', '--quarter', '2026-Q1', EXAMPLES],
      ];
      for (const format of ['md', 'html', 'json', 'csv']) {
        runs.push(['report', EXAMPLES, '--quarter', '2026-Q2', '--format', format]);
        runs.push(['report', EXAMPLES, '--quarter', '2026-Q1', '--format', format, '--pseudonymize', '--out', join(out, `report.${format}`)]);
      }
      for (const args of runs) {
        const r = await cli(args);
        assert.ok(r.code === 0 || r.code === 1, `${args.join(' ')}: exit ${r.code}\n${r.err}`);
        assert.doesNotMatch(r.err, /something went wrong|tried to use the network/, args.join(' '));
      }
      assert.equal(readdirSync(out).length, 4);
      assert.deepEqual(traps.calls, []);
    });

    it('the indexer with its persisted cache, cold and warm', async () => {
      const cacheDir = mkdtempSync(join(tmpdir(), 'coach-offline-cache-'));
      const cold = await indexWorkspace([EXAMPLES], { cacheDir, workers: 0 });
      await cold.save();
      const warm = await indexWorkspace([EXAMPLES], { cacheDir, workers: 0 });
      assert.equal(warm.stats.fromCache, cold.stats.files);
      assert.ok(cold.stats.files > 10);
      assert.deepEqual(traps.calls, []);
    });

    it('the engine on every example note, one by one and as a workspace', async () => {
      const setup = loadSetup({ root: EXAMPLES });
      const { files } = await readNoteFiles([EXAMPLES]);
      for (const f of files) lintText(f.text, f.path, setup);
      const { results } = lintBatch(files, setup);
      assert.equal(results.length, files.length);
      assert.deepEqual(traps.calls, []);
    });
  });

  describe('the built bundles', () => {
    const bundles = join(ROOT, 'out', 'no-network');
    const names = ['extension.js', 'cli.js', 'index-worker.js'];
    before(async () => {
      // Bundled as scripts/build.ts does (not minified, so module names read plainly).
      const common = { ...bundleOptions, logLevel: 'silent' } as const;
      const entry = (name: keyof typeof ENTRY_POINTS) => [join(ROOT, ENTRY_POINTS[name])];
      await Promise.all([
        build({ ...common, entryPoints: entry('extension'), outfile: join(bundles, 'extension.js'), external: ['vscode'] }),
        build({ ...common, entryPoints: entry('cli'), outfile: join(bundles, 'cli.js') }),
        build({ ...common, entryPoints: entry('worker'), outfile: join(bundles, 'index-worker.js') }),
      ]);
    });

    const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'undici', 'ws', 'inspector'];
    const MODULE_USE = /\b(?:require|import)\s*\(\s*["'`](?:node:)?([\w/.-]+)["'`]\s*\)|\bfrom\s*["'](?:node:)?([\w/.-]+)["']/g;

    for (const name of names) {
      it(`${name} loads no network module and calls no fetch, XMLHttpRequest or WebSocket`, () => {
        const code = readFileSync(join(bundles, name), 'utf8');
        assert.ok(code.length > 100_000, 'the bundle holds the engine');
        const modules = new Set([...code.matchAll(MODULE_USE)].map((m) => (m[1] ?? m[2] ?? '').split('/')[0] ?? ''));
        assert.ok(modules.has('fs') || modules.has('path'), 'the scan sees module loads');
        assert.deepEqual(NETWORK_MODULES.filter((m) => modules.has(m)), []);
        for (const pattern of [/\bfetch\s*\(/, /\bXMLHttpRequest\b/, /\bWebSocket\b/, /\bEventSource\b/, /\bsendBeacon\b/, /\bprocess\.binding\b/]) {
          const hit = pattern.exec(code);
          assert.equal(hit, null, `${pattern} in ${name}: …${hit ? code.slice(Math.max(0, hit.index - 80), hit.index + 80) : ''}…`);
        }
      });
    }

    it('the extension and CLI declare no telemetry', () => {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
      assert.deepEqual(Object.keys(manifest.dependencies).filter((d) => /telemetry|analytics|sentry|insights|axios|node-fetch|undici|got$|request/i.test(d)), []);
      // (The bundles may say “no telemetry”; they must not use VS Code's telemetry API or a reporter.)
      for (const name of names) assert.doesNotMatch(readFileSync(join(bundles, name), 'utf8'), /applicationinsights|TelemetryReporter|extension-telemetry|createTelemetryLogger|isTelemetryEnabled|telemetryLevel/i);
    });
  });
});
