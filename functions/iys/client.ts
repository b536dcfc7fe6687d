// The İYS client: a token by password grant (kept until shortly before it expires), one consent at a
// time, one recipient's status, and the change list. Where İYS is and who the firm is come from the
// environment (IYS_URL, IYS_CODE, IYS_BRAND_CODE); the API user from IYS_USERNAME and IYS_PASSWORD
// locally, or in AWS from the secret IYS_SECRET_ARN names (`{"username": …, "password": …}`, set by the
// operator). Anything missing: the client is "not configured" and every push waits.
import { config } from '../../shared/config.js';
import { secretString } from '../../shared/secrets.js';
import type { IysConsent } from './domain/iys.js';

export interface IysSettings {
  url: string;
  iysCode: string;
  brandCode: string;
  username: string;
  password: string;
}

/** The API user: from the environment locally, from the operator's secret in AWS (empty until set). */
const apiUser = async (): Promise<{ username?: string; password?: string }> => {
  const { username, password, secretArn } = config.iys();
  if (username || !secretArn) return { username, password };
  try {
    return JSON.parse(await secretString(secretArn)) as { username?: string; password?: string };
  } catch {
    return {};
  }
};

export const iysSettings = async (): Promise<IysSettings | undefined> => {
  const { url, iysCode, brandCode } = config.iys();
  if (!url || !iysCode || !brandCode) return undefined;
  const { username, password } = await apiUser();
  if (!username || !password) return undefined;
  return { url, iysCode, brandCode, username, password };
};

/** İYS answered, and refused the record (4xx other than 401/429): sending it again changes nothing. */
export class IysRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** İYS could not be reached, was down or was busy: try again later. */
export class IysUnavailableError extends Error {}

export interface IysChangeRecord extends IysConsent {
  id: number;
  transactionId?: string;
  creationDate?: string;
}

const TIMEOUT_MS = 5000;
let token: { value: string; until: number; url: string } | undefined;

const call = async (settings: IysSettings, path: string, init: RequestInit) => {
  let response: Response;
  try {
    response = await fetch(`${settings.url}${path}`, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    throw new IysUnavailableError(`İYS unreachable: ${(error as Error).message}`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (response.ok) return body;
  if (response.status >= 500 || response.status === 429 || response.status === 401)
    throw new IysUnavailableError(`İYS answered ${response.status}`);
  const first = (body.errors as { code?: string; message?: string }[] | undefined)?.[0];
  throw new IysRefusedError(response.status, first?.code ?? String(response.status), first?.message ?? 'refused');
};

const accessToken = async (settings: IysSettings, now: number) => {
  if (token && token.url === settings.url && token.until > now) return token.value;
  const body = await call(settings, '/oauth2/token', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: settings.username, password: settings.password }),
  });
  const expiresIn = Number(body.expires_in) || 3600;
  token = { value: String(body.access_token), until: now + (expiresIn - 60) * 1000, url: settings.url };
  return token.value;
};

const authorised = async (settings: IysSettings, path: string, init: RequestInit) => {
  const bearer = await accessToken(settings, Date.now());
  try {
    return await call(settings, path, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    });
  } catch (error) {
    // A token İYS no longer knows: the next call asks for a new one.
    if (error instanceof IysUnavailableError) token = undefined;
    throw error;
  }
};

const consentsPath = (s: IysSettings) => `/sps/${s.iysCode}/brands/${s.brandCode}/consents`;

/** Adds one consent (approval or refusal); İYS answers its transaction id. */
export const addConsent = async (settings: IysSettings, consent: IysConsent) => {
  const body = await authorised(settings, consentsPath(settings), { method: 'POST', body: JSON.stringify(consent) });
  return { transactionId: String(body.transactionId ?? ''), creationDate: String(body.creationDate ?? '') };
};

/** One recipient's status for one type, or undefined when İYS has none. */
export const consentStatus = async (settings: IysSettings, recipient: string, type: string) => {
  try {
    return (await authorised(settings, `${consentsPath(settings)}/status`, {
      method: 'POST',
      body: JSON.stringify({ recipient, type }),
    })) as unknown as IysChangeRecord;
  } catch (error) {
    if (error instanceof IysRefusedError && error.status === 404) return undefined;
    throw error;
  }
};

/** The changes people made at İYS itself after `after`, oldest first. */
export const changesAfter = async (settings: IysSettings, after: number, limit: number) => {
  const query = new URLSearchParams({ source: 'IYS', after: String(after), limit: String(limit) });
  const body = await authorised(settings, `${consentsPath(settings)}/changes?${query}`, { method: 'GET' });
  return { list: (body.list as IysChangeRecord[] | undefined) ?? [], after: Number(body.after ?? after) };
};
