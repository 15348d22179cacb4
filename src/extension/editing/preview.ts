import * as vscode from 'vscode';
import { coachPreviewPlugin, type MarkdownItLike } from '../../core/editing/preview-plugin';
import type { WorkspaceIndex } from '../index/workspace-index';

/** `extendMarkdownIt` for VS Code's Markdown preview: chips, permission callouts, agreements and the session header in coach notes. */
export function extendMarkdownIt(index: WorkspaceIndex): <T>(md: T) => T {
  return (md) => {
    coachPreviewPlugin(md as MarkdownItLike, {
      markerTitle: (id, env) => {
        const current = (env as { currentDocument?: { toString(): string } } | undefined)?.currentDocument;
        if (!current) return undefined;
        const uri = vscode.Uri.parse(current.toString());
        const setup = index.stateFor(uri).setup;
        const framework = setup.frameworks.get(index.summary(uri)?.framework ?? setup.config.framework);
        return framework?.markers.find((m) => m.id === id)?.title;
      },
    });
    return md;
  };
}
