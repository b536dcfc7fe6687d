import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { activitiesProblems } from './problems.js';

const dir = 'functions/activities/handlers';
const read = { scopes: ['customers:read'] } as const;
const write = { scopes: ['activities:write'] } as const;

/** Each route once, by name: a handler binds to `activityRoutes.x`, so a path is written only here. */
export const activityRoutes = {
  logActivity: {
    method: 'POST',
    path: '/customers/{customerId}/activities',
    function: 'logActivity',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      "Log a call, visit, meeting, to-do or note on the customer's timeline; a call with outcome callback-requested also makes a to-do for the owner, reminded by mail at callbackAt (Idempotency-Key: a retry logs once)",
    request: { params: api.customerParams, query: null, body: { schema: api.logActivityBody, maxBytes: 16 * 1024 } },
    responses: { 201: { description: 'Logged', json: api.loggedActivity, headers: ['location'] } },
  },
  listActivities: {
    method: 'GET',
    path: '/customers/{customerId}/activities',
    function: 'listActivities',
    auth: read,
    summary:
      "The customer's timeline, newest first: calls, visits, meetings, to-dos, notes and every mail and campaign text sent to them",
    request: { params: api.customerParams, query: api.timelineQuery, body: null },
    responses: { 200: { description: 'A page of the timeline', json: api.timelinePage } },
  },
  updateActivity: {
    method: 'PATCH',
    path: '/customers/{customerId}/activities/{activityId}',
    function: 'updateActivity',
    auth: write,
    summary:
      'Edit the notes, or mark a to-do done (or open again): a stale `seq` is a 409; done before its time, no reminder is mailed',
    request: { params: api.activityParams, query: null, body: { schema: api.updateActivityBody, maxBytes: 16 * 1024 } },
    responses: { 200: { description: 'The activity as changed', json: api.activity } },
  },
  getAgenda: {
    method: 'GET',
    path: '/agenda',
    function: 'agenda',
    auth: read,
    summary: "A user's visits, meetings and to-dos in an ISO week, Istanbul time (default: the caller, this week)",
    request: { params: null, query: api.agendaQuery, body: null },
    responses: { 200: { description: 'The week, in time order', json: api.agenda } },
  },
  getTeamAgenda: {
    method: 'GET',
    path: '/agenda/team',
    function: 'agenda',
    auth: read,
    summary:
      "A team's shared agenda for an ISO week: every member's visits, meetings and to-dos (the team's manager; default: the caller's team)",
    request: { params: null, query: api.teamAgendaQuery, body: null },
    responses: { 200: { description: 'The week, in time order, one entry per person', json: api.teamAgenda } },
  },
  getOverdueTodos: {
    method: 'GET',
    path: '/agenda/overdue',
    function: 'agenda',
    auth: read,
    summary:
      "The caller's open to-dos and callbacks past their due time, oldest due first, whatever week they fell in (paged)",
    request: { params: null, query: api.overdueQuery, body: null },
    responses: { 200: { description: 'A page of overdue to-dos', json: api.overdueTodos } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const activitiesUseCase: UseCaseManifest = {
  name: 'activities',
  events,
  // `timeline`, not `activities`: GET /customers/{id}/activities is the activities use case's own list.
  recordParts: { timeline: { place: 60 } },
  problems: activitiesProblems,
  scopes: {
    'activities:write': {
      en: 'Log and edit calls, meetings and tasks (reading takes customers:read)',
      tr: 'Arama, toplantı ve görev kaydeder, düzenler (okumak customers:read ister)',
      grantedTo: ['rep', 'manager', 'director', 'agent'],
    },
  },
  functions: {
    logActivity: {
      entry: `${dir}/log-activity.ts`,
      description: 'Staff, call center: log an activity on a customer',
      uses: { table: 'write' },
    },
    listActivities: {
      entry: `${dir}/list-activities.ts`,
      description: "A customer's timeline",
      uses: { table: 'read' },
    },
    updateActivity: {
      entry: `${dir}/update-activity.ts`,
      description: 'Edit notes, tick a to-do off',
      uses: { table: 'write' },
    },
    agenda: {
      entry: `${dir}/agenda.ts`,
      description: "A user's or a team's week, and the caller's overdue to-dos",
      uses: { table: 'read' },
    },
    sweepReminders: {
      entry: `${dir}/sweep-reminders.ts`,
      description: 'Finds open to-dos that fell due',
      uses: { table: 'write' },
    },
    mailReminder: {
      entry: `${dir}/mail-reminder.ts`,
      description: "Mails a due to-do's assignee",
      uses: { table: 'write', mail: true },
    },
  },
  routes: routeList(activityRoutes),
  subscriptions: [
    {
      name: 'mail-reminder',
      function: 'mailReminder',
      pattern: { source: [events.TodoReminderDue.source], 'detail-type': ['TodoReminderDue'] },
    },
  ],
  // Every minute: a callback reminder goes out within a minute of the time the customer asked for.
  schedules: [
    {
      name: 'sweep-todo-reminders',
      function: 'sweepReminders',
      expression: 'rate(1 minute)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
