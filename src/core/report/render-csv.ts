import { stringify } from 'csv-stringify/sync';
import { oneLine } from './escape';
import { hours } from './format';
import type { ReportData } from './types';

/** Columns of the ICF coaching log, in the order of ICF's client coaching log template. */
export const CSV_COLUMNS = ['Client', 'Contact', 'Individual/Group', 'Group size', 'Start date', 'End date', 'Sessions', 'Paid hours', 'Pro bono hours'] as const;

/**
 * The ICF coaching log for credential applications: one row per client engagement of the quarter
 * (notes with `icf_log: false` are already left out). RFC 4180: CRLF line ends, fields quoted when
 * needed. Fields starting with `=`, `+`, `-`, `@`, tab or CR get a leading apostrophe, so a
 * spreadsheet never runs a client name as a formula. Contact is left blank for the coach to fill in.
 * A UTF-8 byte order mark leads the file, so Excel reads names such as “Tomás” correctly.
 */
export function renderCsv(data: ReportData): string {
  const rows = data.engagements.map((e) => [
    oneLine(e.client),
    '',
    e.type === 'group' ? 'Group' : 'Individual',
    e.groupSize === null ? '' : String(e.groupSize),
    e.start,
    e.end,
    String(e.sessions),
    hours(e.paidHours),
    hours(e.proBonoHours),
  ]);
  return stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows', escape_formulas: true, bom: true });
}
