import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from '../support/io';
import { tempWorkspace } from '../support/setup';
import { session } from './support';

const WORKSPACE: Record<string, string> = {
  '.coach/config.yaml': 'credential:\n  training_start: 2025-09-01\n',
  'ana/0.coach.md': session('client: Ana Silva\ndate: 2025-08-01\nduration: 60'),
  'ana/1.coach.md': session('client: Ana Silva\nclient_id: A1\ndate: 2025-10-01\nduration: 60'),
  'ana/2.coach.md': session('client: Ana Costa\nclient_id: A1\ndate: 2026-01-05\nduration: 60\npaid: false'),
  'ben/1.coach.md': session('client: "=HYPERLINK(\\"http://x\\")"\ndate: 2025-11-01\nduration: 45'),
  'team/1.coach.md': session('client: Leads\ndate: 2025-12-01\nduration: 90\ntype: group\ngroup_size: 4'),
};

describe('coach-notes log', () => {
  const root = tempWorkspace(WORKSPACE);

  it('prints progress toward each credential and names the notes that do not count', async () => {
    const r = await cli(['log', root, '--as-of', '2026-03-31']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /4 sessions counted up to 31 March 2026, from the start of your training on 1 September 2025\./);
    assert.match(r.out, /4\.25 hours \(3\.25 paid, 1 pro bono; 2\.75 individual, 1\.5 group\), 6 clients/);
    assert.match(r.out, /Associate Certified Coach \(ACC\): not yet\n {2}Coaching hours +4\.25 of 100 +95\.75 to go/);
    assert.match(r.out, /ana\/0\.coach\.md: dated 2025-08-01, before your training started/);
  });

  it('shows one credential with --credential, and refuses an unknown one', async () => {
    const r = await cli(['log', root, '--as-of', '2026-03-31', '--credential', 'pcc']);
    assert.doesNotMatch(r.out, /Associate Certified Coach/);
    assert.match(r.out, /Professional Certified Coach \(PCC\): not yet/);
    const bad = await cli(['log', root, '--credential', 'xyz']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--credential must be one of acc, pcc, mcc/);
  });

  it('prints the progress data as JSON', async () => {
    const r = await cli(['log', root, '--as-of', '2026-03-31', '--format', 'json']);
    const data = JSON.parse(r.out) as { progress: { minutes: number; clients: number }; log: { client: string }[] };
    assert.deepEqual([data.progress.minutes, data.progress.clients, data.log.length], [255, 6, 3]);
  });

  it('writes the ICF coaching log for the whole period as CSV, one client across a rename, formulas defused', async () => {
    const r = await cli(['log', root, '--as-of', '2026-03-31', '--format', 'csv']);
    assert.equal(r.code, 0, r.err);
    const lines = r.out.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.deepEqual(lines, [
      'Client,Contact,Individual/Group,Group size,Start date,End date,Sessions,Paid hours,Pro bono hours',
      `"'=HYPERLINK(""http://x"")",,Individual,,2025-11-01,2025-11-01,1,0.75,0`,
      'Ana Costa,,Individual,,2025-10-01,2026-01-05,2,1,1',
      'Leads,,Group,4,2025-12-01,2025-12-01,1,1.5,0',
    ]);
  });

  it('pseudonymizes by client, leaving no name or path anywhere', async () => {
    for (const format of ['text', 'json', 'csv']) {
      const r = await cli(['log', root, '--as-of', '2026-03-31', '--format', format, '--pseudonymize']);
      for (const name of ['Ana', 'Silva', 'Costa', 'HYPERLINK', 'Leads', 'ana/', 'team/']) assert.ok(!r.out.includes(name), `${format} mentions ${name}`);
      assert.match(r.out, /Client [A-D]/);
    }
  });

  it('writes --out atomically and never over an existing file', async () => {
    const dir = tempWorkspace({});
    const first = await cli(['log', root, '--as-of', '2026-03-31', '--format', 'csv', '--out', 'logs/'], dir);
    assert.equal(first.code, 0, first.err);
    const file = join(dir, 'logs', 'icf-coaching-log-2026-03-31.csv');
    const written = readFileSync(file, 'utf8');
    const again = await cli(['log', root, '--as-of', '2026-03-31', '--format', 'csv', '--out', file]);
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists/);
    assert.equal(readFileSync(file, 'utf8'), written);
    assert.deepEqual(readdirSync(join(dir, 'logs')), ['icf-coaching-log-2026-03-31.csv'], 'no temporary file left behind');
  });

  it('writes no empty CSV when nothing counts, and rejects a bad --as-of', async () => {
    const empty = tempWorkspace({ 'a.coach.md': session('client: Ana\ndate: 2026-01-05') });
    const r = await cli(['log', empty, '--format', 'csv']);
    assert.deepEqual([r.code, r.out], [1, '']);
    assert.match(r.err, /no session counts toward a credential/);
    assert.equal((await cli(['log', empty, '--as-of', '2026-02-30'])).code, 2);
  });

  it('counts every session, and says so, without credential.training_start', async () => {
    const bare = tempWorkspace({ 'a.coach.md': session('client: Ana\ndate: 2020-01-05\nduration: 60') });
    const r = await cli(['log', bare, '--as-of', '2026-03-31']);
    assert.match(r.out, /1 session counted up to 31 March 2026\. `credential\.training_start` is not set/);
  });

  it('uses the workspace’s own requirements from .coach/credentials.yaml, and the built-in ones when that file is broken', async () => {
    const builtin = readFileSync(join(__dirname, '..', '..', '..', 'credentials', 'icf.yaml'), 'utf8');
    // A test figure, not ICF's: what matters is that the workspace's file is the one counted.
    const own = builtin.replace(/(- id: mcc[\s\S]*?clients: 35\n)/, '$1    recent: { hours: 200, months: 18 }\n');
    assert.notEqual(own, builtin);
    const mine = tempWorkspace({ ...WORKSPACE, '.coach/credentials.yaml': own });
    const r = await cli(['log', mine, '--as-of', '2026-03-31', '--credential', 'mcc']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Hours in the last 18 months +4\.25 of 200/);
    assert.doesNotMatch(r.out, /not recorded here/);

    const plain = await cli(['log', root, '--as-of', '2026-03-31', '--credential', 'mcc']);
    assert.doesNotMatch(plain.out, /Hours in the last 18 months/);
    assert.match(plain.out, /not recorded here, so check it on ICF's page before you apply \(add it to \.coach\/credentials\.yaml/);

    const broken = tempWorkspace({ ...WORKSPACE, '.coach/credentials.yaml': own.replace('hours: 2500', 'hours: lots') });
    const b = await cli(['log', broken, '--as-of', '2026-03-31', '--credential', 'mcc']);
    assert.match(b.err, /credentials\.yaml:\d+:\d+/);
    assert.match(b.out, /Coaching hours +4\.25 of 2500/);
    assert.doesNotMatch(b.out, /of 200\b/);
  });
});
