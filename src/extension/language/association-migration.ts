import * as vscode from 'vscode';
import type { Output } from '../output';
import { OLD_LANGUAGE_ID, oldAssociations, switchedToMarkdown } from './associations';

const ASKED = 'coachNotes.associationMigrationAsked';
export const SWITCH = 'Switch to Markdown';

interface Place {
  target: vscode.ConfigurationTarget;
  map: Record<string, unknown>;
}

/** Every settings file whose `files.associations` names the old language. */
function placesToMigrate(): Place[] {
  const places: Place[] = [];
  const add = (target: vscode.ConfigurationTarget, map: Record<string, unknown> | undefined) => {
    if (map && oldAssociations(map).length > 0) places.push({ target, map });
  };
  const inspected = vscode.workspace.getConfiguration('files').inspect<Record<string, unknown>>('associations');
  add(vscode.ConfigurationTarget.Global, inspected?.globalValue);
  // files.associations has no folder scope: user and workspace settings are all there is.
  add(vscode.ConfigurationTarget.Workspace, inspected?.workspaceValue);
  return places;
}

/**
 * Coach notes used to have their own language, `coach-markdown`; a `files.associations` entry that
 * still names it leaves those files without Markdown's features (and without ours). Says so once,
 * in the output channel and a message, and edits the settings only if the coach chooses to.
 * Returns whether the mapping was switched.
 */
export async function offerAssociationMigration(
  state: vscode.Memento,
  output: Output,
  ask: (message: string) => Thenable<string | undefined> = (message) => vscode.window.showInformationMessage(message, SWITCH),
): Promise<boolean> {
  const places = placesToMigrate();
  if (places.length === 0 || state.get<boolean>(ASKED)) return false;
  const patterns = [...new Set(places.flatMap((p) => oldAssociations(p.map)))].join(', ');
  const message = `Coach notes are now Markdown. Your files.associations setting maps ${patterns} to "${OLD_LANGUAGE_ID}", which no longer exists, so those files get neither Markdown's features nor Coach Notes'.`;
  output.warn(`${message} Switch the mapping to "markdown" (or remove it: *.coach.md files are Markdown by default).`);
  await state.update(ASKED, true);
  if ((await ask(message)) !== SWITCH) return false;
  const files = vscode.workspace.getConfiguration('files');
  for (const place of places) await files.update('associations', switchedToMarkdown(place.map), place.target);
  output.info(`files.associations: ${patterns} now map to "markdown".`);
  return true;
}
