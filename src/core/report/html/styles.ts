/**
 * The report's only style sheet, inlined into the page (the CSP allows inline styles and nothing
 * else). System fonts only: the report makes no requests. Light and dark palettes; a print sheet
 * for A4 that drops backgrounds except the light heatmap tints, which carry meaning.
 */
export const REPORT_CSS = `
:root {
  color-scheme: light dark;
  --canvas: #eef1f0;
  --paper: #ffffff;
  --ink: #1d272c;
  --muted: #5d6a71;
  --faint: #8a969c;
  --rule: #dde3e4;
  --rule-strong: #c3ccce;
  --accent: #1f6f68;
  --accent-ink: #17524d;
  --accent-soft: #e3f0ed;
  --track: #edf1f1;
  --bar: #2f8378;
  --bar-focus: #c0842d;
  --tick: #1d272c;
  --signal: #5a7391;
  --up: #2d7a4e;
  --down: #a6462f;
  --warn-soft: #fbefe6;
  --h0: #f6e1d5; --h0-ink: #7c3a1f;
  --h1: #e5f1ee; --h1-ink: #1d272c;
  --h2: #b9ddd5; --h2-ink: #14322e;
  --h3: #3f9384; --h3-ink: #ffffff;
  --hn: transparent; --hn-ink: #a3adb2;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, "Times New Roman", serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root {
    --canvas: #0e1214;
    --paper: #161c1f;
    --ink: #e2e8ea;
    --muted: #a0adb3;
    --faint: #7d8a90;
    --rule: #2a3337;
    --rule-strong: #3a464b;
    --accent: #6cc4b7;
    --accent-ink: #8fd6cb;
    --accent-soft: #1c2f2c;
    --track: #222b2f;
    --bar: #4fae9f;
    --bar-focus: #d9a04a;
    --tick: #e2e8ea;
    --signal: #8aa6c7;
    --up: #6cc28e;
    --down: #e08a72;
    --warn-soft: #33231c;
    --h0: #4a2c22; --h0-ink: #f3c7b4;
    --h1: #1e3330; --h1-ink: #d6e9e5;
    --h2: #26584f; --h2-ink: #e6f4f1;
    --h3: #55b3a3; --h3-ink: #0c1a18;
    --hn-ink: #5b676c;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { background: var(--canvas); }
body {
  margin: 0;
  padding: 32px 16px 48px;
  font: 15px/1.55 var(--sans);
  color: var(--ink);
  background: var(--canvas);
  -webkit-text-size-adjust: 100%;
  overflow-wrap: break-word;
  font-variant-numeric: tabular-nums;
}
.sheet {
  max-width: 880px;
  margin: 0 auto;
  padding: 48px 56px 40px;
  background: var(--paper);
  border-radius: 6px;
  box-shadow: 0 1px 2px rgb(0 0 0 / 6%), 0 8px 28px rgb(0 0 0 / 7%);
}
h1, h2, h3 { font-family: var(--serif); font-weight: 600; line-height: 1.25; color: var(--ink); margin: 0; }
h1 { font-size: 31px; letter-spacing: -0.01em; }
h2 { font-size: 21px; margin-bottom: 4px; }
h3 { font-size: 16px; margin: 22px 0 8px; font-family: var(--sans); font-weight: 650; }
p { margin: 0 0 10px; }
a { color: var(--accent-ink); text-decoration-thickness: 1px; text-underline-offset: 2px; }
.eyebrow { font-size: 12px; letter-spacing: 0.12em; text-transform: uppercase; color: var(--accent); font-weight: 650; margin-bottom: 10px; }
.subtitle { font-size: 17px; color: var(--muted); margin: 6px 0 2px; }
.meta { font-size: 13.5px; color: var(--muted); margin: 0; }
.cover { padding-bottom: 26px; border-bottom: 2px solid var(--ink); }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin: 24px 0 0; padding: 0; }
.figure-tile { min-width: 0; overflow-wrap: anywhere; border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px 11px; background: var(--paper); }
.figure-tile dt { font-size: 12px; color: var(--muted); letter-spacing: 0.04em; text-transform: uppercase; font-weight: 600; }
.figure-tile dd { margin: 2px 0 0; }
.figure-tile .big { display: block; font-family: var(--serif); font-size: 28px; line-height: 1.15; font-weight: 600; }
.figure-tile .small { display: block; font-size: 12.5px; color: var(--muted); line-height: 1.4; margin-top: 3px; }
section { padding-top: 30px; margin-top: 30px; border-top: 1px solid var(--rule); }
.cover + section { border-top: 0; margin-top: 0; }
.lead { color: var(--muted); font-size: 14px; margin: 2px 0 16px; max-width: 68ch; }
figure { margin: 0 0 18px; }
figcaption, .legend { font-size: 12.5px; color: var(--muted); display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; margin-top: 6px; }
.key { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 14px; height: 10px; border-radius: 2px; background: var(--bar); }
.swatch.focus { background: var(--bar-focus); }
.swatch.tick { width: 2px; height: 14px; border-radius: 0; background: var(--tick); }
.swatch.heat { width: 18px; height: 14px; border: 1px solid var(--rule-strong); }
svg.chart { display: block; width: 100%; height: auto; overflow: visible; }
svg.month-chart { max-width: 360px; }
svg.chart text { font-family: var(--sans); fill: var(--ink); }
svg.chart .label { font-size: 13px; }
svg.chart .label .id { font-weight: 700; }
svg.chart .value { font-size: 12.5px; font-weight: 650; }
svg.chart .axis { font-size: 11px; fill: var(--faint); }
svg.chart .grid { stroke: var(--rule); stroke-width: 1; }
svg.chart .baseline { stroke: var(--rule-strong); stroke-width: 1; }
svg.chart .track { fill: var(--track); }
svg.chart .bar { fill: var(--bar); }
svg.chart .bar.focus { fill: var(--bar-focus); }
svg.chart .tick { stroke: var(--tick); stroke-width: 2.5; stroke-linecap: round; }
svg.chart .month-bar { fill: var(--signal); }
svg.chart .sub { font-size: 11px; fill: var(--muted); }
table { border-collapse: collapse; width: 100%; font-size: 14px; margin: 4px 0 8px; }
caption { text-align: left; font-size: 12.5px; color: var(--muted); padding-bottom: 6px; caption-side: bottom; padding-top: 6px; }
th, td { padding: 7px 10px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); font-weight: 650; border-bottom: 1.5px solid var(--rule-strong); vertical-align: bottom; }
td, th { position: relative; }
td, th[scope="row"] { overflow-wrap: anywhere; }
td.num, th.num, td.date { text-align: right; white-space: nowrap; overflow-wrap: normal; }
td.date { text-align: left; }
td.marker .id, .pill { font-weight: 700; }
.up { color: var(--up); font-weight: 600; }
.down { color: var(--down); font-weight: 600; }
.same, .none { color: var(--faint); }
.table-wrap { overflow-x: auto; }
.sr { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.focus-list { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 14px; }
.focus-list li { min-width: 0; overflow-wrap: anywhere; border: 1px solid var(--rule); border-top: 3px solid var(--bar-focus); border-radius: 6px; padding: 12px 14px 14px; }
.focus-list .rank { font-size: 11.5px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-weight: 650; }
.focus-list h3 { margin: 4px 0 6px; font-family: var(--serif); font-size: 17px; font-weight: 600; }
.focus-list .stat { font-size: 13.5px; margin: 0 0 8px; }
.focus-list .desc { font-size: 13.5px; color: var(--muted); margin: 0; font-style: italic; }
table.heat { table-layout: fixed; width: auto; font-size: 12.5px; margin-bottom: 12px; }
table.heat th[scope="row"] { font-weight: 600; white-space: normal; }
table.heat.single { width: 100%; }
table.heat th.client-col { width: 11.5rem; }
table.heat thead th:not(.client-col) { width: 3.4rem; }
table.heat thead th { text-align: center; text-transform: none; letter-spacing: 0; font-size: 12.5px; color: var(--ink); }
table.heat thead th.client-col { text-align: left; text-transform: uppercase; letter-spacing: 0.05em; font-size: 12px; color: var(--muted); }
table.heat td { text-align: center; border: 2px solid var(--paper); padding: 6px 2px; white-space: nowrap; overflow-wrap: normal; font-weight: 600; }
.h0 { background: var(--h0); color: var(--h0-ink); }
.h1 { background: var(--h1); color: var(--h1-ink); }
.h2 { background: var(--h2); color: var(--h2-ink); }
.h3 { background: var(--h3); color: var(--h3-ink); }
.hn { background: var(--hn); color: var(--hn-ink); font-weight: 400 !important; }
.marker-key { font-size: 12.5px; color: var(--muted); margin: 6px 0 0; columns: 2; column-gap: 28px; padding: 0; list-style: none; }
.marker-key li { break-inside: avoid; }
.marker-key b { color: var(--ink); }
.signals { display: grid; grid-template-columns: 1fr 1fr; gap: 18px 32px; }
.signals > div { min-width: 0; overflow-wrap: anywhere; }
.signals h3 { margin-top: 8px; }
.signals .wide { grid-column: 1 / -1; }
.stats { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 4px 0 12px; padding: 0; }
.stats div { border-left: 3px solid var(--rule-strong); padding: 2px 0 2px 10px; }
.stats dt { font-size: 12px; color: var(--muted); }
.stats dd { margin: 0; font-family: var(--serif); font-size: 24px; font-weight: 600; line-height: 1.2; }
.stats .rate { border-left-color: var(--accent); }
.stats .rate dd { color: var(--accent-ink); }
.warn { background: var(--warn-soft); }
.missing .pill { display: inline-block; padding: 0 6px; margin: 0 4px 2px 0; border: 1px solid var(--rule-strong); border-radius: 10px; font-size: 12px; font-weight: 600; line-height: 1.6; }
.ok { color: var(--up); font-size: 13px; }
.excluded { padding-left: 18px; margin: 0; }
.excluded li { margin-bottom: 6px; }
.path { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; overflow-wrap: anywhere; }
section.empty { border: 1px dashed var(--rule-strong); border-radius: 6px; padding: 22px 24px; margin-top: 28px; }
.empty h2 { margin-bottom: 8px; }
footer { margin-top: 36px; padding-top: 14px; border-top: 1px solid var(--rule-strong); font-size: 12px; color: var(--muted); }
footer p { margin: 0 0 4px; }
footer strong { color: var(--ink); }
@media screen and (max-width: 720px) {
  .sheet { padding: 28px 20px; }
  .figures, .focus-list, .stats { grid-template-columns: 1fr 1fr; }
  .signals { grid-template-columns: 1fr; }
  .marker-key { columns: 1; }
}
@media print {
  @page { size: A4; margin: 16mm 14mm 18mm; }
  :root {
    color-scheme: light;
    --canvas: #ffffff; --paper: #ffffff; --ink: #111111; --muted: #4a5358; --faint: #6b757a;
    --rule: #d0d6d8; --rule-strong: #9aa5a9; --accent: #1f6f68; --accent-ink: #17524d;
    --track: #eef1f1; --bar: #2f8378; --bar-focus: #c0842d; --tick: #111111; --signal: #5a7391;
    --up: #2d7a4e; --down: #a6462f; --warn-soft: transparent;
    --h0: #f6e1d5; --h0-ink: #7c3a1f; --h1: #e5f1ee; --h1-ink: #111111; --h2: #b9ddd5; --h2-ink: #14322e;
    --h3: #3f9384; --h3-ink: #ffffff; --hn-ink: #8a959a;
  }
  html, body { background: none; }
  body { padding: 0; font-size: 10.5pt; }
  .sheet { max-width: none; padding: 0; box-shadow: none; border-radius: 0; }
  section, table, figure, .focus-list li, .figures, .stats, .signals > div { page-break-inside: avoid; break-inside: avoid; }
  section.long, section.long table { page-break-inside: auto; break-inside: auto; }
  h2, h3 { page-break-after: avoid; break-after: avoid; }
  thead { display: table-header-group; }
  tr { page-break-inside: avoid; break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table.heat { font-size: 8.5pt; }
  table.heat th.client-col { width: 10rem; }
  table.heat thead th:not(.client-col) { width: 3rem; }
  .h0, .h1, .h2, .h3, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  footer { page-break-inside: avoid; break-inside: avoid; }
}
`;
