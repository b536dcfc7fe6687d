// The local runtime's control endpoints (`/_local/*` on the API, the event bus's operator routes) run
// schedules, settle and redrive. Any page open in a local browser can send a request to localhost, so
// they answer only requests that carry a custom header (a cross-site page cannot add one without a
// CORS preflight, which nothing here grants) and that name localhost as their host (DNS rebinding).
import type { IncomingMessage } from 'node:http';

export const localControlHeader = 'x-pusula-local';

/** What every CLI and test sends to a control endpoint. */
export const localControlHeaders: Record<string, string> = { [localControlHeader]: '1' };

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why the request may not use a control endpoint, or undefined when it may. */
export const controlRefusal = (req: IncomingMessage): string | undefined => {
  if (req.headers[localControlHeader] !== '1') {
    return `Local control endpoints need the header "${localControlHeader}: 1" (browsers cannot send it from another site).`;
  }
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  if (!localHosts.has(host)) return 'Local control endpoints answer only requests addressed to localhost or 127.0.0.1.';
  return undefined;
};
