#!/usr/bin/env node
// Captures the README's screenshots in a real VS Code extension host, with the same offline host
// as the integration suite (scripts/test-host/): `npm run screenshots`.
//
// Each scene under scripts/screenshots/*.scene.ts sets the workbench up and asks the host for a
// picture (test/integration/support/screenshot.ts). The scenes are bundled in place of the
// integration suite (out/integration/, with the suite's own index.ts as the entry), run, and the
// bundle is removed again, so a later plain `scripts/test-host/run.mjs` never runs them.
// Options after `--` go to scripts/test-host/run.mjs (e.g. `-- --viewport 1440x900 --verbose`).
// Exit code: the host's (0 when every scene wrote its picture).
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { HOST_BUNDLE } from './test-host/bundle.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const scenesDir = join(root, 'scripts', 'screenshots');
const outDir = join(root, 'out', 'integration');
const say = (message) => console.log(`[screenshots] ${message}`);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

const scenes = readdirSync(scenesDir).filter((file) => file.endsWith('.scene.ts')).sort();
if (scenes.length === 0) {
  console.error(`[screenshots] no *.scene.ts under ${scenesDir}`);
  process.exit(1);
}

let code = run('npm', ['run', 'build']);
if (code === 0) code = run(process.execPath, [join(root, 'scripts', 'test-host', 'install.mjs')]);
if (code === 0) {
  rmSync(outDir, { recursive: true, force: true });
  try {
    await esbuild.build({
      absWorkingDir: root,
      // index.ts loads every *.test.js next to it: here, only the scenes.
      entryPoints: [
        { in: join(root, 'test', 'integration', 'index.ts'), out: 'index' },
        ...scenes.map((file) => ({ in: join(scenesDir, file), out: file.replace(/\.scene\.ts$/, '.scene.test') })),
      ],
      outdir: outDir,
      ...HOST_BUNDLE,
    });
    say(`${scenes.length} scene(s): ${scenes.join(', ')}`);
    // The host enables screenshot requests only with --screenshot; scenes name their own files,
    // and this one is only written if a scene asks for none.
    code = run(process.execPath, [join(root, 'scripts', 'test-host', 'run.mjs'), '--screenshot', join('out', 'screenshots', 'workbench-at-end.png'), ...process.argv.slice(2)]);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
say(code === 0 ? 'done: see images/' : `failed (exit ${code})`);
process.exit(code);
