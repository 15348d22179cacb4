import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSetup } from '../../src/core/engine/setup';
import { parseNote } from '../../src/core/note/parse';
import { RULES } from '../../src/core/rules/index';
import { parseSnippets, prefixStart } from '../../src/extension/language/snippet-data';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

const FILE = join(__dirname, '..', '..', 'snippets', 'coach-notes.code-snippets');
const snippets = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, Snippet>;
const setup = loadSetup();
const framework = setup.frameworks.get('icf-trust');
const TODAY = { CURRENT_YEAR: '2026', CURRENT_MONTH: '03', CURRENT_DATE: '02' };

const bodyOf = (name: string) => {
  const snippet = snippets[name];
  assert.ok(snippet, `no snippet called ${name}`);
  return Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body;
};

/**
 * Expands snippet syntax the way VS Code inserts it before the user types anything: placeholders
 * give their default text, choices their first option, mirrors repeat their placeholder, and
 * variables take the values given. Throws on syntax it does not know, so a typo fails the test.
 */
function expand(body: string, variables: Record<string, string> = TODAY): string {
  const values = new Map<string, string>();
  let i = 0;
  const parse = (stopAt: string): string => {
    let out = '';
    while (i < body.length) {
      const ch = body[i] ?? '';
      if (stopAt.includes(ch)) return out;
      if (ch === '\\' && i + 1 < body.length && '$}\\,|'.includes(body[i + 1] ?? '')) {
        out += body[i + 1];
        i += 2;
      } else if (ch === '$') out += dollar();
      else {
        out += ch;
        i++;
      }
    }
    if (stopAt !== '') throw new Error(`unclosed \${ in ${JSON.stringify(body)}`);
    return out;
  };
  const dollar = (): string => {
    i++;
    const simple = /^(\d+|[A-Z_]+)/.exec(body.slice(i));
    if (simple) {
      i += simple[0].length;
      return resolve(simple[0], undefined);
    }
    if (body[i] !== '{') throw new Error(`bad $ at ${i}`);
    i++;
    const name = /^(\d+|[A-Z_]+)/.exec(body.slice(i))?.[0];
    if (!name) throw new Error(`bad \${ at ${i}`);
    i += name.length;
    let fallback: string | undefined;
    if (body[i] === ':') {
      i++;
      fallback = parse('}');
    } else if (body[i] === '|') {
      i++;
      const options: string[] = [];
      for (;;) {
        options.push(parse(',|'));
        const sep = body[i++];
        if (sep === '|') break;
      }
      fallback = options[0] ?? '';
    }
    if (body[i] !== '}') throw new Error(`expected } at ${i} in ${JSON.stringify(body)}`);
    i++;
    return resolve(name, fallback);
  };
  const resolve = (name: string, fallback: string | undefined): string => {
    if (/^\d+$/.test(name)) {
      if (fallback !== undefined && !values.has(name)) values.set(name, fallback);
      return values.get(name) ?? fallback ?? '';
    }
    const value = variables[name];
    if (value === undefined) throw new Error(`unknown variable ${name}`);
    return value;
  };
  return parse('');
}

/** The options of every `${n|a,b|}` choice in a body, by tab stop. */
function choices(body: string): Map<number, string[]> {
  const found = new Map<number, string[]>();
  for (const m of body.matchAll(/\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/g)) {
    found.set(Number(m[1]), (m[2] ?? '').split(/(?<!\\),/).map((o) => o.replace(/\\(.)/g, '$1')));
  }
  return found;
}

const parse = (text: string) => parseNote(text, 'n.coach.md', { frameworks: setup.frameworks, defaultFramework: 'icf-trust' });
const NOTE_START = '---\nclient: Maria\ndate: 2026-03-02\n---\n\n';

