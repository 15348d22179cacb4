import type { MarkerRow, ReportData } from '../../../src/core/report/types';

/** Report data written by hand, shared by the renderer unit tests and the browser check. */

const TRUST = [
  ['3.1', 'Genuine concern', "Shows genuine concern for the client's welfare and future."],
  ['3.2', 'Integrity and honesty', 'Continuously demonstrates personal integrity, honesty and sincerity.'],
  ['3.3', 'Clear agreements', 'Establishes clear agreements and keeps promises.'],
  ['3.4', 'Respect for the client', "Demonstrates respect for the client's perceptions, learning style and personal being."],
  ['3.5', 'Championing new behaviours', 'Provides ongoing support for and champions new behaviours and actions, including those involving risk-taking and fear of failure.'],
  ['3.6', 'Permission in sensitive areas', 'Asks permission to coach the client in sensitive, new areas.'],
] as const;

function marker(i: number, notes: number, total: number, prev: [number, number] | null): MarkerRow {
  const [id, title, description] = TRUST[i] ?? TRUST[0];
  const coverage = notes / total;
  const previous = prev ? { notes: prev[0], total: prev[1], coverage: prev[0] / prev[1] } : null;
  return {
    framework: 'icf-trust',
    id,
    title,
    description,
    notes,
    total,
    coverage,
    previous,
    deltaPoints: previous ? Math.round(coverage * 100) - Math.round(previous.coverage * 100) : null,
  };
}

/** A realistic quarter: 12 notes, 4 clients, one group engagement, one pro bono client. */
export function realisticReport(): ReportData {
  const markers = [
    marker(0, 11, 12, [9, 10]), // 92%, prev 90% → +2
    marker(1, 9, 12, [8, 10]), // 75%, prev 80% → −5
    marker(2, 12, 12, [10, 10]), // 100%, no change
    marker(3, 8, 12, [5, 10]), // 67%, prev 50% → +17
    marker(4, 6, 12, [6, 10]), // 50%, prev 60% → −10
    marker(5, 4, 12, [1, 10]), // 33%, prev 10% → +23
  ];
  const focusIds = ['3.6', '3.5', '3.4'];
  return {
    schemaVersion: 1,
    quarter: '2026-Q1',
    period: { start: '2026-01-01', end: '2026-03-31', firstMonth: 1 },
    previousQuarter: '2025-Q4',
    frameworks: [{ id: 'icf-trust', name: 'ICF 3: Establishing Trust and Intimacy with the Client', notes: 12 }],
    pseudonymized: false,
    totals: {
      notes: 12,
      clients: 4,
      minutes: 820,
      hours: 820 / 60,
      paidHours: 640 / 60,
      proBonoHours: 180 / 60,
      individualHours: 550 / 60,
      groupHours: 270 / 60,
      individualNotes: 9,
      groupNotes: 3,
      notesWithoutDuration: 0,
    },
    markers,
    focus: focusIds.map((id) => markers.find((m) => m.id === id)).filter((m): m is MarkerRow => m !== undefined),
    matrix: {
      clients: ['Dana Okafor', 'Northwind team leads', 'Sam Lee', 'Tomás Reyes'],
      markers: TRUST.map(([id, title]) => ({ framework: 'icf-trust', id, title })),
      cells: [
        [4, 3, 4, 3, 2, 2].map((evidenced) => ({ evidenced, sessions: 4 })),
        [3, 2, 3, 2, 1, 0].map((evidenced) => ({ evidenced, sessions: 3 })),
        [2, 2, 2, 1, 1, 1].map((evidenced) => ({ evidenced, sessions: 2 })),
        [2, 2, 3, 2, 2, 1].map((evidenced) => ({ evidenced, sessions: 3 })),
      ],
    },
    signals: {
      judgmentalByMonth: [
        { month: '2026-01', findings: 3, notes: 3 },
        { month: '2026-02', findings: 1, notes: 4 },
        { month: '2026-03', findings: 0, notes: 5 },
      ],
      sensitive: {
        withPermission: 4,
        withoutPermission: 2,
        topics: [
          { id: 'health', label: 'Health', withPermission: 2, withoutPermission: 1 },
          { id: 'grief', label: 'Grief and loss', withPermission: 1, withoutPermission: 1 },
          { id: 'money', label: 'Money', withPermission: 1, withoutPermission: 0 },
        ],
      },
      agreements: { made: 14, kept: 9, carriedForward: 3, neverRevisited: 2, overdueAtEnd: 4, followThroughRate: 12 / 14 },
    },
    notes: [
      ['2026-01-12', 'Dana Okafor', 4, [], 'dana-okafor/dana-okafor-2026-01-12.coach.md'],
      ['2026-01-19', 'Tomás Reyes', 1, ['3.6'], 'tomas-reyes/tomas reyes 2026-01-19.coach.md'],
      ['2026-01-27', 'Northwind team leads', 2, ['3.6'], 'northwind-team-leads/northwind-team-leads-2026-01-27.coach.md'],
      ['2026-02-09', 'Dana Okafor', 5, ['3.5'], 'dana-okafor/dana-okafor-2026-02-09.coach.md'],
      ['2026-02-10', 'Sam Lee', 1, ['3.4', '3.6'], 'sam-lee/sam-lee-2026-02-10.coach.md'],
      ['2026-02-16', 'Tomás Reyes', 2, ['3.2'], 'tomas-reyes/tomas reyes 2026-02-16.coach.md'],
      ['2026-02-24', 'Northwind team leads', 3, ['3.2', '3.4', '3.5', '3.6'], 'northwind-team-leads/northwind-team-leads-2026-02-24.coach.md'],
      ['2026-03-02', 'Dana Okafor', 6, ['3.6'], 'dana-okafor/dana-okafor-2026-03-02.coach.md'],
      ['2026-03-09', 'Sam Lee', 2, ['3.5'], 'sam-lee/sam-lee-2026-03-09.coach.md'],
      ['2026-03-16', 'Tomás Reyes', 3, ['3.4', '3.5', '3.6'], 'tomas-reyes/tomas reyes 2026-03-16.coach.md'],
      ['2026-03-23', 'Northwind team leads', 4, ['3.5', '3.6'], 'northwind-team-leads/northwind-team-leads-2026-03-23.coach.md'],
      ['2026-03-30', 'Dana Okafor', null, ['3.2', '3.4', '3.5'], 'dana-okafor/dana-okafor-2026-03-30.coach.md'],
    ].map(([date, client, session, missing, path]) => ({
      date: date as string,
      client: client as string,
      session: session as number | null,
      framework: 'icf-trust',
      missing: missing as string[],
      path: path as string,
    })),
    engagements: [
      { client: 'Dana Okafor', start: '2026-01-12', end: '2026-03-30', type: 'individual', groupSize: null, sessions: 4, paidHours: 4, proBonoHours: 0 },
      { client: 'Northwind team leads', start: '2026-01-27', end: '2026-03-23', type: 'group', groupSize: 5, sessions: 3, paidHours: 4.5, proBonoHours: 0 },
      { client: 'Sam Lee', start: '2026-02-10', end: '2026-03-09', type: 'individual', groupSize: null, sessions: 2, paidHours: 0, proBonoHours: 1.5 },
      { client: 'Tomás Reyes', start: '2026-01-19', end: '2026-03-16', type: 'individual', groupSize: null, sessions: 3, paidHours: 2.1666666666666665, proBonoHours: 1.5 },
    ],
    excluded: [{ path: 'drafts/untitled.coach.md', reason: '`date` 2026-02-30 is not a day on the calendar.' }],
  };
}

