// POST /auth/sign-out — Cognito revokes the refresh token (and the access tokens it minted, for its
// own API); the authorizer verifies tokens offline, so the session's end is also recorded here and
// every token of this sign-in is refused from then on. Keys are revoked with `npm run keys`.

import { config } from '../../../shared/config.js';
import { route } from '../../../shared/http.js';
import { ProblemError, ValidationError } from '../../../shared/problems.js';
import { CognitoError, revokeRefreshToken } from '../cognito.js';
import { signInRoutes } from '../manifest.js';
import { recordSignOut } from '../people.js';
import { isSessionKeyId } from '../person.js';

/** What Cognito answers for a token that is not this client's live refresh token. */
const refused = new Set(['NotAuthorizedException', 'UnsupportedTokenTypeException', 'InvalidParameterException']);

export const handler = route(signInRoutes.signOut, async ({ actor, body }) => {
  if (!isSessionKeyId(actor.keyId)) {
    throw new ProblemError(422, 'not-signed-in', {
      en: 'A key has no session to end; revoke it with npm run keys -- revoke.',
      tr: 'Bir anahtarın sonlandırılacak oturumu yok; npm run keys -- revoke ile iptal edin.',
    });
  }
  try {
    await revokeRefreshToken(config.userPoolClientId(), body.refreshToken);
  } catch (error) {
    if (error instanceof CognitoError && refused.has(error.type)) {
      throw new ValidationError([
        {
          path: 'refreshToken',
          message: {
            en: 'Not a refresh token of this sign-in client.',
            tr: 'Bu oturum açma istemcisinin yenileme belirteci değil.',
          },
        },
      ]);
    }
    throw error;
  }
  await recordSignOut(actor.keyId);
  return { statusCode: 204, headers: {}, body: '' };
});
