// Sign-in for people: the one route the console needs beside Cognito's own API — signing out, which
// revokes the refresh token in Cognito and refuses the session's access and ID tokens here at once.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';
import { authorizerProblems } from './problems.js';

export const signOutBody = z.strictObject({
  refreshToken: z.string().check(z.minLength(1, z.required), z.maxLength(8192)),
});

export const signInRoutes = {
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    function: 'signOut',
    auth: { scopes: ['sessions:write'] },
    summary: "Sign out: revokes the person's refresh token and refuses every token of this sign-in from now on",
    request: { params: null, query: null, body: { schema: signOutBody, maxBytes: 16 * 1024 } },
    responses: { 204: { description: 'Signed out' } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const signIn: UseCaseManifest = {
  name: 'sign-in',
  problems: authorizerProblems,
  scopes: {
    admin: {
      en: 'Everything: every scope, and people and keys',
      tr: 'Her şey: her yetki, kişiler ve anahtarlar',
      grantedTo: ['admin'],
      mfa: true,
    },
    'sessions:write': {
      en: "End one's own signed-in session",
      tr: 'Kendi oturumunu kapatır',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'dealer', 'admin', 'marketer'],
    },
  },
  functions: {
    signOut: {
      entry: 'functions/authorizer/handlers/sign-out.ts',
      description: "Signs a person out: revokes the refresh token, records the session's end",
      uses: { table: 'write', userPool: 'verify' },
    },
  },
  routes: routeList(signInRoutes),
  subscriptions: [],
  schedules: [],
};
