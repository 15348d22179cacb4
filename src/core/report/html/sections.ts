import { codeSpans, escapeAttr as attr, escapeHtml as esc, keepEdges } from '../escape';
import { chunks, delta, judgmentalTotals, markersByFramework, MATRIX_COLUMNS, noteHref, percent, plural, type RenderOptions } from '../format';
import type { ReportData } from '../types';
import { countingSentence, estimateSentence, totalsSentence } from '../../credential/format';
import { coverageChart, credentialChart, monthlyChart } from './charts';

/** The body sections of the HTML report. Every value is escaped here, at the point of use. */

function deltaCell(points: number | null): string {
  const cls = points === null || points === 0 ? 'same' : points > 0 ? 'up' : 'down';
  const spoken = points === null ? 'no previous quarter to compare' : points === 0 ? 'no change' : `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} percentage points`;
  return `<td class="num ${cls}"><span aria-hidden="true">${esc(delta(points))}</span><span class="sr">${esc(spoken)}</span></td>`;
}

export function coverageSection(data: ReportData): string {
  const groups = markersByFramework(data, data.markers);
  const prev = data.previousQuarter;
  const parts = groups.map((g, i) => {
    const focusHere = new Set(data.focus.filter((f) => f.framework === g.id).map((f) => f.id));
    const hasPrev = g.rows.some((m) => m.previous !== null);
    const rows = g.rows
      .map(
        (m) =>
          `<tr><td class="marker"><span class="id">${esc(m.id)}</span> ${esc(m.title)}</td><td class="num">${m.notes}/${m.total}</td><td class="num">${percent(m.coverage)}%</td>${deltaCell(m.deltaPoints)}</tr>`,
      )
      .join('');
    return (
      (groups.length > 1 ? `<h3>${esc(g.name)}</h3>` : '') +
      `<figure>${coverageChart(g.rows, focusHere, prev, `Marker coverage, ${g.name}`, i)}` +
      `<figcaption><span class="key"><span class="swatch"></span>Notes with evidence this quarter</span>` +
      (focusHere.size > 0 ? `<span class="key"><span class="swatch focus"></span>Focus for next quarter</span>` : '') +
      (hasPrev ? `<span class="key"><span class="swatch tick"></span>Previous quarter (${esc(prev)})</span>` : `<span class="key">No notes of this framework in ${esc(prev)} to compare with</span>`) +
      `</figcaption></figure>` +
      `<table class="coverage"><thead><tr><th scope="col">Marker</th><th scope="col" class="num">Evidenced in</th><th scope="col" class="num">Coverage</th><th scope="col" class="num">Change vs ${esc(prev)}</th></tr></thead><tbody>${rows}</tbody></table>`
    );
  });
  return (
    `<section id="coverage"><h2>Marker coverage</h2>` +
    `<p class="lead">How many of the quarter’s notes hold evidence for each marker: an evidenced section or an inline tag. ${
      data.markers.some((m) => m.previous !== null) ? `Change is in percentage points against ${esc(prev)}.` : `There are no notes in ${esc(prev)} to compare with.`
    }</p>` +
    parts.join('') +
    `</section>`
  );
}

export function focusSection(data: ReportData): string {
  if (data.focus.length === 0) {
    return `<section id="focus"><h2>Focus for next quarter</h2><p class="lead">Every marker is evidenced in every note this quarter: nothing stands out.</p></section>`;
  }
  const items = data.focus
    .map(
      (m, i) =>
        `<li><div class="rank">Focus ${i + 1}</div><h3><span class="id">${esc(m.id)}</span> ${esc(m.title)}</h3>` +
        `<p class="stat"><strong>${percent(m.coverage)}%</strong>, ${esc(`${m.notes} of ${plural(m.total, 'note')}`)}${m.deltaPoints === null ? '' : ` · <span class="${m.deltaPoints > 0 ? 'up' : m.deltaPoints < 0 ? 'down' : 'same'}">${esc(delta(m.deltaPoints))}</span>`}</p>` +
        (m.description.trim() === '' ? '' : `<p class="desc">${esc(m.description)}</p>`) +
        `</li>`,
    )
    .join('');
  return `<section id="focus"><h2>Focus for next quarter</h2><p class="lead">The least-evidenced markers this quarter, with what each one asks of you.</p><ol class="focus-list">${items}</ol></section>`;
}

/** Heat bucket of a cell: none of the sessions, under half, half or more, all. */
function heat(evidenced: number, sessions: number): string {
  if (sessions === 0) return 'hn';
  if (evidenced === 0) return 'h0';
  if (evidenced === sessions) return 'h3';
  return evidenced / sessions < 0.5 ? 'h1' : 'h2';
}

