import * as vscode from 'vscode';
import { buildCoverageView, notesWithMissingMarkers, quartersWithNotes, type CoverageNode, type Grouping } from '../../core/coverage/tree-model';
import type { Quarter } from '../../core/coverage/quarters';
import { FrameworkRegistry } from '../../core/frameworks/registry';
import type { WorkspaceIndex } from '../index/workspace-index';
import { readSettings } from '../settings';

export const OPEN_NOTE_AT = 'coachNotes.openNoteAt';
export const SHOW_ALL_TIME = 'coachNotes.coverage.showAllTime';

/** The "Marker Coverage" view: by marker or by client, filtered to a quarter or all time. */
export class CoverageTreeProvider implements vscode.TreeDataProvider<CoverageNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<CoverageNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private roots: CoverageNode[] = [];
  private readonly parents = new Map<string, CoverageNode | undefined>();
  private readonly byId = new Map<string, CoverageNode>();
  grouping: Grouping = 'marker';
  quarter: Quarter | undefined;
  view: vscode.TreeView<CoverageNode> | undefined;
  /** What the view says above the tree ("2026-Q1 · showing 12 of 40 notes"), also without a TreeView (tests). */
  message: string | undefined;
  private readonly command: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    // The filter's way back lives with the filter: the tree row and the title-bar action both run it.
    this.command = vscode.commands.registerCommand(SHOW_ALL_TIME, () => this.showAllTime());
  }

  showAllTime(): void {
    this.quarter = undefined;
    this.refresh();
  }

  /** Rebuilds the model from the index; VS Code then asks for children again. */
  refresh(): void {
    const summaries = this.index.allSummaries();
    const defaultFramework = this.index.setups()[0]?.setup.config.framework;
    const shown = buildCoverageView(summaries, this.index.setups()[0]?.setup.frameworks ?? new FrameworkRegistry(), {
      grouping: this.grouping,
      ...(this.quarter ? { quarter: this.quarter } : {}),
      firstMonth: readSettings().firstMonth,
      ...(defaultFramework ? { defaultFramework } : {}),
    });
    this.roots = shown.roots;
    this.message = shown.message;
    this.parents.clear();
    this.byId.clear();
    const walk = (nodes: CoverageNode[], parent: CoverageNode | undefined) => {
      for (const n of nodes) {
        this.parents.set(n.id, parent);
        this.byId.set(n.id, n);
        walk(n.children, n);
      }
    };
    walk(this.roots, undefined);
    void vscode.commands.executeCommand('setContext', 'coachNotes.hasNotes', summaries.length > 0);
    void vscode.commands.executeCommand('setContext', 'coachNotes.grouping', this.grouping);
    void vscode.commands.executeCommand('setContext', 'coachNotes.coverage.filtered', this.quarter !== undefined);
    if (this.view) {
      const missing = notesWithMissingMarkers(summaries);
      this.view.badge = missing > 0 ? { value: missing, tooltip: `${missing} note${missing === 1 ? '' : 's'} with missing marker sections` } : undefined;
      this.view.description = shown.description;
      this.view.message = shown.message;
    }
    this.changed.fire(undefined);
  }

  /** What the view shows, for tests and for "reveal". */
  get model(): readonly CoverageNode[] {
    return this.roots;
  }

  quarters(): ReturnType<typeof quartersWithNotes> {
    return quartersWithNotes(this.index.allSummaries(), readSettings().firstMonth);
  }

  getChildren(node?: CoverageNode): CoverageNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: CoverageNode): CoverageNode | undefined {
    return this.parents.get(node.id);
  }

  /** The first node of a note, for "Reveal current note". */
  findNote(path: string): CoverageNode | undefined {
    for (const node of this.byId.values()) if (node.path === path && (node.kind === 'session' || node.kind === 'note')) return node;
    return undefined;
  }

  getTreeItem(node: CoverageNode): vscode.TreeItem {
    const collapsible = node.children.length === 0
      ? vscode.TreeItemCollapsibleState.None
      : node.kind === 'framework' || node.kind === 'client' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    if (node.description) item.description = node.description;
    if (node.tooltip) item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    item.iconPath = new vscode.ThemeIcon(iconFor(node), node.warning ? new vscode.ThemeColor('list.warningForeground') : undefined);
    if (node.path) {
      item.resourceUri = vscode.Uri.file(node.path);
      item.command = { command: OPEN_NOTE_AT, title: 'Open note', arguments: [node.path, node.line] };
    }
    if (node.kind === 'show-all-time') item.command = { command: SHOW_ALL_TIME, title: 'Show all time' };
    return item;
  }

  dispose(): void {
    this.command.dispose();
    this.changed.dispose();
  }
}

function iconFor(node: CoverageNode): string {
  switch (node.kind) {
    case 'framework':
      return 'book';
    case 'competency':
      return 'symbol-namespace';
    case 'marker':
      return node.warning ? 'circle-large-outline' : 'pass-filled';
    case 'evidenced':
      return 'check';
    case 'missing':
    case 'missing-marker':
      return 'warning';
    case 'client':
      return 'person';
    case 'show-all-time':
      return 'clear-filter';
    case 'attention':
    case 'invalid-note':
      return 'warning';
    default:
      return 'note';
  }
}
