import { codeFence, codeSpans, codeText, escapeMarkdown as md, keepEdges } from './escape';
import {
  chunks,
  delta,
  evidenceSentence,
  FOOTER,
  hours,
  hoursLabel,
  judgmentalTotals,
  longDate,
  markersByFramework,
  MATRIX_COLUMNS,
  monthName,
  noteHref,
  percent,
  periodLabel,
  plural,
  yearLabel,
  type RenderOptions,
} from './format';
import { checkFigure, checkLabel, checkRatio, countingSentence, estimateSentence, statusWord, totalsSentence } from '../credential/format';
import type { CheckId, CredentialStatus } from '../credential/progress';
import type { MarkerRow, ReportData } from './types';

/**
 * The quarterly coverage report as Markdown, for VS Code's preview (CommonMark + GFM tables).
 * Every value from the notes is escaped; links to notes are relative and percent-encoded.
 */
export function renderMarkdown(data: ReportData, options: RenderOptions = {}): string {
  const out: string[] = [];
  out.push(`# Marker coverage report: ${md(data.quarter)}`, '', ...header(data));
  if (data.totals.notes === 0) {
    out.push('## No notes in this quarter', '', `There are no session notes dated between ${md(longDate(data.period.start))} and ${md(longDate(data.period.end))}, so there is nothing to report.`, '');
  } else {
    out.push(...coverage(data), ...focus(data), ...matrix(data), ...signals(data), ...notes(data, options));
  }
  out.push(...credential(data), ...excluded(data, options), ...footer(data, options));
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n*$/, '\n');
}

function header(data: ReportData): string[] {
  const t = data.totals;
  const lines = [
    `- **Period:** ${md(data.quarter)}, ${md(periodLabel(data.period))} (${md(yearLabel(data.period.firstMonth))})`,
    `- **Compared with:** ${md(data.previousQuarter)}`,
  ];
  if (data.frameworks.length > 0) {
    const names = data.frameworks.map((f) => `${md(f.name)} — ${plural(f.notes, 'note')}`).join('; ');
    lines.push(`- **${data.frameworks.length === 1 ? 'Framework' : 'Frameworks'}:** ${names}`);
  }
  lines.push(
    `- **Notes:** ${t.notes} (${t.individualNotes} individual, ${t.groupNotes} group)`,
    `- **Clients:** ${t.clients}${data.pseudonymized ? ' (pseudonymized)' : ''}`,
    `- **Coaching hours:** ${hoursLabel(t.hours)}: ${hours(t.paidHours)} paid, ${hours(t.proBonoHours)} pro bono; ${hours(t.individualHours)} individual, ${hours(t.groupHours)} group`,
  );
  if (t.notesWithoutDuration > 0) lines.push(`  (${plural(t.notesWithoutDuration, 'note has', 'notes have')} no \`duration\` and add no hours)`);
  return [...lines, ''];
}

/** A GFM table; cells must already be escaped. */
function table(head: string[], align: ('l' | 'r' | 'c')[], rows: string[][]): string[] {
  const sep = align.map((a) => (a === 'r' ? '---:' : a === 'c' ? ':---:' : '---'));
  const line = (cells: string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(head), line(sep), ...rows.map(line), ''];
}

const BAR_WIDTH = 20;

function bar(ratio: number): string {
  const filled = Math.round(Math.min(1, Math.max(0, ratio)) * BAR_WIDTH);
  return '█'.repeat(filled) + '░'.repeat(BAR_WIDTH - filled);
}

function truncate(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text.padEnd(width) : `${chars.slice(0, width - 1).join('')}…`;
}

/** Unicode bars in a code block: monospace keeps them aligned in any preview. */
function barChart(rows: MarkerRow[]): string[] {
  const labels = rows.map((m) => codeText(`${m.id} ${m.title}`));
  const width = Math.min(36, Math.max(...labels.map((l) => [...l].length)));
  const body = rows
    .map((m, i) => {
      const change = m.deltaPoints === null ? '' : `  ${delta(m.deltaPoints)}`;
      return `${truncate(labels[i] ?? '', width)}  ${bar(m.coverage)} ${String(percent(m.coverage)).padStart(3)}%${change}`;
    })
    .join('\n');
  const fence = codeFence(body);
  return [`${fence}text`, body, fence, ''];
}

function coverage(data: ReportData): string[] {
  const compared = data.markers.some((m) => m.previous !== null)
    ? `Change is in percentage points against ${md(data.previousQuarter)}.`
    : `There are no notes in ${md(data.previousQuarter)} to compare with.`;
  const out = ['## Marker coverage', '', `How many of the quarter's notes hold evidence for each marker: an evidenced section or an inline tag. ${compared}`, ''];
  const groups = markersByFramework(data, data.markers);
  for (const g of groups) {
    if (groups.length > 1) out.push(`### ${md(g.name)}`, '');
    out.push(
      ...table(
        ['Marker', 'Evidenced in', 'Coverage', `Change vs ${md(data.previousQuarter)}`],
        ['l', 'r', 'r', 'l'],
        g.rows.map((m) => [`**${md(m.id)}** ${md(m.title)}`, `${m.notes}/${m.total}`, `${percent(m.coverage)}%`, delta(m.deltaPoints)]),
      ),
      ...barChart(g.rows),
    );
  }
  return out;
}

