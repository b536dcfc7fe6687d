// The bench's own tables and ratios go to the terminal; everything else this process prints while it
// runs — the handlers' logs and metric lines, the local stack's warnings, the SDK's notices — goes to
// HANDLER_LOG, so a run's figures are not buried among hundreds of lines. Every bench part prints
// through `out` (a Console on file descriptors 1 and 2), never through `console`.
import { Console } from 'node:console';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { repoRoot } from '../../infra/local/functions.js';

/** Where the handlers' output of the last run is kept (overwritten by each run). */
export const HANDLER_LOG = join(repoRoot, '.bench-handlers.log');

const toFd = (fd: number) =>
  new Writable({
    write(chunk, _encoding, done) {
      writeSync(fd, chunk);
      done();
    },
  });

/** The bench's printer: straight to the terminal, whatever process.stdout has been pointed at. */
export const out = new Console({ stdout: toFd(1), stderr: toFd(2) });

let logFd: number | undefined;

/**
 * Points process.stdout and process.stderr at HANDLER_LOG. Loggers that hold the stream objects
 * (Powertools builds its Console on them) write through the replaced `write` too.
 */
export const divertHandlerOutput = () => {
  if (logFd !== undefined) return HANDLER_LOG;
  mkdirSync(dirname(HANDLER_LOG), { recursive: true });
  const fd = openSync(HANDLER_LOG, 'w');
  logFd = fd;
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((chunk: string | Uint8Array, encoding?: unknown, done?: unknown) => {
      const callback = [encoding, done].find((f): f is () => void => typeof f === 'function');
      writeSync(fd, typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      callback?.();
      return true;
    }) as typeof stream.write;
  }
  process.on('exit', () => closeSync(fd));
  return HANDLER_LOG;
};

/** The handler log's file descriptor, for child processes whose output belongs there too. */
export const handlerLogFd = () => logFd ?? 'ignore';
