// src/core/engine/setup.ts: what a workspace's .coach/ folder adds, and what a bad config reports.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_PATH, findWorkspaceRoot, FRAMEWORKS_DIR, indexingSetupData, loadSetup, setupFromData } from '../../../src/core/engine/setup';
import { tempWorkspace } from '../support/setup';
import { sharedSetup } from './support';

const TRUST = readFileSync(join(__dirname, '..', '..', '..', 'frameworks', 'icf-trust.yaml'), 'utf8');

describe('engine setup', () => {
  it('the paths it reads', () => {
    assert.equal(CONFIG_PATH, join('.coach', 'config.yaml'));
    assert.equal(FRAMEWORKS_DIR, join('.coach', 'frameworks'));
  });

  it('built-in data alone: both frameworks, the default config, no problems', () => {
    // A fresh load, not the shared one: this is the test of loading without a workspace.
    const setup = loadSetup();
    assert.deepEqual(setup.frameworks.ids().sort(), ['icf-pcc-2020', 'icf-trust']);
    assert.equal(setup.config.framework, 'icf-trust');
    assert.deepEqual(setup.problems, []);
  });

  it('a workspace: its frameworks join (and may replace) the built-in ones, its config is read, and every bad reference is reported', () => {
    const root = tempWorkspace({
      '.coach/frameworks/mine.yaml': TRUST.replace('id: icf-trust', 'id: mine').replace(/name: .*/, 'name: Mine'),
      '.coach/frameworks/icf-trust.yaml': TRUST.replace(/name: .*/, 'name: Replaced'),
      '.coach/config.yaml': 'framework: nope\nrequired_markers:\n  ghost: ["1.1"]\n  icf-trust: ["3.1", "3.9"]\n  mine: all\nrules:\n  not-a-rule: off\n  frontmatter: hint\n',
    });
    const setup = loadSetup({ root });
    assert.deepEqual(setup.frameworks.ids().sort(), ['icf-pcc-2020', 'icf-trust', 'mine']);
    assert.equal(setup.frameworks.get('icf-trust')?.name, 'Replaced');
    // Each framework records where it came from: `builtin`, or its workspace file.
    assert.equal(setup.frameworks.get('icf-pcc-2020')?.origin, 'builtin');
    assert.equal(setup.frameworks.get('mine')?.origin, join(root, '.coach/frameworks/mine.yaml'));
    assert.equal(setup.config.framework, 'icf-trust', 'an unknown default framework falls back to icf-trust');
    assert.equal(setup.config.rules.frontmatter, 'hint');
    const file = join(root, CONFIG_PATH);
    assert.deepEqual(setup.problems.map((p) => [p.file, p.line, p.column, p.field, p.message]), [
      [file, 1, 1, 'framework', 'framework "nope" is not a known framework (known: icf-pcc-2020, icf-trust, mine); using icf-trust instead'],
      [file, 1, 1, 'required_markers.ghost', 'required_markers names the unknown framework "ghost"'],
      [file, 1, 1, 'required_markers.icf-trust', 'required_markers.icf-trust lists "3.9", which is not a marker of icf-trust (quote ids like "3.10" so YAML keeps them as written)'],
      [file, 1, 1, 'rules.not-a-rule', 'rules.not-a-rule is not a Coach Notes rule (rules: judgmental-language, missing-marker-section, empty-marker-section, unknown-marker, marker-heading, frontmatter, permission-check, referral-check, agreement-follow-up, unclosed-block, note-too-large)'],
    ]);
  });

  it('a problem in a workspace framework file is reported with the rest', () => {
    const root = tempWorkspace({ '.coach/frameworks/bad.yaml': 'id: [\n' });
    const setup = loadSetup({ root });
    assert.equal(setup.problems.length, 1);
    assert.match(setup.problems[0]?.file ?? '', /bad\.yaml$/);
  });

  it('an explicit config file must exist; the workspace one may be missing', () => {
    const root = tempWorkspace({ 'notes/a.coach.md': '' });
    assert.deepEqual(loadSetup({ root }).problems, []);
    const missing = join(root, 'other.yaml');
    const setup = loadSetup({ root, configFile: missing });
    assert.equal(setup.problems.length, 1);
    assert.equal(setup.problems[0]?.file, missing);
    assert.equal(setup.problems[0]?.field, '');
    assert.match(setup.problems[0]?.message ?? '', /^The configuration file could not be read: .*ENOENT/);
  });

  it('an explicit config file is read instead of the workspace one', () => {
    const root = tempWorkspace({ '.coach/config.yaml': 'rules:\n  frontmatter: hint\n', 'other.yaml': 'rules:\n  frontmatter: info\n' });
    assert.equal(loadSetup({ root, configFile: join(root, 'other.yaml') }).config.rules.frontmatter, 'info');
    assert.equal(loadSetup({ configFile: join(root, 'other.yaml') }).config.rules.frontmatter, 'info');
  });

  it('a config path that is a folder is reported even when not explicit', () => {
    const root = tempWorkspace({ '.coach/config.yaml/inside': '' });
    const setup = loadSetup({ root });
    assert.equal(setup.problems.length, 1);
    assert.match(setup.problems[0]?.message ?? '', /^The configuration file could not be read: /);
  });

  it('as plain data for a worker, and back', () => {
    const setup = sharedSetup();
    const indexing = indexingSetupData(setup);
    assert.deepEqual(indexing.frameworks.map((f) => f.id), setup.frameworks.ids());
    assert.equal(indexing.config, setup.config);
    const back = setupFromData(structuredClone(indexing));
    assert.deepEqual(back.frameworks.ids(), setup.frameworks.ids());
    assert.deepEqual(back.judgmental.categories, setup.judgmental.categories);
    assert.equal(indexing.judgmental.entries.size, 0, 'no phrases for the indexer');
    assert.ok(setup.judgmental.entries.size > 0);
    assert.equal(indexing.sensitive, setup.sensitive);
  });

  describe('findWorkspaceRoot', () => {
    it('is the nearest folder with a .coach/ folder, from a file or a folder', () => {
      const root = tempWorkspace({ '.coach/config.yaml': '', 'a/b/n.coach.md': '' });
      assert.equal(findWorkspaceRoot(join(root, 'a', 'b', 'n.coach.md')), root);
      assert.equal(findWorkspaceRoot(join(root, 'a')), root);
      assert.equal(findWorkspaceRoot(root), root);
    });

    it('without one: the folder itself, or a file’s folder, or a missing path as given', () => {
      const root = tempWorkspace({ 'a/n.coach.md': '' });
      // The temporary folder has no .coach/ above it.
      assert.equal(findWorkspaceRoot(join(root, 'a')), join(root, 'a'));
      assert.equal(findWorkspaceRoot(join(root, 'a', 'n.coach.md')), join(root, 'a'));
      assert.equal(findWorkspaceRoot(join(root, 'missing')), join(root, 'missing'));
    });
  });
});
