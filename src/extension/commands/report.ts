import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { formatQuarter, inQuarter, parseQuarter, type Quarter } from '../../core/coverage/quarters';
import { quartersWithNotes } from '../../core/coverage/tree-model';
import { judgmentalCount, reportFromNotes, type ReportNote } from '../../core/report/build';
import { lintText } from '../../core/engine/lint';
import { reportsFolder } from '../../core/report/folder';
import { withNoteLinks } from '../../core/report/html/note-links';
import { renderReport } from '../../core/report/render';
import { freeReportName, relativeLink, reportFileName, ReportExistsError, writeReportFile, type ReportFormat } from '../../core/report/write';
import { decodeNote } from '../../core/workspace/files';
import type { WorkspaceIndex } from '../index/workspace-index';
import type { Output } from '../output';
import { readSettings } from '../settings';
import { OPEN_NOTE_AT } from '../tree/coverage-tree';

const FORMATS: { format: ReportFormat; label: string; detail: string }[] = [
  { format: 'md', label: 'Markdown', detail: 'Opens in the Markdown preview; easy to edit and share.' },
  { format: 'html', label: 'HTML page', detail: 'A self-contained page with charts, for a browser or print.' },
  { format: 'csv', label: 'ICF coaching log (CSV)', detail: 'One row per client engagement, for credential applications.' },
  { format: 'json', label: 'JSON', detail: 'The data behind the report.' },
];

export interface ReportArgs {
  quarter?: string;
  format?: ReportFormat;
  /** When the file exists: 'newName' writes a numbered copy, 'replace' replaces it. Asked when absent. */
  onExists?: 'newName' | 'replace';
}

/**
 * "Generate Quarterly Coverage Report": pick a quarter (latest first, with note counts), build the
 * report with the same code as the CLI, write it atomically into the reports folder and open it.
 * Returns the written file. An existing report is never overwritten without asking.
 */
export async function generateReport(index: WorkspaceIndex, output: Output, args: ReportArgs = {}): Promise<vscode.Uri | undefined> {
  await index.ready();
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder || folder.uri.scheme !== 'file') {
    void vscode.window.showWarningMessage('Open the folder that holds your notes to generate a report.');
    return undefined;
  }
  const settings = readSettings(folder.uri);
  // Checked before any question is asked: a folder outside the workspace is refused, never written.
  const reports = reportsFolder(folder.uri.fsPath, settings.reportsFolder);
  if (reports.refused !== undefined) {
    output.warn(`Report not written: ${reports.refused}`);
    void showRefusal(reports.refused);
    return undefined;
  }
  const reportsDir = reports.path;
  const quarter = args.quarter ? parseQuarter(args.quarter) : await pickQuarter(index, settings.firstMonth);
  if (!quarter) return undefined;
  const format = args.format ?? (await pickFormat());
  if (!format) return undefined;

  const state = index.stateFor(folder.uri);
  // Summaries come from the live index; only the quarter's notes are read again, to count
  // judgmental wording with the linter itself.
  const notes: ReportNote[] = [];
  for (const summary of index.allSummaries()) {
    let judgmental = 0;
    if (summary.valid && summary.date !== undefined && inQuarter(summary.date, quarter, settings.firstMonth)) {
      const uri = vscode.Uri.file(summary.path);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : await output.guardAsync(`Reading ${summary.path} for the report`, async () => decodeNote(summary.path, await vscode.workspace.fs.readFile(uri)).text);
      // A note deleted since it was indexed is simply not in the report.
      if (text === undefined) continue;
      judgmental = judgmentalCount(lintText(text, summary.path, state.setup, { only: ['judgmental-language'], severities: settings.severities }).findings);
    }
    notes.push({ path: summary.path, summary, judgmental });
  }
  const data = reportFromNotes(notes, state.setup, { quarter, firstMonth: settings.firstMonth, pseudonymize: settings.pseudonymize, root: folder.uri.fsPath });
  if (data.totals.notes === 0) {
    void vscode.window.showInformationMessage(`No notes are dated in ${formatQuarter(quarter)}, so there is no report to write.`);
    return undefined;
  }
  let target = join(reportsDir, reportFileName(data.quarter, format, settings.pseudonymize));
  const text = renderReport(data, format, { linkBase: relativeLink(dirname(target), folder.uri.fsPath) });
  try {
    writeReportFile(target, text);
  } catch (error) {
    if (!(error instanceof ReportExistsError)) throw error;
    const choice = args.onExists ?? (await askExisting(target));
    if (!choice) return undefined;
    if (choice === 'newName') {
      target = freeReportName(reportsDir, reportFileName(data.quarter, format, settings.pseudonymize));
      writeReportFile(target, text);
    } else {
      // Replacing was chosen explicitly: the old report goes to the trash (recoverable), then the new one is written.
      await vscode.workspace.fs.delete(vscode.Uri.file(target), { useTrash: true });
      writeReportFile(target, text);
    }
  }
  const uri = vscode.Uri.file(target);
  output.info(`Wrote ${target} (${data.totals.notes} notes, ${data.quarter}).`);
  if (format === 'html') {
    // In the editor each note link opens the note: the same report, its note links made command links.
    const root = folder.uri.fsPath;
    // A pseudonymized report names no path, so it links to none.
    const notesLinked = data.pseudonymized ? [] : [...data.notes.map((n) => n.path), ...data.excluded.map((e) => e.path)].filter((p): p is string => p !== null);
    showReportWebview(uri, withNoteLinks(renderReport(data, 'html', { linkBase: '' }), notesLinked, (path) => openNoteLink(join(root, path))));
  } else {
    await openReport(uri, format);
  }
  return uri;
}

