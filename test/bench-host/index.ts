// Mocha entry for the bench-host runs (bench/activation.ts): the integration suite's own runner,
// bundled next to the bench tests (out/bench-host/), so it runs the *.test.js files found there.
export { run } from '../integration/index';
