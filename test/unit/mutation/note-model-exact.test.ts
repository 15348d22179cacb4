// The note model of one note that holds a bit of everything (src/core/note/parse.ts and prose.ts),
// compared whole: sections, near misses, tags, agreements, permission lines, disable comments and
// prose, each with its place. Also where prose characters map back to in the note.
import assert from 'node:assert/strict';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Place } from '../../../src/core/model/types';
import { parseNote } from '../../../src/core/note/parse';
import { proseSpan } from '../../../src/core/note/prose';
import { sharedSetup } from './support';

const at = (p: Place) => `${p.start.line}:${p.start.column}-${p.end.line}:${p.end.column}`;

const NOTE = [
  "---",
  "client: Maria",
  "date: 2026-03-02",
  "---",
  "",
  "# Session with Maria",
  "",
  "## 3.1 Genuine concern ##",
  "",
  "Asked about her *week* first [#3.1, #3.9]; `[#3.2]` in code is no tag. ![a [#3.4] image](x.png)",
  "",
  "### 3.2 Integrity",
  "",
  "```",
  "code counts",
  "```",
  "",
  "## 3.3 Clear agreements",
  "",
  "<!-- a reminder only -->",
  "",
  "---",
  "",
  "[ref]: https://example.com",
  "",
  "## 3.4   Respect for the client",
  "Setext lines do not matter here",
  "<p>visible</p>",
  "",
  "Genuine concern",
  "===============",
  "",
  "**3.5 Championing new behaviours:**",
  "Named it.",
  "",
  "##3.6 Permission",
  "",
  "Permission: asked whether we could talk about her health.",
  "",
  "> Permission: quoted, no record",
  "",
  "Caf&eacute; \\*not emphasis\\* with a&nbsp;space and an \\\\ escape.",
  "",
  "<!-- coach-disable-next-line coach:judgmental-language, unknown-marker -- she said it -->",
  "<!-- coach-enable -->",
  "",
  "## Agreements",
  "",
  "- [ ] Draft the email, due 2026-03-09",
  "- [x] Book the room",
  "  - [ ] Nested item",
  "- [ ]no space is no agreement",
  "- plain item",
  "",
  "",
  "",
].join('\n');

