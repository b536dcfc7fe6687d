// Cognito's admin operations (signed with the caller's AWS credentials): what `npm start` uses to set
// up the local pool and its demo people, and `npm run users` to manage people in any pool.
import { CognitoIdentityProvider } from '@aws-sdk/client-cognito-identity-provider';
import { roles } from '../../shared/http.js';

// Locally AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points the client at cognito-local.
let client: CognitoIdentityProvider | undefined;
const cognito = () => {
  client ??= new CognitoIdentityProvider({});
  return client;
};

type Operation = keyof CognitoIdentityProvider & string;

/** One admin operation by its API name (`AdminGetUser`), signed with the caller's AWS credentials. */
export const adminCall = async <T = Record<string, unknown>>(operation: string, input: Record<string, unknown>): Promise<T> => {
  const method = `${operation[0]!.toLowerCase()}${operation.slice(1)}` as Operation;
  return (await (cognito()[method] as unknown as (input: Record<string, unknown>) => Promise<unknown>).call(cognito(), input)) as T;
};

export const isCognitoError = (error: unknown, type: string) => (error as Error | undefined)?.name === type;

type Attribute = { Name: string; Value: string };
export interface PoolUser {
  sub: string;
  email: string;
  enabled: boolean;
}

const poolUser = (user: { Attributes?: Attribute[]; UserAttributes?: Attribute[]; Enabled?: boolean }): PoolUser => {
  const attributes = user.Attributes ?? user.UserAttributes ?? [];
  const value = (name: string) => attributes.find((a) => a.Name === name)?.Value ?? '';
  return { sub: value('sub'), email: value('email'), enabled: user.Enabled !== false };
};

/** The Cognito user signing in with this e-mail, if there is one. */
export const findPoolUser = async (userPoolId: string, email: string): Promise<PoolUser | undefined> => {
  try {
    return poolUser(await adminCall('AdminGetUser', { UserPoolId: userPoolId, Username: email }));
  } catch (error) {
    if (isCognitoError(error, 'UserNotFoundException')) return undefined;
    throw error;
  }
};

export const listPoolUsers = async (userPoolId: string): Promise<PoolUser[]> => {
  const users: PoolUser[] = [];
  let token: string | undefined;
  do {
    const page = await adminCall<{ Users: { Attributes: Attribute[]; Enabled: boolean }[]; PaginationToken?: string }>('ListUsers', {
      UserPoolId: userPoolId,
      ...(token ? { PaginationToken: token } : {}),
    });
    users.push(...page.Users.map(poolUser));
    token = page.PaginationToken;
  } while (token);
  return users;
};

/**
 * A Cognito user for the e-mail, in the role's group. With a password (local demo people) it is set
 * permanent and nothing is mailed; without one Cognito mails the invitation with a temporary password.
 */
export const createPoolUser = async (userPoolId: string, email: string, role: string, password?: string): Promise<PoolUser> => {
  const created = await adminCall<{ User: { Attributes: Attribute[]; Enabled: boolean } }>('AdminCreateUser', {
    UserPoolId: userPoolId,
    Username: email,
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
    DesiredDeliveryMediums: ['EMAIL'],
    ...(password ? { MessageAction: 'SUPPRESS' } : {}),
  });
  if (password) await setPassword(userPoolId, email, password);
  await adminCall('AdminAddUserToGroup', { UserPoolId: userPoolId, Username: email, GroupName: role });
  return poolUser(created.User);
};

export const setPassword = (userPoolId: string, email: string, password: string) =>
  adminCall('AdminSetUserPassword', { UserPoolId: userPoolId, Username: email, Password: password, Permanent: true });

/** Groups mirror the directory's role, for Cognito's console and reports; the authorizer reads the directory. */
export const moveToGroup = async (userPoolId: string, email: string, from: string, to: string) => {
  await adminCall('AdminRemoveUserFromGroup', { UserPoolId: userPoolId, Username: email, GroupName: from });
  await adminCall('AdminAddUserToGroup', { UserPoolId: userPoolId, Username: email, GroupName: to });
};

export const disablePoolUser = (userPoolId: string, email: string) => adminCall('AdminDisableUser', { UserPoolId: userPoolId, Username: email });

/** The pool as the CDK makes it in AWS (infra/constructs/user-pool.ts), on cognito-local. */
export const createLocalPool = async () => {
  const { UserPool } = await adminCall<{ UserPool: { Id: string } }>('CreateUserPool', {
    PoolName: 'pusula-people',
    UsernameAttributes: ['email'],
    MfaConfiguration: 'OPTIONAL',
    Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
  });
  const { UserPoolClient } = await adminCall<{ UserPoolClient: { ClientId: string } }>('CreateUserPoolClient', {
    UserPoolId: UserPool.Id,
    ClientName: 'console',
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AccessTokenValidity: 1,
    IdTokenValidity: 1,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'hours', IdToken: 'hours', RefreshToken: 'days' },
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
  });
  for (const role of roles) await adminCall('CreateGroup', { UserPoolId: UserPool.Id, GroupName: role });
  return { userPoolId: UserPool.Id, clientId: UserPoolClient.ClientId };
};
