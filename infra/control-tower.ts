// AWS Control Tower's proactive controls, as CloudFormation Guard rules run over the synthesized
// templates by @cdklabs/cdk-validator-cfnguard (test/infra/control-tower.test.ts). Each control these
// stacks do not meet is acknowledged here with why; the plugin's own exclusion (disabledRules, by the
// rule's file name) takes exactly this list, and the test fails on any other finding and on an
// acknowledgement no finding needs any more.
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';

const defaultCloudFrontCertificate =
  "The distribution serves CloudFront's default *.cloudfront.net certificate, which takes no certificate, SNI " +
  "or minimum TLS setting of one's own; the custom-domain step of docs/deployment.md (an ACM certificate for " +
  "the firm's domain, SNI, TLSv1.2_2021) meets this control.";
const noVpc =
  'The functions reach only AWS public endpoints (DynamoDB, EventBridge, SES, Cognito, SQS): a VPC would need ' +
  'NAT gateways or interface endpoints (tens of dollars a month per zone) and adds nothing private to reach.';

/** Control Tower control id (as the plugin reports it) → why these stacks do not meet it. */
export const controlTowerAcknowledgements: Record<string, string> = {
  'CT.ATHENA.PR.2':
    'Query results are encrypted at rest with S3-managed keys (SSE_S3); only the warehouse workgroup writes ' +
    'them, and access is by IAM on the bucket, which a customer-managed KMS key would not narrow.',
  'CT.CLOUDFRONT.PR.4':
    'One origin bucket: S3 is regional and durable, and the console is rebuilt from the repository by any ' +
    'deploy; a failover origin would need a replicated bucket in a second region.',
  'CT.CLOUDFRONT.PR.5':
    'Static files only, the same for everyone; who did what is in the API and authorizer logs (cdk-nag CFR3).',
  'CT.CLOUDFRONT.PR.6': defaultCloudFrontCertificate,
  'CT.CLOUDFRONT.PR.7': defaultCloudFrontCertificate,
  'CT.CLOUDFRONT.PR.9': defaultCloudFrontCertificate,
  'CT.CLOUDWATCH.PR.2':
    'Logs are kept one month on purpose: they serve operations, not audit (records keep their own history ' +
    'in the table), and a shorter life keeps less of whatever a log line may reveal.',
  'CT.CLOUDWATCH.PR.3':
    'CloudWatch Logs encrypts every log group at rest with its own keys; a customer-managed key adds a key ' +
    'policy for the logs service in each region and no access control IAM does not already give.',
  'CT.DYNAMODB.PR.2':
    'DynamoDB encrypts every table at rest (AWS owned key); who may read it is decided by IAM, scoped to the ' +
    "table per function, which a customer-managed key would only duplicate at a key's monthly and per-call price.",
  'CT.KMS.PR.3':
    "CDK's key policy: the account administers the key through IAM and the named services use it; no role " +
    'in these stacks is granted kms:CreateGrant.',
  'CT.LAMBDA.PR.2':
    "API Gateway's permissions name this API's ARN (an ARN in this account) as the source; the control " +
    'also wants aws:SourceAccount, which that ARN already implies.',
  'CT.LAMBDA.PR.3': noVpc,
  'CT.S3.PR.2':
    'The console bucket is read only by CloudFront and the exports bucket only by Athena and the export; ' +
    'S3 server access logs would log those services, and a log bucket of its own.',
  'CT.S3.PR.4': 'Nothing reacts to new objects: deploys write the console, the nightly export writes the exports.',
  'CT.S3.PR.6':
    "The console bucket's contents are replaced by every deploy (prune): there is nothing to expire or move.",
  'CT.S3.PR.9':
    'Deploys replace the console files and exports are replaced nightly: Object Lock would forbid exactly that.',
  'CT.S3.PR.10':
    'S3-managed encryption (SSE-S3): CloudFront reads the console through origin access control, which ' +
    'SSE-KMS would force into a key policy; the exports are read by Athena under IAM alone.',
  'CT.S3.PR.11':
    'The console is rebuilt from the repository by any deploy and the exports from the table (with ' +
    'point-in-time recovery); old versions would only be kept and paid for.',
  'CT.SQS.PR.1': 'These queues are the dead-letter queues: the last stop, with an alarm on their depth.',
};

/** The plugin's rule file name of a control (`CT.S3.PR.2` → `ct-s3-pr-2`). */
export const guardRuleName = (controlId: string) => controlId.toLowerCase().replaceAll('.', '-');

/** The plugin with every acknowledged control excluded: what `cdk synth` may add (a dev dependency). */
export const controlTowerValidator = () =>
  new CfnGuardValidator({
    disabledRules: Object.keys(controlTowerAcknowledgements).map(guardRuleName),
    // The report of two dozen templates exceeds Node's default 1 MB of child output.
    maxBuffer: 256 * 1024 * 1024,
  });