describe('the note model of a note with a bit of everything, exactly', () => {
  let setup: EngineSetup;
  before(() => {
    setup = sharedSetup();
  });
  const parse = (text: string) => parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });

  it('sections: depth, heading text, place, end, marker, id and evidence', () => {
    const note = parse(NOTE);
    assert.deepEqual(note.sections.map((s) => `${s.depth} ${JSON.stringify(s.headingText)} ${at(s.headingPlace)} end=${s.end} marker=${s.marker?.id ?? '-'} idLike=${s.idLike ?? '-'} evidenced=${s.evidenced}`), [
      "2 \"3.1 Genuine concern\" 8:1-8:26 end=226 marker=3.1 idLike=3.1 evidenced=true",
      "3 \"3.2 Integrity\" 12:1-12:18 end=226 marker=3.2 idLike=3.2 evidenced=true",
      "2 \"3.3 Clear agreements\" 18:1-18:24 end=310 marker=3.3 idLike=3.3 evidenced=false",
      "2 \"3.4   Respect for the client\" 26:1-26:32 end=390 marker=3.4 idLike=3.4 evidenced=true",
      "1 \"Genuine concern\" 30:1-31:16 end=897 marker=3.1 idLike=- evidenced=true",
    ]);
    for (const s of note.sections) assert.deepEqual(Object.keys(s).sort(), ['depth', 'end', 'evidenced', 'headingPlace', 'headingText', ...(s.idLike ? ['idLike'] : []), 'marker'].sort());
  });

  it('near misses and tags', () => {
    const note = parse(NOTE);
    assert.deepEqual(note.nearMisses.map((n) => `${n.form} ${n.marker.id} ${at(n.place)} ${JSON.stringify(n.replacement)}`), [
      "bold-line 3.5 33:1-33:36 \"## 3.5 Championing new behaviours\"",
      "no-space 3.6 36:1-36:17 \"## 3.6 Permission\"",
    ]);
    assert.deepEqual(note.tags.map((t) => `${t.id} ${at(t.place)} ${t.marker?.id ?? '-'}`), [
      "3.1 10:30-10:42 3.1",
      "3.9 10:30-10:42 -",
    ]);
    assert.ok(!('marker' in (note.tags[1] ?? {})), 'an unknown tag has no marker key');
  });

  it('agreements and the Agreements section', () => {
    const note = parse(NOTE);
    assert.deepEqual(note.agreements.map((a) => ({ ...a, place: at(a.place) })), [{"text": "Draft the email, due 2026-03-09", "key": "draft the email", "kept": false, "place": "49:3-49:38", "due": "2026-03-09"}, {"text": "Book the room", "key": "book the room", "kept": true, "place": "50:3-50:20"}, {"text": "Nested item", "key": "nested item", "kept": false, "place": "51:5-51:20"}]);
    assert.deepEqual(note.agreementsSection && { ...note.agreementsSection, headingPlace: at(note.agreementsSection.headingPlace) }, {"headingPlace": "47:1-47:14", "depth": 2, "contentEnd": 894, "end": 897});
  });

  it('permission lines, disable comments and prose', () => {
    const note = parse(NOTE);
    assert.deepEqual(note.permissionLines.map(at), [
      "38:1-38:58",
    ]);
    assert.deepEqual(note.directives.map((d) => `${d.kind} [${d.rules.join(',')}] ${at(d.place)}`), [
      "disable-next-line [judgmental-language,unknown-marker] 44:1-44:90",
      "enable [] 45:1-45:22",
    ]);
    assert.deepEqual(note.prose.map((b) => `${b.quoted ? '>' : ' '} ${JSON.stringify(b.text)}`), [
      "  \"Session with Maria\"",
      "  \"3.1 Genuine concern\"",
      "  \"Asked about her week first [#3.1, #3.9];  in code is no tag. \"",
      "  \"3.2 Integrity\"",
      "  \"3.3 Clear agreements\"",
      "  \"3.4   Respect for the client\"",
      "  \"Setext lines do not matter here\"",
      "  \"Genuine concern\"",
      "  \"3.5 Championing new behaviours:\\nNamed it.\"",
      "  \"##3.6 Permission\"",
      "  \"Permission: asked whether we could talk about her health.\"",
      "> \"Permission: quoted, no record\"",
      "  \"Café *not emphasis* with a space and an \\\\ escape.\"",
      "  \"Agreements\"",
      "  \"[ ] Draft the email, due 2026-03-09\"",
      "  \"[x] Book the room\"",
      "  \"[ ] Nested item\"",
      "  \"[ ]no space is no agreement\"",
      "  \"plain item\"",
    ]);
  });

  it('maps prose back through escapes, character references and invisible characters', () => {
    const text = 'Caf&eacute; \\*not emphasis\\* with a&nbsp;space, an \\\\ escape, la\u00ADzy and &amp; &bogus no semicolon, &#38; &#x41; &unknownname; end\n';
    const note = parse(text);
    const block = note.prose[0];
    assert.ok(block);
    assert.equal(block.text, 'Café *not emphasis* with a\u00a0space, an \\ escape, lazy and & &bogus no semicolon, & A &unknownname; end');
    const spans = [...block.text.matchAll(/\S+/g)].map((m) => {
      const [s, e] = proseSpan(note, block, m.index, m.index + m[0].length);
      return `${m[0]}=${text.slice(s, e)}`;
    });
    // Each character maps to where its source starts, so a word that ends in a reference ends at its `&`.
    assert.deepEqual(spans, ['Café=Caf&', '*not=\\*not', 'emphasis*=emphasis\\', 'with=with', 'a=a', 'space,=space,', 'an=an', '\\=\\', 'escape,=escape,', 'lazy=la\u00ADzy', 'and=and', '&=&', '&bogus=&bogus', 'no=no', 'semicolon,=semicolon,', '&=&', 'A=&', '&unknownname;=&unknownname;', 'end=end']);
    assert.deepEqual(proseSpan(note, block, 3, 3), [3, 3], 'an empty span');
  });
});
