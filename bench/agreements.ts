// Figure 12: the Agreements view's pure model on a warm 10k-note index (bench/run.ts --only=12).
// What is timed is what the extension does between the index and the tree: for the first render,
// threading every note's agreements (AgreementsModel.reset), the top-level groups, the rows of
// the groups shown expanded and the badge's overdue count; for an edit, the same after
// AgreementsModel.update with the edited client's summaries (the one changed, the others the
// same objects, as WorkspaceIndex hands them over). VS Code's own drawing is not in it.
import { AgreementsModel } from '../src/core/agreements/model';
import { overdueCount } from '../src/core/agreements/status';
import { agreementGroups, agreementRows, type AgreementViewOptions } from '../src/core/agreements/tree-model';
import type { NoteSummary } from '../src/core/workspace/summary';
import { Random } from './corpus';

export interface AgreementsBench {
  notes: number;
  /** Agreement lines in the notes, and the agreements they make once carried lines are one. */
  lines: number;
  threads: number;
  overdue: number;
  /** First render, ms, one sample per run. */
  first: number[];
  /** One-note edit, ms. */
  update: number[];
  /** The same edit by rebuilding everything (what incremental updates avoid), ms. */
  rebuild: number[];
}

/** Draws what the tree asks for first: the top level, the rows of expanded groups, the badge. */
function render(model: AgreementsModel, options: AgreementViewOptions): number {
  let rows = 0;
  for (const g of agreementGroups(model.threads(), options)) if (g.expanded) rows += agreementRows(g, options).length;
  return rows + overdueCount(model.threads(), options.today);
}

export function runAgreementsBench(summaries: readonly NoteSummary[], options: { today: string; runs: number; edits: number; seed: number }): AgreementsBench {
  const view: AgreementViewOptions = { grouping: 'due', showKept: false, today: options.today };
  const byClient = new Map<string, NoteSummary[]>();
  for (const s of summaries) {
    const key = s.clientId ?? s.client ?? '';
    let list = byClient.get(key);
    if (!list) byClient.set(key, (list = []));
    list.push(s);
  }

  const first: number[] = [];
  let model = new AgreementsModel();
  for (let i = 0; i < options.runs; i++) {
    model = new AgreementsModel();
    const t = performance.now();
    model.reset(summaries);
    render(model, view);
    first.push(performance.now() - t);
  }

  // Edits: check the first open item of a random note with one, then uncheck it again (two edits).
  const rng = new Random(options.seed);
  const candidates = summaries.filter((s) => s.valid && s.client !== undefined && s.agreements.some((a) => !a.kept));
  const update: number[] = [];
  const rebuild: number[] = [];
  const current = new Map(summaries.map((s) => [s.path, s]));
  for (let i = 0; i < options.edits; i++) {
    const original = rng.pick(candidates);
    const open = original.agreements.findIndex((a) => !a.kept);
    const edited: NoteSummary = { ...original, agreements: original.agreements.map((a, j) => (j === open ? { ...a, kept: true } : a)) };
    for (const next of [edited, original]) {
      current.set(next.path, next);
      const client = (byClient.get(next.clientId ?? next.client ?? '') ?? []).map((s) => current.get(s.path) ?? s);
      const t = performance.now();
      model.update(client);
      render(model, view);
      update.push(performance.now() - t);
      // The baseline, on a few edits only: it is the slow path.
      if (rebuild.length < 10) {
        const all = [...current.values()];
        const r = performance.now();
        const fresh = new AgreementsModel();
        fresh.reset(all);
        render(fresh, view);
        rebuild.push(performance.now() - r);
      }
    }
  }
  const threads = [...model.threads()];
  return {
    notes: summaries.length,
    lines: summaries.reduce((n, s) => n + s.agreements.length, 0),
    threads: threads.length,
    overdue: overdueCount(threads, options.today),
    first,
    update,
    rebuild,
  };
}