describe('snippets/coach-notes.code-snippets', () => {
  it('is plain JSON where every snippet has a prefix, a body and a description', () => {
    assert.ok(Object.keys(snippets).length >= 6);
    for (const [name, snippet] of Object.entries(snippets)) {
      const prefixes = Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix];
      assert.ok(prefixes.length > 0 && prefixes.every((p) => /^coach-[a-z]+$/.test(p)), `${name}: prefix`);
      assert.ok(Array.isArray(snippet.body) ? snippet.body.length > 0 : snippet.body.length > 0, `${name}: body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.length >= 20, `${name}: description`);
    }
  });

  it('uses each prefix once', () => {
    const all = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.equal(new Set(all).size, all.length);
  });

  it('has bodies that expand without syntax errors, with tab stops to fill', () => {
    for (const name of Object.keys(snippets)) {
      const body = bodyOf(name);
      assert.doesNotThrow(() => expand(body), name);
      assert.match(body, /\$\{?1\b/, `${name} has a first tab stop`);
    }
  });

  it('provides the session, marker, agreements, agreement, permission and disable snippets', () => {
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    for (const p of ['coach-session', 'coach-marker', 'coach-agreements', 'coach-agreement', 'coach-permission', 'coach-disable']) {
      assert.ok(prefixes.includes(p), p);
    }
  });

  describe('Session note', () => {
    it('has a section for every icf-trust marker, with its id, title and description, in order', () => {
      assert.ok(framework);
      const body = bodyOf('Session note');
      let from = 0;
      for (const marker of framework.markers) {
        const heading = `## ${marker.id} ${marker.title}\n`;
        const at = body.indexOf(heading, from);
        assert.ok(at >= from, `missing or out of order: ${heading.trim()}`);
        assert.ok(body.includes(`<!-- ${marker.description} -->`), `description of ${marker.id}`);
        from = at + heading.length;
      }
      assert.ok(body.indexOf('## Agreements', from) > 0, 'Agreements come last');
    });

    it('dates the note today and offers common session lengths', () => {
      const body = bodyOf('Session note');
      assert.ok(body.includes('date: ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}'));
      assert.ok((choices(body).get(4) ?? []).includes('60'));
    });

    it('expands to a note the parser reads as intended: valid frontmatter, six empty marker sections, an Agreements section', () => {
      assert.ok(framework);
      const note = parse(expand(bodyOf('Session note')));
      assert.deepEqual(note.frontmatter.problems, []);
      assert.equal(note.frontmatter.valid, true);
      assert.equal(note.meta.date, '2026-03-02');
      assert.equal(note.meta.framework, 'icf-trust');
      assert.deepEqual(note.sections.map((s) => s.marker?.id), framework.markers.map((m) => m.id));
      assert.ok(note.sections.every((s) => !s.evidenced), 'sections start empty, with only the reminder');
      assert.ok(note.agreementsSection);
      assert.equal(note.agreements.length, 1);
    });
  });

  it('Marker section offers every icf-trust marker as "id title"', () => {
    assert.ok(framework);
    const body = bodyOf('Marker section');
    assert.deepEqual(choices(body).get(1), framework.markers.map((m) => `${m.id} ${m.title}`));
    const note = parse(NOTE_START + expand(body));
    assert.equal(note.sections[0]?.marker?.id, framework.markers[0]?.id);
    assert.equal(note.sections[0]?.evidenced, true);
  });

  it('Evidence tag offers every icf-trust marker id', () => {
    assert.ok(framework);
    const body = bodyOf('Evidence tag');
    assert.deepEqual(choices(body).get(1), framework.markers.map((m) => m.id));
    assert.deepEqual(parse(`${NOTE_START}She chose the topic ${expand(body)}.\n`).tags.map((t) => t.id), [framework.markers[0]?.id]);
  });

  it('Agreements section and an agreement with a due date are read as open agreements', () => {
    const section = parse(NOTE_START + expand(bodyOf('Agreements section')));
    assert.ok(section.agreementsSection);
    assert.deepEqual(section.agreements.map((a) => a.kept), [false]);

    const item = parse(`${NOTE_START}## Agreements\n\n${expand(bodyOf('Agreement with due date'))}\n`);
    assert.equal(item.agreements.length, 1);
    assert.equal(item.agreements[0]?.kept, false);
    assert.equal(item.agreements[0]?.due, '2026-03-02');
  });

  it('Permission check is read as a permission line, with the question and the answer to fill in', () => {
    const body = bodyOf('Permission check');
    const note = parse(`${NOTE_START}${expand(body)}\n`);
    assert.equal(note.permissionLines.length, 1);
    assert.ok(choices(body).get(2)?.includes('yes'));
    assert.match(body, /\$\{1:[^}]+\?\}/, 'the first tab stop is the question asked');
  });

  describe('Disable comment', () => {
    const body = bodyOf('Disable comment');
    const kinds = choices(body).get(1) ?? [];
    const rules = choices(body).get(2) ?? [];

    it('offers exactly the rule ids of RULES, in order', () => {
      assert.deepEqual(rules, RULES.map((r) => r.id));
    });

    it('offers the five directive kinds', () => {
      assert.deepEqual([...kinds].sort(), ['disable', 'disable-file', 'disable-line', 'disable-next-line', 'enable']);
    });

    it('expands, for every kind and rule, to a directive the parser reads', () => {
      for (const kind of kinds) {
        for (const rule of rules) {
          const text = body.replace(/\$\{1\|[^}]*\|\}/, kind).replace(/\$\{2\|[^}]*\|\}/, rule);
          const note = parse(`${NOTE_START}${expand(text)}\nSome text.\n`);
          assert.deepEqual(note.directives.map((d) => [d.kind, d.rules]), [[kind, [rule]]], text);
        }
      }
    });
  });

  describe('as the completion provider reads it', () => {
    it('offers every prefix of every snippet with its joined body and description', () => {
      const entries = parseSnippets(readFileSync(FILE, 'utf8'));
      const expected = Object.entries(snippets).flatMap(([name, s]) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]).map((prefix) => [prefix, name]));
      assert.deepEqual(entries.map((e) => [e.prefix, e.name]), expected);
      for (const entry of entries) {
        assert.equal(entry.body, bodyOf(entry.name));
        assert.equal(entry.description, snippets[entry.name]?.description);
      }
    });

    it('replaces the whole hyphenated prefix being typed, and nothing before it', () => {
      assert.equal(prefixStart('coach-ses'), 0);
      assert.equal(prefixStart('She was late [coach-t'), 14);
      assert.equal(prefixStart('Ends with a space '), 18);
      assert.equal(prefixStart(''), 0);
    });
  });
});
