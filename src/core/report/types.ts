import type { AgreementFigures } from '../agreements/figures';
import type { CredentialProgress } from '../credential/progress';

/**
 * The data behind a quarterly coverage report. `--format json` prints exactly this; the Markdown,
 * HTML and CSV renderers only present it. Every string that came from a note (client names,
 * paths) is raw here: renderers escape it for their format.
 */
export interface ReportData {
  schemaVersion: 1;
  /** e.g. "2026-Q1". */
  quarter: string;
  period: { start: string; end: string; firstMonth: number };
  previousQuarter: string;
  frameworks: { id: string; name: string; notes: number }[];
  pseudonymized: boolean;
  totals: ReportTotals;
  markers: MarkerRow[];
  /** The least-covered markers (up to three), with their descriptions. */
  focus: MarkerRow[];
  matrix: ClientMarkerMatrix;
  signals: TrustSignals;
  notes: NoteRow[];
  /** The ICF coaching log: one row per client engagement; notes with `icf_log: false` are left out. */
  engagements: Engagement[];
  /** Notes in the folder that could not be counted (invalid frontmatter and similar). */
  excluded: { path: string; reason: string }[];
  /**
   * ICF credential progress as of the quarter's last day, over the whole period since the training
   * start. Present only when `.coach/config.yaml` sets `credential.training_start`.
   */
  credential?: CredentialProgress;
}

export interface ReportTotals {
  notes: number;
  clients: number;
  /** Sum of `duration` in minutes (exact); hours are derived for display. */
  minutes: number;
  hours: number;
  paidHours: number;
  proBonoHours: number;
  individualHours: number;
  groupHours: number;
  individualNotes: number;
  groupNotes: number;
  /** Notes without a `duration`, which add no hours. */
  notesWithoutDuration: number;
}

export interface MarkerRow {
  framework: string;
  id: string;
  title: string;
  description: string;
  /** Notes of this framework in the quarter with evidence for the marker. */
  notes: number;
  /** Notes of this framework in the quarter. */
  total: number;
  /** 0–1. */
  coverage: number;
  /** Same figures for the previous quarter; null when it had no notes of this framework. */
  previous: { notes: number; total: number; coverage: number } | null;
  /** Change in percentage points against the previous quarter (rounded), or null. */
  deltaPoints: number | null;
}

export interface ClientMarkerMatrix {
  /** Client labels (pseudonyms when pseudonymized), in the order of rows. */
  clients: string[];
  markers: { framework: string; id: string; title: string }[];
  /** rows[client][marker]: sessions of that client (in the quarter, of that framework) with evidence; and sessions of that framework. */
  cells: { evidenced: number; sessions: number }[][];
}

export interface TrustSignals {
  /** Judgmental-language findings per calendar month of the quarter. */
  judgmentalByMonth: { month: string; findings: number; notes: number }[];
  sensitive: {
    /** Notes that touch a sensitive area, with and without a recorded permission check. */
    withPermission: number;
    withoutPermission: number;
    topics: { id: string; label: string; withPermission: number; withoutPermission: number }[];
  };
  /** Made, kept, carried, never revisited and overdue at the quarter's end: the Agreements view's threads, counted. */
  agreements: AgreementFigures;
}

export interface NoteRow {
  date: string;
  client: string;
  session: number | null;
  framework: string;
  /** Required markers without evidence. */
  missing: string[];
  /** Path relative to the workspace; null when pseudonymized (paths carry names). */
  path: string | null;
}

/** One client engagement for the ICF coaching log (credential applications). */
export interface Engagement {
  client: string;
  /** First and last session date in the quarter. */
  start: string;
  end: string;
  type: 'individual' | 'group';
  /** Largest group size seen; null for individual coaching. */
  groupSize: number | null;
  sessions: number;
  paidHours: number;
  proBonoHours: number;
}
