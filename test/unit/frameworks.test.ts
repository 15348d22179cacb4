import assert from 'node:assert/strict';
import { join } from 'node:path';
import { parseConfig } from '../../src/core/config/load';
import { builtinDataRoot } from '../../src/core/data/paths';
import { loadSetup } from '../../src/core/engine/setup';
import { competencyOf, markerByRole } from '../../src/core/frameworks/markers';
import { loadFrameworkFolder, parseFramework } from '../../src/core/frameworks/registry';
import { requiredMarkers } from '../../src/core/frameworks/required';
import { defaultConfig } from '../../src/core/config/types';
import { tempWorkspace } from './support/setup';

/** A small valid framework file; `markers` is the YAML of its marker list. */
function frameworkYaml(id: string, markers = '  - id: "1.1"\n    title: One\n    description: First marker.\n'): string {
  return `schema_version: 1\nid: ${id}\nname: Team model\nversion: "1"\nmarkers:\n${markers}`;
}

describe('built-in frameworks', () => {
  const builtin = loadFrameworkFolder(join(builtinDataRoot(), 'frameworks'), 'builtin');
  const byId = (id: string) => builtin.frameworks.find((f) => f.id === id);

  it('load with zero problems', () => {
    assert.deepEqual(builtin.problems, []);
    assert.deepEqual(builtin.frameworks.map((f) => f.id).sort(), ['icf-pcc-2020', 'icf-trust']);
    assert.ok(builtin.frameworks.every((f) => f.origin === 'builtin'));
  });

  it('icf-trust has 3.1–3.6 with titles, 3.3 for agreements and 3.6 for permission', () => {
    const trust = byId('icf-trust');
    assert.ok(trust);
    assert.deepEqual(trust.markers.map((m) => m.id), ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    assert.ok(trust.markers.every((m) => m.title.length > 0 && m.description.length > 0 && m.required));
    assert.equal(markerByRole(trust, 'agreements')?.id, '3.3');
    assert.equal(markerByRole(trust, 'permission')?.id, '3.6');
  });

  describe('icf-pcc-2020', () => {
    const pcc = byId('icf-pcc-2020');

    it('has the 37 PCC markers with the per-competency counts', () => {
      assert.ok(pcc);
      assert.equal(pcc.markers.length, 37);
      const counts: Record<string, number> = {};
      for (const m of pcc.markers) counts[competencyOf(m)] = (counts[competencyOf(m)] ?? 0) + 1;
      assert.deepEqual(counts, { '3': 4, '4': 4, '5': 5, '6': 7, '7': 8, '8': 9 });
    });

    it('numbers markers in order within each competency, and each names its competency', () => {
      assert.ok(pcc);
      const expected = Object.entries({ 3: 4, 4: 4, 5: 5, 6: 7, 7: 8, 8: 9 }).flatMap(([c, n]) => Array.from({ length: n }, (_, i) => `${c}.${i + 1}`));
      assert.deepEqual(pcc.markers.map((m) => m.id), expected);
      assert.ok(pcc.markers.every((m) => m.competency === m.id.split('.')[0]));
    });

    it('has competencies 3–8 with their domains', () => {
      assert.ok(pcc);
      assert.deepEqual(pcc.competencies.map((c) => [c.id, c.title, c.domain?.charAt(0)]), [
        ['3', 'Establishes and Maintains Agreements', 'B'],
        ['4', 'Cultivates Trust and Safety', 'B'],
        ['5', 'Maintains Presence', 'B'],
        ['6', 'Listens Actively', 'C'],
        ['7', 'Evokes Awareness', 'C'],
        ['8', 'Facilitates Client Growth', 'D'],
      ]);
    });

    it('gives every marker a short title and a description, and a source link', () => {
      assert.ok(pcc);
      assert.equal(pcc.source, 'https://coachingfederation.org/credentials-and-standards/performance-evaluations/pcc-markers');
      assert.ok(pcc.markers.every((m) => m.title.length > 0 && m.title.length <= 40 && m.description.length > 0));
      assert.equal(new Set(pcc.markers.map((m) => m.title.toLowerCase())).size, 37, 'titles are unique, so headings match one marker');
    });

    it('has roles (3.1 agreements, 4.4 permission) and requires no marker by default', () => {
      assert.ok(pcc);
      assert.equal(markerByRole(pcc, 'agreements')?.id, '3.1');
      assert.equal(markerByRole(pcc, 'permission')?.id, '4.4');
      assert.deepEqual(requiredMarkers(pcc, defaultConfig()), []);
      const config = defaultConfig();
      config.requiredMarkers['icf-pcc-2020'] = ['3.1', '8.9'];
      assert.deepEqual(requiredMarkers(pcc, config).map((m) => m.id), ['3.1', '8.9']);
    });
  });
});

describe('workspace frameworks (.coach/frameworks/*.yaml)', () => {
  it('are added to the built-in ones', () => {
    const root = tempWorkspace({ '.coach/frameworks/team.yaml': frameworkYaml('team'), '.coach/frameworks/other.yml': frameworkYaml('other') });
    const setup = loadSetup({ root });
    assert.deepEqual(setup.problems, []);
    assert.deepEqual(setup.frameworks.ids().sort(), ['icf-pcc-2020', 'icf-trust', 'other', 'team']);
    const team = setup.frameworks.get('team');
    assert.equal(team?.origin, join(root, '.coach', 'frameworks', 'team.yaml'));
    assert.equal(team?.markers[0]?.required, true, 'markers are required unless the file says otherwise');
  });

  it('may replace a built-in framework by id', () => {
    const root = tempWorkspace({ '.coach/frameworks/trust.yaml': frameworkYaml('icf-trust') });
    const setup = loadSetup({ root });
    assert.deepEqual(setup.frameworks.get('icf-trust')?.markers.map((m) => m.id), ['1.1']);
  });

  describe('schema errors name the file, line and field, and the other frameworks keep working', () => {
    function loadBroken(text: string) {
      const root = tempWorkspace({ '.coach/frameworks/broken.yaml': text, '.coach/frameworks/team.yaml': frameworkYaml('team') });
      const setup = loadSetup({ root });
      assert.deepEqual(setup.frameworks.ids().sort(), ['icf-pcc-2020', 'icf-trust', 'team'], 'the valid frameworks still load');
      assert.ok(setup.problems.length > 0, 'the broken file is reported');
      for (const p of setup.problems) assert.equal(p.file, join(root, '.coach', 'frameworks', 'broken.yaml'));
      return setup.problems;
    }

    it('a missing marker title points at that marker', () => {
      const problems = loadBroken(frameworkYaml('broken', '  - id: "1.1"\n    title: One\n    description: d\n  - id: "1.2"\n    description: d\n'));
      assert.deepEqual(problems.map((p) => [p.field, p.line, p.column]), [['markers[1].title', 9, 5]]);
      assert.match(problems[0]?.message ?? '', /required/);
    });

    it('a marker id that is not dotted numbers', () => {
      const problems = loadBroken(frameworkYaml('broken', '  - id: "one"\n    title: One\n    description: d\n'));
      assert.deepEqual(problems.map((p) => [p.field, p.line, p.column]), [['markers[0].id', 6, 9]]);
      assert.match(problems[0]?.message ?? '', /pattern/);
    });

    it('an unquoted id YAML reads as a number', () => {
      const problems = loadBroken(frameworkYaml('broken', '  - id: 1.1\n    title: One\n    description: d\n'));
      assert.deepEqual(problems.map((p) => [p.field, p.line]), [['markers[0].id', 6]]);
    });

    it('a framework id with capitals or spaces', () => {
      const problems = loadBroken(frameworkYaml('Broken Model'));
      assert.deepEqual(problems.map((p) => [p.field, p.line]), [['id', 2]]);
    });

    it('duplicate marker ids point at the second one', () => {
      const problems = loadBroken(frameworkYaml('broken', '  - id: "1.1"\n    title: One\n    description: d\n  - id: "1.1"\n    title: Two\n    description: d\n'));
      assert.deepEqual(problems.map((p) => [p.field, p.line, p.column]), [['markers[1].id', 9, 9]]);
      assert.match(problems[0]?.message ?? '', /used twice/);
    });

    it('an unknown key points at the key', () => {
      const problems = loadBroken(frameworkYaml('broken', '  - id: "1.1"\n    title: One\n    description: d\n    colour: red\n'));
      assert.deepEqual(problems.map((p) => [p.field, p.line, p.column]), [['markers[0].colour', 9, 5]]);
      assert.match(problems[0]?.message ?? '', /not a known field/);
    });

    it('a missing markers list', () => {
      const problems = loadBroken('schema_version: 1\nid: broken\nname: B\nversion: "1"\n');
      assert.deepEqual(problems.map((p) => p.field), ['markers']);
    });

    it('a YAML syntax error gives its line and column', () => {
      // The second `title:` key is a duplicate: a syntax error at line 8, column 5.
      const problems = loadBroken(frameworkYaml('broken', '  - id: "1.1"\n    title: One\n    title: Two\n    description: d\n'));
      assert.equal(problems.length, 1);
      assert.deepEqual([problems[0]?.line, problems[0]?.column], [8, 5]);
    });

    it('an unclosed quote is reported after the marker list starts', () => {
      const { problems } = parseFramework('schema_version: 1\nid: broken\nmarkers:\n  - id: "1.1\n    title: x\n', 'broken.yaml');
      assert.equal(problems.length, 1);
      assert.ok((problems[0]?.line ?? 0) >= 4, `line ${problems[0]?.line}`);
    });
  });
});

describe('config schema errors (.coach/config.yaml)', () => {
  it('a bad severity names rules.<id> and its line', () => {
    const { config, problems } = parseConfig('framework: icf-trust\nrules:\n  permission-check: loud\n', 'config.yaml');
    assert.deepEqual(problems.map((p) => [p.file, p.field, p.line, p.column]), [['config.yaml', 'rules.permission-check', 3, 21]]);
    assert.match(problems[0]?.message ?? '', /must be one of: "off", "hint", "info", "warning", "error"/);
    assert.deepEqual(config.rules, {}, 'an invalid file falls back to the defaults');
  });

  it('an unknown top-level key points at the key', () => {
    const { problems } = parseConfig('framework: icf-trust\ncolour: red\n', 'config.yaml');
    assert.deepEqual(problems.map((p) => [p.field, p.line]), [['colour', 2]]);
  });

  it('a sensitive_topics.extra entry without terms', () => {
    const { problems } = parseConfig('sensitive_topics:\n  extra:\n    - topic: visas\n', 'config.yaml');
    assert.ok(problems.some((p) => p.field === 'sensitive_topics.extra[0].terms' && p.line === 3), JSON.stringify(problems));
  });

  it('a valid file reads its sensitive topics, plain words included', () => {
    const { config, problems } = parseConfig('sensitive_topics:\n  extra:\n    - visa\n    - topic: money\n      terms: [loan]\n  allow: [therapy]\n', 'config.yaml');
    assert.deepEqual(problems, []);
    assert.deepEqual(config.sensitiveTopics, { extra: [{ topic: 'visa', terms: ['visa'] }, { topic: 'money', terms: ['loan'] }], allow: ['therapy'] });
  });

  it('through loadSetup: problems are reported, the engine keeps the defaults', () => {
    const root = tempWorkspace({ '.coach/config.yaml': 'framework: icf-pcc-2020\nrules:\n  judgmental-language: loud\n' });
    const setup = loadSetup({ root });
    assert.deepEqual(setup.problems.map((p) => [p.file, p.field, p.line]), [[join(root, '.coach', 'config.yaml'), 'rules.judgmental-language', 3]]);
    assert.equal(setup.config.framework, 'icf-trust');
  });

  it('a config naming a workspace framework is accepted', () => {
    const root = tempWorkspace({ '.coach/config.yaml': 'framework: team\nrequired_markers:\n  team: ["1.1"]\n', '.coach/frameworks/team.yaml': frameworkYaml('team') });
    const setup = loadSetup({ root });
    assert.deepEqual(setup.problems, []);
    assert.equal(setup.config.framework, 'team');
  });
});
