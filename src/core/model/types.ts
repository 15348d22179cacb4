/** Shared vocabulary of the core: positions, findings and fixes. Pure data, no behaviour. */

/** How loudly a finding speaks. `off` disables a rule entirely. */
export type Severity = 'off' | 'hint' | 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['off', 'hint', 'info', 'warning', 'error'];

/** A point in a note. Lines and columns are 1-based (as in unist); offset is 0-based in the note's text. */
export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Place {
  start: Point;
  end: Point;
}

/** Replace the text between two offsets of the note with `newText`. An insertion has start === end. */
export interface TextEdit {
  start: number;
  end: number;
  newText: string;
  /**
   * `newText` is a template in VS Code's snippet syntax (`${1:what you saw}`): the editor selects
   * the part for the coach to complete. Adapters without snippets must not apply it.
   */
  snippet?: boolean;
}

/** A named, self-contained change a quick fix can apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a rule reports, before the engine resolves severity and disable comments. */
export interface RuleMessage {
  /** Plain-language message for a coach, in the voice of a thoughtful supervisor. */
  reason: string;
  place: Place;
  /** Replacement texts for `place`, best first (unified-lint-rule's `expected`). Quick fixes use them. */
  expected?: string[];
  /** Structured fixes for changes that are not a replacement of `place` (insertions elsewhere). */
  fixes?: Fix[];
  /** A sub-category, e.g. the kind of judgmental language. */
  category?: string;
  /** Extra data an adapter may use (e.g. the marker id that is missing). */
  data?: Record<string, string | number | boolean>;
}

/** A finding as the engine returns it to the CLI and the extension. */
export interface Finding extends RuleMessage {
  /** Bare rule id, e.g. `judgmental-language`. */
  ruleId: string;
  severity: Exclude<Severity, 'off'>;
  /** Link to the rule's documentation. */
  url: string;
  /** Always populated: `expected` turned into fixes, plus the rule's own fixes. */
  fixes: Fix[];
}

/** Problems with data files (frameworks, lexicons, config), reported with file, line and field. */
export interface DataProblem {
  file: string;
  line: number;
  column: number;
  /** The field path, e.g. `markers[2].id`. */
  field: string;
  message: string;
}
