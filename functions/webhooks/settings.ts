// The module's settings from the environment (the CDK stack and the local runtime set the same names).
import type { SendOptions } from './sender.js';
import { sendDefaults } from './sender.js';

/** The local stack sets WEBHOOKS_ALLOW_LOOPBACK=true: its tests' receivers listen on 127.0.0.1. */
export const allowLoopback = () => process.env.WEBHOOKS_ALLOW_LOOPBACK === 'true';

/** WEBHOOKS_TIMEOUT_MS: how long one delivery may take, answer included (5 s unless set). */
export const sendOptions = (): SendOptions => ({
  ...sendDefaults,
  timeoutMs: Number(process.env.WEBHOOKS_TIMEOUT_MS) || sendDefaults.timeoutMs,
  allowLoopback: allowLoopback(),
});
