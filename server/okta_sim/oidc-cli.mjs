// `scripts/okta-sim oidc ...`: parses the options, starts the OIDC side and prints what a
// person (or a test) needs to connect to it; runs until SIGINT or SIGTERM.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startOidc } from './oidc.mjs';
import { DOMAIN, PASSWORD, directory } from './users.mjs';

const usage = `usage: scripts/okta-sim oidc --redirect-uri URI [--port P] [--client-id ID] [--client-secret S]
                             [--public-client ID --public-redirect URI] [--audience AUD]
                             [--access-token-ttl SECONDS] [--users N] [--prefix NAME]
  --redirect-uri       the openZro server's sign-in redirect URI, <public URL>/auth/oidc/callback
                       (repeatable); its origin + "/" is the sign-out redirect URI
  --port               port on 127.0.0.1 (default: any free port; the issuer line tells)
  --client-id          the server's confidential client (default 0oaoktasimopenzro)
  --client-secret      its secret (default: a new random one, printed)
  --public-client      a public client (PKCE, no secret) for a dashboard host, e.g. dashboard
  --public-redirect    its redirect URI (repeatable)
  --audience           audience of the public client's JWT access tokens (default api://openzro)
  --access-token-ttl   their lifetime in seconds (default 3600; short in tests)
  --users, --prefix    the users of the SCIM push mode to know (default 10, okta-sim)`;

function options(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '0' }, 'redirect-uri': { type: 'string', multiple: true },
      'client-id': { type: 'string', default: '0oaoktasimopenzro' }, 'client-secret': { type: 'string' },
      'public-client': { type: 'string' }, 'public-redirect': { type: 'string', multiple: true },
      audience: { type: 'string', default: 'api://openzro' }, 'access-token-ttl': { type: 'string', default: '3600' },
      users: { type: 'string', default: '10' }, prefix: { type: 'string', default: 'okta-sim' },
      help: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port), ttl = Number(values['access-token-ttl']), users = Number(values.users);
  const redirectUris = values['redirect-uri'] ?? [];
  const valid = redirectUris.length > 0 && Number.isInteger(port) && port >= 0 && port < 65536 &&
    Number.isInteger(ttl) && ttl > 0 && Number.isInteger(users) && users >= 0 &&
    [...redirectUris, ...(values['public-redirect'] ?? [])].every((u) => URL.canParse(u)) &&
    URL.canParse(values.audience) && (!values['public-client'] || values['public-redirect']?.length > 0);
  if (values.help || !valid) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  return {
    port, redirectUris, accessTokenTtl: ttl, audience: values.audience,
    postLogoutRedirectUris: [...new Set(redirectUris.map((u) => new URL(u).origin + '/'))],
    clientId: values['client-id'], clientSecret: values['client-secret'] ?? randomBytes(24).toString('base64url'),
    publicClient: values['public-client'] && { id: values['public-client'], redirectUris: values['public-redirect'] },
    people: directory(values.prefix, users), prefix: values.prefix, users,
  };
}

export async function run(argv) {
  const opts = options(argv);
  const { issuer, close } = await startOidc(opts);
  const outside = [...opts.people.values()].filter((p) => !p.pushed).map((p) => p.email);
  console.log(`issuer: ${issuer}`);
  console.log(`client_id: ${opts.clientId}`);
  console.log(`client_secret: ${opts.clientSecret}`);
  if (opts.publicClient) console.log(`public_client_id: ${opts.publicClient.id}`);
  console.log(`audience: ${opts.audience}`);
  console.log(`users: ${opts.users} as the SCIM push mode creates them (${opts.prefix}.<first>.<last>.<i>@${DOMAIN}), ` +
    `and outside SCIM: ${outside.join(', ')}; every password is "${PASSWORD}"`);
  const stop = () => close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
