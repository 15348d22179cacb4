// Start-up marks for the activation bench (bench/activation.ts): when this bundle began to run,
// when activate() was entered and returned, and, per note, when the extension first saw it open
// and when its first diagnostics were published. Milliseconds since the epoch (sub-millisecond), so a test in the same extension host
// can compare them with its own clock. A few numbers and one small map: cheap enough to keep on.

const now = (): number => performance.timeOrigin + performance.now();

export interface ActivationTiming {
  /** The extension's bundle started to run (imported first by main.ts). */
  readonly moduleLoaded: number;
  activateEntered?: number;
  activateReturned?: number;
  /** First diagnostics published for a document an editor has open, by URI string. */
  firstDiagnostics(uri: string): number | undefined;
  /** When the extension was first told the document opened (onDidOpenTextDocument), by URI string. */
  firstOpened(uri: string): number | undefined;
}

/** Open notes remembered at most: a long session does not grow the map without bound. */
const LIMIT = 200;
const first = new Map<string, number>();
const opened = new Map<string, number>();

export const timing: ActivationTiming = {
  moduleLoaded: now(),
  firstDiagnostics: (uri) => first.get(uri),
  firstOpened: (uri) => opened.get(uri),
};

export function markActivate(phase: 'entered' | 'returned'): void {
  if (phase === 'entered') timing.activateEntered ??= now();
  else timing.activateReturned ??= now();
}

/** Called whenever an open note's diagnostics are published; only the first time per document counts. */
export function markDiagnostics(uri: string): void {
  if (!first.has(uri) && first.size < LIMIT) first.set(uri, now());
}

/** Called when a note opens; only the first time per document counts. */
export function markOpened(uri: string): void {
  if (!opened.has(uri) && opened.size < LIMIT) opened.set(uri, now());
}
