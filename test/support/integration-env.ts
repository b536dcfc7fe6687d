// Each integration worker talks to the integration project's DynamoDB Local (and CLI processes it
// starts inherit this), whatever else the main process runs.
import { inject } from 'vitest';

Object.assign(process.env, inject('integrationEnv'));