export function matrixSection(data: ReportData): string {
  const m = data.matrix;
  const indexed = m.markers.map((marker, index) => ({ ...marker, index }));
  const groups = markersByFramework(data, indexed);
  const parts = groups.map((g) => {
    const clients = m.clients.map((name, row) => ({ name, row })).filter(({ row }) => g.rows.some((k) => (m.cells[row]?.[k.index]?.sessions ?? 0) > 0));
    const pieces = chunks(g.rows, MATRIX_COLUMNS);
    const tables = pieces.map((cols) => {
      const head = cols.map((k) => `<th scope="col" title="${attr(`${k.id} ${k.title}`)}">${esc(k.id)}</th>`).join('');
      const body = clients
        .map(({ name, row }) => {
          const cells = cols
            .map((k) => {
              const c = m.cells[row]?.[k.index] ?? { evidenced: 0, sessions: 0 };
              const text = c.sessions === 0 ? '–' : `${c.evidenced}/${c.sessions}`;
              const label = c.sessions === 0 ? `${name}, ${k.id}: no sessions` : `${name}, ${k.id} ${k.title}: evidenced in ${c.evidenced} of ${plural(c.sessions, 'session')}`;
              return `<td class="${heat(c.evidenced, c.sessions)}" title="${attr(label)}"><span aria-hidden="true">${text}</span><span class="sr">${esc(label)}</span></td>`;
            })
            .join('');
          return `<tr><th scope="row">${esc(name)}</th>${cells}</tr>`;
        })
        .join('');
      return `<div class="table-wrap"><table class="heat${pieces.length === 1 ? ' single' : ''}"><thead><tr><th scope="col" class="client-col">Client</th>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
    });
    const key = g.rows.map((k) => `<li><b>${esc(k.id)}</b> ${esc(k.title)}</li>`).join('');
    return (groups.length > 1 ? `<h3>${esc(g.name)}</h3>` : '') + tables.join('') + `<ul class="marker-key">${key}</ul>`;
  });
  const legend =
    `<div class="legend" aria-hidden="true">` +
    [
      ['h3', 'all sessions'],
      ['h2', 'half or more'],
      ['h1', 'under half'],
      ['h0', 'none'],
    ]
      .map(([cls, text]) => `<span class="key"><span class="swatch heat ${cls}"></span>${text}</span>`)
      .join('') +
    (groups.length > 1 ? `<span class="key">– no sessions of that framework</span>` : '') +
    `</div>`;
  return (
    `<section id="clients"><h2>Clients and markers</h2>` +
    `<p class="lead">Sessions with evidence for each marker, out of the client’s sessions this quarter (evidenced/sessions).</p>` +
    legend +
    parts.join('') +
    `</section>`
  );
}

export function signalsSection(data: ReportData): string {
  const s = data.signals;
  const judged = judgmentalTotals(data);
  const judgmental =
    `<div><h3>Judgmental language</h3>` +
    `<p class="lead">${judged.findings === 0 ? 'No judgmental wording was flagged in this quarter’s notes.' : esc(`${plural(judged.findings, 'finding')} of judgmental wording in ${plural(judged.notes, 'note')}.`)}</p>` +
    `<figure>${monthlyChart(s.judgmentalByMonth)}</figure></div>`;

  const sens = s.sensitive;
  const touched = sens.withPermission + sens.withoutPermission;
  const sensitive =
    `<div><h3>Sensitive areas</h3>` +
    (touched === 0
      ? `<p class="lead">No note touched a sensitive area this quarter.</p>`
      : `<p class="lead">${esc(`${plural(touched, 'note')} touched a sensitive area: ${sens.withPermission} with a recorded permission check, ${sens.withoutPermission} without.`)}</p>` +
        `<table class="topics"><thead><tr><th scope="col">Topic</th><th scope="col" class="num">With check</th><th scope="col" class="num">Without</th></tr></thead><tbody>` +
        sens.topics
          .map((t) => `<tr><td>${esc(t.label)}</td><td class="num">${t.withPermission}</td>${t.withoutPermission > 0 ? `<td class="num warn"><strong>${t.withoutPermission}</strong></td>` : '<td class="num">0</td>'}</tr>`)
          .join('') +
        `<tr><th scope="row">All notes</th><td class="num"><strong>${sens.withPermission}</strong></td><td class="num"><strong>${sens.withoutPermission}</strong></td></tr>` +
        `</tbody></table>`) +
    `</div>`;

  const a = s.agreements;
  const stat = (label: string, value: string, cls = '') => `<div${cls ? ` class="${cls}"` : ''}><dt>${label}</dt><dd>${value}</dd></div>`;
  const agreements =
    `<div class="wide"><h3>Agreements</h3><dl class="stats">` +
    stat('Made', String(a.made)) +
    stat('Kept', String(a.kept)) +
    stat('Carried forward', String(a.carriedForward)) +
    stat('Never revisited', String(a.neverRevisited)) +
    stat('Overdue at the quarter’s end', String(a.overdueAtEnd), a.overdueAtEnd > 0 ? 'warn' : '') +
    stat('Follow-through', a.followThroughRate === null ? '—' : `${percent(a.followThroughRate)}%`, 'rate') +
    `</dl><p class="lead">${
      a.followThroughRate === null
        ? 'No open agreement from an earlier session was due a follow-up this quarter.'
        : 'Follow-through: agreements a later note revisited this quarter (kept, or carried forward), out of those and the ones the client’s next note never took up. An agreement carried over several sessions counts once.'
    }</p></div>`;

  return `<section id="signals"><h2>Trust practice signals</h2><div class="signals">${judgmental}${sensitive}${agreements}</div></section>`;
}

export function notesSection(data: ReportData, options: RenderOptions): string {
  const several = data.frameworks.length > 1;
  const rows = data.notes
    .map((n) => {
      const href = noteHref(n.path, options.linkBase);
      const date = href ? `<a href="${attr(href)}">${esc(n.date)}</a>` : esc(n.date);
      const missing = n.missing.length === 0 ? '<span class="ok">✓ all evidenced</span>' : n.missing.map((id) => `<span class="pill">${esc(id)}</span>`).join('');
      return (
        `<tr><td class="date">${date}</td><td>${esc(n.client)}</td><td class="num">${n.session === null ? '<span class="none">—</span>' : n.session}</td>` +
        (several ? `<td>${esc(n.framework)}</td>` : '') +
        `<td class="missing">${missing}</td></tr>`
      );
    })
    .join('');
  return (
    `<section id="notes" class="long"><h2>Session notes</h2>` +
    `<p class="lead">${data.pseudonymized ? 'Paths are left out because the report is pseudonymized.' : 'Each date links to its note.'} Missing markers are required markers without evidence.</p>` +
    `<table class="notes"><thead><tr><th scope="col">Date</th><th scope="col">Client</th><th scope="col" class="num">Session</th>${several ? '<th scope="col">Framework</th>' : ''}<th scope="col">Missing markers</th></tr></thead><tbody>${rows}</tbody></table>` +
    `</section>`
  );
}

/** Escaped text where `backtick spans` (as the engine writes field names) become <code>. */
function withCode(text: string): string {
  return codeSpans(text)
    .map((f) => (f.code ? `<code>${esc(f.text)}</code>` : keepEdges(f.text, esc)))
    .join('');
}

export function excludedSection(data: ReportData, options: RenderOptions): string {
  if (data.excluded.length === 0) return `<section id="left-out"><h2>Notes left out</h2><p class="lead">None: every note in the workspace could be counted.</p></section>`;
  const items = data.excluded
    .map((e) => {
      const href = data.pseudonymized ? undefined : noteHref(e.path, options.linkBase);
      const path = href ? `<a class="path" href="${attr(href)}">${esc(e.path)}</a>` : `<span class="path">${esc(e.path)}</span>`;
      return `<li>${path}<br>${withCode(e.reason)}</li>`;
    })
    .join('');
  return (
    `<section id="left-out"><h2>Notes left out</h2>` +
    `<p class="lead">${esc(plural(data.excluded.length, 'note'))} could not be counted. Fix the frontmatter and generate the report again.</p>` +
    `<ul class="excluded">${items}</ul></section>`
  );
}

/** ICF credential progress as of the quarter's end: the SVG bars, the estimate and the notes that could count but do not. */
export function credentialSection(data: ReportData): string {
  const p = data.credential;
  if (!p) return '';
  const unrecorded = p.credentials.filter((c) => c.unrecorded).map((c) => `<p class="lead">${esc(c.unrecorded ?? '')}</p>`).join('');
  const notLogged = p.notLogged > 0 ? `<p class="lead">${withCode(`${plural(p.notLogged, 'session')} with \`icf_log: false\` left out: not coaching hours.`)}</p>` : '';
  const left =
    p.leftOut.length === 0
      ? ''
      : `<p class="lead">${esc(`${plural(p.leftOut.length, 'note')} could count but ${p.leftOut.length === 1 ? 'does' : 'do'} not:`)}</p>` +
        `<ul class="excluded">${p.leftOut.map((l) => `<li><span class="path">${esc(l.note)}</span><br>${withCode(l.reason)}</li>`).join('')}</ul>`;
  return (
    `<section id="credential"><h2>ICF credential progress</h2>` +
    `<p class="lead">${withCode(countingSentence(p))} ${withCode(totalsSentence(p))}</p>` +
    `<figure>${credentialChart(p.credentials)}` +
    `<figcaption><span class="key"><span class="swatch"></span>Met ✓</span><span class="key"><span class="swatch focus"></span>Not yet</span></figcaption></figure>` +
    `<p class="lead"><strong>${esc(estimateSentence(p))}</strong></p>` +
    unrecorded +
    notLogged +
    left +
    `<p class="lead">${esc(`Requirements: ${p.source.name}, checked ${p.source.checked}.`)}</p>` +
    `</section>`
  );
}
