import * as assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { coachPreviewPlugin, type MarkdownItLike, type MdToken } from '../../../src/core/editing/preview-plugin';

// markdown-it ships no types; this is the part of its API the tests use.
interface BlockState {
  src: string;
  bMarks: number[];
  eMarks: number[];
  tShift: number[];
  line: number;
  push(type: string, tag: string, nesting: number): MdToken & { map: [number, number]; block: boolean };
}
interface MarkdownIt extends MarkdownItLike {
  render(src: string, env?: object): string;
  parse(src: string, env: object): MdToken[];
  renderer: MarkdownItLike['renderer'] & { render(tokens: MdToken[], options: object, env: object): string };
  options: object;
  block: { ruler: { before(name: string, rule: string, fn: (state: BlockState, start: number, end: number, silent: boolean) => boolean): void } };
}
const MarkdownItClass = createRequire(__filename)('markdown-it') as new () => MarkdownIt;

/**
 * VS Code's Markdown engine adds a `front_matter` block rule (markdown-it-front-matter) after the
 * extensions' plugins: a hidden token whose `meta` is the YAML. The same here, so the tests see
 * the token stream the preview sees.
 */
function withVsCodeFrontMatter(md: MarkdownIt): MarkdownIt {
  md.block.ruler.before('fence', 'front_matter', (state, start, end, silent) => {
    if (start !== 0 || !state.src.startsWith('---')) return false;
    let line = start + 1;
    while (line < end && state.src.slice(state.bMarks[line], state.eMarks[line]) !== '---') line++;
    if (line >= end) return false;
    if (silent) return true;
    const token = state.push('front_matter', '', 0);
    token.hidden = true;
    token.meta = state.src.slice((state.eMarks[0] ?? 0) + 1, (state.bMarks[line] ?? 0) - 1);
    token.block = true;
    token.map = [start, line + 1];
    state.line = line + 1;
    return true;
  });
  return md;
}

const host = () => withVsCodeFrontMatter(new MarkdownItClass());
function coach(today = '2026-03-10'): MarkdownIt {
  const md = new MarkdownItClass();
  coachPreviewPlugin(md, { today: () => today, markerTitle: (id) => ({ '3.5': 'Championing new behaviours' })[id] });
  return withVsCodeFrontMatter(md);
}
const NOTE_ENV = () => ({ currentDocument: { path: '/notes/alex/alex-2026-03-03.coach.md' } });
const PLAIN_ENV = () => ({ currentDocument: { path: '/notes/README.md' } });

const NOTE = `---
client: Alex Morgan
date: 2026-03-03
session: 2
duration: 60
---

# Alex Morgan — session 2

## 3.5 Championing new behaviours

Alex handed the rota to Jo [#3.5] and tried both [#3.1, #3.4].

**Permission:** Asked whether she wanted to bring her mother's health into coaching. She said yes.

> Permission: her words, quoted

- [ ] Not an agreement, due 2026-01-01

## Agreements

- [x] Write down three tasks, due 2026-02-17
- [ ] Review the rota with Jo, due 2026-03-01
- [ ] Book the offsite (due 2026-04-01)
- Permission: asked before talking about money

## After

- [ ] Also not an agreement, due 2026-01-01
`;

