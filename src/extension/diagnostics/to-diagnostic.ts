import * as vscode from 'vscode';
import type { Finding } from '../../core/model/types';
import { RULE_PREFIX } from '../../core/rules/docs';
import { toRange } from '../documents';

export const SOURCE = 'Coach Notes';

const SEVERITY: Record<Finding['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** A finding as a VS Code diagnostic; the code links to the rule's documentation. */
export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(finding.place), finding.reason, SEVERITY[finding.severity]);
  d.source = SOURCE;
  d.code = { value: RULE_PREFIX + finding.ruleId, target: vscode.Uri.parse(finding.url) };
  return d;
}

/** The rule id of one of our diagnostics. */
export function ruleIdOf(d: vscode.Diagnostic): string | undefined {
  if (d.source !== SOURCE || typeof d.code !== 'object') return undefined;
  return String(d.code.value).replace(RULE_PREFIX, '');
}
