import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OLD_LANGUAGE_ID, oldAssociations, switchedToMarkdown } from '../../src/extension/language/associations';

const ROOT = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  activationEvents: string[];
  contributes: Record<string, unknown>;
};

describe('coach notes are Markdown', () => {
  it('contributes no language, language configuration or snippets of its own', () => {
    // A language of our own would hide Markdown's features from notes; snippets in the manifest
    // could only target every Markdown file, so a completion provider offers them instead.
    assert.equal(manifest.contributes.languages, undefined);
    assert.equal(manifest.contributes.snippets, undefined);
    assert.equal(existsSync(join(ROOT, 'language-configuration.json')), false);
    assert.ok(!JSON.stringify(manifest).includes(OLD_LANGUAGE_ID), 'the old language id is gone from the manifest');
  });

  it('activates for Markdown documents and for workspaces with notes', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:markdown', 'workspaceContains:**/*.coach.md']);
  });

  it('sets no Markdown-wide defaults (word wrap for Markdown comes from VS Code itself)', () => {
    assert.equal(manifest.contributes.configurationDefaults, undefined);
  });
});

describe('files.associations migration', () => {
  it('finds the patterns that still name the old language', () => {
    assert.deepEqual(oldAssociations(undefined), []);
    assert.deepEqual(oldAssociations({ '*.coach.md': OLD_LANGUAGE_ID, '*.txt': 'markdown', 'notes/**': OLD_LANGUAGE_ID }), ['*.coach.md', 'notes/**']);
  });

  it('switches only those patterns to markdown and keeps every other entry', () => {
    const before = { '*.coach.md': OLD_LANGUAGE_ID, '*.mdx': 'markdown', '*.log': 'log' };
    assert.deepEqual(switchedToMarkdown(before), { '*.coach.md': 'markdown', '*.mdx': 'markdown', '*.log': 'log' });
    assert.deepEqual(before['*.coach.md'], OLD_LANGUAGE_ID, 'the input is not changed');
    assert.deepEqual(oldAssociations(switchedToMarkdown(before)), []);
  });
});
