// What a deployment must say about itself (CDK context, `-c key=value` or cdk.json), checked at synth
// so that a stack which would deploy and then fail (every send refused, the wrong region) never does.
import addressparser from 'nodemailer/lib/addressparser/index.js';

export interface MailSender {
  /** As configured, display name included: the From header of every mail. */
  header: string;
  /** The bare address: an SES identity. */
  address: string;
  /** The address's domain: the other SES identity a send may be authorized by. */
  domain: string;
}

export interface DeployContext {
  region: string;
  /** A copy of the CRM in an account: every stack and physical name carries it (and the region). */
  stage: string;
  mailFrom: MailSender;
  corsOrigins: string;
  publicBaseUrl?: string;
  alarmEmail?: string;
  fallbackNotifyEmail?: string;
  /** Campaign and subscription settings by their environment names; only those the context gives. */
  marketing: Record<string, string>;
  /** The Amazon Connect instance whose contact flows may invoke the caller lookup; none: no instance may. */
  connectInstanceArn?: string;
  /** Where İYS is and who the firm is there (IYS_URL, IYS_CODE, IYS_BRAND_CODE); none: consents wait. */
  iys: Record<string, string>;
  /** The firm's ERP bridge (ERP_URL) for stock; none: no stock shown or checked. */
  erpUrl?: string;
  /** The alphanumeric sender ID registered for Turkey that every text goes from. */
  smsSenderId: string;
}

/** Reads one context value; an empty string is the same as none. */
export type ContextReader = (key: string) => unknown;

/** The placeholder every message and the README use: a form synth accepts, to be replaced by your own domain. */
export const exampleSender = 'crm@your-domain.com.tr';

// RFC 2606 and RFC 6761 names: SES can never verify them, so every send from them is refused.
const reservedDomain = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i;
const plainAddress = /^[^\s@]+@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/i;

/** One mailbox (`crm@firma.com.tr` or `"Pusula CRM" <crm@firma.com.tr>`), parsed by nodemailer. */
export const parseMailbox = (value: string, key: string) => {
  const parsed = addressparser(value, { flatten: false });
  const address = parsed.length === 1 ? parsed[0]?.address : undefined;
  if (!address || !plainAddress.test(address)) {
    throw new Error(
      `Context ${key} must be one e-mail address at a domain with a dot in it, like ${exampleSender} or ` +
        `"Your Firm" <${exampleSender}>; got ${JSON.stringify(value)}.`,
    );
  }
  return { address, domain: address.slice(address.lastIndexOf('@') + 1).toLowerCase() };
};

export const mailSender = (value: string | undefined): MailSender => {
  if (!value) {
    throw new Error(
      `Set the sender of every mail: -c mailFrom=${exampleSender}, an address whose address or domain is ` +
        'verified in SES in this region.',
    );
  }
  const { address, domain } = parseMailbox(value, 'mailFrom');
  if (reservedDomain.test(domain)) {
    throw new Error(
      `Context mailFrom is ${address}, at a reserved example domain SES can never verify: set an address at your ` +
        `own domain, verified in SES, like ${exampleSender}.`,
    );
  }
  return { header: value.trim(), address, domain };
};

/**
 * The region is never guessed: the data stack is retained where it first lands. The CDK CLI sets
 * CDK_DEFAULT_REGION to us-east-1 when it finds no region at all, so that value counts only when
 * AWS_REGION or AWS_DEFAULT_REGION says the same.
 */
const regionCode = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export const deploymentRegion = (contextRegion: string | undefined, env: NodeJS.ProcessEnv = process.env): string => {
  if (contextRegion && !regionCode.test(contextRegion)) {
    const got = JSON.stringify(contextRegion);
    throw new Error(`Context region must be an AWS region code, like eu-central-1; got ${got}.`);
  }
  if (contextRegion) return contextRegion;
  const stated = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  const cdkDefault = env.CDK_DEFAULT_REGION;
  if (cdkDefault && (cdkDefault !== 'us-east-1' || stated === cdkDefault)) return cdkDefault;
  if (!cdkDefault && stated) return stated;
  throw new Error(
    'No AWS region is configured: pass -c region=<region> (e.g. eu-central-1), or set AWS_REGION or a region in your AWS profile.' +
      (cdkDefault ? ' The CDK CLI fell back to us-east-1 on its own; if you mean it, say -c region=us-east-1.' : ''),
  );
};

