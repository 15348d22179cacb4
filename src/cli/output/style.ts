import { styleText } from 'node:util';

type Style = Parameters<typeof styleText>[0];

/** Colours only for a terminal that wants them (NO_COLOR and pipes get plain text). */
export function stylerFor(stream: NodeJS.WriteStream): (style: Style, text: string) => string {
  const color = stream.isTTY === true && !process.env.NO_COLOR && process.env.TERM !== 'dumb';
  return (style, text) => (color ? styleText(style, text) : text);
}
