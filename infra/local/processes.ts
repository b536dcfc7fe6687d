// What stopping the local stack needs from its parts: a server that closes now, whatever its clients
// hold open (the local SES endpoint never answers some requests), and child processes that end even
// when they ignore a polite signal, or when this process ends without stopping them.
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';

/** How long a child process gets after SIGTERM before it is killed outright. */
export const CHILD_GRACE_MS = 3_000;

/** Stops listening and ends every open connection (an unanswered request, a keep-alive socket) instead of waiting. */
export const closeServer = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Ties a child to this process: killed when it exits; `stop()` sends SIGTERM, then SIGKILL after the grace. */
export const superviseChild = (child: ChildProcess) => {
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  return () =>
    new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      const force = setTimeout(() => child.kill('SIGKILL'), CHILD_GRACE_MS);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      child.kill();
    });
};
