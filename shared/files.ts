// Files too big for an item (a letter run's print-ready PDFs) in the CRM's run-files bucket: each written
// once under a key never reused, read back whole. Locally the bucket is an S3-compatible stand-in.
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { config } from './config.js';

let client: { endpoint: string | undefined; s3: S3Client } | undefined;

/** Created on first use; a local endpoint is addressed by path (`/<bucket>/<key>`), as stand-ins want. */
const s3 = () => {
  const endpoint = config.s3Endpoint();
  if (!client || client.endpoint !== endpoint)
    client = { endpoint, s3: new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {}) };
  return client.s3;
};

export const putFile = async (key: string, body: Uint8Array, contentType: string) => {
  await s3().send(
    new PutObjectCommand({ Bucket: config.runFilesBucket(), Key: key, Body: body, ContentType: contentType }),
  );
};

/** The file's bytes, or undefined when there is none under `key`. */
export const getFile = async (key: string): Promise<Uint8Array | undefined> => {
  try {
    const { Body } = await s3().send(new GetObjectCommand({ Bucket: config.runFilesBucket(), Key: key }));
    return Body ? await Body.transformToByteArray() : undefined;
  } catch (error) {
    if ((error as Error).name === 'NoSuchKey') return undefined;
    throw error;
  }
};
