// The comparison server for bench/server/run: npm scimmy + scimmy-routers on express, users and
// groups kept in memory, plus GET /api/users in the management shape. 127.0.0.1 only.
//   node scimmy-server.mjs --seed-users N   (prints "listening PORT")
import { randomUUID } from 'node:crypto';
import { parse } from 'node:querystring';
import { parseArgs } from 'node:util';
import express from 'express';
import SCIMMY from 'scimmy';
import SCIMMYRouters from 'scimmy-routers';

const { values } = parseArgs({ options: { 'seed-users': { type: 'string', default: '0' } } });
const TOKEN = 'bench-token';
const users = new Map();
const groups = new Map();

function stored(map, instance, id) {
  const now = new Date().toISOString();
  const previous = id ? map.get(id) : undefined;
  if (id && !previous) throw new SCIMMY.Types.Error(404, null, `Resource ${id} not found`);
  const record = { ...instance, id: id ?? randomUUID(), meta: { created: previous?.meta.created ?? now, lastModified: now } };
  map.set(record.id, record);
  return record;
}

function listing(map, resource) {
  if (resource.id) return map.get(resource.id);
  const all = [...map.values()];
  return resource.filter ? resource.filter.match(all) : all;
}

SCIMMY.Resources.declare(SCIMMY.Resources.User)
  .ingress((resource, instance) => {
    if (!resource.id) {
      const taken = [...users.values()].some((u) => u.userName.toLowerCase() === instance.userName.toLowerCase());
      if (taken) throw new SCIMMY.Types.Error(409, 'uniqueness', `userName ${instance.userName} is already taken`);
    }
    return stored(users, instance, resource.id);
  })
  .egress((resource) => listing(users, resource))
  .degress((resource) => { users.delete(resource.id); });
SCIMMY.Resources.declare(SCIMMY.Resources.Group)
  .ingress((resource, instance) => stored(groups, instance, resource.id))
  .egress((resource) => listing(groups, resource))
  .degress((resource) => { groups.delete(resource.id); });

for (let i = 0; i < Number(values['seed-users']); i++) {
  const id = randomUUID();
  users.set(id, { id, userName: `seed${i}@example.com`, displayName: `Seed User ${i}`, active: true, meta: {} });
}

const app = express();
// Express 5 re-parses req.query on every access, so scimmy-routers' own cast of startIndex and
// count to numbers is lost and paging is ignored; cast them in the query parser instead.
app.set('query parser', (text) => {
  const query = parse(text);
  for (const key of ['startIndex', 'count']) if (/^-?\d+$/.test(query[key] ?? '')) query[key] = Number(query[key]);
  return query;
});
app.use('/api/scim/v2', new SCIMMYRouters({
  type: 'bearer',
  handler: (req) => {
    if (req.header('Authorization') !== `Bearer ${TOKEN}`) throw new Error('a valid SCIM bearer token is required');
    return 'okta';
  },
}));
// The management listing the admin app reads, in the contract's User shape.
app.get('/api/users', (req, res) => {
  if (req.header('Authorization') !== `Token ${TOKEN}`) return res.status(401).json({ message: 'authentication required', code: 401 });
  res.json([...users.values()].map((u) => ({
    id: u.id, email: u.userName, name: u.displayName ?? u.userName, role: 'user', status: u.active === false ? 'blocked' : 'active',
    last_login: '0001-01-01T00:00:00Z', auto_groups: [], is_current: false, is_service_user: false,
    is_blocked: u.active === false, pending_approval: false, issued: 'integration',
  })));
});
const server = app.listen(0, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
// Node's 5 s default closes idle keep-alive sockets while a slow listing keeps the client busy.
server.keepAliveTimeout = 65000;
process.on('SIGTERM', () => server.close(() => process.exit(0)));
