import type { AgreementItem } from '../note/types';
import { clientKeyOf, counts, threadsOfClient, type AgreementSource, type AgreementThread } from './threads';

interface ClientEntry {
  notes: Map<string, AgreementSource>;
  threads: AgreementThread[];
}

/**
 * Every agreement of a workspace as threads, kept current one note at a time: a changed note
 * re-threads only its client's notes (old and new client when it moved), never the workspace.
 * Edits that leave a note's agreements, client and date alone change nothing.
 */
export class AgreementsModel {
  private readonly notes = new Map<string, AgreementSource>();
  private readonly clients = new Map<string, ClientEntry>();
  private readonly byName = new Map<string, Set<string>>();
  /** Bumped on every change that could alter a thread, so views can cache their grouping. */
  version = 0;
  private flat: { version: number; all: AgreementThread[] } | undefined;

  get size(): number {
    return this.notes.size;
  }

  /** Replaces everything (first scan, settings reload). */
  reset(sources: Iterable<AgreementSource>): void {
    this.notes.clear();
    this.clients.clear();
    this.byName.clear();
    // Nothing to compare with or forget: insert, then thread each client once.
    for (const source of sources) if (counts(source)) this.insert(source);
    for (const entry of this.clients.values()) entry.threads = threadsOfClient(entry.notes.values());
    this.version++;
  }

  /** Records notes and forgets deleted ones; returns whether any thread may have changed. */
  update(changed: Iterable<AgreementSource>, removed: Iterable<string> = []): boolean {
    const touched = this.apply(changed, removed);
    if (touched) this.version++;
    return touched;
  }

  /** The paths recorded under a client's name, for syncing with an index that reports changes by name. */
  pathsOfClientName(name: string): string[] {
    return [...(this.byName.get(name) ?? [])];
  }

  /** Every thread, as one array (rebuilt after a change, when first asked for). */
  threads(): readonly AgreementThread[] {
    if (this.flat?.version !== this.version) {
      const all: AgreementThread[] = [];
      for (const entry of this.clients.values()) for (const t of entry.threads) all.push(t);
      this.flat = { version: this.version, all };
    }
    return this.flat.all;
  }

  threadsOfClientKey(key: string): readonly AgreementThread[] {
    return this.clients.get(key)?.threads ?? [];
  }

  private apply(changed: Iterable<AgreementSource>, removed: Iterable<string>): boolean {
    const dirty = new Set<string>();
    for (const path of removed) this.forget(path, dirty);
    for (const source of changed) {
      const old = this.notes.get(source.path);
      if (old === source) continue;
      const key = clientKeyOf(source);
      if (old && same(old, source)) {
        // Prose edits: keep the newer summary so the next comparison is by reference.
        this.notes.set(source.path, source);
        this.clients.get(key)?.notes.set(source.path, source);
        continue;
      }
      this.forget(source.path, dirty);
      // Notes without agreements stay: the next note of a client is where an open item is dropped.
      if (!counts(source)) continue;
      this.insert(source);
      dirty.add(key);
    }
    for (const key of dirty) {
      const entry = this.clients.get(key);
      if (!entry) continue;
      if (entry.notes.size === 0) this.clients.delete(key);
      else entry.threads = threadsOfClient(entry.notes.values());
    }
    return dirty.size > 0;
  }

  private insert(source: AgreementSource & { client: string }): void {
    this.notes.set(source.path, source);
    const key = clientKeyOf(source);
    let entry = this.clients.get(key);
    if (!entry) this.clients.set(key, (entry = { notes: new Map(), threads: [] }));
    entry.notes.set(source.path, source);
    let names = this.byName.get(source.client);
    if (!names) this.byName.set(source.client, (names = new Set()));
    names.add(source.path);
  }

  private forget(path: string, dirty: Set<string>): void {
    const old = this.notes.get(path);
    if (!old) return;
    this.notes.delete(path);
    const key = clientKeyOf(old);
    this.clients.get(key)?.notes.delete(path);
    const names = this.byName.get(old.client ?? '');
    names?.delete(path);
    if (names?.size === 0) this.byName.delete(old.client ?? '');
    dirty.add(key);
  }
}

/** Equal for agreements: same client, date, order and items. */
function same(a: AgreementSource, b: AgreementSource): boolean {
  return a.valid === b.valid && a.client === b.client && a.clientId === b.clientId && a.date === b.date && a.session === b.session && sameItems(a.agreements, b.agreements);
}

function sameItems(a: readonly AgreementItem[], b: readonly AgreementItem[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i] as AgreementItem;
    return x.key === y.key && x.kept === y.kept && x.text === y.text && x.due === y.due;
  });
}
