import assert from 'node:assert/strict';
import { escapeSnippet, fillPlaceholders } from '../../src/core/model/snippet';

describe('snippet templates', () => {
  it('escapes literal text so it is not read as snippet syntax', () => {
    assert.equal(escapeSnippet('costs $5 {a} \\ b'), 'costs \\$5 {a\\} \\\\ b');
  });

  it('shows placeholders as their default text, or as the caller wraps them, and unescapes the rest', () => {
    const snippet = `${escapeSnippet('has $ complained')} \${1:on which occasions}`;
    assert.equal(fillPlaceholders(snippet), 'has $ complained on which occasions');
    assert.equal(fillPlaceholders(snippet, (text) => `[${text}]`), 'has $ complained [on which occasions]');
  });
});
