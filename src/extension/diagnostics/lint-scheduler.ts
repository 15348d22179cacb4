// When and where an open note is checked: on open, on type (debounced), on save; on this thread
// when it is small, in the lint worker when it is large, so the extension host never waits on a
// big note. No `vscode` import: LintController adapts VS Code's events and documents to it, and
// the unit tests and the bench (bench/host-blocking.ts --lint) drive the very same code without VS Code.
import type { Finding, Severity } from '../../core/model/types';
import { foldingSpans, type FoldingSpan } from '../../core/note/outline';
import type { Note } from '../../core/note/types';
import type { WorkspaceView } from '../../core/workspace/view';
import { realClock, type Clock, type LintWorkerClient } from './lint-worker-client';
import { noteFromSkeleton, textOf, wellFormed, type SetupRef } from './lint-worker-protocol';

/**
 * Notes of at least this many characters (256 KiB of plain text; a long real session note is
 * 5–20 KB) are checked in the lint worker. Below it a check takes a few milliseconds to tens of
 * milliseconds on this thread, less than a worker round trip with its copies of the text.
 */
export const OFF_HOST_THRESHOLD = 256 * 1024;

/** The last check of a document version: code actions and the outline reuse it instead of re-parsing. */
export interface LintSnapshot {
  version: number;
  note: Note;
  findings: Finding[];
  /** Checked in the worker: `note` is a skeleton (no prose blocks, top-level headings and HTML only). */
  offHost?: boolean;
  /** Folding ranges the worker worked out (a large note's text is never indexed here for them). */
  folding?: FoldingSpan[];
}

/** The snapshot's folding ranges: the worker's, or read from the note. */
export const foldingOf = (snap: LintSnapshot): FoldingSpan[] => snap.folding ?? foldingSpans(snap.note);

export type RunMode = 'onType' | 'onSave' | 'off';

/** A note's text as read for the worker: what is posted, and the text itself (built only if a provider asks). */
interface WorkerText {
  wire: string | Uint8Array[];
  text: () => string;
}

export interface DocSettings {
  run: RunMode;
  /** Debounce for checking on type, in milliseconds. */
  lintDelay: number;
  severities: Record<string, Severity>;
}

/**
 * Characters a large note is read and encoded in per turn of the event loop: well under a
 * millisecond each, so typing is never held while a 4 MB note is handed to the worker.
 */
export const SLICE_CHARS = 64 * 1024;

/** An open document as the scheduler sees it; `version`, `isClosed` and `length` are read live. */
export interface LintDoc {
  readonly key: string;
  readonly path: string;
  readonly version: number;
  readonly isClosed: boolean;
  /** The text's length in UTF-16 code units, without building the text (VS Code: offsetAt of the end). */
  readonly length: number;
  getText(): string;
  /** The text between two offsets (VS Code: getText of the range between positionAt(start) and positionAt(end)). */
  getSlice(start: number, end: number): string;
}

/** What the scheduler asks of its host (the extension, or a test or bench without VS Code). */
export interface SchedulerPort {
  settings(doc: LintDoc): DocSettings;
  /** Parses (live) and checks the text on this thread, recording the note's summary in the index. */
  lintHere(doc: LintDoc, text: string, severities: Record<string, Severity>): { note: Note; findings: Finding[] };
  /** Runs the rules again on an already parsed note: only other notes changed. */
  relintHere(doc: LintDoc, note: Note, severities: Record<string, Severity>): Finding[];
  /** The setup a worker check of this document loads, and the other notes its cross-note rules read. */
  offHost(doc: LintDoc): { setup: SetupRef; view: WorkspaceView };
  /** A note with nothing in it: the snapshot of a large document before its first check lands. */
  emptyNote(doc: LintDoc): Note;
  publish(doc: LintDoc, findings: Finding[]): void;
  clear(doc: LintDoc): void;
  /** The one output channel. */
  error(context: string, error: unknown): void;
  warn(message: string): void;
}

export interface SchedulerOptions {
  /** Characters from which a note is checked in the worker (OFF_HOST_THRESHOLD). */
  threshold?: number;
  /** Characters read per turn of the event loop for the worker (SLICE_CHARS). */
  slice?: number;
  clock?: Clock;
}

