import * as vscode from 'vscode';

/** Resolves when `check()` holds, re-checking whenever `event` fires; rejects after `timeoutMs`. Never sleeps blindly. */
export function waitFor<T>(event: vscode.Event<unknown>, check: () => T | undefined | false, what: string, timeoutMs = 15_000, state?: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${state ? ` (${state()})` : ''}`));
    }, timeoutMs);
    const sub = event(() => {
      const value = check();
      if (value) {
        clearTimeout(timer);
        sub.dispose();
        resolve(value);
      }
    });
  });
}

/** Waits until the diagnostics of `uri` satisfy `check`; a timeout says which diagnostics it had. `state`: more to say then. */
export function waitForDiagnostics(uri: vscode.Uri, check: (ds: vscode.Diagnostic[]) => boolean, what: string, state?: () => string): Promise<vscode.Diagnostic[]> {
  const had = () => {
    const rules = vscode.languages.getDiagnostics(uri).map(ruleOf);
    return [`it had ${rules.length ? rules.join(', ') : 'no diagnostics'}`, ...(state ? [state()] : [])].join('; ');
  };
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const ds = vscode.languages.getDiagnostics(uri);
      return check(ds) ? ds : undefined;
    },
    what,
    15_000,
    had,
  );
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
