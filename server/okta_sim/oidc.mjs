// okta-sim's OIDC side: plays an Okta org authorization server on 127.0.0.1 with npm
// oidc-provider (OpenID Certified). Okta's paths (/oauth2/v1/authorize, token, keys, userinfo,
// logout), a plain sign-in form, the users of ./users.mjs, a confidential client for the
// openZro server and an optional public client (PKCE, no secret) for a dashboard host, whose
// access tokens are JWTs for `audience` carrying the user's email.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import { PASSWORD } from './users.mjs';
import { signInPage, loggedOutPage, errorPage, logoutPage } from './oidc-pages.mjs';

// oidc-provider warns on any Node.js older than 22 LTS (it runs fine on Debian's Node 20) and
// about its in-memory store (what a simulator wants); other warnings still show.
const EXPECTED_WARNINGS = /Unsupported runtime|development-only in-memory adapter/;
async function quietly(work) {
  const warn = console.warn;
  console.warn = (...args) => { if (!EXPECTED_WARNINGS.test(String(args[0]))) warn(...args); };
  try {
    return await work();
  } finally {
    console.warn = warn;
  }
}

const SCOPES = 'openid email profile offline_access';
const MAX_FORM = 4096;

// Accounts as oidc-provider wants them: the email is the account id and the `sub`.
function accountFinder(people) {
  return async (_ctx, sub) => {
    const person = people.get(sub);
    if (!person) return undefined;
    return {
      accountId: sub,
      claims: async () => ({ sub, email: person.email, email_verified: true, name: person.name }),
    };
  };
}

function configuration(opts, jwks) {
  const { audience, publicClient, people } = opts;
  const forHost = (client) => publicClient && client.clientId === publicClient.id;
  const clients = [{
    client_id: opts.clientId, client_secret: opts.clientSecret, redirect_uris: opts.redirectUris,
    post_logout_redirect_uris: opts.postLogoutRedirectUris,
    grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',  // client_secret_post is accepted too
  }];
  if (publicClient) {
    clients.push({
      client_id: publicClient.id, redirect_uris: publicClient.redirectUris,
      post_logout_redirect_uris: publicClient.redirectUris,
      grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'],
      token_endpoint_auth_method: 'none',
    });
  }
  return {
    clients, jwks, findAccount: accountFinder(people),
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    // Okta puts the requested profile claims in the ID token itself.
    conformIdTokenClaims: false,
    scopes: SCOPES.split(' '),
    pkce: { required: () => true },  // S256 only, for every client
    cookies: { keys: [randomBytes(32).toString('hex')] },
    routes: {
      authorization: '/oauth2/v1/authorize', token: '/oauth2/v1/token', jwks: '/oauth2/v1/keys',
      userinfo: '/oauth2/v1/userinfo', end_session: '/oauth2/v1/logout',
      revocation: '/oauth2/v1/revoke', introspection: '/oauth2/v1/introspect',
    },
    interactions: { url: (_ctx, interaction) => `/signin/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => { ctx.body = logoutPage(form); },
        postLogoutSuccessSource: async (ctx) => { ctx.body = loggedOutPage(); },
      },
      // The host's access tokens: JWTs for the API's audience (what --jwt-audience checks).
      resourceIndicators: {
        enabled: true,
        defaultResource: async (ctx, client) => (forHost(client) ? audience : undefined),
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (resource !== audience) throw new Error(`unknown resource ${resource}`);
          return { scope: SCOPES, audience, accessTokenFormat: 'jwt', accessTokenTTL: opts.accessTokenTtl,
            jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    // JWT access tokens carry the email: the openZro server finds the user by it.
    extraTokenClaims: async (_ctx, token) => ({ email: people.get(token.accountId)?.email }),
    // Users of these first-party apps never see a consent screen: the grant covers every scope.
    loadExistingGrant: async (ctx) => {
      const { client, session, provider } = ctx.oidc;
      const grantId = ctx.oidc.result?.consent?.grantId || session.grantIdFor(client.clientId);
      const grant = (grantId && await provider.Grant.find(grantId)) ||
        new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(SCOPES);
      grant.addOIDCClaims(['email', 'email_verified', 'name']);
      if (forHost(client)) grant.addResourceScope(audience, SCOPES);
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: opts.accessTokenTtl, AuthorizationCode: 60, IdToken: 3600, RefreshToken: 86400,
      Interaction: 600, Session: 86400, Grant: 86400,
    },
    clientBasedCORS: (_ctx, origin, client) =>
      client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin),
    renderError: async (ctx, out) => { ctx.type = 'html'; ctx.body = errorPage(out); },
  };
}

// Reads a small urlencoded form; a larger body is read to its end (so the answer reaches the
// sender) but not kept, and refused.
function readForm(req) {
  return new Promise((resolve, reject) => {
    let body = '', tooLarge = false;
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      tooLarge ||= body.length + chunk.length > MAX_FORM;
      if (!tooLarge) body += chunk;
    });
    req.on('end', () => (tooLarge ? reject(new Error('form too large')) : resolve(new URLSearchParams(body))));
    req.on('error', reject);
  });
}

// The sign-in form: GET shows it, POST checks the password and finishes the interaction.
async function signIn(provider, people, req, res) {
  const send = (status, html) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html);
  };
  let details;
  try {
    details = await provider.interactionDetails(req, res);
  } catch {
    return send(400, errorPage({ error: 'invalid_request', error_description: 'This sign-in has expired. Start again from the app.' }));
  }
  const action = `/signin/${details.uid}`;
  if (req.method !== 'POST') return send(200, signInPage(action, details.params.login_hint ?? ''));
  let form;
  try {
    form = await readForm(req);
  } catch {
    return send(413, errorPage({ error: 'invalid_request', error_description: 'The form is too large.' }));
  }
  const username = (form.get('username') ?? '').trim().toLowerCase();
  if (!people.has(username) || form.get('password') !== PASSWORD) {
    return send(401, signInPage(action, username, 'Unable to sign in'));
  }
  return provider.interactionFinished(req, res, { login: { accountId: username } }, { mergeWithLastSubmission: false });
}

// Starts the provider on 127.0.0.1:`port` (0: any free port). Resolves to { issuer, close() }.
export async function startOidc(opts) {
  const Provider = await quietly(async () => (await import('oidc-provider')).default);
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  const http = createServer();
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port, '127.0.0.1', resolve);
  });
  // Okta's org authorization server has no trailing slash in its issuer.
  const issuer = `http://127.0.0.1:${http.address().port}`;
  const provider = await quietly(() => new Provider(issuer, configuration(opts, { keys: [jwk] })));
  const callback = provider.callback();
  http.on('request', (req, res) => {
    if (req.url.startsWith('/signin/')) {
      signIn(provider, opts.people, req, res).catch((err) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(`okta-sim: ${err.message}`);
      });
    } else {
      callback(req, res);
    }
  });
  return { issuer, close: () => new Promise((resolve) => { http.closeAllConnections(); http.close(resolve); }) };
}
