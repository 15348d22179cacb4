import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { clientFolder, clientSlug, freeFileName, planNewSession } from '../../../src/core/editing/new-session';
import type { EngineSetup } from '../../../src/core/engine/setup';
import type { Framework } from '../../../src/core/frameworks/types';
import { sessionNoteDraft } from '../../../src/core/note/template';
import { lintBatch, parseWith } from '../../../src/core/workspace/batch';
import { summarize, type NoteSummary } from '../../../src/core/workspace/summary';
import { setupWith } from '../support/setup';

const ROOT = join('/', 'notes');
const note = (client: string, date: string, body = '', session?: number) =>
  `---\nclient: ${client}\ndate: ${date}\n${session !== undefined ? `session: ${session}\n` : ''}---\n\n${body}`;

describe('editing: New Session Note', () => {
  let setup: EngineSetup;
  let trust: Framework;
  before(() => {
    setup = setupWith('judgmental:\n  model: false\n');
    trust = setup.frameworks.get('icf-trust') as Framework;
  });
  const summaries = (files: Record<string, string>): NoteSummary[] =>
    Object.entries(files).map(([rel, text]) => summarize(parseWith(setup, { path: join(ROOT, rel), text }), setup));

  it('files an existing client\'s note beside their latest one, numbered, with the last note\'s open agreements', () => {
    const notes = summaries({
      'old/maria-2026-01-05.coach.md': note('Maria', '2026-01-05', '## Agreements\n\n- [ ] From January, never carried\n', 1),
      'clients/maria/maria-2026-02-02.coach.md': note('Maria', '2026-02-02', '## Agreements\n\n- [ ] Draft the email, due 2026-02-16\n- [x] Book the room\n- [ ] draft the email!\n- [ ] Ask Tom\n  for feedback\n', 2),
      'clients/maria/maria-2026-09-01.coach.md': note('Maria', '2026-09-01', '## Agreements\n\n- [ ] Written ahead\n', 9),
      'clients/maria/broken.coach.md': '---\nclient: Maria\ndate: 2026-02-30\nsession: 3\n---\n\n## Agreements\n\n- [ ] From a note with an impossible date\n',
      'priya/priya-2026-02-20.coach.md': note('Priya', '2026-02-20', '## Agreements\n\n- [ ] Priya\'s own\n'),
    });
    const plan = planNewSession({ client: 'Maria', date: '2026-03-02', root: ROOT, summaries: notes });
    assert.equal(plan.folder, join(ROOT, 'clients', 'maria'), 'beside the latest note, not an older one elsewhere');
    assert.equal(plan.fileName, 'maria-2026-03-02.coach.md');
    assert.equal(plan.session, 4, 'after the highest number so far, even that of a note with an impossible date');
    assert.deepEqual(plan.carried.map((a) => a.text), ['Draft the email, due 2026-02-16', 'Ask Tom\nfor feedback'], 'open items of the last valid note only, once each');
  });

  it('the drafted note revisits every carried agreement, and the cursor is on an empty line of the first marker section', () => {
    const previous = note('Maria', '2026-02-02', '## Agreements\n\n- [ ] Draft the email, due 2026-02-16\n- [ ] Ask Tom\n  for feedback\n- [x] Book the room\n', 2);
    const plan = planNewSession({ client: 'Maria', date: '2026-03-02', root: ROOT, summaries: summaries({ 'maria/a.coach.md': previous }) });
    const draft = sessionNoteDraft(trust, { client: 'Maria', date: '2026-03-02', session: plan.session, carried: plan.carried });
    assert.match(draft.text, /\n## Agreements\n\n- \[ \] Draft the email, due 2026-02-16\n- \[ \] Ask Tom for feedback\n- \[ \] \n$/);

    const { results } = lintBatch([{ path: join(ROOT, 'maria', 'a.coach.md'), text: previous }, { path: join(ROOT, 'maria', 'b.coach.md'), text: draft.text }], setup);
    const drafted = results.find((r) => r.path.endsWith('b.coach.md'));
    assert.deepEqual(drafted?.findings.filter((f) => f.ruleId === 'agreement-follow-up'), [], 'no agreement is left behind');
    assert.equal(drafted?.summary.session, 3);

    const lines = draft.text.slice(0, draft.cursor).split('\n');
    assert.equal(draft.text.slice(draft.cursor, draft.cursor + 2), '\n\n', 'an empty line with a blank line after it');
    assert.equal(lines[lines.length - 1], '');
    assert.equal(lines[lines.length - 2], '', 'and a blank line before it');
    // Typing there is evidence for the first marker, and only for it.
    const typed = draft.text.slice(0, draft.cursor) + 'Asked how her week had been.' + draft.text.slice(draft.cursor);
    const summary = summarize(parseWith(setup, { path: '/n.coach.md', text: typed }), setup);
    assert.deepEqual(summary.evidenced, ['3.1']);
    assert.deepEqual(summarize(parseWith(setup, { path: '/n.coach.md', text: draft.text }), setup).evidenced, [], 'the untouched draft evidences nothing');
  });

  it('a framework without markers: the cursor goes below the title', () => {
    const draft = sessionNoteDraft({ ...trust, markers: [] }, { client: 'Bo', date: '2026-03-03' });
    assert.equal(draft.text.slice(0, draft.cursor).split('\n').slice(-3).join('|'), '# Session with Bo||');
    assert.ok(draft.text.slice(draft.cursor).startsWith('\n\n## Agreements\n'));
  });

  it('a new client gets a folder of their own, unless the workspace keeps every note in its root', () => {
    const perClient = summaries({ 'priya/priya-2026-02-20.coach.md': note('Priya', '2026-02-20'), 'alex-2026-02-21.coach.md': note('Alex', '2026-02-21') });
    assert.equal(clientFolder(perClient, 'Sam Okafor', ROOT), join(ROOT, 'sam-okafor'));
    assert.equal(clientFolder([], 'Sam Okafor', ROOT), join(ROOT, 'sam-okafor'), 'no notes yet: a folder per client, as the examples do');
    const flat = summaries({ 'priya-2026-02-20.coach.md': note('Priya', '2026-02-20'), 'alex-2026-02-21.coach.md': note('Alex', '2026-02-21') });
    assert.equal(clientFolder(flat, 'Sam Okafor', ROOT), ROOT);
    const elsewhere = [...flat, ...summaries({ '../other/x.coach.md': note('Zed', '2026-01-01') })];
    assert.equal(clientFolder(elsewhere, 'Sam Okafor', ROOT), ROOT, 'notes outside the root do not count');
    const plan = planNewSession({ client: 'Sam Okafor', date: '2026-03-02', root: ROOT, summaries: perClient });
    assert.deepEqual([plan.session, plan.carried], [1, []]);
  });

  it('never takes a name in use, whatever its case', () => {
    assert.equal(freeFileName('sam-2026-03-02.coach.md', ['other.coach.md']), 'sam-2026-03-02.coach.md');
    assert.equal(freeFileName('sam-2026-03-02.coach.md', ['Sam-2026-03-02.coach.md', 'sam-2026-03-02-2.coach.md']), 'sam-2026-03-02-3.coach.md');
  });

  it('makes a file-name part of any client name', () => {
    assert.equal(clientSlug('  Zoë O\'Neil '), 'zoe-o-neil');
    assert.equal(clientSlug('C-014'), 'c-014');
    assert.equal(clientSlug('李雷'), 'client');
  });
});
