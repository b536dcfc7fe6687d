// The link-signing secret: from the environment locally, from Secrets Manager in AWS (read once per
// container, and only by functions that sign or check links, so the rest skip the client's cold start).
import { config } from './config.js';

let cached: Promise<string> | undefined;

const fromSecretsManager = async (arn: string) => {
  const { SecretsManagerClient, GetSecretValueCommand } = await import('@aws-sdk/client-secrets-manager');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!secret.SecretString) throw new Error('The link-signing secret is empty');
  return secret.SecretString;
};

export const signingSecret = (): Promise<string> => {
  cached ??= (async () => {
    const secret = config.signingSecret();
    if (secret) return secret;
    const arn = config.signingSecretArn();
    if (arn) return fromSecretsManager(arn);
    throw new Error('Set SIGNING_SECRET or SIGNING_SECRET_ARN');
  })();
  return cached;
};
