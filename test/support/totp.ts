// The authenticator app's codes, as the local stack computes them for its demo admin.
export { currentCode, totpCode, wrongCode } from '../../infra/local/totp.js';