/** The stage when `-c stage=…` is not given: one copy per account and region needs no name. */
export const defaultStage = 'prod';

// Stack names take letters, digits and hyphens; Glue and Athena names only lower case, digits and
// `_`, which a hyphen maps to. 20 characters keep every derived name within CloudFront's 64.
const stagePattern = /^[a-z][a-z0-9-]{0,18}[a-z0-9]$|^[a-z]$/;

export const deploymentStage = (value: string | undefined): string => {
  if (value === undefined) return defaultStage;
  if (!stagePattern.test(value)) {
    throw new Error(
      'Context stage must be 1–20 lower-case letters, digits and hyphens, starting with a letter and not ending ' +
        `with a hyphen (like prod, test, eu-pilot); got ${JSON.stringify(value)}.`,
    );
  }
  return value;
};

// Permission marketing (functions/campaigns): context key → environment name, and the check at synth.
const wholeNumber = (value: string) => /^[1-9]\d*$/.test(value);
const marketingSettings = {
  sesMaxSendRate: {
    env: 'SES_MAX_SEND_RATE',
    valid: (v: string) => Number.isFinite(Number(v)) && Number(v) > 0,
    wants: 'a positive number of mails per second',
  },
  marketingTopics: {
    env: 'MARKETING_TOPICS',
    valid: (v: string) => /^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$/.test(v),
    wants: 'comma-separated topic names like offers,newsletter',
  },
  marketingCapMax: { env: 'MARKETING_CAP_MAX', valid: wholeNumber, wants: 'a whole number of at least 1' },
  marketingCapDays: { env: 'MARKETING_CAP_DAYS', valid: wholeNumber, wants: 'a whole number of at least 1' },
} as const;

const marketingEnvironment = (optional: (key: string) => string | undefined) => {
  const environment: Record<string, string> = {};
  for (const [key, { env, valid, wants }] of Object.entries(marketingSettings)) {
    const value = optional(key)?.replace(/\s+/g, '');
    if (value === undefined) continue;
    if (!valid(value)) throw new Error(`Context ${key} must be ${wants}; got ${JSON.stringify(value)}.`);
    environment[env] = value;
  }
  return environment;
};

/** An origin as browsers send it: scheme and host (and port), nothing after. */
const isOrigin = (value: string) => {
  try {
    const url = new URL(value);
    return ['http:', 'https:'].includes(url.protocol) && url.origin === value;
  } catch {
    return false;
  }
};

const corsOriginsOf = (value: string | undefined) => {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  const bad = origins.find((origin) => !isOrigin(origin));
  if (bad !== undefined) {
    throw new Error(
      'Context corsOrigins must be comma-separated origins (scheme and host, no path or trailing slash), like ' +
        `https://www.your-domain.com.tr,https://shop.your-domain.com.tr; got ${JSON.stringify(bad)}.`,
    );
  }
  return origins.join(',');
};

const baseUrlOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(
      'Context publicBaseUrl must be an https URL without query, like https://crm.your-domain.com.tr; ' +
        `got ${JSON.stringify(value)}.`,
    );
  }
  return value;
};

const connectInstance = /^arn:aws[a-z-]*:connect:[a-z]{2}(-[a-z]+)+-\d+:\d{12}:instance\/[0-9a-f-]{36}$/;

/** An Amazon Connect instance ARN, checked: a typo would grant nothing and fail only at the first call. */
export const connectInstanceArnOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  if (!connectInstance.test(value)) {
    throw new Error(
      'Context connectInstanceArn must be an Amazon Connect instance ARN, like ' +
        `arn:aws:connect:eu-central-1:123456789012:instance/<instance id>; got ${JSON.stringify(value)}.`,
    );
  }
  return value;
};