export class LintScheduler {
  private readonly timers = new Map<string, unknown>();
  private readonly snapshots = new Map<string, LintSnapshot>();
  /** Each document's length at its last check: a large one is never parsed here for a snapshot. */
  private readonly sizes = new Map<string, number>();
  private readonly threshold: number;
  private readonly slice: number;
  private readonly clock: Clock;
  private warned = false;
  /** Checks run on this thread and in the worker (for tests and the bench). */
  readonly counts = { here: 0, offHost: 0, published: 0, dropped: 0, slices: 0 };

  constructor(
    private readonly port: SchedulerPort,
    private readonly worker: LintWorkerClient | undefined,
    options: SchedulerOptions = {},
  ) {
    this.threshold = options.threshold ?? OFF_HOST_THRESHOLD;
    this.slice = Math.max(2, options.slice ?? SLICE_CHARS);
    this.clock = options.clock ?? realClock;
  }

  opened(doc: LintDoc): void {
    if (this.guard(doc, () => this.port.settings(doc).run !== 'off')) void this.check(doc);
  }

  saved(doc: LintDoc): void {
    this.opened(doc);
  }

  /** The text changed: check after the configured pause, unless it changes again first. */
  changed(doc: LintDoc): void {
    const settings = this.guard(doc, () => this.port.settings(doc));
    if (settings?.run !== 'onType') return;
    this.clock.clearTimeout(this.timers.get(doc.key));
    const version = doc.version;
    this.timers.set(
      doc.key,
      this.clock.setTimeout(() => {
        this.timers.delete(doc.key);
        // A newer edit arrived after this one was scheduled: its own timer checks it.
        if (doc.isClosed || doc.version !== version) return;
        void this.check(doc);
      }, settings.lintDelay),
    );
  }

  /** The document closed: no pending or running check of it is wanted any more. */
  closed(key: string): void {
    this.clock.clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.snapshots.delete(key);
    this.sizes.delete(key);
    this.worker?.cancel(key);
  }

  forget(key: string): void {
    this.snapshots.delete(key);
  }

  /** The client named by the document's last check. */
  clientOf(key: string): string | undefined {
    return this.snapshots.get(key)?.note.meta.client;
  }

  /** Whether checks can run in the worker (its bundle exists and it has not given up). */
  get offHostAvailable(): boolean {
    return this.worker !== undefined && !this.worker.broken;
  }

  /**
   * Checks the document now: on this thread when small, in the worker when large. Resolves when
   * its findings are published, or dropped because the document moved on. Never rejects.
   * `reuseParse`: only other notes changed, so a small note's rules run again on its last parse.
   */
  async check(doc: LintDoc, reuseParse = false): Promise<void> {
    try {
      const settings = this.port.settings(doc);
      if (settings.run === 'off') {
        this.port.clear(doc);
        return;
      }
      const cached = this.snapshots.get(doc.key);
      if (reuseParse && cached && !cached.offHost && cached.version === doc.version) {
        this.counts.here++;
        const snap = { ...cached, findings: this.port.relintHere(doc, cached.note, settings.severities) };
        this.snapshots.set(doc.key, snap);
        this.publish(doc, snap);
        return;
      }
      // A large note's text is never built in one piece here: the worker gets it slice by slice.
      const size = doc.length;
      this.sizes.set(doc.key, size);
      if (this.inWorker(size)) await this.checkOffHost(doc, settings);
      else this.publish(doc, this.checkHere(doc, doc.getText(), settings.severities));
    } catch (error) {
      this.port.error(`Checking ${doc.path}`, error);
    }
  }

  /**
   * The check of the document's current version, computing it here if the note is small. A large
   * note is never parsed on this thread: until its check lands, the snapshot has no findings (so no
   * quick fix at stale positions) and the outline of its last check.
   */
  snapshot(doc: LintDoc): LintSnapshot {
    const cached = this.snapshots.get(doc.key);
    if (cached && cached.version === doc.version) return cached;
    if (this.inWorker(this.sizes.get(doc.key) ?? doc.length)) return { version: doc.version, note: cached?.note ?? this.port.emptyNote(doc), findings: [], offHost: true };
    return this.checkHere(doc, doc.getText(), this.port.settings(doc).severities);
  }

  dispose(): void {
    for (const t of this.timers.values()) this.clock.clearTimeout(t);
    this.timers.clear();
  }

  private inWorker(size: number): boolean {
    if (size < this.threshold) return false;
    if (this.offHostAvailable) return true;
    if (!this.warned) {
      this.warned = true;
      this.port.warn(
        this.worker
          ? 'The lint worker is not available any more; notes larger than 256 KB are now checked on the extension host thread, which may pause the editor.'
          : 'The lint worker (dist/lint-worker.js) is missing; notes larger than 256 KB are checked on the extension host thread, which may pause the editor.',
      );
    }
    return false;
  }

