import { escapeHtml as esc } from './escape';
import { FOOTER, hours, longDate, percent, periodLabel, plural, yearLabel, type RenderOptions } from './format';
import { coverageSection, credentialSection, excludedSection, focusSection, matrixSection, notesSection, signalsSection } from './html/sections';
import { REPORT_CSS } from './html/styles';
import type { ReportData } from './types';

export type { RenderOptions } from './format';

/** The report's Content Security Policy: no script, no requests; inline styles and data: images only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:;";

/**
 * The quarterly coverage report as one self-contained HTML file: inline CSS and SVG, no script, no
 * external requests (enforced by the CSP), printable on A4. Every value from the notes is escaped.
 */
export function renderHtml(data: ReportData, options: RenderOptions = {}): string {
  const title = `Marker coverage report, ${data.quarter}`;
  const body =
    data.totals.notes === 0
      ? emptyQuarter(data)
      : [coverageSection(data), focusSection(data), matrixSection(data), signalsSection(data), notesSection(data, options)].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="generator" content="Coach Notes">',
    `<title>${esc(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main class="sheet">',
    cover(data),
    body,
    credentialSection(data),
    excludedSection(data, options),
    footer(data, options),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function tile(label: string, big: string, small: string[]): string {
  return `<div class="figure-tile"><dt>${label}</dt><dd><span class="big">${big}</span>${small.map((s) => `<span class="small">${s}</span>`).join('')}</dd></div>`;
}

function cover(data: ReportData): string {
  const t = data.totals;
  const frameworks = data.frameworks.map((f) => `${esc(f.name)}${data.frameworks.length > 1 ? ` — ${esc(plural(f.notes, 'note'))}` : ''}`).join(' · ');
  const rate = data.signals.agreements.followThroughRate;
  const noDuration = t.notesWithoutDuration > 0 ? [esc(`${plural(t.notesWithoutDuration, 'note')} without a duration`)] : [];
  const figures =
    t.notes === 0
      ? ''
      : `<dl class="figures">` +
        tile('Session notes', String(t.notes), [`${t.individualNotes} individual · ${t.groupNotes} group`]) +
        tile('Clients', String(t.clients), [data.pseudonymized ? 'pseudonymized' : `${plural(data.engagements.length, 'engagement')} in the ICF log`]) +
        tile('Coaching hours', hours(t.hours), [`${hours(t.paidHours)} paid · ${hours(t.proBonoHours)} pro bono`, `${hours(t.individualHours)} individual · ${hours(t.groupHours)} group`, ...noDuration]) +
        tile('Agreement follow-through', rate === null ? '—' : `${percent(rate)}%`, [`${data.signals.agreements.made} agreements made`]) +
        `</dl>`;
  return (
    `<header class="cover">` +
    `<p class="eyebrow">Coach Notes · Quarterly coverage report</p>` +
    `<h1>Marker coverage, ${esc(data.quarter)}</h1>` +
    `<p class="subtitle">${esc(periodLabel(data.period))}</p>` +
    `<p class="meta">${esc(`Compared with ${data.previousQuarter} · ${yearLabel(data.period.firstMonth)}`)}${frameworks ? ` · ${frameworks}` : ''}</p>` +
    figures +
    `</header>`
  );
}

function emptyQuarter(data: ReportData): string {
  return (
    `<section class="empty" id="no-notes"><h2>No notes in this quarter</h2>` +
    `<p>${esc(`There are no session notes dated between ${longDate(data.period.start)} and ${longDate(data.period.end)}, so there is nothing to report.`)}</p></section>`
  );
}

function footer(data: ReportData, options: RenderOptions): string {
  const generated = options.generated ? ` on ${longDate(options.generated)}` : '';
  return (
    `<footer>` +
    `<p><strong>${esc(`${FOOTER.generatedBy}${generated}.`)}</strong> ${esc(FOOTER.local)}</p>` +
    `<p>${esc(FOOTER.confidential)}${data.pseudonymized ? ` ${esc(FOOTER.pseudonymized)}` : ''}</p>` +
    `</footer>`
  );
}