describe('editing: preview plugin', () => {
  it('renders evidence tags as chips, with the marker title as a tooltip', () => {
    const html = coach().render(NOTE, NOTE_ENV());
    assert.ok(html.includes('<span class="coach-tags" aria-label="Evidence for 3.5"><span class="coach-tag" title="3.5 Championing new behaviours">3.5</span></span>'), html);
    assert.ok(html.includes('<span class="coach-tag">3.1</span><span class="coach-tag">3.4</span>'), html);
    assert.ok(!html.includes('[#3.5]'));
  });

  it('renders a Permission: line as a marked callout, but not a quoted one', () => {
    const html = coach().render(NOTE, NOTE_ENV());
    assert.match(html, /<p class="coach-callout coach-permission" role="note"><strong>Permission:<\/strong> Asked whether/);
    assert.match(html, /<li class="coach-callout coach-permission" role="note">Permission: asked before/);
    assert.match(html, /<blockquote>\n<p>Permission: her words, quoted<\/p>/);
  });

  it('renders agreements with their due dates, saying in words which are overdue', () => {
    const html = coach('2026-03-10').render(NOTE, NOTE_ENV());
    const items = html.split('\n').filter((l) => l.startsWith('<li class="coach-agreement'));
    assert.deepEqual(items, [
      '<li class="coach-agreement coach-kept"><span class="coach-check" role="img" aria-label="kept">☑</span> Write down three tasks, <span class="coach-due">due 2026-02-17</span></li>',
      '<li class="coach-agreement coach-open"><span class="coach-check" role="img" aria-label="open">☐</span> Review the rota with Jo, <span class="coach-due coach-overdue">due 2026-03-01 <strong class="coach-overdue-label">⚠ overdue</strong></span></li>',
      '<li class="coach-agreement coach-open"><span class="coach-check" role="img" aria-label="open">☐</span> Book the offsite (<span class="coach-due">due 2026-04-01</span>)</li>',
    ]);
    // Task items outside the Agreements section are left as written.
    assert.equal(html.match(/coach-check/g)?.length, 3);
    assert.ok(html.includes('<li>[ ] Not an agreement, due 2026-01-01</li>'));
    assert.ok(html.includes('<li>[ ] Also not an agreement, due 2026-01-01</li>'));
    // The same note read later: the offsite is overdue too.
    assert.equal(coach('2026-05-01').render(NOTE, NOTE_ENV()).match(/⚠ overdue/g)?.length, 2);
  });

  it('renders the frontmatter as a compact header, escaping what it shows', () => {
    const html = coach().render(NOTE, NOTE_ENV());
    assert.ok(
      html.startsWith(
        '<header class="coach-header" aria-label="Session"><span class="coach-header-client">Alex Morgan</span><span class="coach-header-sep" aria-hidden="true"> · </span><span class="coach-header-date">2026-03-03</span><span class="coach-header-sep" aria-hidden="true"> · </span><span class="coach-header-session">Session 2</span><span class="coach-header-sep" aria-hidden="true"> · </span><span class="coach-header-duration">60 min</span></header>\n',
      ),
      html,
    );
    const hostile = coach().render('---\nclient: "<img src=x onerror=alert(1)>"\ndate: 2026-03-03 # a comment\n---\n\nText [#3.1].\n', NOTE_ENV());
    assert.ok(hostile.includes('<span class="coach-header-client">&lt;img src=x onerror=alert(1)&gt;</span>'), hostile);
    assert.ok(hostile.includes('<span class="coach-header-date">2026-03-03</span>'), hostile);
    assert.ok(!/<script|<img/.test(hostile));
  });

  it('renders any other Markdown document exactly as before', () => {
    const plainDocs = [NOTE, '# Title\n\nSome *text* with a [link](x.md), [#3.5] and `[#3.1]`.\n', '- [ ] a task, due 2020-01-01\n\n## Agreements\n\n- [ ] one, due 2020-01-01\n', 'Permission: granted.\n'];
    for (const text of plainDocs) {
      const before = host().render(text, PLAIN_ENV());
      assert.equal(coach().render(text, PLAIN_ENV()), before);
      assert.equal(coach().render(text, {}), before, 'a string rendered without a document is not a note');
    }
  });

  it('Markdown without coach constructs renders the same in a coach note', () => {
    const text = '# Heading\n\nA paragraph with **bold**, a [link](https://example.com) and an image ![x](y.png).\n\n1. one\n2. two\n\n```js\ncode [#3.1]\n```\n';
    assert.equal(coach().render(text, NOTE_ENV()), host().render(text, NOTE_ENV()));
  });

  it('tokens parsed once render as a note and as plain Markdown (VS Code caches tokens across renders)', () => {
    const md = coach();
    const tokens = md.parse(NOTE, {});
    const asNote = md.renderer.render(tokens, md.options, NOTE_ENV());
    const asPlain = md.renderer.render(tokens, md.options, PLAIN_ENV());
    assert.equal(asPlain, host().render(NOTE, PLAIN_ENV()));
    assert.equal(md.renderer.render(tokens, md.options, NOTE_ENV()), asNote, 'rendering never changed the cached tokens');
  });
});