  private checkHere(doc: LintDoc, text: string, severities: Record<string, Severity>): LintSnapshot {
    this.counts.here++;
    const version = doc.version;
    const { note, findings } = this.port.lintHere(doc, text, severities);
    const snap: LintSnapshot = { version, note, findings };
    this.snapshots.set(doc.key, snap);
    return snap;
  }

  private async checkOffHost(doc: LintDoc, settings: DocSettings): Promise<void> {
    const worker = this.worker as LintWorkerClient;
    const version = doc.version;
    const reading = this.readForWorker(doc);
    // A note that fits in one slice goes to the worker in this same turn.
    const read = reading instanceof Promise ? await reading : reading;
    // Edited (or closed) while it was being read: the newer version's own check follows.
    if (!read || doc.isClosed || doc.version !== version) {
      this.counts.dropped++;
      return;
    }
    const { setup, view } = this.port.offHost(doc);
    this.counts.offHost++;
    const outcome = await worker.check({
      key: doc.key,
      priority: 'edit',
      request: { setup, path: doc.path, text: read.wire, severities: settings.severities, live: true, skeleton: true },
      view,
    });
    if (outcome.status === 'dropped' || doc.isClosed || doc.version !== version) {
      this.counts.dropped++;
      return;
    }
    // Without a leading BOM, as parseNote keeps it: the skeleton's offsets refer to that text.
    const noteText = () => {
      const raw = read.text();
      return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    };
    const note = outcome.skeleton ? noteFromSkeleton(outcome.skeleton, noteText) : this.port.emptyNote(doc);
    const snap: LintSnapshot = { version, note, findings: outcome.findings, offHost: true, ...(outcome.skeleton ? { folding: outcome.skeleton.folding } : {}) };
    this.snapshots.set(doc.key, snap);
    this.publish(doc, snap);
  }

  /**
   * The document's text for the worker, read in slices of `slice` characters, one per turn of the
   * event loop; undefined when the document changes meanwhile. The first slice is read at once, so
   * a note that fits in it needs no further turn. Each slice is kept as UTF-8 in shared memory:
   * the worker reads it without a copy, and the host keeps it outside the JavaScript heap (the
   * collector never copies it) until a provider asks for the text. A slice never ends between the
   * two halves of a surrogate pair; a lone surrogate, which UTF-8 cannot carry, sends the whole
   * text as one string instead.
   */
  private readForWorker(doc: LintDoc): WorkerText | Promise<WorkerText | undefined> {
    const version = doc.version;
    const length = doc.length;
    const encoder = new TextEncoder();
    const slices: Uint8Array[] = [];
    let at = 0;
    /** Reads the next slice; false when it cannot go as UTF-8. */
    const readSlice = (): boolean => {
      let end = Math.min(length, at + this.slice);
      let part = doc.getSlice(at, end);
      const last = part.charCodeAt(part.length - 1);
      if (end < length && last >= 0xd800 && last <= 0xdbff) {
        part = part.slice(0, -1);
        end--;
      }
      this.counts.slices++;
      at = end;
      if (!wellFormed(part)) return false;
      const bytes = encoder.encode(part);
      const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
      shared.set(bytes);
      slices.push(shared);
      return true;
    };
    const whole = (): WorkerText => {
      const text = doc.getText();
      return { wire: text, text: () => text };
    };
    const result = (): WorkerText => ({ wire: slices, text: () => textOf({ text: slices }) ?? '' });
    if (!readSlice()) return whole();
    if (at >= length) return result();
    return (async () => {
      while (at < length) {
        await new Promise((resolve) => setImmediate(resolve));
        if (doc.isClosed || doc.version !== version) return undefined;
        if (!readSlice()) return whole();
      }
      return result();
    })();
  }

  private publish(doc: LintDoc, snap: LintSnapshot): void {
    // Stale: the text moved on while the check ran; the newer version's own check publishes.
    if (doc.isClosed || doc.version !== snap.version) {
      this.counts.dropped++;
      return;
    }
    this.counts.published++;
    this.port.publish(doc, snap.findings);
  }

  private guard<T>(doc: LintDoc, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.port.error(`Checking ${doc.path}`, error);
      return undefined;
    }
  }
}
