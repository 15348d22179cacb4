import * as esbuild from 'esbuild';
import { bundleOptions } from './bundle-options';
for (const out of ['/tmp/i13/dist', '/tmp/i13/base']) void esbuild.build({ ...bundleOptions, entryPoints: ['scripts/.i13-phase.ts'], outfile: `${out}/phase.js`, logLevel: 'warning' });
