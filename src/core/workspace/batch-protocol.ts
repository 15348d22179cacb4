import type { LintOptions } from '../engine/lint';
import type { SetupOptions } from '../engine/setup';
import type { Finding } from '../model/types';
import type { NoteFile } from './files';
import type { NoteSummary } from './summary';

/** What a batch worker starts with: it loads its own setup from the same place as the main thread. */
export interface BatchWorkerData {
  setupOptions: SetupOptions;
  /** Plain data only: the cross-note round builds its own index from the summaries it is sent. */
  options: Pick<LintOptions, 'severities' | 'only' | 'budgetMs'>;
}

export type BatchToWorker =
  /** Parse and check these notes with the rules that read one note; keep them for the second round. */
  | { kind: 'local'; files: NoteFile[] }
  /** Run the cross-note rules on every note kept, against these summaries (all notes of their clients). */
  | { kind: 'cross'; summaries: NoteSummary[] };

export interface LocalReply {
  path: string;
  summary: NoteSummary;
  findings: Finding[];
}

/** The cross-note round's findings, by path (notes without any are left out). */
export type CrossReply = Record<string, Finding[]>;
