// Runs in a worker_threads worker (bundled as dist/lint-worker.js): checks large notes, and every
// note of Lint Workspace, off the extension host thread. One long-lived worker, one check at a time;
// each folder's setup is loaded once, here, from the same files the host read. Findings come from
// the same engine function as on the host (lintNote on the live parse), so they are identical.
// No `vscode` import: a worker thread cannot load it.
import { readFileSync, readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { lintNote } from '../../core/engine/lint';
import { loadSetup, type EngineSetup } from '../../core/engine/setup';
import { parseWith } from '../../core/workspace/batch';
import { decodeNote } from '../../core/workspace/files';
import type { NoteSummaryForRules, WorkspaceView } from '../../core/workspace/view';
import { skeletonOf, textOf, type CheckRequest, type FromWorker, type SetupRef, type ToWorker } from './lint-worker-protocol';

const setups = new Map<number, { root: string | undefined; setup: EngineSetup }>();
const waiting = new Map<number, (notes: NoteSummaryForRules[]) => void>();

function post(message: FromWorker): void {
  parentPort?.postMessage(message);
}

function setupFor(ref: SetupRef): { setup: EngineSetup; ms?: number } {
  const known = setups.get(ref.id);
  if (known) return { setup: known.setup };
  // A newer setup of the same folder replaces the older one (a `.coach/` file changed).
  for (const [id, s] of setups) if (s.root === ref.root) setups.delete(id);
  const started = performance.now();
  const setup = loadSetup(ref.root !== undefined ? { root: ref.root } : {});
  setups.set(ref.id, { root: ref.root, setup });
  return { setup, ms: performance.now() - started };
}

/** Asks the host for one client's notes (cross-note rules read them; only the host has the index). */
function clientNotes(id: number, client: string): Promise<NoteSummaryForRules[]> {
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    post({ type: 'need', id, client });
  });
}

async function check(request: CheckRequest): Promise<void> {
  const { setup, ms: setupMs } = setupFor(request.setup);
  const started = performance.now();
  const text = textOf(request) ?? decodeNote(request.path, readFileSync(request.path)).text;
  const note = parseWith(setup, { path: request.path, text }, request.live);
  let workspace: WorkspaceView | undefined;
  const client = note.meta.client;
  if (client !== undefined) {
    const notes = await clientNotes(request.id, client);
    workspace = {
      notesOfClient: (asked) => {
        // Only the note's own client was fetched; a rule asking for another would silently differ from the host.
        if (asked !== client) throw new Error(`the lint worker knows the notes of "${client}" only, not of "${asked}"`);
        return notes;
      },
    };
  }
  const findings = lintNote(note, setup, { ...(workspace ? { workspace } : {}), severities: request.severities });
  post({
    type: 'done',
    id: request.id,
    findings,
    ...(request.skeleton ? { skeleton: skeletonOf(note) } : {}),
    ...(setupMs !== undefined ? { setupMs } : {}),
    ms: performance.now() - started,
  });
}

parentPort?.on('message', (message: ToWorker) => {
  if (message.type === 'clientNotes') {
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve?.(message.notes);
    return;
  }
  check(message).catch((error: unknown) => {
    waiting.delete(message.id);
    post({ type: 'failed', id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});

/**
 * On Linux each thread has its own nice value: this one gives way to the extension host thread
 * (and the rest of the editor) when the cores are busy, so a long check never slows typing.
 * Elsewhere, or if the system refuses, the worker keeps the host's priority; nothing else changes.
 */
function giveWay(): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, Math.min(19, getPriority(tid) + 10));
  } catch {
    // Not Linux (no /proc/thread-self), or not permitted: the default priority is correct, only less polite.
  }
}

giveWay();
post({ type: 'ready' });