// İYS (functions/iys): all three or none. The API user is not context: it goes into the stage's secret.
const iysSettings = {
  iysUrl: {
    env: 'IYS_URL',
    valid: (v: string) => URL.canParse(v) && new URL(v).protocol === 'https:' && !new URL(v).search,
    wants: "İYS's https API address, without a query",
  },
  iysCode: { env: 'IYS_CODE', valid: (v: string) => /^\d{1,12}$/.test(v), wants: "the firm's İYS number (digits)" },
  iysBrandCode: {
    env: 'IYS_BRAND_CODE',
    valid: (v: string) => /^\d{1,12}$/.test(v),
    wants: 'the brand code at İYS (digits)',
  },
} as const;

export const iysEnvironmentOf = (optional: (key: string) => string | undefined) => {
  const given = Object.keys(iysSettings).filter((key) => optional(key) !== undefined);
  if (given.length === 0) return {};
  if (given.length < 3)
    throw new Error(
      `Context iysUrl, iysCode and iysBrandCode go together; got only ${given.join(', ')}: give all three or none.`,
    );
  const environment: Record<string, string> = {};
  for (const [key, { env, valid, wants }] of Object.entries(iysSettings)) {
    const value = optional(key)!;
    if (!valid(value)) throw new Error(`Context ${key} must be ${wants}; got ${JSON.stringify(value)}.`);
    environment[env] = value;
  }
  return environment;
};

// The ERP bridge (functions/erp): an https address the stock functions call; none turns stock off.
export const erpUrlOf = (value: string | undefined) => {
  if (value === undefined) return undefined;
  if (!URL.canParse(value) || new URL(value).protocol !== 'https:' || new URL(value).search)
    throw new Error(
      `Context erpUrl must be the ERP bridge's https address, without a query; got ${JSON.stringify(value)}.`,
    );
  return value.replace(/\/$/, '');
};

/** The sender ID texts go from when the context names none. */
export const defaultSmsSenderId = 'PUSULA';

/**
 * A sender ID as End User Messaging SMS takes one: up to 11 letters (A–Z, no Turkish letters) and digits,
 * at least one letter. Checked here: a wrong one would deploy and fail at the first text.
 */
export const smsSenderIdOf = (value: string | undefined) => {
  if (value === undefined) return defaultSmsSenderId;
  if (!/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/.test(value))
    throw new Error(
      'Context smsSenderId must be the sender ID registered for Turkey: up to 11 letters A–Z (no Turkish ' +
        `letters, no spaces) and digits, at least one letter, like FIRMAADI; got ${JSON.stringify(value)}.`,
    );
  return value;
};

export const deployContext = (read: ContextReader, env: NodeJS.ProcessEnv = process.env): DeployContext => {
  const optional = (key: string) => {
    const value = read(key);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const fallbackNotifyEmail = optional('fallbackNotifyEmail');
  if (fallbackNotifyEmail) parseMailbox(fallbackNotifyEmail, 'fallbackNotifyEmail');
  const alarmEmail = optional('alarmEmail');
  if (alarmEmail) parseMailbox(alarmEmail, 'alarmEmail');
  return {
    region: deploymentRegion(optional('region'), env),
    stage: deploymentStage(optional('stage')),
    mailFrom: mailSender(optional('mailFrom')),
    corsOrigins: corsOriginsOf(optional('corsOrigins')),
    publicBaseUrl: baseUrlOf(optional('publicBaseUrl')),
    alarmEmail,
    fallbackNotifyEmail,
    marketing: marketingEnvironment(optional),
    connectInstanceArn: connectInstanceArnOf(optional('connectInstanceArn')),
    iys: iysEnvironmentOf(optional),
    erpUrl: erpUrlOf(optional('erpUrl')),
    smsSenderId: smsSenderIdOf(optional('smsSenderId')),
  };
};
