// The people who sign in to the console: a Cognito user pool (admins invite, nobody signs up, the
// e-mail is the sign-in name), a group per role, and the console's app client (SRP, no secret).
// The authorizer verifies their tokens and reads role, team and unit from the directory.
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  FeaturePlan,
  Mfa,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roles } from '../../shared/http.js';
import type { MailSender } from '../deploy-context.js';

export interface PeopleUserPoolProps {
  /** Invitations and password resets go from the stage's sender, through SES, in this configuration set. */
  mail: { from: MailSender; configurationSetName: string };
}

export class PeopleUserPool extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;

  constructor(scope: Construct, id: string, props: PeopleUserPoolProps) {
    super(scope, id);
    const { from, configurationSetName } = props.mail;
    this.userPool = new UserPool(this, 'Pool', {
      // Cognito's own sender is capped at 50 mails a day per account (Amazon Cognito Developer Guide,
      // "Email settings for user pools"): invitations and resets go through the stage's SES identity
      // (its domain, as DKIM needs) and configuration set, so they count in its bounce/complaint events.
      email: UserPoolEmail.withSES({
        fromEmail: from.address,
        sesVerifiedDomain: from.domain,
        sesRegion: Stack.of(this).region,
        configurationSetName,
      }),
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      autoVerify: { email: true },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      // Essentials: what asking for an authentication level (and so getting `amr`) needs.
      featurePlan: FeaturePlan.ESSENTIALS,
      // USER_AUTH with the password as the first factor: the console's sign-in (console/src/cognito.ts).
      signInPolicy: { allowedFirstAuthFactors: { password: true } },
      deletionProtection: true,
      // People and their MFA devices outlive a redeploy, as the table does.
      removalPolicy: RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE,
    });
    // Mirrors of the directory's role, for Cognito's console and audits; the directory decides.
    for (const role of roles)
      this.userPool.addGroup(`Group-${role}`, { groupName: role, description: `Pusula ${role}s` });

    this.consoleClient = this.userPool.addClient('Console', {
      // A browser app keeps no secret; SRP never sends the password. Refresh tokens are always on.
      generateSecret: false,
      // The console signs in with USER_AUTH asking for an authentication level, so that Cognito reports
      // in `amr` whether a second factor was given (the authorizer's rule for admin scopes). SRP and
      // USER_PASSWORD_AUTH stay for other clients and tools: their tokens carry no `amr`, so they never
      // get those scopes.
      authFlows: { user: true, userSrp: true, userPassword: true },
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG2',
      reason:
        "MFA (TOTP) is optional for the pool and required where it matters: the authorizer withholds admin scopes from any token whose amr lacks mfa (Cognito reports it for the USER_AUTH sign-in that asks for a level), so an admin without a second factor can only read. Requiring MFA for the whole pool would not give that guarantee: Cognito issues tokens on a new user's first sign-in before any factor is set up.",
    });
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Threat protection (advanced security) needs the Plus feature plan, billed per monthly active user; staff are invited by admins, passwords are 12+ characters and admin scopes need MFA. Turn it on with featurePlan PLUS where the budget allows.',
    });
  }
}
