// Configuration comes from the environment; the CDK stack and the local runtime set the same names.
// AWS endpoints are not configuration here: the SDK reads AWS_ENDPOINT_URL_<SERVICE> itself.

const required = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
};

const list = (name: string) =>
  (process.env[name] ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const positive = (name: string, fallback: number) => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1)
    throw new Error(`Environment variable ${name} must be a whole number of at least 1`);
  return number;
};

export const config = {
  tableName: () => required('TABLE_NAME'),
  eventBusName: () => required('EVENT_BUS_NAME'),
  /** Sender of every mail, a verified SES identity. */
  mailFrom: () => required('MAIL_FROM'),
  /** Where links in mail point: the API's public base URL. */
  publicBaseUrl: () => required('PUBLIC_BASE_URL').replace(/\/$/, ''),
  /** The staff console's address (`…/console/`): staff mails link records there. Unset: no link. */
  consoleUrl: () => process.env.CONSOLE_URL,
  /** Origins allowed to post forms and read responses (CORS), and to be redirected to after a form. */
  corsOrigins: () => list('CORS_ORIGINS'),
  /** Gets new leads when no assignment rule matches and nobody in the fallback queue can be mailed. */
  fallbackNotifyEmail: () => process.env.FALLBACK_NOTIFY_EMAIL,
  /** Set on the SES client as the configuration set, so delivery events reach the bus. */
  sesConfigurationSet: () => process.env.SES_CONFIGURATION_SET,
  /** Local and test stacks: every JSON answer is checked against its route's declared schema (drift is a 500). */
  checkResponses: () => process.env.CHECK_RESPONSES === 'true',
  /** The account's SES send rate (messages per second) that campaign workers share; SES's default is 14. */
  sesMaxSendRate: () => {
    const rate = Number(process.env.SES_MAX_SEND_RATE ?? 14);
    if (!Number.isFinite(rate) || rate <= 0) throw new Error('SES_MAX_SEND_RATE must be a positive number');
    return rate;
  },
  /**
   * The campaign reputation gate judges bounce and complaint rates only over at least this many sends
   * in its 30-day window (REPUTATION_MIN_SENDS). SES itself reviews an account's rates over a
   * representative volume, not from the first mails. 1000 by default: the smallest volume at which
   * one complaint is 0.1% (SES's complaint threshold) rather than more — below it a single complaint
   * would close the gate — and at which 50 bounces, not one or two, make the 5% bounce threshold.
   */
  reputationMinimumSends: () => positive('REPUTATION_MIN_SENDS', 1000),
  // ---- permission marketing (subscriptions) ----
  /** The topics a customer can leave one by one on the preference page. */
  marketingTopics: () =>
    list('MARKETING_TOPICS').length ? list('MARKETING_TOPICS') : ['offers', 'newsletter', 'events', 'birthday'],
  /** At most `max` marketing e-mails per customer in each period of `days` days, across campaigns. */
  marketingCap: () => ({ max: positive('MARKETING_CAP_MAX', 4), days: positive('MARKETING_CAP_DAYS', 7) }),
  // ---- SMS (AWS End User Messaging SMS) ----
  /** The registered sender ID (or number) every text is sent from. */
  smsSenderId: () => process.env.SMS_SENDER_ID || 'PUSULA',
  /** The configuration set whose delivery events come back to the CRM. */
  smsConfigurationSet: () => process.env.SMS_CONFIGURATION_SET || undefined,
  /** The account's SMS rate in message parts (segments) per second that campaign workers share. */
  smsMaxSendRate: () => {
    const rate = Number(process.env.SMS_MAX_SEND_RATE ?? 10);
    if (!Number.isFinite(rate) || rate <= 0) throw new Error('SMS_MAX_SEND_RATE must be a positive number');
    return rate;
  },
  /** A text longer than this many segments is refused (its cost grows with every segment). */
  smsMaxSegments: () => positive('SMS_MAX_SEGMENTS', 3),
  /** The estimated price of one segment, in kuruş (minor units of TRY): previews multiply it out. */
  smsSegmentPriceMinor: () => positive('SMS_SEGMENT_PRICE_MINOR', 25),
  /**
   * No commercial text or call in this nightly window, Istanbul time (`HH:MM-HH:MM`, 21:00-09:00 by
   * default); `none` for no window (the end-to-end tests, which run at any hour).
   */
  quietHours: () => {
    const text = process.env.QUIET_HOURS || '21:00-09:00';
    if (text === 'none') return undefined;
    const match = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
    if (!match || text.trim().slice(0, 5) === text.trim().slice(6))
      throw new Error('QUIET_HOURS must be a window like 21:00-09:00');
    const [, fh, fm, th, tm] = match.map(Number) as [number, number, number, number, number];
    return { from: fh * 60 + fm, to: th * 60 + tm };
  },
  // ---- files ----
  /**
   * The private bucket letter runs' PDF parts and import jobs' staged rows are stored in (expired after a
   * while by its lifecycle).
   */
  runFilesBucket: () => required('RUN_FILES_BUCKET'),
  /**
   * Letters (or labels) per letter-run part when the run names no size, at most 5,000: what one part
   * printer renders within a Lambda's 15 minutes and a bounded memory.
   */
  letterPartSize: () => Math.min(5000, positive('LETTER_PART_SIZE', 5000)),
  /** Rows an import job applies per chunk (one event, one progress step), at most 5,000. */
  importChunkRows: () => Math.min(5000, positive('IMPORT_CHUNK_ROWS', 500)),
  /** A local S3-compatible endpoint for that bucket; unset in AWS, where the region's S3 is used. */
  s3Endpoint: () => process.env.AWS_ENDPOINT_URL_S3 || undefined,
  // ---- use cases' settings ----
  /** Business hours a dealer has to accept a request before it is reminded. */
  requestAcceptHours: () => positive('REQUEST_ACCEPT_HOURS', 4),
  /** Days after sending with no answer before a quote's owner is reminded, once. */
  quoteFollowUpDays: () => positive('QUOTE_FOLLOW_UP_DAYS', 3),
  /** How long after resolution a case may be reopened. */
  caseReopenDays: () => positive('CASE_REOPEN_DAYS', 14),
  /** Whether a low survey score reopens the case it answers; off by default. */
  caseReopenOnLowScore: () => process.env.CASE_REOPEN_ON_LOW_SCORE === 'true',
  // ---- integrations ----
  /** The local stack allows it: its tests' webhook receivers listen on 127.0.0.1. */
  webhooksAllowLoopback: () => process.env.WEBHOOKS_ALLOW_LOOPBACK === 'true',
  /** How long one webhook delivery may take, answer included (undefined: the sender's default). */
  webhooksTimeoutMs: () => Number(process.env.WEBHOOKS_TIMEOUT_MS) || undefined,
  /**
   * Where İYS is and who the firm is there (all three or none); the API user locally from the
   * environment, in AWS from the operator's secret that `secretArn` names.
   */
  iys: () => ({
    url: process.env.IYS_URL || undefined,
    iysCode: process.env.IYS_CODE || undefined,
    brandCode: process.env.IYS_BRAND_CODE || undefined,
    username: process.env.IYS_USERNAME || undefined,
    password: process.env.IYS_PASSWORD || undefined,
    secretArn: process.env.IYS_SECRET_ARN || undefined,
  }),
  // ---- the firm's ERP (stock) ----
  /** The ERP bridge's base URL (stock and reservations); unset: no stock features, orders are not checked. */
  erpUrl: () => process.env.ERP_URL?.replace(/\/$/, '') || undefined,
  /** How long one call to the ERP may take before it counts as not answering. */
  erpTimeoutMs: () => positive('ERP_TIMEOUT_MS', 5000),
  /** The directory unit purchase requests for out-of-stock lines are routed to. */
  purchasingUnitId: () => process.env.PURCHASING_UNIT_ID || 'dept-purchasing',
  // ---- sign-in and secrets ----
  /** The staff user pool and its console client (unset where no function needs them). */
  userPoolId: () => process.env.COGNITO_USER_POOL_ID ?? '',
  userPoolClientId: () => process.env.COGNITO_CLIENT_ID ?? '',
  /** Cognito's endpoint: the local pool's, or the region's. */
  cognitoEndpoint: () =>
    process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ??
    `https://cognito-idp.${process.env.AWS_REGION}.amazonaws.com/`,
  /** Local pools only: invited people get this permanent password and no mail. */
  localInvitePassword: () => process.env.LOCAL_INVITE_PASSWORD || undefined,
  /** A local pool: the issuer cognito-local writes, its JWKS address and its keys (JSON), the only ones trusted. */
  localPool: () => ({
    issuer: process.env.COGNITO_ISSUER,
    jwksUri: process.env.COGNITO_JWKS_URI,
    jwks: process.env.COGNITO_JWKS,
  }),
  /** The usage-plan key people's sign-ins are throttled under (the console's). */
  consoleUsageKey: () => process.env.CONSOLE_USAGE_KEY,
  /** API calls one person may make in a UTC day (shared/person-quota.ts). */
  personDailyQuota: () => Number(process.env.PERSON_DAILY_QUOTA || 20_000),
  /** The link-signing secret itself (locally), or the ARN of the secret holding it (in AWS). */
  signingSecret: () => process.env.SIGNING_SECRET || undefined,
  signingSecretArn: () => process.env.SIGNING_SECRET_ARN || undefined,
  /** Where Lambda unpacked the function (assets lie beside it); unset locally. */
  lambdaTaskRoot: () => process.env.LAMBDA_TASK_ROOT || undefined,
} as const;
