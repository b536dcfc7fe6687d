// People and keys managed over the API (issue #13 "admin"): who the caller is, the directory's
// people with their sign-in, and API keys. Everything but `GET /me` needs `admin`.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { peopleProblems } from './problems.js';

const dir = 'functions/people/handlers';
const admin = { scopes: ['admin'] } as const;

/** Each route once, by name: a handler binds to `peopleRoutes.x`, so a path is written only here. */
export const peopleRoutes = {
  getMe: {
    method: 'GET',
    path: '/me',
    function: 'me',
    // No scope: every signed-in person and every key may ask who it is.
    auth: { scopes: [] },
    summary: 'Who the caller is: user id, name, role, team or unit, scopes, and whether a signed-in person or a key',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The caller', json: api.me } },
  },
  listPeople: {
    method: 'GET',
    path: '/people',
    function: 'people',
    auth: admin,
    summary: "The directory's people by user id, each with their sign-in (enabled, Cognito status), a page at a time",
    request: { params: null, query: api.pageQuery, body: null },
    responses: { 200: { description: 'A page of people', json: api.peoplePage } },
  },
  getPerson: {
    method: 'GET',
    path: '/people/{userId}',
    function: 'people',
    auth: admin,
    summary: 'One person with their sign-in and the latest changes made to them (who, when)',
    request: { params: api.personParams, query: null, body: null },
    responses: { 200: { description: 'The person', json: api.personDetail } },
  },
  invitePerson: {
    method: 'POST',
    path: '/people',
    function: 'people',
    idempotency: { key: 'optional' },
    auth: admin,
    summary:
      'Invite a person: their Cognito user (mailed a temporary password) and directory user; a taken userId or email is a 409 person-exists naming the field (Idempotency-Key: a retry invites once)',
    request: { params: null, query: null, body: { schema: api.inviteBody, maxBytes: 4 * 1024 } },
    responses: { 201: { description: 'Invited', json: api.person, headers: ['location'] } },
  },
  disablePerson: {
    method: 'POST',
    path: '/people/{userId}/disable',
    function: 'people',
    auth: admin,
    summary:
      'Disable a person: their tokens are refused at once and Cognito signs them in no more (a stale seq is a 409; disabling twice changes nothing)',
    request: { params: api.personParams, query: null, body: { schema: api.disableBody, maxBytes: 1024 } },
    responses: { 200: { description: 'The person as disabled', json: api.person } },
  },
  changeRole: {
    method: 'PUT',
    path: '/people/{userId}/role',
    function: 'people',
    auth: admin,
    summary:
      "Set a person's role with the team (rep) or unit (dealer) it needs; their Cognito group follows (a stale seq is a 409)",
    request: { params: api.personParams, query: null, body: { schema: api.roleBody, maxBytes: 1024 } },
    responses: { 200: { description: 'The person as changed', json: api.person } },
  },
  listApiKeys: {
    method: 'GET',
    path: '/api-keys',
    function: 'apiKeys',
    auth: admin,
    summary: 'API keys, newest first: label, acting user, role, scopes, who created and revoked them (never the key)',
    request: { params: null, query: api.pageQuery, body: null },
    responses: { 200: { description: 'A page of keys', json: api.keysPage } },
  },
  createApiKey: {
    method: 'POST',
    path: '/api-keys',
    function: 'apiKeys',
    idempotency: { key: 'optional' },
    auth: admin,
    summary:
      'Create a key acting as a directory user: 201 shows the key once; a retry with the same Idempotency-Key makes no second key and answers 200 without it',
    request: { params: null, query: null, body: { schema: api.createKeyBody, maxBytes: 4 * 1024 } },
    responses: {
      201: { description: 'Created: `key` is shown this once', json: api.createdKey, headers: ['location'] },
      200: { description: 'A retry: the key made the first time, without `key`', json: api.createdKey },
    },
  },
  revokeApiKey: {
    method: 'POST',
    path: '/api-keys/{keyId}/revoke',
    function: 'apiKeys',
    auth: admin,
    summary: 'Revoke a key: refused from now on, its record kept (revoking twice changes nothing)',
    request: { params: api.keyParams, query: null, body: null },
    responses: { 200: { description: 'The key as revoked', json: api.apiKey } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const peopleUseCase: UseCaseManifest = {
  name: 'people',
  problems: peopleProblems,
  functions: {
    me: { entry: `${dir}/me.ts`, description: 'Who the caller is', uses: { table: 'read' } },
    people: {
      entry: `${dir}/people.ts`,
      description: 'Admins: invite, list, move and disable people (directory and user pool)',
      uses: { table: 'write', userPool: 'admin' },
    },
    apiKeys: {
      entry: `${dir}/api-keys.ts`,
      description: 'Admins: list, create and revoke API keys',
      uses: { table: 'write' },
    },
  },
  routes: routeList(peopleRoutes),
  subscriptions: [],
  schedules: [],
};