/** The same quarter, pseudonymized: client labels, no paths. */
export function pseudonymizedReport(): ReportData {
  const data = realisticReport();
  const names = new Map(data.matrix.clients.map((c, i) => [c, `Client ${String.fromCharCode(65 + i)}`]));
  const label = (c: string) => names.get(c) ?? 'Client ?';
  return {
    ...data,
    pseudonymized: true,
    matrix: { ...data.matrix, clients: data.matrix.clients.map(label) },
    notes: data.notes.map((n) => ({ ...n, client: label(n.client), path: null })),
    engagements: data.engagements.map((e) => ({ ...e, client: label(e.client) })),
    excluded: data.excluded.map((_, i) => ({ path: `note ${i + 1} (path hidden)`, reason: 'The frontmatter is not valid.' })),
  };
}

/** A quarter without notes (buildReport signals it; renderers must still say so clearly). */
export function emptyReport(): ReportData {
  return {
    schemaVersion: 1,
    quarter: '2026-Q2',
    period: { start: '2026-04-01', end: '2026-06-30', firstMonth: 1 },
    previousQuarter: '2026-Q1',
    frameworks: [],
    pseudonymized: false,
    totals: { notes: 0, clients: 0, minutes: 0, hours: 0, paidHours: 0, proBonoHours: 0, individualHours: 0, groupHours: 0, individualNotes: 0, groupNotes: 0, notesWithoutDuration: 0 },
    markers: [],
    focus: [],
    matrix: { clients: [], markers: [], cells: [] },
    signals: {
      judgmentalByMonth: [
        { month: '2026-04', findings: 0, notes: 0 },
        { month: '2026-05', findings: 0, notes: 0 },
        { month: '2026-06', findings: 0, notes: 0 },
      ],
      sensitive: { withPermission: 0, withoutPermission: 0, topics: [] },
      agreements: { made: 0, kept: 0, carriedForward: 0, neverRevisited: 0, overdueAtEnd: 0, followThroughRate: null },
    },
    notes: [],
    engagements: [],
    excluded: [],
  };
}

