// cognito-local as the local stack runs it: signing with this data folder's key, not the key its package
// publishes (with which anyone could mint a token the local API would take, an admin's included), and
// answering CORS only for the console's own origins instead of any page's. Both are swapped in through
// the module cache before cognito-local loads, so its code runs unchanged.
'use strict';
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');

const packageDir = dirname(require.resolve('cognito-local/package.json'));
const resolve = (request) => require.resolve(request, { paths: [packageDir] });

const key = JSON.parse(readFileSync(process.env.PUSULA_COGNITO_SIGNING_KEY, 'utf8'));
// Its token generator signs with `.pem` of the first file; its JWKS route serves `.jwk` of the second.
Object.assign(require(resolve('cognito-local/lib/keys/cognitoLocal.private.json')), { pem: key.privatePem, jwk: {} });
Object.assign(require(resolve('cognito-local/lib/keys/cognitoLocal.public.json')), { pem: '', jwk: key.publicJwk });

const corsPath = resolve('cors');
const cors = require(corsPath);
const origins = (process.env.PUSULA_COGNITO_ORIGINS ?? '').split(',').filter(Boolean);
// cognito-local asks for `origin: "*"`; every other origin gets no Access-Control-Allow-Origin.
require.cache[corsPath].exports = () => cors({ origin: origins });

require(resolve('cognito-local/lib/bin/start.js'));
