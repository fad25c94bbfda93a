/**
 * Captures what the process writes, for checks such as "no personal value in the logs": every call of
 * the given console methods (swallowed: arguments joined by spaces, an Error as `describeError` spells
 * it, anything else but a string as JSON) and every chunk written to stdout and stderr (still written
 * through, spelled by `chunkText`). The returned function puts the originals back.
 */
export type ConsoleMethod = 'log' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

export interface CaptureOptions {
  methods: readonly ConsoleMethod[];
  describeError: (error: Error) => string;
  chunkText: (chunk: unknown) => string;
}

export function captureOutput(into: string[], { methods, describeError, chunkText }: CaptureOptions): () => void {
  const restore: (() => void)[] = [];
  for (const method of methods) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      into.push(args.map((a) => (a instanceof Error ? describeError(a) : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    };
    restore.push(() => (console[method] = original));
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      into.push(chunkText(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write;
    restore.push(() => (stream.write = original));
  }
  return () => {
    for (const undo of restore.reverse()) undo();
  };
}
