import { runCli } from '../../../src/cli/main';

/** Runs the CLI in-process and captures what it writes. */
export async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stream = (write: (s: string) => void) => ({ write: (s: string) => (write(s), true), isTTY: false }) as unknown as NodeJS.WriteStream;
  const code = await runCli(args, { out: stream((s) => (out += s)), err: stream((s) => (err += s)), cwd });
  return { code, out, err };
}
