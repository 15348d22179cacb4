import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isMap, isPair, isScalar, parseDocument, type Node } from 'yaml';
import { SAFE_YAML_OPTIONS, toPlain } from '../../src/core/data/yaml';
import { readSimpleMapping } from '../../src/core/note/simple-yaml';

/** What the yaml library makes of a text: plain data and each key's value span, or undefined on any problem. */
function library(yaml: string): { data: unknown; ranges: Map<string, [number, number]> } | undefined {
  const doc = parseDocument(yaml, SAFE_YAML_OPTIONS);
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  const data = toPlain(doc.toJS()) ?? {};
  const ranges = new Map<string, [number, number]>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const node = (pair.value ?? pair.key) as Node;
      if (node.range) ranges.set(String(pair.key.value), [node.range[0], node.range[1]]);
    }
  }
  return { data, ranges };
}

const KEYS = ['client', 'date', 'session', 'duration', 'framework', 'type', 'group_size', 'paid', 'icf_log', 'pronouns', 'x-note', 'Client', '__proto__', 'a b', 'key:', '-', '1'];
const VALUES = [
  'Maria', 'Aiko Mensah', 'Ünal Yılmaz', "O'Brien", 'R&D team', 'she/her', 'Ana (pseudonym)', 'C-0412', '0412', '60', '0', '5', '1.5', '1e3', '+5', '-3', '0x1F', '0o17', '.inf', '.nan',
  '2026-03-02', '2026-02-30', '2026-3-2', 'true', 'False', 'TRUE', 'yes', 'no', 'on', 'null', 'Null', '~', '', 'icf-trust', 'icf-pcc-2020', 'group', 'individual',
  '"quoted"', "'single'", '[a, b]', '{a: 1}', '&anchor x', '*alias', '!!str 5', '|', '>', '- item', 'a: b', 'a #comment', 'a#b', 'x,y', 'trailing  ', 'two  spaces', '%', '@at', '`tick`', '99999999999999999999', '123456789012345',
];
const line = fc.oneof(
  { weight: 12, arbitrary: fc.tuple(fc.constantFrom(...KEYS.slice(0, 11)), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`) },
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(':', ': ', ':  ', ':\t', ' : '), fc.constantFrom(...VALUES)).map(([k, sep, v]) => `${k}${sep}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '# comment', '  indented: 1', '- item', '---', '...', 'tags:', '  - a', '\t') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);
const yamlText = fc.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([lines, eol, last]) => lines.join(eol) + (last ? eol : ''));

describe('the simple frontmatter reader', () => {
  it('reads the usual frontmatter, with positions', () => {
    const yaml = 'client: Maria Lopez\ndate: 2026-03-02\nsession: 3\nduration:  60 \npaid: false\nnotes:\n';
    const read = readSimpleMapping(yaml);
    assert.deepEqual(read?.data, { client: 'Maria Lopez', date: '2026-03-02', session: 3, duration: 60, paid: false, notes: null });
    assert.deepEqual(read?.ranges.get('duration'), [yaml.indexOf('60'), yaml.indexOf('60') + 2]);
  });

  it('leaves everything else to the yaml library', () => {
    for (const yaml of ['client: "Maria"', 'client: Maria # comment', 'tags: [a, b]', 'client: Maria\nclient: Ana', 'client:\n  name: Maria', 'client: &a Maria', '__proto__: x', 'client:\tMaria', 'client: 0412', 'duration: 1e400', 'a: b: c', '# only a comment']) {
      assert.equal(readSimpleMapping(yaml), undefined, yaml);
    }
  });

  it('agrees with the yaml library on every text it accepts: values and positions (2,000 texts)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(yamlText, (yaml) => {
        const fast = readSimpleMapping(yaml);
        if (!fast) return;
        accepted++;
        const lib = library(yaml);
        assert.ok(lib, `the library reports a problem in ${JSON.stringify(yaml)}`);
        assert.deepEqual(fast.data, lib.data, JSON.stringify(yaml));
        assert.deepEqual([...fast.ranges].sort(), [...lib.ranges].sort(), JSON.stringify(yaml));
      }),
      { seed: 42, numRuns: 2000 },
    );
    assert.ok(accepted > 300, `only ${accepted} of 2,000 texts took the fast path`);
  });
});
