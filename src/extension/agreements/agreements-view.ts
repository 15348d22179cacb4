import * as vscode from 'vscode';
import { AgreementsModel } from '../../core/agreements/model';
import { overdueCount } from '../../core/agreements/status';
import type { AgreementSource } from '../../core/agreements/threads';
import {
  agreementGroups,
  agreementLinks,
  agreementRows,
  agreementTooltip,
  type AgreementGrouping,
  type AgreementGroupNode,
  type AgreementNode,
  type AgreementRowNode,
  type AgreementViewOptions,
} from '../../core/agreements/tree-model';
import { plural } from '../../core/report/format';
import type { IndexChange, WorkspaceIndex } from '../index/workspace-index';
import { markKept, openAgreement, type AgreementArg } from './agreement-commands';

export const AGREEMENTS_VIEW = 'coachNotes.agreements';
export const OPEN_AGREEMENT = 'coachNotes.agreements.open';
export const MARK_KEPT = 'coachNotes.agreements.markKept';
/** Checks whether the day changed (overdue items move groups at midnight). */
const CLOCK_MS = 10 * 60 * 1000;

/** The coach's today: due dates are days on their own calendar. */
export function localToday(now: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

/**
 * The "Agreements" view: every agreement of the workspace, grouped by due date or by client. It
 * holds an AgreementsModel fed from the index one change at a time (only the changed clients'
 * notes are re-threaded); groups are one pass over the threads and a group's rows are built
 * only when it is expanded.
 */
export class AgreementsViewProvider implements vscode.TreeDataProvider<AgreementNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<AgreementNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly model = new AgreementsModel();
  grouping: AgreementGrouping = 'due';
  showKept = false;
  view: vscode.TreeView<AgreementNode> | undefined;
  /** Shown while agreements are overdue; opens the view. */
  status: vscode.StatusBarItem | undefined;
  private cache: { key: string; groups: AgreementGroupNode[]; rows: Map<string, AgreementRowNode[]> } | undefined;
  private overdueNow = 0;

  constructor(
    private readonly index: WorkspaceIndex,
    /** The coach's today; a test fixes it. */
    public today: () => string = () => localToday(),
  ) {}

  get options(): AgreementViewOptions {
    return { grouping: this.grouping, showKept: this.showKept, today: this.today() };
  }

  /** Open agreements past their due date (the badge). */
  get overdue(): number {
    return this.overdueNow;
  }

  /** Everything again from the index: the first scan, a settings reload. */
  reload(): void {
    this.model.reset(this.index.allSummaries());
    this.refresh();
  }

  /** An index change: only the named clients' notes are looked at. */
  apply(change: IndexChange): void {
    if (change.all) return this.reload();
    const sources: AgreementSource[] = [];
    const removed = [...(change.removed ?? [])];
    for (const name of change.clients) {
      const paths = new Set(this.model.pathsOfClientName(name));
      for (const state of this.index.setups()) for (const path of state.index.pathsOfClient(name)) paths.add(path);
      for (const path of paths) {
        const summary = this.lookup(path);
        if (summary) sources.push(summary);
        else removed.push(path);
      }
    }
    if (this.model.update(sources, removed)) this.refresh();
  }

  private lookup(path: string): AgreementSource | undefined {
    for (const state of this.index.setups()) {
      const s = state.index.get(path);
      if (s) return s;
    }
    return undefined;
  }

  /** Redraws: the badge and status item at once, the tree from its next request. */
  refresh(): void {
    this.cache = undefined;
    this.overdueNow = overdueCount(this.model.threads(), this.today());
    const tooltip = `${plural(this.overdueNow, 'overdue agreement')}. Click to show them.`;
    if (this.view) {
      this.view.badge = this.overdueNow > 0 ? { value: this.overdueNow, tooltip } : undefined;
      this.view.description = this.grouping === 'due' ? 'by due date' : 'by client';
    }
    if (this.status) {
      this.status.text = `$(warning) ${plural(this.overdueNow, 'overdue agreement')}`;
      this.status.tooltip = tooltip;
      if (this.overdueNow > 0) this.status.show();
      else this.status.hide();
    }
    this.changed.fire(undefined);
  }

  /** The top level for the current options (cached until the next change). */
  groups(): AgreementGroupNode[] {
    const options = this.options;
    const key = `${this.model.version}|${options.grouping}|${options.showKept}|${options.today}`;
    if (this.cache?.key !== key) this.cache = { key, groups: agreementGroups(this.model.threads(), options), rows: new Map() };
    return this.cache.groups;
  }

  getChildren(node?: AgreementNode): AgreementNode[] {
    if (!node) {
      const groups = this.groups();
      if (this.view) this.view.message = groups.length > 0 ? undefined : this.showKept ? 'No agreements in the notes yet.' : 'No open agreements.';
      return groups;
    }
    if (node.kind === 'group') {
      const rows = this.cache?.rows;
      let list = rows?.get(node.id);
      if (!list) {
        list = agreementRows(node, this.options);
        rows?.set(node.id, list);
      }
      return list;
    }
    return node.kind === 'row' ? agreementLinks(node) : [];
  }

  getTreeItem(node: AgreementNode): vscode.TreeItem {
    const state =
      node.kind === 'group'
        ? node.expanded
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : node.kind === 'row' && node.thread.occurrences.length > 1
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    if (node.tooltip !== undefined) item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (node.kind === 'row') {
      item.contextValue = node.thread.kept ? 'agreement.kept' : 'agreement.open';
      item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
    }
    if (node.kind !== 'group') item.command = { command: OPEN_AGREEMENT, title: 'Open the note at the agreement', arguments: [node.target] };
    return item;
  }

  /** A row's hover text is made when the pointer rests on it, not for every row drawn. */
  resolveTreeItem(item: vscode.TreeItem, node: AgreementNode): vscode.TreeItem {
    if (node.kind === 'row') item.tooltip = agreementTooltip(node);
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

type Register = (id: string, fn: (...args: never[]) => unknown) => vscode.Disposable;

/** Creates the view, its commands and status item, and keeps them in step with the index. */
export function registerAgreementsView(index: WorkspaceIndex, register: Register): { provider: AgreementsViewProvider; disposables: vscode.Disposable[] } {
  const provider = new AgreementsViewProvider(index);
  const view = vscode.window.createTreeView(AGREEMENTS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  provider.view = view;
  const status = vscode.window.createStatusBarItem('coachNotes.agreements.overdue', vscode.StatusBarAlignment.Left, 50);
  status.name = 'Coach Notes: overdue agreements';
  status.command = `${AGREEMENTS_VIEW}.focus`;
  provider.status = status;
  const setContext = () => {
    void vscode.commands.executeCommand('setContext', 'coachNotes.agreements.grouping', provider.grouping);
    void vscode.commands.executeCommand('setContext', 'coachNotes.agreements.showKept', provider.showKept);
  };
  const set = (change: () => void) => () => {
    change();
    setContext();
    provider.refresh();
  };
  setContext();
  provider.reload();
  // The badge follows every change; the tree is only asked for what is expanded and shown.
  let day = provider.today();
  const clock = setInterval(() => {
    if (provider.today() !== day) {
      day = provider.today();
      provider.refresh();
    }
  }, CLOCK_MS);
  clock.unref?.();
  return {
    provider,
    disposables: [
      provider,
      view,
      status,
      { dispose: () => clearInterval(clock) },
      index.onDidChange((change) => provider.apply(change)),
      register(OPEN_AGREEMENT, (arg: AgreementArg) => openAgreement(index, arg)),
      register(MARK_KEPT, (arg?: AgreementArg) => (arg ? markKept(index, arg) : undefined)),
      register('coachNotes.agreements.groupByDue', set(() => (provider.grouping = 'due'))),
      register('coachNotes.agreements.groupByClient', set(() => (provider.grouping = 'client'))),
      register('coachNotes.agreements.showKept', set(() => (provider.showKept = true))),
      register('coachNotes.agreements.hideKept', set(() => (provider.showKept = false))),
    ],
  };
}
