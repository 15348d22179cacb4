import * as esbuild from 'esbuild';
import { bundleOptions, ENTRY_POINTS } from './bundle-options';
import { compileBuiltinData } from './compile-data';
const out = process.argv[2] ?? '/tmp/i13/dist';
const t = performance.now();
if (!process.argv.includes('--no-data')) compileBuiltinData(`${out}/data`);
console.log('data', performance.now() - t);
void esbuild.build({ ...bundleOptions, entryPoints: [ENTRY_POINTS.cli], outfile: `${out}/cli.js`, banner: { js: `#!/usr/bin/env node\n${bundleOptions.banner.js}` }, logLevel: 'warning' });
