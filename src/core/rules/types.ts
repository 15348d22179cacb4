import type { CoachConfig } from '../config/types';
import type { FrameworkRegistry } from '../frameworks/registry';
import type { RuleMessage, Severity } from '../model/types';
import type { Note } from '../note/types';
import type { JudgmentalLexicon } from '../lexicons/judgmental';
import type { SensitiveLexicon } from '../lexicons/sensitive';
import type { WorkspaceView } from '../workspace/view';

/** Everything a rule may read. Rules never do I/O: the workspace view is handed to them. */
export interface RuleContext {
  note: Note;
  config: CoachConfig;
  frameworks: FrameworkRegistry;
  judgmental: JudgmentalLexicon;
  sensitive: SensitiveLexicon;
  /** Other notes of the workspace, for cross-note rules. Absent when linting a lone file. */
  workspace?: WorkspaceView;
  report(message: RuleMessage): void;
  /**
   * Whether the note's time budget has run out. A rule that loops over blocks asks between them and
   * stops; `report` also stops a rule (by throwing) once the budget is spent, so no rule runs unbounded.
   */
  expired(): boolean;
}

/** An example that documents the rule and runs as a test (see test/unit/rules/examples.test.ts). */
export interface RuleExample {
  title: string;
  /** A whole note, frontmatter included. */
  note: string;
  /** How many findings this rule must report on it (0 for a passing example). */
  findings: number;
  /** Optional: each reported reason must contain the matching string, in order. */
  reasons?: string[];
  /** Optional: other notes of the same workspace, for cross-note rules, keyed by file name. */
  workspace?: Record<string, string>;
  /** Optional: `.coach/config.yaml` text for the example. */
  config?: string;
}

/** One rule, one file, in the unified-lint-rule style. */
export interface Rule {
  /** Bare id; shown to users as `coach:<id>`. */
  id: string;
  /** One sentence, for docs and `--help`. */
  description: string;
  /** Optional: more Markdown for docs/rules.md, after the description (what the rule reads, and how). */
  details?: string;
  defaultSeverity: Exclude<Severity, 'off'>;
  /** Whether its findings carry fixes. */
  fixable: boolean;
  /** Whether it reads other notes (re-run when they change). */
  crossNote?: boolean;
  examples: RuleExample[];
  check(context: RuleContext): void;
}
