import { stringify } from 'csv-stringify/sync';
import { oneLine } from './escape';
import { checkLabel, countingSentence, estimateSentence } from '../credential/format';
import type { CredentialProgress } from '../credential/progress';
import { hours } from './format';
import type { Engagement, ReportData } from './types';

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
  const panel = data.credential ? [[], ...credentialRows(data.credential)] : [];
  return stringify([[...CSV_COLUMNS], ...data.engagements.map(logRow), ...panel], CSV_OPTIONS);
}

/** The ICF coaching log alone, for any period (`coach-notes log --format csv`): the same columns and guards. */
export function renderLogCsv(engagements: readonly Engagement[]): string {
  return stringify([[...CSV_COLUMNS], ...engagements.map(logRow)], CSV_OPTIONS);
}

const CSV_OPTIONS = { record_delimiter: 'windows', escape_formulas: true, bom: true } as const;

function logRow(e: Engagement): string[] {
  return [
    oneLine(e.client),
    '',
    e.type === 'group' ? 'Group' : 'Individual',
    e.groupSize === null ? '' : String(e.groupSize),
    e.start,
    e.end,
    String(e.sessions),
    hours(e.paidHours),
    hours(e.proBonoHours),
  ];
}

/**
 * The credential panel, after a blank record below the log: one row per requirement of each
 * credential (logged, required, met), then the estimate. Only written when the workspace sets
 * `credential.training_start`, so a log made without one stays the bare ICF log.
 */
function credentialRows(p: CredentialProgress): string[][] {
  const rows: string[][] = [['Credential', 'Requirement', 'Logged', 'Required', 'Met']];
  for (const c of p.credentials) {
    for (const k of c.checks) rows.push([c.id.toUpperCase(), checkLabel(k), k.id === 'clients' ? String(k.logged) : hours(k.logged), k.id === 'clients' ? String(k.required) : hours(k.required), k.met ? 'yes' : 'no']);
  }
  rows.push([], [oneLine(estimateSentence(p))], [oneLine(countingSentence(p))]);
  return rows;
}
