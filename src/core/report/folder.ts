import { readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Where the reports-folder setting came from: the built-in default, the coach's own user settings,
 * or the workspace (a `.vscode/settings.json` or `.code-workspace` file that came with the folder).
 */
export type SettingSource = 'default' | 'user' | 'workspace';

export interface ReportsFolderSetting {
  value: string;
  source: SettingSource;
}

export const DEFAULT_REPORTS_FOLDER = 'coach-reports';

/** The folder to write reports into, or why it was refused (a message for the coach). */
export type ReportsFolder = { path: string; refused?: undefined } | { refused: string; path?: undefined };

/**
 * Resolves the reports folder for the workspace folder `root`, keeping confidential reports where
 * the coach expects them. A relative folder, from any settings, must stay inside `root`, also
 * through symbolic links on the way. An absolute folder is accepted anywhere when it comes from the
 * coach's user settings, and from a workspace's own settings only when it is inside `root`: a
 * folder someone else prepared must not be able to send reports out of itself.
 */
export function reportsFolder(root: string, setting: ReportsFolderSetting): ReportsFolder {
  const value = setting.value.trim() || DEFAULT_REPORTS_FOLDER;
  const shown = `“${value}”`;
  if (isAbsolute(value) && setting.source === 'user') return { path: resolve(value) };
  const target = resolve(root, value);
  if (!isInside(root, target)) {
    if (setting.source === 'workspace') {
      return {
        refused: `The reports folder ${shown} in this workspace's settings is outside the workspace folder. To keep your clients' information where you expect it, a workspace's own settings can only choose a folder inside it. Choose a folder inside the workspace (for example ${DEFAULT_REPORTS_FOLDER}), or set a full path in your user settings.`,
      };
    }
    return {
      refused: `The reports folder ${shown} in your settings leads outside the workspace folder. A folder written without a full path must stay inside the workspace folder; to keep reports somewhere else, set the full path of that folder in your user settings.`,
    };
  }
  const linked = leavesThroughLink(root, target);
  if (linked) {
    return {
      refused: `The reports folder ${shown} leads outside the workspace folder through a link (to ${linked}). Reports are only written inside the workspace folder, or in a folder you set with its full path in your user settings.`,
    };
  }
  return { path: target };
}

/** True when `target` is `root` or lies under it, by its path alone. */
export function isInside(root: string, target: string): boolean {
  const rel = relative(resolve(root), resolve(target));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * When the deepest existing folder on the way to `target` is really (through a symbolic link)
 * outside `root`, returns where it leads; otherwise undefined. Folders that do not exist yet are
 * created as plain folders by the report writer, so they cannot lead anywhere else.
 */
function leavesThroughLink(root: string, target: string): string | undefined {
  const realRoot = realpath(root);
  if (realRoot === undefined) return undefined;
  let existing = resolve(target);
  let real = realpath(existing);
  while (real === undefined) {
    // A link whose far end does not exist (yet) could still lead anywhere once it is written through.
    const link = readlink(existing);
    if (link !== undefined) return isInside(realRoot, link) ? undefined : link;
    const parent = dirname(existing);
    if (parent === existing) return undefined;
    existing = parent;
    real = realpath(existing);
  }
  return isInside(realRoot, real) ? undefined : real;
}

function realpath(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function readlink(path: string): string | undefined {
  try {
    return resolve(dirname(path), readlinkSync(path));
  } catch {
    return undefined;
  }
}
