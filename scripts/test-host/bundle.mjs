// How integration code is bundled for the extension host (build-tests.mjs, ../screenshots.mjs):
// CommonJS for Node 20; 'vscode' is provided by the host, and 'mocha' stays external and is
// loaded at run time from the project's node_modules (it bundles badly: dynamic requires).
export const HOST_BUNDLE = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
};
