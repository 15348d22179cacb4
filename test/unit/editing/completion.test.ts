import * as assert from 'node:assert/strict';
import { completionsAt, type CompletionEnv, type Suggestion } from '../../../src/core/editing/completion';
import { parseWith } from '../../../src/core/workspace/batch';
import { summarize, type NoteSummary } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

const setup = setupWith();

function note(path: string, fields: string, body = ''): NoteSummary {
  return summarize(parseWith(setup, { path, text: `---\n${fields}\n---\n${body}` }), setup);
}

const WORKSPACE = [
  note('/w/alex/1.coach.md', 'client: Alex Morgan\ndate: 2026-02-03\nsession: 1'),
  note('/w/alex/2.coach.md', 'client: Alex Morgan\ndate: 2026-03-03\nsession: 2'),
  note('/w/priya/1.coach.md', 'client: Priya Shah\ndate: 2026-03-10\nsession: 4'),
  note('/w/c/1.coach.md', 'client: "C-0412"\ndate: 2025-12-01'),
  note('/w/n/1.coach.md', 'client: "12345"\ndate: 2025-11-01'),
];

const env: CompletionEnv = {
  frameworks: setup.frameworks,
  defaultFramework: 'icf-trust',
  summaries: WORKSPACE,
  path: '/w/new.coach.md',
  today: '2026-04-06',
};

/** Completions where `|` stands in the text. */
function at(textWithCursor: string, e: CompletionEnv = env): { items: Suggestion[]; line: string } {
  const lines = textWithCursor.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line]?.indexOf('|') ?? 0;
  lines[line] = (lines[line] ?? '').replace('|', '');
  const items = completionsAt({ lineCount: lines.length, lineAt: (i) => lines[i] ?? '' }, line, character, e);
  return { items, line: lines[line] ?? '' };
}

/** The line after accepting `item`. */
const accept = (line: string, item: Suggestion | undefined) => (item ? line.slice(0, item.replace[0]) + item.insertText + line.slice(item.replace[1]) : line);
const labels = (items: Suggestion[]) => items.map((i) => i.label);

describe('editing: completion', () => {
  it('a heading offers the note framework\'s markers, with the marker text as documentation', () => {
    const { items, line } = at('---\nclient: A\ndate: 2026-04-06\n---\n\n## |');
    assert.deepEqual(labels(items), ['3.1 Genuine concern', '3.2 Integrity and honesty', '3.3 Clear agreements', '3.4 Respect for the client', '3.5 Championing new behaviours', '3.6 Permission in sensitive areas', 'Agreements']);
    assert.match(items[0]?.documentation ?? '', /Shows genuine concern for the client's welfare and future\\\./);
    assert.match(items[0]?.documentation ?? '', /`icf-trust`/);
    assert.equal(accept(line, items[4]), '## 3.5 Championing new behaviours');
  });

  it('what is typed after the hashes is replaced, and the framework named in the frontmatter is used', () => {
    const { items, line } = at('---\nclient: A\nframework: icf-pcc-2020\n---\n### 8.|9');
    assert.ok(labels(items).some((l) => l.startsWith('8.9 ')), labels(items).join(', '));
    assert.ok(!labels(items).includes('3.6 Permission in sensitive areas'), 'icf-trust markers are not offered in a PCC note');
    const pcc = items.find((i) => i.label.startsWith('8.9 '));
    assert.equal(accept(line, pcc), `### ${pcc?.insertText}`);
  });

  it('after [# the marker ids, closing the tag only when it is open', () => {
    const open = at('She will open the meeting herself [#3.|');
    assert.deepEqual(labels(open.items), ['3.1', '3.2', '3.3', '3.4', '3.5', '3.6']);
    assert.equal(open.items[4]?.detail, 'Championing new behaviours');
    assert.equal(accept(open.line, open.items[4]), 'She will open the meeting herself [#3.5]');
    const closed = at('Noted [#|] today.');
    assert.equal(accept(closed.line, closed.items[0]), 'Noted [#3.1] today.');
    const second = at('Both [#3.1 #|');
    assert.equal(accept(second.line, second.items[3]), 'Both [#3.1 #3.4]');
  });

  it('prose, a plain # comment inside a word and a closed tag offer nothing', () => {
    assert.deepEqual(at('She said the |').items, []);
    assert.deepEqual(at('Issue #|').items, []);
    assert.deepEqual(at('Done [#3.1] and |').items, []);
  });

  it('frontmatter keys with their meaning, leaving out keys already written', () => {
    const { items, line } = at('---\nclient: A\ndate: 2026-04-06\nd|\n---');
    assert.ok(!labels(items).includes('client') && !labels(items).includes('date'));
    assert.ok(labels(items).includes('duration'));
    const duration = items.find((i) => i.label === 'duration');
    assert.match(duration?.documentation ?? '', /minutes/);
    assert.equal(accept(line, duration), 'duration: ');
    assert.deepEqual(at('---\ncl|ient: A\n---').items, [], 'a key already followed by a colon is left alone');
  });

  it('client: offers the workspace\'s clients, most recent first, quoted when YAML would not read them back as written', () => {
    const { items, line } = at('---\nclient: |\n---');
    assert.deepEqual(labels(items), ['Priya Shah', 'Alex Morgan', 'C-0412', '12345']);
    assert.equal(items[1]?.detail, 'last session 2026-03-03');
    assert.deepEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort(), 'VS Code keeps this order');
    assert.equal(accept(line, items[0]), 'client: Priya Shah');
    assert.equal(accept(line, items[3]), 'client: "12345"');
    const typed = at('---\nclient: Al|ex\n---');
    assert.equal(accept(typed.line, typed.items[1]), 'client: Alex Morgan', 'the whole value is replaced');
  });

  it('framework: ids, date: today, and fixed choices', () => {
    assert.deepEqual(labels(at('---\nframework: |\n---').items).sort(), ['icf-pcc-2020', 'icf-trust']);
    const date = at('---\ndate: |\n---').items;
    assert.deepEqual(labels(date), ['2026-04-06']);
    assert.equal(date[0]?.detail, 'today');
    assert.deepEqual(labels(at('---\ntype: |\n---').items), ['individual', 'group']);
    assert.deepEqual(labels(at('---\npaid: |\n---').items), ['true', 'false']);
  });

  it('session: the next number for the frontmatter\'s client', () => {
    assert.deepEqual(labels(at('---\nclient: Alex Morgan\nsession: |\n---').items), ['3']);
    assert.deepEqual(labels(at('---\nclient: Priya Shah\ndate: 2026-04-06\nsession: |\n---').items), ['5']);
    // Dated between Alex's two sessions: the second does not count yet.
    assert.deepEqual(labels(at('---\nclient: Alex Morgan\ndate: 2026-02-20\nsession: |\n---').items), ['2']);
    // Unnumbered notes still count as sessions.
    assert.deepEqual(labels(at('---\nclient: "C-0412"\nsession: |\n---').items), ['2']);
    assert.deepEqual(labels(at('---\nclient: New Person\nsession: |\n---').items), ['1']);
    assert.deepEqual(labels(at('---\nsession: |\n---').items), ['1']);
  });

  it('the body below the frontmatter is not frontmatter', () => {
    assert.deepEqual(at('---\nclient: A\n---\nclient: |').items, []);
  });
});
