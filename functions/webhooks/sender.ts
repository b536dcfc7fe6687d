// One delivery over the network, isolated from the rest: a deadline for the whole exchange (connect,
// send, answer), at most a few kilobytes of the answer read (the rest is dropped with the connection),
// no redirect followed, no connection reused, and the address connected to is the one the guard checked.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { lookup as dnsLookupAll } from 'node:dns/promises';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { addressAllowed, type GuardOptions, urlRefusal } from './domain/address-guard.js';

export interface SendOptions extends GuardOptions {
  timeoutMs: number;
  /** Bytes of the answer read at most. */
  maxResponseBytes: number;
}

export const sendDefaults = { timeoutMs: 5000, maxResponseBytes: 4096 } as const;

export type SendResult =
  | { ok: true; status: number; ms: number }
  | {
      ok: false;
      status?: number;
      error: 'refused-address' | 'redirect' | 'status' | 'timeout' | 'network';
      ms: number;
    };

class RefusedAddressError extends Error {}

/** Resolves every address of the name and refuses the name if any one of them is not allowed. */
const guardedLookup =
  (options: GuardOptions): LookupFunction =>
  (hostname, lookupOptions, callback) => {
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !addressAllowed(a.address, options));
      if (refused || !addresses.length) {
        return callback(new RefusedAddressError(`${hostname} resolves to a refused address`), '', 0);
      }
      if ((lookupOptions as { all?: boolean }).all) {
        (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      } else {
        callback(null, addresses[0]!.address, addresses[0]!.family);
      }
    });
  };

/**
 * Checks a URL as a delivery will: its form, then every address its name resolves to now. A name that
 * does not resolve is refused too (nothing could be delivered to it). Deliveries check again each time.
 */
export const resolvedRefusal = async (url: string, options: GuardOptions) => {
  const refusal = urlRefusal(url, options);
  if (refusal) return refusal;
  const host = new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) return undefined;
  try {
    const addresses = await dnsLookupAll(host, { all: true, verbatim: true });
    return addresses.length && addresses.every((a) => addressAllowed(a.address, options)) ? undefined : 'address';
  } catch {
    return 'unresolved';
  }
};

export const send = (
  url: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> => {
  const started = Date.now();
  const ms = () => Date.now() - started;
  if (urlRefusal(url, options)) return Promise.resolve({ ok: false, error: 'refused-address', ms: 0 });
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outgoing.destroy();
      resolve(result);
    };
    const outgoing = request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: guardedLookup(options),
        headers: {
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Pusula-CRM-Webhooks/1',
          ...headers,
        },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        let read = 0;
        const done = () =>
          finish(
            status >= 200 && status < 300
              ? { ok: true, status, ms: ms() }
              : { ok: false, status, error: status >= 300 && status < 400 ? 'redirect' : 'status', ms: ms() },
          );
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read >= options.maxResponseBytes) done();
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    const deadline = setTimeout(() => finish({ ok: false, error: 'timeout', ms: ms() }), options.timeoutMs);
    outgoing.on('error', (error) =>
      finish({ ok: false, error: error instanceof RefusedAddressError ? 'refused-address' : 'network', ms: ms() }),
    );
    outgoing.end(body);
  });
};
