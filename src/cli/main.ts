import { Command, CommanderError, Option } from 'commander';
import { version } from '../../package.json';
import type { LintCommandOptions } from './commands/lint';
import type { LogCommandOptions } from './commands/log';
import type { ReportCommandOptions } from './commands/report';
import { UsageError, type Io } from './context';

// Each command's code is loaded when it runs: `lint` in a pre-commit hook never evaluates the report
// renderers (HTML, SVG), csv-stringify or the credential tables, which only `report` and `log` use.
// require(), not import(): esbuild keeps it in the one bundle, and the unit suite's tsx/cjs resolves it.
/* eslint-disable @typescript-eslint/no-require-imports -- loaded lazily, see above */
const commands = {
  lint: () => require('./commands/lint') as typeof import('./commands/lint'),
  coverage: () => require('./commands/coverage') as typeof import('./commands/coverage'),
  report: () => require('./commands/report') as typeof import('./commands/report'),
  log: () => require('./commands/log') as typeof import('./commands/log'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

/** package.json's version (the build inlines it); the lint cache is keyed by it too. */
const VERSION = version;

/** `--workers`: a whole number from 0. */
function workerCount(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new UsageError(`“${text}” is not a number of workers for --workers. Give a whole number, such as 2, or 0 to check every note on one thread.`);
  return n;
}

/** Builds the `coach-notes` program; exported so tests run it in-process. */
export function program(io: Io, setExit: (code: number) => void): Command {
  const cli = new Command('coach-notes')
    .description('Checks coaching session notes (*.coach.md) against ICF markers, on the same engine as the Coach Notes VS Code extension. Nothing leaves your machine.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out.write(s), writeErr: (s) => io.err.write(s) })
    .showHelpAfterError('(run coach-notes --help for usage)');

  cli
    .command('lint')
    .description('Check notes for judgmental wording, missing marker sections, frontmatter, permission checks and open agreements.')
    .argument('<paths...>', 'notes or folders (searched recursively for *.coach.md)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config file instead of the nearest .coach/config.yaml (frameworks still come from the workspace: see the README)')
    .option('--cache', 'remember the findings of each note, and check again only the notes that changed since the last run (and those that read them)')
    .option('--cache-location <path>', 'keep the cache in this file, or in this folder (implies --cache). Default: your cache folder, never the notes folder')
    .option('--workers <count>', 'worker threads for checking many notes (default: one per processor core, at most 4, from 200 notes; 0: none)', workerCount)
    .addHelpText('after', `
Exit codes: 0 nothing at error severity, 1 something at error severity, 2 usage error or unreadable path.

The cache holds summaries of your notes (clients, dates, agreements, findings). Without
--cache-location it lives in your user cache folder ($XDG_CACHE_HOME or ~/.cache on Linux,
~/Library/Caches on macOS, %LOCALAPPDATA% on Windows), under coach-notes/.

Examples:
  $ coach-notes lint examples/notes
  $ coach-notes lint --format json notes/maria/ > findings.json
  $ coach-notes lint --config team/.coach/config.yaml notes/
  $ coach-notes lint --cache notes/`)
    .action(async (paths: string[], opts: LintCommandOptions) => setExit(await commands.lint().lintCommand(paths, opts, io)));

  cli
    .command('coverage')
    .description('Marker coverage of a folder of notes: how many notes evidence each marker.')
    .argument('<folder>', 'folder of notes')
    .option('-q, --quarter <YYYY-Qn>', 'only count notes dated in this quarter, e.g. 2026-Q1')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-c, --config <file>', 'use this config file instead of the nearest .coach/config.yaml (frameworks still come from the workspace: see the README)')
    .addHelpText('after', `
Notes with invalid frontmatter are left out and listed.

Examples:
  $ coach-notes coverage examples/notes
  $ coach-notes coverage --quarter 2026-Q1 --format json examples/notes`)
    .action(async (folder: string, opts: { quarter?: string; format: 'text' | 'json'; config?: string }) => setExit(await commands.coverage().coverageCommand(folder, opts, io)));

  cli
    .command('report')
    .description('The quarterly coverage report: coverage per marker with the change since last quarter, focus markers, a client × marker matrix, trust-practice signals and a notes table; or the ICF coaching log as CSV.')
    .argument('<folder>', 'folder of notes')
    .requiredOption('-q, --quarter <YYYY-Qn>', 'the quarter to report on, e.g. 2026-Q1')
    .addOption(new Option('-f, --format <format>', 'md (Markdown), html (self-contained page), json (the data), csv (ICF coaching log)').choices(['md', 'html', 'json', 'csv']).default('md'))
    .option('-o, --out <file>', 'write to this file instead of standard output; an existing folder (or a name ending in /) gets the report under its usual name. Never overwrites a file')
    .option('-p, --pseudonymize', 'replace client names with “Client A”, “Client B”… and leave out file paths')
    .option('--first-month <1-12>', 'first month of your (fiscal) year, so quarters follow it', '1')
    .option('-c, --config <file>', 'use this config file instead of the nearest .coach/config.yaml (frameworks still come from the workspace: see the README)')
    .addHelpText('after', `
Exit codes: 0 written; 1 no notes are dated in the quarter; 2 usage error, unreadable folder, or a report file that already exists.

Examples:
  $ coach-notes report examples/notes --quarter 2026-Q1 > coverage-2026-Q1.md
  $ coach-notes report examples/notes --quarter 2026-Q2 --format html --out coach-reports/coverage-2026-Q2.html
  $ coach-notes report examples/notes --quarter 2026-Q2 --format csv --pseudonymize --out icf-log.csv
  $ coach-notes report examples/notes --quarter 2026-Q2 --out coach-reports/   # writes coach-reports/coverage-2026-Q2.md`)
    .action(async (folder: string, opts: ReportCommandOptions) => setExit(await commands.report().reportCommand(folder, opts, io)));

  cli
    .command('log')
    .description('Progress toward the ICF credentials (ACC, PCC, MCC) from your notes since credential.training_start; or the ICF coaching log for the whole period as CSV.')
    .argument('<folder>', 'folder of notes')
    .option('--credential <id>', 'show and estimate this credential only: acc, pcc or mcc')
    .addOption(new Option('-f, --format <format>', 'text (progress), json (the data), csv (the ICF coaching log)').choices(['text', 'json', 'csv']).default('text'))
    .option('-o, --out <file>', 'write to this file instead of standard output; an existing folder (or a name ending in /) gets it under its usual name. Never overwrites a file')
    .option('-p, --pseudonymize', 'replace client names with “Client A”, “Client B”… and leave out file paths')
    .option('--as-of <YYYY-MM-DD>', 'count as if today were this day (default: today, UTC)')
    .option('-c, --config <file>', 'use this config file instead of the nearest .coach/config.yaml (frameworks still come from the workspace: see the README)')
    .addHelpText('after', `
Sessions count from credential.training_start in .coach/config.yaml; icf_log: false sessions are left out.
Notes that could count but do not (no duration, a group without group_size, before the training start) are named.

Exit codes: 0 done; 1 --format csv with no session to log; 2 usage error, unreadable folder, or an --out file that already exists.

Examples:
  $ coach-notes log examples/notes
  $ coach-notes log examples/notes --credential pcc
  $ coach-notes log examples/notes --format csv --out icf-coaching-log.csv`)
    .action(async (folder: string, opts: LogCommandOptions) => setExit(await commands.log().logCommand(folder, opts, io)));

  cli.addHelpText('after', `
Examples:
  $ coach-notes lint examples/notes
  $ coach-notes coverage --quarter 2026-Q1 examples/notes
  $ coach-notes report examples/notes --quarter 2026-Q1 --format html --out report.html
  $ coach-notes log examples/notes --credential acc`);
  return cli;
}

/** Runs the CLI and resolves to its exit code. Never throws. */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let code = 0;
  try {
    await program(io, (c) => (code = c)).parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other parse problem is a usage error.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err.write(`coach-notes: ${error.message}\n`);
      return 2;
    }
    io.err.write(`coach-notes: something went wrong: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  });
}
