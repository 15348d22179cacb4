import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The built-in YAML data (frameworks/, lexicons/) ships beside the bundle in the .vsix and the npm
 * checkout, and beside the sources when tests run from TypeScript. Walk up until it is found.
 */
export function builtinDataRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'frameworks', 'icf-trust.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Coach Notes could not find its built-in data (frameworks/) above ${start}.`);
    dir = parent;
  }
}
