import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isInside, reportsFolder, type SettingSource } from '../../src/core/report/folder';
import { tempWorkspace } from './support/setup';

const folder = (root: string, value: string, source: SettingSource) => reportsFolder(root, { value, source });

describe('the reports folder', () => {
  const outside = tempWorkspace({});
  const root = tempWorkspace({ 'notes/a.coach.md': 'x' });
  mkdirSync(join(root, 'archive'));
  symlinkSync(outside, join(root, 'shared'));
  symlinkSync(join(outside, 'not-yet'), join(root, 'dangling'));
  symlinkSync(join(root, 'archive'), join(root, 'inner-link'));

  it('resolves a relative folder inside the workspace folder, from any settings', () => {
    for (const source of ['default', 'user', 'workspace'] as const) {
      assert.deepEqual(folder(root, 'coach-reports', source), { path: join(root, 'coach-reports') });
      assert.deepEqual(folder(root, 'notes/reports/2026', source), { path: join(root, 'notes', 'reports', '2026') });
    }
    assert.deepEqual(folder(root, '.', 'workspace'), { path: root }, 'the workspace folder itself is inside it');
    assert.deepEqual(folder(root, 'a/../b', 'workspace'), { path: join(root, 'b') });
    assert.deepEqual(folder(root, '..reports', 'workspace'), { path: join(root, '..reports') }, 'a name that starts with two dots is not a way up');
  });

  it('uses coach-reports for an empty value', () => {
    assert.deepEqual(folder(root, '  ', 'workspace'), { path: join(root, 'coach-reports') });
  });

  it('refuses a workspace setting that climbs out of the workspace folder, saying what to do', () => {
    for (const value of ['../../anywhere', '..', 'notes/../../x', `../${root.split('/').pop() ?? ''}-evil`]) {
      const r = folder(root, value, 'workspace');
      assert.equal(r.path, undefined, value);
      assert.match(r.refused ?? '', /in this workspace's settings is outside the workspace folder/);
      assert.ok(r.refused?.includes(`“${value}”`), 'the message names the value');
      assert.match(r.refused ?? '', /set a full path in your user settings/);
    }
  });

  it('refuses an absolute path from the workspace settings unless it is inside the workspace folder', () => {
    assert.match(folder(root, outside, 'workspace').refused ?? '', /outside the workspace folder/);
    assert.match(folder(root, '/etc', 'workspace').refused ?? '', /outside the workspace folder/);
    assert.deepEqual(folder(root, join(root, 'reports'), 'workspace'), { path: join(root, 'reports') });
    assert.match(folder(root, outside, 'default').refused ?? '', /outside the workspace folder/);
  });

  it('accepts an absolute path anywhere from the user settings', () => {
    assert.deepEqual(folder(root, outside, 'user'), { path: outside });
    assert.deepEqual(folder(root, join(outside, 'reports', '..', 'q'), 'user'), { path: join(outside, 'q') });
  });

  it('keeps a relative folder from the user settings inside the workspace folder too', () => {
    const r = folder(root, '../reports', 'user');
    assert.match(r.refused ?? '', /in your settings leads outside the workspace folder/);
    assert.match(r.refused ?? '', /set the full path of that folder in your user settings/);
  });

  it('refuses a folder that leads outside through a symbolic link, even one not created yet', () => {
    for (const value of ['shared', 'shared/reports/2026', 'dangling', 'dangling/reports']) {
      const r = folder(root, value, 'default');
      assert.equal(r.path, undefined, value);
      assert.match(r.refused ?? '', /leads outside the workspace folder through a link/, value);
    }
    assert.ok(folder(root, 'shared', 'workspace').refused?.includes(outside), 'the message says where the link leads');
    assert.deepEqual(folder(root, 'inner-link/reports', 'workspace'), { path: join(root, 'inner-link', 'reports') }, 'a link that stays inside is fine');
  });

  it('tells inside from outside by whole path segments', () => {
    assert.equal(isInside('/a/b', '/a/b'), true);
    assert.equal(isInside('/a/b', '/a/b/c'), true);
    assert.equal(isInside('/a/b', '/a/bc'), false);
    assert.equal(isInside('/a/b', '/a'), false);
    assert.equal(isInside('/a/b', resolve('/a/b', '..', 'b', 'c')), true);
  });
});
