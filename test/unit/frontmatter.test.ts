import assert from 'node:assert/strict';
import { lintText } from '../../src/core/engine/lint';
import { setupWith } from './support/setup';

const setup = setupWith();
const frontmatterFindings = (text: string) => lintText(text, 'n.coach.md', setup, { only: ['frontmatter'] }).findings;

describe('frontmatter rule positions', () => {
  it('reports a YAML syntax error at the file line and column, not the YAML block\'s', () => {
    // Line 3 of the file is the second line of the YAML: the unclosed flow sequence.
    const [f, ...rest] = frontmatterFindings('---\nclient: Maria\ndate: [2026-03-02\n---\n\nBody.\n');
    assert.equal(rest.length, 0);
    assert.ok(f);
    assert.match(f.reason, /YAML/);
    assert.ok(f.place.start.line >= 3 && f.place.start.line <= 4, `line ${f.place.start.line}`);
  });

  it('points at a bad value: the impossible date on line 3, column 7', () => {
    const [f] = frontmatterFindings('---\nclient: Maria\ndate: 2026-02-30\n---\n');
    assert.deepEqual([f?.place.start.line, f?.place.start.column, f?.place.end.column], [3, 7, 17]);
  });

  it('counts positions after a BOM and with CRLF line endings', () => {
    const [f] = frontmatterFindings('\ufeff---\r\nclient: Maria\r\nduration: -5\r\ndate: 2026-03-02\r\n---\r\n');
    assert.deepEqual([f?.place.start.line, f?.place.start.column], [3, 11]);
    assert.match(f?.reason ?? '', /duration/);
  });

  it('reports a duplicate key', () => {
    const [f] = frontmatterFindings('---\nclient: Maria\nclient: Ana\ndate: 2026-03-02\n---\n');
    assert.match(f?.reason ?? '', /YAML/);
    assert.equal(f?.place.start.line, 3);
  });

  it('rejects custom tags such as !!js/function instead of running them', () => {
    const findings = frontmatterFindings('---\nclient: !!js/function "function(){ return 1 }"\ndate: 2026-03-02\n---\n');
    assert.ok(findings.length >= 1);
    assert.equal(findings[0]?.place.start.line, 2);
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = ['---', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill('*' + String.fromCharCode(97 + i)).join(',')}]`);
    bomb.push('client: Maria', 'date: 2026-03-02', '---', '');
    const findings = frontmatterFindings(bomb.join('\n'));
    assert.equal(findings.length, 1);
    assert.match(findings[0]?.reason ?? '', /could not be read|alias/i);
  });

  it('asks to quote a numeric client code', () => {
    const [f] = frontmatterFindings('---\nclient: 1042\ndate: 2026-03-02\n---\n');
    assert.match(f?.reason ?? '', /"1042"/);
  });

  it('checks the optional fields', () => {
    const reasons = frontmatterFindings('---\nclient: Maria\ndate: 2026-03-02\nsession: 0\nduration: 100000\ntype: team\ngroup_size: 1\npaid: maybe\nicf_log: "no"\n---\n').map((f) => f.reason);
    for (const field of ['session', 'duration', 'type', 'group_size', 'paid', 'icf_log']) {
      assert.ok(reasons.some((r) => r.includes(`\`${field}\``)), `${field} in ${reasons.join(' | ')}`);
    }
  });

  it('a session number or group size too large to be exact (1e20) is refused, not rounded', () => {
    const { note, findings } = lintText('---\nclient: Maria\ndate: 2026-03-02\nsession: 1e20\ntype: group\ngroup_size: 9007199254740993\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
    assert.equal(note.meta.session, undefined);
    assert.equal(note.meta.groupSize, undefined);
    assert.deepEqual(findings.map((f) => f.place.start.line), [4, 6]);
    const ok = lintText('---\nclient: Maria\ndate: 2026-03-02\nsession: 12\ntype: group\ngroup_size: 6\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
    assert.deepEqual([ok.note.meta.session, ok.note.meta.groupSize, ok.findings.length], [12, 6, 0]);
  });

  describe('durations read in plain words, never as Infinity', () => {
    const reasonFor = (duration: string) => {
      const { note, findings } = lintText(`---\nclient: Maria\ndate: 2026-03-02\nduration: ${duration}\n---\n`, 'n.coach.md', setup, { only: ['frontmatter'] });
      assert.equal(note.meta.duration, undefined, duration);
      assert.equal(note.frontmatter.valid, false, duration);
      assert.equal(findings.length, 1, duration);
      assert.equal(findings[0]?.place.start.line, 4, 'on the duration line');
      return findings[0]?.reason ?? '';
    };

    it('a number too large for JavaScript (1e400) or for a session is quoted as written', () => {
      for (const [written, shown] of [['1e400', '1e400'], ['.inf', '.inf'], ['1e300', '1e300'], ['2000000', '2000000'], ['1' + '0'.repeat(400), '1' + '0'.repeat(19) + '…']] as const) {
        const reason = reasonFor(written);
        assert.equal(reason, `\`duration\` is ${shown}, far too large a number to be a session length. Write the session length in minutes, for example \`duration: 60\`.`);
        assert.doesNotMatch(reason, /Infinity|e\+/);
      }
    });

    it('a negative or zero duration says what it is and what is expected', () => {
      for (const written of ['-45', '0', '-1e400', '-.inf']) {
        assert.equal(reasonFor(written), `\`duration\` is ${written}, but a session length is a number of minutes above zero. Write the session length in minutes, for example \`duration: 60\`.`);
      }
    });

    it('more than a day, in minutes', () => {
      assert.match(reasonFor('1441'), /^`duration` is 1441 minutes, which is more than a day\./);
      assert.match(reasonFor('2000.5'), /^`duration` is 2000\.5 minutes, which is more than a day\./);
      assert.match(reasonFor('.nan'), /^`duration` should be the session length in minutes, a number above zero/);
      assert.match(reasonFor('"an hour"'), /^`duration` should be the session length in minutes/);
    });

    it('a day at most is a session length', () => {
      const { note } = lintText('---\nclient: Maria\ndate: 2026-03-02\nduration: 1440\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
      assert.equal(note.meta.duration, 1440);
    });
  });

  describe('control characters in client', () => {
    const read = (client: string) => {
      const { note, findings } = lintText(`---\nclient: ${client}\ndate: 2026-03-02\n---\n`, 'n.coach.md', setup, { only: ['frontmatter'] });
      return { client: note.meta.client, valid: note.frontmatter.valid, reasons: findings.map((f) => f.reason), lines: findings.map((f) => f.place.start.line) };
    };

    it('a NUL byte, written raw or escaped, is refused with a clear reason on the client line', () => {
      for (const written of ['Ma\0ria', '"Ma\\0ria"']) {
        const r = read(written);
        assert.deepEqual([r.client, r.valid, r.lines], [undefined, false, [2]], written);
        assert.deepEqual(r.reasons, ['`client` contains a NUL byte, which no name needs; it usually comes from text pasted out of another program. Retype the name or code as plain text, such as `client: Maria Lopez`.']);
      }
    });

    it('other control characters are named by their code', () => {
      for (const [written, code] of [['"Ma\\x07ria"', 'U+0007'], ['"Ma\\eria"', 'U+001B'], ['Maria\x7f Lopez', 'U+007F'], ['"Maria\\x9b"', 'U+009B']] as const) {
        const r = read(written);
        assert.equal(r.valid, false, written);
        assert.match(r.reasons[0] ?? '', new RegExp(`^\`client\` contains an invisible control character \\(${code.replace('+', '\\+')}\\)`), written);
      }
      assert.match(read('"Maria\\tLopez"').reasons[0] ?? '', /^`client` contains a tab/);
    });

    it('a client over several lines is refused: it would split rows in the CSV log', () => {
      for (const written of ['|\n  Maria\n  Lopez', '"Maria\\nLopez"', '"Maria\\rLopez"', '"Maria\\NLopez"']) {
        const r = read(written);
        assert.equal(r.client, undefined, written);
        assert.deepEqual(r.reasons, ['`client` runs over more than one line. Write the name or code on a single line, such as `client: Maria Lopez`.'], written);
      }
    });

    it('names in any script, with accents, joiners and emoji, are kept as written', () => {
      for (const name of ['José Núñez', 'مريم الحسيني', 'Ľudmila Šťastná', 'प्रिया शाह', 'Team 👩‍👩‍👧', 'Zoë  O\u2019Brien']) {
        const r = read(JSON.stringify(name));
        assert.deepEqual([r.client, r.valid, r.reasons], [name, true, []], name);
      }
    });
  });

  it('keeps unknown keys and does not let __proto__ pollute objects', () => {
    const { note, findings } = lintText('---\nclient: Maria\ndate: 2026-03-02\nmood: calm\n__proto__:\n  polluted: yes\n---\n', 'n.coach.md', setup, { only: ['frontmatter'] });
    assert.equal(findings.length, 0);
    assert.equal(note.frontmatter.data.mood, 'calm');
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});