async function showRefusal(reason: string): Promise<void> {
  const open = 'Open Settings';
  const answer = await vscode.window.showWarningMessage(`The report was not written. ${reason}`, open);
  if (answer === open) await vscode.commands.executeCommand('workbench.action.openSettings', 'coachNotes.reports.folder');
}

async function pickQuarter(index: WorkspaceIndex, firstMonth: number): Promise<Quarter | undefined> {
  const quarters = quartersWithNotes(index.allSummaries(), firstMonth);
  if (quarters.length === 0) {
    void vscode.window.showInformationMessage('No notes with a valid date yet: a report needs at least one note with `client` and `date` in its frontmatter.');
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    quarters.map((q) => ({ label: q.label, description: `${q.notes} note${q.notes === 1 ? '' : 's'}`, quarter: q.quarter })),
    { title: 'Quarterly coverage report', placeHolder: 'Which quarter?' },
  );
  return picked?.quarter;
}

async function pickFormat(): Promise<ReportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(FORMATS.map((f) => ({ label: f.label, detail: f.detail, format: f.format })), { title: 'Quarterly coverage report', placeHolder: 'Which format?' });
  return picked?.format;
}

async function askExisting(target: string): Promise<'newName' | 'replace' | undefined> {
  const keep = 'Write a new copy';
  const replace = 'Replace it';
  const answer = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true, detail: 'Replacing moves the old report to the trash.' }, keep, replace);
  return answer === keep ? 'newName' : answer === replace ? 'replace' : undefined;
}

/** The HTML report's webview while it is open, so the integration tests can check what it was given. */
let reportPanel: vscode.WebviewPanel | undefined;

export function openReportWebview(): vscode.Webview | undefined {
  return reportPanel?.webview;
}

/** A link that runs "open note" with the note's path: the only command the report webview may run. */
export function openNoteLink(path: string): string {
  return `command:${OPEN_NOTE_AT}?${encodeURIComponent(JSON.stringify([path]))}`;
}

function showReportWebview(uri: vscode.Uri, html: string): void {
  // The report carries its own strict CSP and no script; the webview adds VS Code's sandbox on top.
  // Command links are allowed for opening a note only: a link to any other command does nothing.
  const panel = vscode.window.createWebviewPanel('coachNotes.report', uri.path.split('/').pop() ?? 'Report', vscode.ViewColumn.Active, {
    enableScripts: false,
    enableCommandUris: [OPEN_NOTE_AT],
    localResourceRoots: [],
  });
  panel.webview.html = html;
  reportPanel = panel;
  panel.onDidDispose(() => {
    if (reportPanel === panel) reportPanel = undefined;
  });
}

async function openReport(uri: vscode.Uri, format: Exclude<ReportFormat, 'html'>): Promise<void> {
  if (format === 'md') await vscode.commands.executeCommand('markdown.showPreview', uri);
  else await vscode.window.showTextDocument(uri);
}