/** Payloads that must only ever appear as text. Each sets window.__pwned if it ever runs. */
export const HOSTILE = {
  script: '<script>window.__pwned=1;alert(1)</script>',
  img: '<img src=x onerror="window.__pwned=2;alert(1)">',
  svg: '<svg onload=window.__pwned=3>',
  mdLink: '](javascript:alert(1))',
  mdLink2: '[x](http://evil.example/steal)',
  image: '![x](http://evil.example/pixel.png)',
  pipes: 'A | B || C',
  backticks: '``` `code` ```',
  newline: 'line one\nline two\r\n# heading\n| a | b |',
  attr: '" onmouseover="window.__pwned=4" x="',
  formula: '=HYPERLINK("http://evil.example","click")',
};

/** Every string value of the report carries a payload. */
export function hostileReport(): ReportData {
  const data = realisticReport();
  const h = HOSTILE;
  const clients = [`Ana ${h.script}`, `Bo ${h.img} ${h.pipes}`, `Cy ${h.mdLink} ${h.mdLink2} ${h.image}`, `${h.formula} ${h.backticks} ${h.newline} ${h.attr} ${h.svg}`];
  const rename = new Map(data.matrix.clients.map((c, i) => [c, clients[i] ?? c]));
  const label = (c: string) => rename.get(c) ?? c;
  const evilTitle = (m: MarkerRow, i: number): MarkerRow => ({ ...m, title: i % 2 === 0 ? `${m.title} ${h.img}` : `${m.title} ${h.pipes} ${h.backticks}`, description: `${m.description} ${h.script} ${h.mdLink2}` });
  const markers = data.markers.map(evilTitle);
  return {
    ...data,
    quarter: `2026-Q1 ${h.script}`,
    previousQuarter: `2025-Q4 ${h.pipes}`,
    frameworks: [{ id: 'icf-trust', name: `ICF ${h.img} ${h.mdLink2} ${h.pipes}`, notes: 12 }],
    markers,
    focus: data.focus.map((f) => markers.find((m) => m.id === f.id) ?? f),
    matrix: { ...data.matrix, clients: data.matrix.clients.map(label), markers: data.matrix.markers.map((m, i) => ({ ...m, title: `${m.title} ${i % 2 ? h.script : h.pipes}` })) },
    signals: {
      ...data.signals,
      sensitive: { ...data.signals.sensitive, topics: data.signals.sensitive.topics.map((t) => ({ ...t, label: `${t.label} ${h.img} ${h.pipes}` })) },
    },
    notes: data.notes.map((n, i) => ({ ...n, client: label(n.client), missing: n.missing.map((m) => `${m}${i === 1 ? ` ${h.pipes}` : ''}`), path: `evil/${h.mdLink} ${h.script} ${h.attr}/${i} (1) #x?y.coach.md` })),
    engagements: data.engagements.map((e) => ({ ...e, client: label(e.client) })),
    excluded: [
      { path: `javascript:alert(1)//${h.img}.coach.md`, reason: `${h.script} ${h.mdLink2} ${h.pipes} ${h.newline}` },
      { path: `x/${h.pipes}.coach.md`, reason: h.attr },
    ],
  };
}

/** Two frameworks in one quarter: the coach's main one and the 37-marker PCC set (synthetic titles). */
export function twoFrameworkReport(): ReportData {
  const data = realisticReport();
  const counts: Record<string, number> = { '3': 4, '4': 4, '5': 5, '6': 8, '7': 8, '8': 8 };
  const pccIds = Object.entries(counts).flatMap(([c, n]) => Array.from({ length: n }, (_, i) => `${c}.${i + 1}`));
  const total = 5;
  const pcc: MarkerRow[] = pccIds.map((id, i) => {
    const notes = (i * 3) % (total + 1);
    return { framework: 'icf-pcc-2020', id, title: `PCC marker ${id} with a longer title`, description: `What marker ${id} asks.`, notes, total, coverage: notes / total, previous: null, deltaPoints: null };
  });
  const clients = [...data.matrix.clients, 'Rin Sato'];
  const markers = [...data.matrix.markers, ...pcc.map((m) => ({ framework: m.framework, id: m.id, title: m.title }))];
  return {
    ...data,
    frameworks: [...data.frameworks, { id: 'icf-pcc-2020', name: 'ICF PCC Markers (2020)', notes: total }],
    totals: { ...data.totals, notes: data.totals.notes + total, clients: 5, notesWithoutDuration: 2 },
    markers: [...data.markers, ...pcc],
    matrix: {
      clients,
      markers,
      cells: clients.map((_, row) =>
        markers.map((m, k) => {
          const trust = m.framework === 'icf-trust';
          if (row === 4) return trust ? { evidenced: 0, sessions: 0 } : { evidenced: k % 6, sessions: 5 };
          return trust ? (data.matrix.cells[row]?.[k] ?? { evidenced: 0, sessions: 0 }) : { evidenced: 0, sessions: 0 };
        }),
      ),
    },
    notes: [...data.notes, ...['2026-01-05', '2026-02-02', '2026-02-23', '2026-03-09', '2026-03-30'].map((date, i) => ({ date, client: 'Rin Sato', session: i + 1, framework: 'icf-pcc-2020', missing: [], path: `rin-sato/${date}.coach.md` }))],
  };
}