function focus(data: ReportData): string[] {
  const out = ['## Focus for next quarter', ''];
  if (data.focus.length === 0) return [...out, 'Every marker is evidenced in every note this quarter: nothing stands out.', ''];
  out.push('The least-evidenced markers this quarter, with what each one asks of you:', '');
  data.focus.forEach((m, i) => {
    out.push(`${i + 1}. **${md(m.id)} ${md(m.title)}**: ${evidenceSentence(m)}${m.deltaPoints === null ? '' : `, ${delta(m.deltaPoints)}`}.`);
    if (m.description.trim() !== '') out.push('', `   *${md(m.description)}*`, '');
  });
  return [...out, ''];
}

/** “✓ 3/3” when every session shows the marker, “2/3” when some do, “–” when the client had none of that framework. */
function cell(c: { evidenced: number; sessions: number } | undefined): string {
  if (!c || c.sessions === 0) return '–';
  return c.evidenced === c.sessions ? `✓ ${c.evidenced}/${c.sessions}` : `${c.evidenced}/${c.sessions}`;
}

function matrix(data: ReportData): string[] {
  const m = data.matrix;
  const out = ['## Clients and markers', '', "Sessions with evidence for each marker, out of the client's sessions this quarter. ✓ marks a marker evidenced in every session.", ''];
  const indexed = m.markers.map((marker, index) => ({ ...marker, index }));
  const groups = markersByFramework(data, indexed);
  for (const g of groups) {
    const clients = m.clients.map((name, row) => ({ name, row })).filter(({ row }) => g.rows.some((k) => (m.cells[row]?.[k.index]?.sessions ?? 0) > 0));
    if (groups.length > 1) out.push(`### ${md(g.name)}`, '');
    for (const cols of chunks(g.rows, MATRIX_COLUMNS)) {
      out.push(
        ...table(
          ['Client', ...cols.map((k) => md(k.id))],
          ['l', ...cols.map((): 'c' => 'c')],
          clients.map(({ name, row }) => [md(name), ...cols.map((k) => cell(m.cells[row]?.[k.index]))]),
        ),
      );
    }
    out.push(`Markers: ${g.rows.map((k) => `${md(k.id)} ${md(k.title)}`).join(' · ')}`, '');
  }
  return out;
}

function signals(data: ReportData): string[] {
  const s = data.signals;
  const judged = judgmentalTotals(data);
  const out = ['## Trust practice signals', '', '### Judgmental language', ''];
  out.push(
    judged.findings === 0
      ? 'No judgmental wording was flagged in this quarter’s notes.'
      : `${plural(judged.findings, 'finding')} of judgmental wording in ${plural(judged.notes, 'note')}.`,
    '',
    ...table(
      ['Month', 'Notes', 'Findings', 'Per note'],
      ['l', 'r', 'r', 'r'],
      s.judgmentalByMonth.map((m) => [md(monthName(m.month)), String(m.notes), String(m.findings), m.notes === 0 ? '—' : (m.findings / m.notes).toFixed(1)]),
    ),
  );

  const sens = s.sensitive;
  const touched = sens.withPermission + sens.withoutPermission;
  out.push('### Sensitive areas', '');
  if (touched === 0) out.push('No note touched a sensitive area this quarter.', '');
  else {
    out.push(
      `${plural(touched, 'note')} touched a sensitive area: ${sens.withPermission} with a recorded permission check, ${sens.withoutPermission} without.`,
      '',
      ...table(
        ['Topic', 'With permission check', 'Without'],
        ['l', 'r', 'r'],
        sens.topics.map((t) => [md(t.label), String(t.withPermission), t.withoutPermission > 0 ? `**${t.withoutPermission}**` : '0']),
      ),
    );
  }

  const a = s.agreements;
  out.push(
    '### Agreements',
    '',
    ...table(
      ['Agreements', 'Count'],
      ['l', 'r'],
      [
        ['Made this quarter', String(a.made)],
        ['Kept', String(a.kept)],
        ['Carried forward, still open', String(a.carriedForward)],
        ['Never revisited', String(a.neverRevisited)],
        ['Overdue at the quarter’s end', String(a.overdueAtEnd)],
        ['**Follow-through rate**', a.followThroughRate === null ? '—' : `**${percent(a.followThroughRate)}%**`],
      ],
    ),
    a.followThroughRate === null
      ? 'No open agreement from an earlier session was due a follow-up this quarter.'
      : 'Follow-through: agreements a later note revisited this quarter (kept, or carried forward), out of those and the ones the client’s next note never took up. An agreement carried over several sessions counts once.',
    '',
  );
  return out;
}

