import { relative } from 'node:path';
import { computeCoverage, toCoverageJson, type CoverageResult } from '../../core/coverage/compute';
import { lintBatch } from '../../core/workspace/batch';
import { printProblems, quarterOption, readNotes, setupFor, type Io } from '../context';
import { stylerFor } from '../output/style';

export interface CoverageCommandOptions {
  quarter?: string;
  format: 'text' | 'json';
  config?: string;
}

/** `coach-notes coverage`: marker coverage of a folder of notes, optionally for one quarter. */
export async function coverageCommand(folder: string, options: CoverageCommandOptions, io: Io): Promise<number> {
  const quarter = options.quarter === undefined ? undefined : quarterOption(options.quarter);
  const { files, problems } = await readNotes([folder], io);
  const { setup } = setupFor([folder], options.config, io);
  printProblems(problems, io);
  const { index } = lintBatch(files, setup, { only: [] });
  const result = computeCoverage(index.all(), setup.frameworks, { ...(quarter ? { quarter } : {}), defaultFramework: setup.config.framework });
  if (options.format === 'json') io.out.write(JSON.stringify(toCoverageJson(result), null, 2) + '\n');
  else io.out.write(formatCoverageText(result, io));
  return problems.length > 0 ? 2 : 0;
}

function formatCoverageText(result: CoverageResult, io: Io): string {
  const style = stylerFor(io.out);
  const out: string[] = [];
  const hours = Math.round(result.hours * 100) / 100;
  out.push(style('bold', `Marker coverage — ${result.quarter ?? 'all time'}`));
  out.push(`${result.notes} note${result.notes === 1 ? '' : 's'}, ${result.clients} client${result.clients === 1 ? '' : 's'}, ${hours} coaching hour${hours === 1 ? '' : 's'}`);
  if (result.notes === 0) out.push('', result.quarter ? `No notes are dated in ${result.quarter}.` : 'No countable notes were found.');
  let framework = '';
  for (const m of result.markers) {
    if (m.framework !== framework) {
      framework = m.framework;
      const n = result.notesByFramework[framework] ?? 0;
      out.push('', style('bold', `${framework} (${n} note${n === 1 ? '' : 's'})`));
    }
    const pct = Math.round(m.coverage * 100);
    const bar = '█'.repeat(Math.round(m.coverage * 20)).padEnd(20, '·');
    out.push(`  ${m.id.padEnd(5)} ${m.title.slice(0, 34).padEnd(34)} ${bar} ${String(pct).padStart(3)}%  ${m.notes}/${result.notesByFramework[framework] ?? 0}`);
  }
  if (result.excluded.length > 0) {
    out.push('', style('yellow', `Left out (${result.excluded.length}), because their frontmatter needs attention:`));
    for (const e of result.excluded) out.push(`  ${relative(io.cwd, e.path) || e.path}: ${e.reason}`);
  }
  return out.join('\n') + '\n';
}
