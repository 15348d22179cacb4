import * as vscode from 'vscode';
import { CONFIG_PATH } from '../../core/engine/setup';
import type { Finding } from '../../core/model/types';
import { RULE_PREFIX } from '../../core/rules/docs';
import { toRange, toSnippetEdit, toTextEdit } from '../documents';
import type { LintController } from '../diagnostics/lint-controller';
import { toDiagnostic } from '../diagnostics/to-diagnostic';

export const ADD_ALLOWED_WORD = 'coachNotes.addAllowedWord';
export const APPLY_FIX = 'coachNotes.applyFix';

/**
 * The edit runs through APPLY_FIX with the document version it was computed for: if the note
 * changed in between, the fix is refused rather than applied at stale positions.
 */
function guard(action: vscode.CodeAction, doc: vscode.TextDocument, edit: vscode.WorkspaceEdit): vscode.CodeAction {
  action.command = { command: APPLY_FIX, title: action.title, arguments: [doc.uri, doc.version, edit] };
  return action;
}

/** Applies a quick fix's WorkspaceEdit (undoable) only if the note is still at `version`. */
export async function applyFix(uri: vscode.Uri, version: number, edit: vscode.WorkspaceEdit): Promise<boolean> {
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!doc || doc.version !== version) {
    void vscode.window.showWarningMessage('This note changed after the fix was offered, so Coach Notes left it as it is. Open the quick fixes again to get a fresh one.');
    return false;
  }
  return vscode.workspace.applyEdit(edit);
}

/**
 * Quick fixes straight from the findings' fixes, plus "disable for this line" and "allow this word".
 * Every fix is a WorkspaceEdit, so Undo reverts it.
 */
export class QuickFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly lint: LintController) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    // Fixes always come from a lint of the document's current version, never an older one.
    const snapshot = this.lint.snapshot(doc);
    const actions: vscode.CodeAction[] = [];
    for (const finding of snapshot.findings) {
      const findingRange = toRange(finding.place);
      if (!findingRange.intersection(range) && !findingRange.contains(range.start)) continue;
      const diagnostic = toDiagnostic(finding);
      finding.fixes.forEach((fix, i) => {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        // A template is applied as a snippet, so the part for the coach to describe is selected.
        if (fix.edits.some((e) => e.snippet)) edit.set(doc.uri, fix.edits.map((e) => toSnippetEdit(doc, e)));
        else edit.set(doc.uri, fix.edits.map((e) => toTextEdit(doc, e)));
        guard(action, doc, edit);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0 && finding.ruleId !== 'missing-marker-section';
        actions.push(action);
      });
      const allow = allowWordAction(doc, finding, diagnostic);
      if (allow) actions.push(allow);
      actions.push(disableAction(doc, finding, snapshot.note.frontmatter.place?.end.line ?? 0, diagnostic));
    }
    return actions;
  }
}

/** Appends `<!-- coach-disable-line RULE -->` to the line, or turns the rule off for the note when the line is frontmatter. */
function disableAction(doc: vscode.TextDocument, finding: Finding, frontmatterEndLine: number, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const line = finding.place.start.line;
  const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
  const action = new vscode.CodeAction('', vscode.CodeActionKind.QuickFix);
  const edit = new vscode.WorkspaceEdit();
  action.diagnostics = [diagnostic];
  if (line <= frontmatterEndLine) {
    // HTML comments cannot live inside YAML: put a file-level directive just after the frontmatter.
    action.title = `Turn off ${RULE_PREFIX}${finding.ruleId} for this note`;
    edit.insert(doc.uri, new vscode.Position(frontmatterEndLine, 0), `<!-- coach-disable-file ${finding.ruleId} -->${eol}`);
  } else {
    action.title = `Turn off ${RULE_PREFIX}${finding.ruleId} for this line`;
    edit.insert(doc.uri, doc.lineAt(line - 1).range.end, ` <!-- coach-disable-line ${finding.ruleId} -->`);
  }
  return guard(action, doc, edit);
}

/** For judgmental wording: add the flagged word to `judgmental.allow` in the workspace config. */
function allowWordAction(doc: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
  // A sentence the model read has no word to allow; “disable for this line” still applies.
  if (finding.ruleId !== 'judgmental-language' || finding.data?.['source'] === 'model') return undefined;
  // The phrase the lexicon matched (“defensive”), not the whole flagged span (“so defensive”).
  const matched = finding.data?.['phrase'];
  const word = (typeof matched === 'string' ? matched : doc.getText(toRange(finding.place))).trim();
  if (!word || word.length > 60) return undefined;
  const action = new vscode.CodeAction(`Allow “${word}” in this workspace (${CONFIG_PATH})`, vscode.CodeActionKind.QuickFix);
  action.command = { command: ADD_ALLOWED_WORD, title: action.title, arguments: [doc.uri, word] };
  action.diagnostics = [diagnostic];
  return action;
}
