// The code an authenticator app shows (RFC 6238: HMAC-SHA1, 30 s steps, 6 digits) for a Cognito TOTP
// secret (base32): the local demo admin's second factor, and what tests answer as a person would.
import { createHmac } from 'node:crypto';

const base32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

const decode = (secret: string) => {
  let bits = '';
  for (const char of secret.toUpperCase().replace(/=+$/, '')) bits += base32.indexOf(char).toString(2).padStart(5, '0');
  return Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => Number.parseInt(byte, 2)));
};

export const totpCode = (secret: string, at = Date.now()) => {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)));
  const mac = createHmac('sha1', decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
};

/** A code that is not the current one (nor the neighbouring steps a server may accept). */
export const wrongCode = (secret: string) => {
  const near = new Set([-30_000, 0, 30_000].map((d) => totpCode(secret, Date.now() + d)));
  return ['000000', '111111', '222222', '333333'].find((c) => !near.has(c))!;
};

/** The current code, waiting out the last 2 s of a step so the code is still current when it arrives. */
export const currentCode = async (secret: string) => {
  const left = 30_000 - (Date.now() % 30_000);
  if (left < 2_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return totpCode(secret);
};
