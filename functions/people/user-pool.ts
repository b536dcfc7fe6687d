// Cognito's admin operations on people (signed with the caller's AWS credentials): what the people
// use case, `npm run users` and `npm start` (the local pool's demo people) use. Locally
// AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points the client at cognito-local.
import { CognitoIdentityProvider } from '@aws-sdk/client-cognito-identity-provider';
import { normalizeEmail } from '../../shared/contact.js';

let client: CognitoIdentityProvider | undefined;
const cognito = () => {
  client ??= new CognitoIdentityProvider({});
  return client;
};

type Operation = keyof CognitoIdentityProvider & string;

/** One admin operation by its API name (`AdminGetUser`), signed with the caller's AWS credentials. */
export const adminCall = async <T = Record<string, unknown>>(
  operation: string,
  input: Record<string, unknown>,
): Promise<T> => {
  const method = `${operation[0]!.toLowerCase()}${operation.slice(1)}` as Operation;
  return (await (cognito()[method] as unknown as (input: Record<string, unknown>) => Promise<unknown>).call(
    cognito(),
    input,
  )) as T;
};

export const isCognitoError = (error: unknown, type: string) => (error as Error | undefined)?.name === type;

type Attribute = { Name: string; Value: string };
export interface PoolUser {
  /** The name the pool knows them by: the address lower-cased, or as typed for people invited before. */
  username: string;
  sub: string;
  email: string;
  enabled: boolean;
  /** Cognito's UserStatus: `CONFIRMED`, `FORCE_CHANGE_PASSWORD` (invited, not signed in yet), … */
  status: string;
}

const poolUser = (
  username: string,
  user: { Attributes?: Attribute[]; UserAttributes?: Attribute[]; Enabled?: boolean; UserStatus?: string },
): PoolUser => {
  const attributes = user.Attributes ?? user.UserAttributes ?? [];
  const value = (name: string) => attributes.find((a) => a.Name === name)?.Value ?? '';
  return {
    username,
    sub: value('sub'),
    email: value('email'),
    enabled: user.Enabled !== false,
    status: user.UserStatus ?? 'UNKNOWN',
  };
};

const getPoolUser = async (userPoolId: string, username: string): Promise<PoolUser | undefined> => {
  try {
    return poolUser(username, await adminCall('AdminGetUser', { UserPoolId: userPoolId, Username: username }));
  } catch (error) {
    if (isCognitoError(error, 'UserNotFoundException')) return undefined;
    throw error;
  }
};

/**
 * The Cognito user signing in with this e-mail, if there is one. The pool tells letter cases apart:
 * people are made under the lower-cased address, and people made before that under the address as
 * it was typed, which is asked second.
 */
export const findPoolUser = async (userPoolId: string, email: string): Promise<PoolUser | undefined> => {
  const normalized = normalizeEmail(email);
  return (
    (await getPoolUser(userPoolId, normalized)) ?? (email !== normalized ? getPoolUser(userPoolId, email) : undefined)
  );
};

/**
 * A Cognito user for the e-mail (lower-cased: one mailbox, one sign-in), in the role's group. With a
 * password (local pools) it is set permanent and nothing is mailed; without one Cognito mails the
 * invitation with a temporary password.
 */
export const createPoolUser = async (
  userPoolId: string,
  typed: string,
  role: string,
  password?: string,
): Promise<PoolUser> => {
  const email = normalizeEmail(typed);
  const created = await adminCall<{ User: { Attributes: Attribute[]; Enabled: boolean; UserStatus?: string } }>(
    'AdminCreateUser',
    {
      UserPoolId: userPoolId,
      Username: email,
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
      DesiredDeliveryMediums: ['EMAIL'],
      ...(password ? { MessageAction: 'SUPPRESS' } : {}),
    },
  );
  if (password) await setPassword(userPoolId, email, password);
  await adminCall('AdminAddUserToGroup', { UserPoolId: userPoolId, Username: email, GroupName: role });
  return poolUser(email, created.User);
};

// The operations below take the pool's own name for the person (`PoolUser.username`).
export const deletePoolUser = (userPoolId: string, username: string) =>
  adminCall('AdminDeleteUser', { UserPoolId: userPoolId, Username: username });

export const setPassword = (userPoolId: string, username: string, password: string) =>
  adminCall('AdminSetUserPassword', {
    UserPoolId: userPoolId,
    Username: username,
    Password: password,
    Permanent: true,
  });

/** Groups mirror the directory's role, for Cognito's console and reports; the authorizer reads the directory. */
export const moveToGroup = async (userPoolId: string, username: string, from: string, to: string) => {
  await adminCall('AdminRemoveUserFromGroup', { UserPoolId: userPoolId, Username: username, GroupName: from });
  await adminCall('AdminAddUserToGroup', { UserPoolId: userPoolId, Username: username, GroupName: to });
};

export const disablePoolUser = (userPoolId: string, username: string) =>
  adminCall('AdminDisableUser', { UserPoolId: userPoolId, Username: username });

/** What the stack grants a function whose manifest says `userPool: 'admin'`: exactly these, on its pool. */
export const poolAdminActions = [
  'AdminGetUser',
  'AdminCreateUser',
  'AdminDeleteUser',
  'AdminSetUserPassword',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'AdminDisableUser',
] as const;
