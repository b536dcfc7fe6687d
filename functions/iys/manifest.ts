// İYS (İleti Yönetim Sistemi): the consent ledger kept in step with the national register, both ways.
// It listens to the consent events, reads the ledger and the profile through shared/, and writes only
// its own items (and withdrawals through shared/consent.ts), so no module imports it.

import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { iysMetricNames } from './metrics.js';
import { iysProblems } from './problems.js';

const dir = 'functions/iys/handlers';
const read = { scopes: ['privacy:read'] } as const;

/** Each route once, by name: a handler binds to `iysRoutes.x`, so a path is written only here. */
export const iysRoutes = {
  iysStatus: {
    method: 'GET',
    path: '/iys/status',
    function: 'iysStatus',
    auth: read,
    summary:
      "The İYS sync: consents waiting to reach İYS and the oldest one's age, those İYS refused and why, the last pull, and the latest changes made at İYS with their lag against the law's three working days",
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'Where the sync stands', json: api.syncStatus } },
  },
  iysPushes: {
    method: 'GET',
    path: '/iys/pushes',
    function: 'iysStatus',
    auth: read,
    summary: "One customer's consents as sent to İYS: each ledger entry's push, its state, attempts and lag",
    request: { params: null, query: api.pushesQuery, body: null },
    responses: { 200: { description: "The customer's pushes, newest first", json: api.pushList } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const iys: UseCaseManifest = {
  name: 'iys',
  problems: iysProblems,
  functions: {
    queueIysPushes: {
      entry: `${dir}/queue-pushes.ts`,
      description: 'Queues each consent given or withdrawn in the CRM for IYS, once',
      uses: { table: 'write' },
    },
    pushIysConsents: {
      entry: `${dir}/push-consents.ts`,
      description: 'Sends the consents due to IYS, retrying those it could not reach',
      timeoutSeconds: 60,
      uses: { table: 'write', iys: true },
    },
    pullIysChanges: {
      entry: `${dir}/pull-changes.ts`,
      description: 'Pulls the changes people made at IYS and applies them to the consent ledger',
      timeoutSeconds: 60,
      uses: { table: 'write', iys: true },
    },
    iysStatus: {
      entry: `${dir}/iys-status.ts`,
      description: 'Privacy staff: where the IYS sync stands',
      uses: { table: 'read' },
    },
  },
  routes: routeList(iysRoutes),
  subscriptions: [
    {
      name: 'iys-queue-pushes',
      function: 'queueIysPushes',
      pattern: { source: [catalogue.ConsentGranted.source], 'detail-type': ['ConsentGranted', 'ConsentWithdrawn'] },
    },
  ],
  alarms: [
    {
      metric: iysMetricNames.lag,
      statistic: 'Maximum',
      periodMinutes: 5,
      threshold: 60,
      evaluationPeriods: 3,
      description:
        'A consent change has waited over an hour to reach IYS for 15 minutes: IYS unreachable or the push failing ' +
        '(commercial mail and SMS wait meanwhile); see GET /iys/status and the push function logs.',
    },
    {
      metric: iysMetricNames.waiting,
      statistic: 'Maximum',
      periodMinutes: 5,
      threshold: 1000,
      evaluationPeriods: 3,
      description: 'Over 1000 consent changes waiting for IYS for 15 minutes: the push is not keeping up.',
    },
    {
      metric: iysMetricNames.refused,
      statistic: 'Sum',
      periodMinutes: 60,
      threshold: 0,
      evaluationPeriods: 1,
      description: 'IYS refused a consent change: it is not retried; GET /iys/status lists it with the reason.',
    },
  ],
  schedules: [
    {
      name: 'push-iys-consents',
      function: 'pushIysConsents',
      expression: 'rate(1 minute)',
      timezone: 'Europe/Istanbul',
    },
    {
      name: 'pull-iys-changes',
      function: 'pullIysChanges',
      expression: 'rate(15 minutes)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
