import { escapeHtml as esc } from '../escape';
import { monthName, percent, plural } from '../format';
import { checkFigure, checkLabel, checkRatio, checkState, statusWord } from '../../credential/format';
import type { CredentialStatus } from '../../credential/progress';
import type { MarkerRow, TrustSignals } from '../types';

/**
 * Inline SVG charts. Sizes are in viewBox units; the SVG scales to the page width. Colours come
 * from the report's CSS classes, so the charts follow the light, dark and print palettes. Every
 * chart has a <title> and <desc>, and every mark its own <title>; the tables next to the charts
 * carry the same numbers for screen readers and copy-paste.
 */

function round(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

const COVERAGE = { width: 760, label: 318, barX: 330, barW: 350, row: 30, barH: 14, top: 6, axis: 26 };

/** Horizontal bars, one per marker; the previous quarter as a dark tick across the bar. */
export function coverageChart(rows: readonly MarkerRow[], focusIds: ReadonlySet<string>, previousQuarter: string, caption: string, index = 0): string {
  const c = COVERAGE;
  const height = c.top + rows.length * c.row + c.axis;
  const titleId = `coverage-title-${index}`;
  const descId = `coverage-desc-${index}`;
  const plotBottom = c.top + rows.length * c.row;
  const x = (ratio: number) => c.barX + Math.min(1, Math.max(0, ratio)) * c.barW;

  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((t) => `<line class="grid" x1="${round(x(t))}" x2="${round(x(t))}" y1="${c.top - 2}" y2="${plotBottom}"/><text class="axis" x="${round(x(t))}" y="${plotBottom + 16}" text-anchor="middle">${percent(t)}%</text>`)
    .join('');

  const bars = rows
    .map((m, i) => {
      const y = c.top + i * c.row + (c.row - c.barH) / 2;
      const mid = y + c.barH / 2;
      const focus = focusIds.has(m.id);
      const prev = m.previous;
      const label = `${m.id} ${m.title}`;
      const full = `${label}: ${m.notes} of ${plural(m.total, 'note')} (${percent(m.coverage)}%)${prev ? `; ${previousQuarter}: ${percent(prev.coverage)}%` : ''}`;
      const tick = prev
        ? `<line class="tick" x1="${round(x(prev.coverage))}" x2="${round(x(prev.coverage))}" y1="${y - 4}" y2="${y + c.barH + 4}"><title>${esc(`${previousQuarter}: ${percent(prev.coverage)}%`)}</title></line>`
        : '';
      return (
        `<g class="marker-row">` +
        `<title>${esc(full)}</title>` +
        `<text class="label" x="${c.label}" y="${mid}" dy="0.35em" text-anchor="end"><tspan class="id">${esc(m.id)}</tspan> ${esc(truncate(m.title, 38))}</text>` +
        `<rect class="track" x="${c.barX}" y="${y}" width="${c.barW}" height="${c.barH}" rx="2"/>` +
        `<rect class="bar${focus ? ' focus' : ''}" data-marker="${esc(m.id)}" x="${c.barX}" y="${y}" width="${round(x(m.coverage) - c.barX)}" height="${c.barH}" rx="2"/>` +
        tick +
        `<text class="value" x="${c.barX + c.barW + 10}" y="${mid}" dy="0.35em">${percent(m.coverage)}%</text>` +
        `</g>`
      );
    })
    .join('');

  return (
    `<svg class="chart coverage-chart" viewBox="0 0 ${c.width} ${height}" width="${c.width}" height="${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${esc(caption)}</title>` +
    `<desc id="${descId}">${esc(rows.map((m) => `${m.id} ${percent(m.coverage)}%`).join(', '))}</desc>` +
    grid +
    bars +
    `</svg>`
  );
}

/** Vertical bars: judgmental-language findings per month, with the notes written that month. */
export function monthlyChart(months: TrustSignals['judgmentalByMonth']): string {
  const width = 340;
  const height = 176;
  const top = 22;
  const base = 130;
  const max = Math.max(1, ...months.map((m) => m.findings));
  const slot = width / Math.max(1, months.length);
  const barW = Math.min(56, slot * 0.45);
  const titleId = 'month-chart-title';
  const bars = months
    .map((m, i) => {
      const h = ((base - top) * m.findings) / max;
      const cx = slot * i + slot / 2;
      return (
        `<g class="month"><title>${esc(`${monthName(m.month)}: ${plural(m.findings, 'finding')} in ${plural(m.notes, 'note')}`)}</title>` +
        `<rect class="month-bar" x="${round(cx - barW / 2)}" y="${round(base - h)}" width="${round(barW)}" height="${round(h)}" rx="2"/>` +
        `<text class="value" x="${round(cx)}" y="${round(base - h - 7)}" text-anchor="middle">${m.findings}</text>` +
        `<text class="label" x="${round(cx)}" y="${base + 18}" text-anchor="middle">${esc(monthName(m.month, false))}</text>` +
        `<text class="sub" x="${round(cx)}" y="${base + 34}" text-anchor="middle">${esc(plural(m.notes, 'note'))}</text></g>`
      );
    })
    .join('');
  return (
    `<svg class="chart month-chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId}" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${titleId}">${esc(`Judgmental-language findings per month: ${months.map((m) => `${monthName(m.month)} ${m.findings}`).join(', ')}`)}</title>` +
    `<line class="baseline" x1="0" x2="${width}" y1="${base}" y2="${base}"/>` +
    bars +
    `</svg>`
  );
}

const CREDENTIAL = { width: 760, label: 230, barX: 242, barW: 380, row: 26, barH: 12, head: 30, gap: 8 };

/**
 * Progress toward each credential: a heading per credential, then one bar per requirement (hours,
 * paid hours, clients, recent hours) filled to its share of the threshold, with the figures and a
 * ✓ beside it, so a met requirement is told by text and shape, not by colour alone.
 */
export function credentialChart(credentials: readonly CredentialStatus[]): string {
  const c = CREDENTIAL;
  let y = 0;
  const parts: string[] = [];
  for (const cred of credentials) {
    parts.push(`<text class="label" x="0" y="${y + 18}"><tspan class="id">${esc(cred.id.toUpperCase())}</tspan> ${esc(statusWord(cred))}</text>`);
    y += c.head;
    for (const k of cred.checks) {
      const ratio = checkRatio(k);
      const top = y + (c.row - c.barH) / 2;
      const mid = top + c.barH / 2;
      const text = `${checkFigure(k)}${k.met ? ' ✓' : ''}`;
      parts.push(
        `<g class="credential-row" data-credential="${esc(cred.id)}" data-check="${esc(k.id)}">` +
          `<title>${esc(`${cred.id.toUpperCase()}, ${checkLabel(k)}: ${checkFigure(k)}, ${checkState(k)}`)}</title>` +
          `<text class="label" x="${c.label}" y="${mid}" dy="0.35em" text-anchor="end">${esc(checkLabel(k))}</text>` +
          `<rect class="track" x="${c.barX}" y="${top}" width="${c.barW}" height="${c.barH}" rx="2"/>` +
          `<rect class="bar${k.met ? '' : ' focus'}" x="${c.barX}" y="${top}" width="${round(ratio * c.barW)}" height="${c.barH}" rx="2"/>` +
          `<text class="value" x="${c.barX + c.barW + 10}" y="${mid}" dy="0.35em">${esc(text)}</text>` +
          `</g>`,
      );
      y += c.row;
    }
    y += c.gap;
  }
  const summary = credentials.map((cred) => `${cred.id.toUpperCase()} ${statusWord(cred)}: ${cred.checks.map((k) => `${checkLabel(k)} ${checkFigure(k)}`).join(', ')}`).join('; ');
  return (
    `<svg class="chart credential-chart" viewBox="0 0 ${c.width} ${y}" width="${c.width}" height="${y}" role="img" aria-labelledby="credential-title credential-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="credential-title">ICF credential progress</title>` +
    `<desc id="credential-desc">${esc(summary)}</desc>` +
    parts.join('') +
    `</svg>`
  );
}
