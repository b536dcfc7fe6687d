// Secrets: the link-signing secret from the environment locally, from Secrets Manager in AWS (read once
// per container, and only by functions that use one, so the rest skip the client's cold start).
import { config } from './config.js';

let cached: Promise<string> | undefined;

const read = new Map<string, Promise<string>>();

/** A secret's string from Secrets Manager, read once per container (a failed read is tried again). */
export const secretString = (arn: string): Promise<string> => {
  let value = read.get(arn);
  if (!value) {
    value = (async () => {
      const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
      const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
      if (!secret.SecretString) throw new Error(`The secret ${arn} is empty`);
      return secret.SecretString;
    })();
    value.catch(() => read.delete(arn));
    read.set(arn, value);
  }
  return value;
};

export const signingSecret = (): Promise<string> => {
  cached ??= (async () => {
    const secret = config.signingSecret();
    if (secret) return secret;
    const arn = config.signingSecretArn();
    if (arn) return secretString(arn);
    throw new Error('Set SIGNING_SECRET or SIGNING_SECRET_ARN');
  })();
  return cached;
};