/** Credential progress as of the quarter's end: a table per credential and text bars toward the next one. */
function credential(data: ReportData): string[] {
  const p = data.credential;
  if (!p) return [];
  const out = ['## ICF credential progress', '', withCode(countingSentence(p)), '', withCode(totalsSentence(p)), ''];
  const cell = (c: CredentialStatus, id: CheckId) => {
    const k = c.checks.find((x) => x.id === id);
    return k ? `${checkFigure(k)}${k.met ? ' ✓' : ''}` : '—';
  };
  out.push(
    ...table(
      ['Credential', 'Coaching hours', 'Paid hours', 'Clients', `Last ${p.recent.months} months`, 'Status'],
      ['l', 'r', 'r', 'r', 'r', 'l'],
      p.credentials.map((c) => [md(c.name), cell(c, 'hours'), cell(c, 'paidHours'), cell(c, 'clients'), cell(c, 'recentHours'), c.met ? `**${md(statusWord(c))}**` : md(statusWord(c))]),
    ),
  );
  const target = p.credentials.find((c) => c.id === p.next?.id);
  if (target && !target.met) {
    const labels = target.checks.map((k) => codeText(checkLabel(k)));
    const width = Math.max(...labels.map((l) => [...l].length));
    const body = target.checks.map((k, i) => `${truncate(labels[i] ?? '', width)}  ${bar(checkRatio(k))} ${checkFigure(k)}`).join('\n');
    const fence = codeFence(body);
    out.push(`Toward the ${md(target.id.toUpperCase())}:`, '', `${fence}text`, body, fence, '');
  }
  out.push(md(estimateSentence(p)), '');
  for (const c of p.credentials) if (c.unrecorded) out.push(`*${md(c.unrecorded)}*`, '');
  if (p.notLogged > 0) out.push(withCode(`${plural(p.notLogged, 'session')} with \`icf_log: false\` left out: not coaching hours.`), '');
  if (p.leftOut.length > 0) {
    out.push(`${plural(p.leftOut.length, 'note')} could count but ${p.leftOut.length === 1 ? 'does' : 'do'} not:`, '');
    for (const l of p.leftOut) out.push(`- ${md(l.note)}: ${withCode(l.reason)}`);
    out.push('');
  }
  out.push(`Requirements: ${md(p.source.name)}, checked ${md(longDate(p.source.checked))}.`, '');
  return out;
}

function notes(data: ReportData, options: RenderOptions): string[] {
  const several = data.frameworks.length > 1;
  const head = ['Date', 'Client', 'Session', ...(several ? ['Framework'] : []), 'Missing markers'];
  const rows = data.notes.map((n) => {
    const href = noteHref(n.path, options.linkBase);
    const date = href ? `[${md(n.date)}](${href})` : md(n.date);
    const missing = n.missing.length === 0 ? '✓ none' : n.missing.map(md).join(', ');
    return [date, md(n.client), n.session === null ? '—' : String(n.session), ...(several ? [md(n.framework)] : []), missing];
  });
  const out = ['## Session notes', ''];
  out.push(data.pseudonymized ? 'Paths are left out because the report is pseudonymized.' : 'Each date links to its note.', '');
  return [...out, ...table(head, ['l', 'l', 'r', ...(several ? ['l' as const] : []), 'l'], rows)];
}

function excluded(data: ReportData, options: RenderOptions): string[] {
  const out = ['## Notes left out', ''];
  if (data.excluded.length === 0) return [...out, 'None: every note in the workspace could be counted.', ''];
  out.push(`${plural(data.excluded.length, 'note')} could not be counted. Fix the frontmatter and generate the report again:`, '');
  for (const e of data.excluded) {
    const href = data.pseudonymized ? undefined : noteHref(e.path, options.linkBase);
    out.push(`- ${href ? `[${md(e.path)}](${href})` : md(e.path)}: ${withCode(e.reason)}`);
  }
  return [...out, ''];
}

/** Escaped text where `backtick spans` stay code spans: their content is literal (no HTML, links or emphasis) and, by the split, free of backticks. */
function withCode(text: string): string {
  return codeSpans(text)
    .map((f) => (f.code ? `\`${f.text}\`` : keepEdges(f.text, md)))
    .join('');
}

function footer(data: ReportData, options: RenderOptions): string[] {
  const generated = options.generated ? ` on ${longDate(options.generated)}` : '';
  const lines = [`${FOOTER.generatedBy}${generated}.`, FOOTER.confidential, FOOTER.local];
  if (data.pseudonymized) lines.push(FOOTER.pseudonymized);
  return ['---', '', `*${md(lines.join(' '))}*`, ''];
}
