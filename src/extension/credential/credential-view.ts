import { relative } from 'node:path';
import * as vscode from 'vscode';
import { buildCredential } from '../../core/credential/build';
import { todayUtc } from '../../core/credential/dates';
import { credentialTree, type CredentialNode } from '../../core/credential/tree-model';
import type { CredentialProgress } from '../../core/credential/progress';
import type { WorkspaceIndex } from '../index/workspace-index';
import { OPEN_NOTE_AT } from '../tree/coverage-tree';

export const CREDENTIAL_VIEW = 'coachNotes.credential';

/**
 * The "Credential Progress" view: ICF hours, paid and pro bono, clients and recent hours against
 * each credential's thresholds, the estimate, and the notes that could count but do not. Rebuilt
 * from the index's summaries (no note is read again), so it follows every edit.
 */
export class CredentialViewProvider implements vscode.TreeDataProvider<CredentialNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CredentialNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: CredentialNode[] = [];
  private current: CredentialProgress | undefined;
  /** Built on first demand (the view shown, or a refresh), not while the extension activates. */
  private built = false;
  view: vscode.TreeView<CredentialNode> | undefined;

  constructor(
    private readonly index: WorkspaceIndex,
    /** The day to count up to; today (UTC) unless a test fixes it. */
    public asOf: () => string = () => todayUtc(),
  ) {}

  refresh(): void {
    this.build();
    this.changed.fire(undefined);
  }

  private build(): void {
    this.built = true;
    try {
      this.rebuild();
    } catch (error) {
      // Missing or broken built-in data must not take the rest of the extension down with it.
      this.current = undefined;
      this.roots = [{ id: 'error', label: 'Credential progress is not available', description: error instanceof Error ? error.message : String(error), icon: 'warning', children: [] }];
    }
  }

  private rebuild(): void {
    const state = this.index.setups()[0];
    const trainingStart = state?.setup.config.credential.trainingStart;
    const root = state?.root;
    const { progress, leftOut } = buildCredential(this.index.allSummaries(), {
      asOf: this.asOf(),
      ...(trainingStart !== undefined ? { trainingStart } : {}),
      label: (_key, latest) => latest,
      notePath: (path) => (root ? relative(root, path).split('\\').join('/') : path),
      ...(state?.setup.credentials ? { rules: state.setup.credentials } : {}),
    });
    this.current = progress;
    this.roots = credentialTree(progress, leftOut.map((s) => s.path));
    if (this.view) {
      const next = progress.credentials.find((c) => !c.met);
      this.view.description = next ? `${next.id.toUpperCase()}: ${Math.round((progress.hours / (next.checks[0]?.required ?? 1)) * 100)}% of the hours` : 'all met';
    }
  }

  /** What the view shows, for tests. */
  get model(): readonly CredentialNode[] {
    if (!this.built) this.build();
    return this.roots;
  }

  get progress(): CredentialProgress | undefined {
    if (!this.built) this.build();
    return this.current;
  }

  getChildren(node?: CredentialNode): CredentialNode[] {
    if (!this.built) this.build();
    return node ? node.children : this.roots;
  }

  getTreeItem(node: CredentialNode): vscode.TreeItem {
    const collapsible =
      node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.id === 'left-out' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.icon === 'warning' ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (node.path) {
      item.resourceUri = vscode.Uri.file(node.path);
      item.command = { command: OPEN_NOTE_AT, title: 'Open note', arguments: [node.path, 1] };
    }
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Creates the view and keeps it in step with the index. */
export function registerCredentialView(index: WorkspaceIndex): { provider: CredentialViewProvider; disposables: vscode.Disposable[] } {
  const provider = new CredentialViewProvider(index);
  const view = vscode.window.createTreeView(CREDENTIAL_VIEW, { treeDataProvider: provider });
  provider.view = view;
  // No build here: the view builds itself when first shown (getChildren), after activation.
  // A rebuild is one pass over every summary (some 35 ms at 10,000 notes on a busy machine): while
  // the view is collapsed or hidden, edits only mark it stale, and it catches up when shown.
  let stale = false;
  const update = () => {
    if (view.visible) provider.refresh();
    else stale = true;
  };
  const shown = view.onDidChangeVisibility((e) => {
    if (e.visible && stale) {
      stale = false;
      provider.refresh();
    }
  });
  return { provider, disposables: [provider, view, shown, index.onDidChange(update)] };
}
