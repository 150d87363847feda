/**
 * The lines of a JavaScript or TypeScript file as V8 numbers them in stack traces and call sites: a line ends
 * at `\n`, `\r\n`, a lone `\r`, U+2028 or U+2029. Split at `\n` alone, a file saved with old Mac line ends
 * is one line, and every excerpt past its first line came out empty.
 */
export function sourceLines(text: string): string[] {
  return text.split(/\r\n|[\n\r\u2028\u2029]/);
}
