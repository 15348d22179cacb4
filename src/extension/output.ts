import * as vscode from 'vscode';

/** The one place errors go: the "Coach Notes" output channel. Nothing fails silently. */
export class Output implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Coach Notes', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(context: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.channel.error(`${context}: ${detail}`);
  }

  /** Runs `fn`, logging (not throwing) on failure; for event handlers that must never break the host. */
  guard<T>(context: string, fn: () => T): T | undefined {
    try {
      return fn();
    } catch (error) {
      this.error(context, error);
      return undefined;
    }
  }

  async guardAsync<T>(context: string, fn: () => Promise<T>): Promise<T | undefined> {
    try {
      return await fn();
    } catch (error) {
      this.error(context, error);
      return undefined;
    }
  }

  dispose(): void {
    this.channel.dispose();
  }
}
