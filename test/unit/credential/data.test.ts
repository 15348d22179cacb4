import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../../src/core/config/load';
import { addDays, daysBetween, monthsBefore } from '../../../src/core/credential/dates';
import { builtinCredentialRules, parseCredentialRules } from '../../../src/core/credential/requirements';
import { summaries, session } from './support';

const FILE = join(__dirname, '..', '..', '..', 'credentials', 'icf.yaml');

describe('credential requirements data (credentials/icf.yaml)', () => {
  it('holds ICF’s published figures, with the source named', () => {
    const rules = builtinCredentialRules();
    assert.deepEqual(
      rules.credentials.map((c) => [c.id, c.hours, c.paidHours, c.clients, c.recent]),
      [
        ['acc', 100, 75, 8, { hours: 25, months: 18 }],
        ['pcc', 500, 450, 25, { hours: 50, months: 18 }],
        ['mcc', 2500, 2250, 35, null],
      ],
    );
    assert.deepEqual([rules.minutesPerHour, rules.maxGroupSize], [60, 15]);
    assert.match(rules.source.url, /^https:\/\/coachingfederation\.org\//);
    assert.match(rules.source.checked, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses data that breaks the schema, pointing at the field', () => {
    const text = readFileSync(FILE, 'utf8').replace('paid_hours: 75', 'paid_hours: lots');
    const { rules, problems } = parseCredentialRules(text, 'icf.yaml');
    assert.equal(rules, undefined, 'no half-read figures');
    assert.match(problems[0]?.field ?? '', /credentials\[0\]\.paid_hours/);
  });
});

describe('credential.training_start in .coach/config.yaml', () => {
  it('reads a calendar day', () => {
    const { config, problems } = parseConfig('credential:\n  training_start: 2025-09-01\n', 'config.yaml');
    assert.deepEqual([problems, config.credential.trainingStart], [[], '2025-09-01']);
  });

  it('reports a day that is not on the calendar, or a wrong shape, with its line', () => {
    const bad = parseConfig('framework: icf-trust\ncredential:\n  training_start: 2025-02-30\n', 'config.yaml');
    assert.equal(bad.config.credential.trainingStart, undefined);
    assert.deepEqual([bad.problems[0]?.line, bad.problems[0]?.field], [3, 'credential.training_start']);
    assert.match(parseConfig('credential:\n  training_start: September\n', 'c.yaml').problems[0]?.field ?? '', /credential\.training_start/);
    assert.match(parseConfig('credential:\n  start: 2025-09-01\n', 'c.yaml').problems[0]?.message ?? '', /not a known field/);
  });
});

describe('client_id in the frontmatter', () => {
  it('is read as text and kept in the summary', () => {
    const [s] = summaries({ 'a.coach.md': session('client: Maria\nclient_id: C-014\ndate: 2026-01-10') });
    assert.deepEqual([s?.valid, s?.clientId], [true, 'C-014']);
  });

  it('asks for quotes around a numeric id and refuses an empty one', () => {
    const [num, empty] = summaries({ 'n.coach.md': session('client: Maria\nclient_id: 0412\ndate: 2026-01-10'), 'e.coach.md': session('client: Maria\nclient_id: ""\ndate: 2026-01-10') });
    assert.equal(num?.valid, false);
    assert.match(num?.invalidReason ?? '', /`client_id: "0412"`/);
    assert.equal(empty?.valid, false);
    assert.match(empty?.invalidReason ?? '', /`client_id` should be a code/);
  });
});

describe('credential dates (UTC, no library)', () => {
  it('goes back months to the same day, or the last day of a shorter month', () => {
    assert.equal(monthsBefore('2026-03-31', 18), '2024-09-30');
    assert.equal(monthsBefore('2026-08-31', 18), '2025-02-28');
    assert.equal(monthsBefore('2025-08-31', 18), '2024-02-29');
    assert.equal(monthsBefore('2026-01-15', 1), '2025-12-15');
  });

  it('counts days across a leap day and a daylight-saving change alike', () => {
    assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2);
    assert.equal(daysBetween('2026-03-28', '2026-03-30'), 2);
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});
