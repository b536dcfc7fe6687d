// One signed JSON call to an AWS service whose SDK client the project does not carry (SSM, Lambda):
// the SDK's own SigV4 signer and credential chain, the endpoint the SDK would use (AWS_ENDPOINT_URL_<SERVICE>,
// then AWS_ENDPOINT_URL, then the region's public endpoint), so preflight can be pointed at moto like SES.
import { createHash, createHmac } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';

/** An AWS error answer: its type (`ParameterNotFound`), HTTP status and message. */
export class AwsCallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = code;
  }
}

const bytes = (data: SourceData) =>
  typeof data === 'string' || data instanceof Uint8Array
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

// SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer takes (a Checksum constructor).
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData) {
    this.hash.update(bytes(data));
  }
  async digest() {
    return new Uint8Array(this.hash.digest());
  }
  reset() {}
}

export interface AwsCall {
  /** The endpoint prefix and signing name: `ssm`, `lambda`. */
  service: string;
  region: string;
  method: 'GET' | 'POST';
  path: string;
  /** JSON 1.1 APIs (SSM) name the operation in X-Amz-Target. */
  target?: string;
  body?: unknown;
}

const endpointOf = (service: string, region: string) =>
  process.env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] ||
  process.env.AWS_ENDPOINT_URL ||
  `https://${service}.${region}.amazonaws.com`;

export const awsCall = async <T>({ service, region, method, path, target, body }: AwsCall): Promise<T> => {
  const url = new URL(path, endpointOf(service, region));
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const signer = new SignatureV4({ service, region, credentials: defaultProvider(), sha256: Sha256 });
  const signed = await signer.sign({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port ? Number(url.port) : undefined,
    path: url.pathname,
    headers: {
      host: url.host,
      ...(target ? { 'x-amz-target': target } : {}),
      ...(payload === undefined ? {} : { 'content-type': target ? 'application/x-amz-json-1.1' : 'application/json' }),
    },
    body: payload,
  });
  const response = await fetch(url, { method, headers: signed.headers, body: payload });
  const text = await response.text();
  const answer = text ? JSON.parse(text) : {};
  if (!response.ok) {
    const code = String(answer.__type ?? response.headers.get('x-amzn-errortype') ?? response.status)
      .split('#')
      .pop()!;
    throw new AwsCallError(code.split(':')[0]!, response.status, answer.message ?? answer.Message ?? text);
  }
  return answer as T;
};
