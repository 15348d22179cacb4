// The messages between the extension host and the lint worker (lint-worker.ts). Plain data only:
// everything here crosses a worker_threads structured clone. No `vscode` import: the worker, the
// unit tests and the bench load this file outside VS Code.
import type { Heading, Html, Root } from 'mdast';
import { LineIndex } from '../../core/model/lines';
import type { Finding, Severity } from '../../core/model/types';
import { foldingSpans, type FoldingSpan } from '../../core/note/outline';
import type { Note } from '../../core/note/types';
import type { NoteSummaryForRules } from '../../core/workspace/view';

/**
 * Which setup a check uses. The worker loads it itself from the folder (`loadSetup({ root })`, as
 * the host did), once per `id`: cloning a loaded setup to the worker would hold the host thread for
 * hundreds of milliseconds (the judgmental lexicon alone is some 17 MB of serialised data).
 */
export interface SetupRef {
  /** Changes whenever the host reloads the folder's setup (a `.coach/` file changed). */
  id: number;
  root?: string;
}

export interface CheckRequest {
  type: 'check';
  id: number;
  setup: SetupRef;
  /** The note's path, as the host's own parse would name it. */
  path: string;
  /**
   * The editor's text; absent for Lint Workspace, where the worker reads the file from disk. Sent
   * as UTF-8 slices, in shared memory (LintScheduler, which reads a large note slice by slice) or
   * in transferred buffers (toWire): copying a 4 MB string through postMessage holds the host
   * thread some ten times longer than encoding it.
   */
  text?: string | Uint8Array[];
  severities: Record<string, Severity>;
  /** Parse as a note being edited (reuse unchanged sections), as the host does for open documents. */
  live: boolean;
  /** Also return the note's outline skeleton (open documents: outline, folding and quick fixes). */
  skeleton: boolean;
}

/** The host's answer to `need`: the notes of the client the parsed note names. */
export interface ClientNotesReply {
  type: 'clientNotes';
  id: number;
  client: string;
  notes: NoteSummaryForRules[];
}

export type ToWorker = CheckRequest | ClientNotesReply;

export type FromWorker =
  /** The worker's code has loaded (sent once, at start). */
  | { type: 'ready' }
  /** The note names `client`: cross-note rules need that client's other notes, which only the host has. */
  | { type: 'need'; id: number; client: string }
  | {
      type: 'done';
      id: number;
      findings: Finding[];
      skeleton?: NoteSkeleton;
      /** Time spent loading the setup for this check (only when it was not loaded yet). */
      setupMs?: number;
      /** Time the check itself took in the worker (parse and rules). */
      ms: number;
    }
  | { type: 'failed'; id: number; error: string };

/**
 * What the host keeps of a note checked in the worker: everything but its text (the host has it),
 * its line index (rebuilt on demand), its prose blocks, and its syntax tree beyond the top-level
 * headings and HTML blocks that outlines and folding read. Sending the whole tree back would cost
 * the host thread as much as it saves.
 */
export type NoteSkeleton = Omit<Note, 'text' | 'lines' | 'prose' | 'tree'> & {
  blocks: (Heading | Html)[];
  /** The folding ranges, worked out here: on the host they would need the whole text and its line index. */
  folding: FoldingSpan[];
};

export function skeletonOf(note: Note): NoteSkeleton {
  const { text: _text, lines: _lines, prose: _prose, tree, ...rest } = note;
  const blocks = tree.children.filter((n): n is Heading | Html => n.type === 'heading' || n.type === 'html');
  return { ...rest, blocks, folding: foldingSpans(note) };
}

/**
 * A note for outline, folding and quick fixes, from a worker's skeleton and the text it was checked
 * on: a string, or the slices it was read in, joined only if a provider asks for the text.
 */
export function noteFromSkeleton(skeleton: NoteSkeleton, source: string | (() => string)): Note {
  const { blocks, folding: _folding, ...rest } = skeleton;
  const tree: Root = { type: 'root', children: blocks };
  const note = { ...rest, tree, prose: [] } as Omit<Note, 'lines' | 'text'> as Note;
  let text = typeof source === 'string' ? source : undefined;
  const textNow = () => (text ??= (source as () => string)());
  // The line index walks the whole text: built only if a provider asks for a position.
  let lines: LineIndex | undefined;
  Object.defineProperty(note, 'text', { enumerable: true, configurable: true, get: textNow });
  Object.defineProperty(note, 'lines', { enumerable: true, configurable: true, get: () => (lines ??= new LineIndex(textNow())) });
  return note;
}

/** Whether TextEncoder keeps the text exactly: a lone surrogate would come back as U+FFFD. */
export function wellFormed(text: string): boolean {
  const native = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return native ? native.call(text) : !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** A check as posted, with the buffers to transfer: the text as UTF-8 when that round-trips exactly. */
export function toWire(request: CheckRequest): { message: CheckRequest; transfer: ArrayBuffer[] } {
  const { text } = request;
  // Slices in shared memory (LintScheduler) go as they are: the worker reads the same bytes.
  if (Array.isArray(text)) return { message: request, transfer: text.flatMap((bytes) => (bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [])) };
  if (typeof text !== 'string' || !wellFormed(text)) return { message: request, transfer: [] };
  const bytes = new TextEncoder().encode(text);
  return { message: { ...request, text: [bytes] }, transfer: [bytes.buffer as ArrayBuffer] };
}

/** The text of a posted check (undefined: read the file). `ignoreBOM` keeps a leading U+FEFF, so offsets match the host's. */
export function textOf(request: Pick<CheckRequest, 'text'>): string | undefined {
  const { text } = request;
  if (typeof text === 'string' || text === undefined) return text;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return text.map((bytes) => decoder.decode(bytes)).join('');
}
