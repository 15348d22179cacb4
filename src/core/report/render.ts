import { renderCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderMarkdown } from './render-markdown';
import type { ReportData } from './types';
import type { ReportFormat } from './write';

export interface RenderOptions {
  /** Prefix that turns a workspace-relative note path into a link relative to the report file. */
  linkBase?: string;
}

/** The same report data in any of the four formats. */
export function renderReport(data: ReportData, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'md':
      return renderMarkdown(data, options);
    case 'html':
      return renderHtml(data, options);
    case 'csv':
      return renderCsv(data);
    case 'json':
      return JSON.stringify(data, null, 2) + '\n';
  }
}
