// The module's settings from the configuration (the CDK stack and the local runtime set the same names).
import { config } from '../../shared/config.js';
import type { SendOptions } from './sender.js';
import { sendDefaults } from './sender.js';

export const allowLoopback = config.webhooksAllowLoopback;

/** How long one delivery may take, answer included (5 s unless set). */
export const sendOptions = (): SendOptions => ({
  ...sendDefaults,
  timeoutMs: config.webhooksTimeoutMs() ?? sendDefaults.timeoutMs,
  allowLoopback: allowLoopback(),
});
