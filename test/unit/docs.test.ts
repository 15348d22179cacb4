import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderRulesDoc } from '../../scripts/gen-rules-doc';

describe('docs/rules.md', () => {
  it('is up to date with the rules (run `npm run docs`)', () => {
    const onDisk = readFileSync(join(__dirname, '..', '..', 'docs', 'rules.md'), 'utf8');
    assert.equal(onDisk, renderRulesDoc());
  });
});
