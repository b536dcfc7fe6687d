// Before the local runtime starts anything (Java above all), every port it needs must be free; a taken
// one is named with the way to move, instead of an EADDRINUSE trace and an orphaned DynamoDB Local.
import { createServer } from 'node:net';

export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    readonly service: string,
    portBase: number,
  ) {
    super(
      `Port ${port} (${service}) is already in use: another "npm start" or another program holds it.\n` +
        `Stop it, or move every port of this stack: PUSULA_PORT=${portBase + 100} npm start ` +
        '(API = PUSULA_PORT, DynamoDB +1, SES +2, EventBridge +3, Cognito +4, SMS +5, S3 +6, İYS +8, ERP +9).',
    );
  }
}

const isFree = (port: number) =>
  new Promise<boolean>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EADDRINUSE' ? resolve(false) : reject(error),
    );
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

/** Throws PortTakenError for the first port in use. */
export const assertPortsFree = async (ports: Record<string, number>, portBase: number) => {
  for (const [service, port] of Object.entries(ports)) {
    if (!(await isFree(port))) throw new PortTakenError(port, service, portBase);
  }
};

/** An EADDRINUSE that struck after the check (another program was quicker), as a PortTakenError. */
export const asPortTaken = (error: unknown, ports: Record<string, number>, portBase: number) => {
  const { code, port } = error as { code?: string; port?: number };
  const service = Object.entries(ports).find(([, p]) => p === port)?.[0];
  return code === 'EADDRINUSE' && port !== undefined && service ? new PortTakenError(port, service, portBase) : error;
};
