import type { BatchResult } from '../../core/workspace/batch';
import { suggestionsOf } from './lint-text';

/** One entry of `coach-notes lint --format json`. Other tools build on it: keep it exact. */
export interface LintJsonEntry {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  ruleId: string;
  severity: string;
  message: string;
  suggestions: string[];
  /** Only on the one finding that stands for a rule's findings beyond the first 1,000 in a note: how many it stands for. */
  dropped?: number;
}

export function toLintJson(results: readonly BatchResult[]): LintJsonEntry[] {
  return results.flatMap((r) =>
    r.findings.map((f) => ({
      file: r.path,
      line: f.place.start.line,
      column: f.place.start.column,
      endLine: f.place.end.line,
      endColumn: f.place.end.column,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.reason,
      suggestions: suggestionsOf(f),
      ...(typeof f.data?.dropped === 'number' ? { dropped: f.data.dropped } : {}),
    })),
  );
}
