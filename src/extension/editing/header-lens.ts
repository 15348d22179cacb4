import * as vscode from 'vscode';
import { headerLine } from '../../core/editing/header-line';
import { requiredMarkers } from '../../core/frameworks/required';
import type { WorkspaceIndex } from '../index/workspace-index';

/** Opens a note of the workspace (the previous or next session). */
const OPEN = 'vscode.open';

/**
 * "5/6 markers evidenced · 2 open agreements · ← previous session · next session →" above a note's
 * first line. It reads the note's summary in the workspace index, which the linter keeps current as
 * the coach types (after its pause), so asking for lenses never parses or lints a note again.
 */
export class NoteHeaderLens implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly index: WorkspaceIndex) {
    // This note's summary changed, or another note of the client was added, moved or removed.
    this.subscription = index.onDidChange(() => this.changed.fire());
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    const summary = this.index.summary(doc.uri);
    if (!summary) return [];
    const state = this.index.stateFor(doc.uri);
    const framework = state.setup.frameworks.get(summary.framework);
    const line = headerLine(
      { ...summary, required: framework ? requiredMarkers(framework, state.setup.config).map((m) => m.id) : undefined },
      summary.client !== undefined ? state.index.notesOfClient(summary.client) : [],
    );
    const top = new vscode.Range(0, 0, 0, 0);
    const lenses = [
      new vscode.CodeLens(top, { title: line.summary, command: 'coachNotes.coverage.revealCurrent', tooltip: 'Show this note in Marker Coverage' }),
    ];
    const adjacent = (path: string | undefined, title: string, none: string) =>
      path
        ? new vscode.CodeLens(top, { title, command: OPEN, arguments: [vscode.Uri.file(path)], tooltip: vscode.workspace.asRelativePath(path) })
        : new vscode.CodeLens(top, { title: none, command: '' });
    if (summary.client !== undefined && summary.date !== undefined) {
      lenses.push(adjacent(line.previous, '← previous session', 'first session'), adjacent(line.next, 'next session →', 'latest session'));
    }
    return lenses;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
