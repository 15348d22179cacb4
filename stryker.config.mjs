// @ts-check
// Mutation testing (StrykerJS 9.6, the last line for Node 20): `npm run test:mutation`.
// It is slow, so it is not part of `npm test`. Mutate one folder at a time and reuse earlier
// results, e.g.
//   npx stryker run --incremental --mutate "src/core/note/**/*.ts"
// The results (reports/mutation/) and Stryker's sandbox (.stryker-tmp/) stay out of git and the .vsix.

/**
 * The fast unit tests that exercise src/core/{note,engine,rules}; test/unit/mutation/ first, since
 * Stryker stops at a mutant's first failing test. Each test here runs once for every mutant it
 * covers, and a parser mutant is covered by nearly every test, so only suites that share one
 * engine setup and take milliseconds per test are here. Left out: suites that load a fresh setup
 * per test (a few hundred milliseconds each: rule examples, fixes, faults, permission checks,
 * frameworks, chunks, budgets), the slow whole-corpus ones (hostile notes, CommonMark examples,
 * fast-check properties, evaluation sets, the grammar, the CLI). test/unit/mutation/ covers the
 * rule examples, fixes, budgets and section-by-section parsing again, with one shared setup and
 * small notes. The judgmental rule keeps each block's reading per lexicon object for the process's
 * life (block-cache.ts), and Stryker loads the tests once and runs them for every mutant: a test
 * that lints with the shared built-in lexicon gets the reading kept from the unmutated run. So the
 * judgmental suites here (test/unit/mutation/judgmental-*, and the guards, kinds, reach and model
 * suites) give each suite a lexicon object of its own. The rule is about 3,700 mutants, so measure
 * it a few files at a time (docs/mutation.md). `npm test` still runs everything. Scores and the
 * survivors judged equivalent: docs/mutation.md.
 */
const spec = [
  'test/unit/mutation/**/*.test.ts',
  'test/unit/note-model.test.ts',
  'test/unit/frontmatter.test.ts',
  'test/unit/simple-yaml.test.ts',
  'test/unit/marker-headings.test.ts',
  'test/unit/rules/judgmental-guards.test.ts',
  'test/unit/rules/judgmental-kinds.test.ts',
  'test/unit/rules/judgmental-reach.test.ts',
  'test/unit/rules/judgmental-model.test.ts',
  'test/unit/rules/judgmental-cache.test.ts',
];

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'mocha',
  mochaOptions: {
    spec,
    require: ['tsx/cjs'],
    extension: ['ts'],
    // Not .mocharc.json: its spec is every unit test, and mocha would add it to the list above.
    'no-config': true,
    'no-package': true,
  },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/note/**/*.ts',
    'src/core/engine/**/*.ts',
    'src/core/rules/**/*.ts',
    // Data and type-only files.
    '!src/core/**/types.ts',
    '!src/core/rules/example-note.ts',
  ],
  ignoreStatic: true,
  disableTypeChecks: '{src,test}/**/*.ts',
  ignorePatterns: ['dist', 'out', '.test-host', '.vscode-test', '*.vsix', 'bench/corpus', 'reports', 'coach-reports', '.stryker-tmp'],
  concurrency: 2,
  // A mutant that loops forever is given up on (and counted as detected) after this much more than
  // the tests took unmutated.
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
