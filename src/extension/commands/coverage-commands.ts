import * as vscode from 'vscode';
import { formatQuarter } from '../../core/coverage/quarters';
import { isNoteUri } from '../selector';
import type { CoverageTreeProvider } from '../tree/coverage-tree';

/** Quarter filter: "All time" or any quarter that has notes. */
export async function pickQuarter(tree: CoverageTreeProvider): Promise<void> {
  type Item = vscode.QuickPickItem & { value?: ReturnType<CoverageTreeProvider['quarters']>[number]['quarter'] };
  const items: Item[] = [
    { label: 'All time', description: tree.quarter ? '' : 'current' },
    ...tree.quarters().map((q) => ({
      label: q.label,
      description: `${q.notes} note${q.notes === 1 ? '' : 's'}${tree.quarter && formatQuarter(tree.quarter) === q.label ? ' · current' : ''}`,
      value: q.quarter,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'Show marker coverage for', placeHolder: 'Pick a quarter' });
  if (!picked) return;
  tree.quarter = picked.value;
  tree.refresh();
}

/**
 * Opens a note, at a marker's section when a line is known. The report webview may run this
 * command from its links, so it opens coach notes only, never another file.
 */
export async function openNoteAt(path: string, line?: number): Promise<void> {
  const uri = typeof path === 'string' ? vscode.Uri.file(path) : undefined;
  if (!uri || !isNoteUri(uri)) throw new Error(`Not a coach note: ${String(path)}`);
  const editor = await vscode.window.showTextDocument(uri, { preview: true });
  if (line !== undefined) {
    const pos = new vscode.Position(Math.max(0, line - 1), 0);
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.AtTop);
  }
}

/** Shows the active note in the coverage view. */
export async function revealCurrent(tree: CoverageTreeProvider): Promise<void> {
  const doc = vscode.window.activeTextEditor?.document;
  const node = doc ? tree.findNote(doc.uri.fsPath) : undefined;
  if (!node || !tree.view) {
    void vscode.window.showInformationMessage('The active editor is not a note counted in the current coverage view (check the quarter filter).');
    return;
  }
  await tree.view.reveal(node, { select: true, focus: true, expand: true });
}
