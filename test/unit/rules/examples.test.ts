import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/engine/lint';
import { decodeNote } from '../../../src/core/workspace/files';
import { lintBatch } from '../../../src/core/workspace/batch';
import { RULES } from '../../../src/core/rules/index';
import { setupWith } from '../support/setup';

// Each rule's documented examples double as its tests: the docs can never drift from behaviour.
describe('rule examples (docs/rules.md)', () => {
  for (const rule of RULES) {
    describe(`coach:${rule.id}`, () => {
      it('has metadata and at least one passing and one failing example', () => {
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(rule.description.length > 20);
        assert.ok(rule.examples.some((e) => e.findings === 0), 'a passing example');
        assert.ok(rule.examples.some((e) => e.findings > 0), 'a failing example');
      });
      for (const example of rule.examples) {
        it(`${example.title} → ${example.findings} finding(s)`, () => {
          const setup = setupWith(example.config);
          const only = [rule.id];
          let findings;
          if (example.workspace) {
            const files = [...Object.entries(example.workspace), ['example.coach.md', example.note] as const].map(([path, text]) =>
              decodeNote(path, Buffer.from(text)),
            );
            findings = lintBatch(files, setup, { only }).results.find((r) => r.path === 'example.coach.md')?.findings ?? [];
          } else {
            findings = lintText(example.note, 'example.coach.md', setup, { only }).findings;
          }
          assert.equal(findings.length, example.findings, findings.map((f) => f.reason).join('\n'));
          for (const [i, expected] of (example.reasons ?? []).entries()) {
            assert.ok(findings[i]?.reason.includes(expected), `finding ${i} should mention “${expected}”: ${findings[i]?.reason}`);
          }
          for (const f of findings) {
            assert.equal(f.ruleId, rule.id);
            assert.ok(f.url.endsWith(`#${rule.id}`));
            assert.ok(f.place.start.offset <= f.place.end.offset);
          }
        });
      }
    });
  }
});
