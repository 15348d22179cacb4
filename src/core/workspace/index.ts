import type { NoteSummary } from './summary';
import type { NoteSummaryForRules, WorkspaceView } from './view';

/** Summaries of every note in a workspace, by path and by client. Incremental: set and delete one note at a time. */
export class NoteIndex implements WorkspaceView {
  private readonly byPath = new Map<string, NoteSummary>();
  private readonly byClient = new Map<string, Set<string>>();

  get size(): number {
    return this.byPath.size;
  }

  get(path: string): NoteSummary | undefined {
    return this.byPath.get(path);
  }

  all(): NoteSummary[] {
    return [...this.byPath.values()];
  }

  set(summary: NoteSummary): void {
    this.delete(summary.path);
    this.byPath.set(summary.path, summary);
    if (summary.client !== undefined) {
      let paths = this.byClient.get(summary.client);
      if (!paths) this.byClient.set(summary.client, (paths = new Set()));
      paths.add(summary.path);
    }
  }

  delete(path: string): NoteSummary | undefined {
    const old = this.byPath.get(path);
    if (!old) return undefined;
    this.byPath.delete(path);
    if (old.client !== undefined) {
      const paths = this.byClient.get(old.client);
      paths?.delete(path);
      if (paths?.size === 0) this.byClient.delete(old.client);
    }
    return old;
  }

  clear(): void {
    this.byPath.clear();
    this.byClient.clear();
  }

  notesOfClient(client: string): readonly NoteSummaryForRules[] {
    const out: NoteSummaryForRules[] = [];
    for (const path of this.byClient.get(client) ?? []) {
      const s = this.byPath.get(path);
      if (s?.valid && s.client !== undefined && s.date !== undefined) {
        out.push({ path: s.path, client: s.client, date: s.date, agreements: s.agreements, ...(s.session !== undefined ? { session: s.session } : {}) });
      }
    }
    return out;
  }

  /** Paths of the client's notes, for re-running cross-note rules when one of them changes. */
  pathsOfClient(client: string): string[] {
    return [...(this.byClient.get(client) ?? [])];
  }
}
