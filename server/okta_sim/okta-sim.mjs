// Plays Okta against a SCIM 2.0 base URL: first contact, user creation, group push with
// memberships, profile updates, deactivation and reactivation, in Okta's PUT style (apps made
// with the App Integration Wizard) or PATCH style (catalog apps). Run it as scripts/okta-sim.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { firstName, lastName, pushedUser } from './users.mjs';

const usage = `usage: scripts/okta-sim --base-url URL --token TOKEN [--users N] [--groups M]
                        [--style put|patch] [--prefix NAME] [--journal FILE] [--quiet]
  --base-url   SCIM base, e.g. http://127.0.0.1:8080/api/scim/v2
  --token      the integration's SCIM bearer token (shown once when it was created)
  --users      users to create (default 10)      --groups  groups to push (default 2)
  --style      put (wizard-made app, default) or patch (catalog app)
  --prefix     name prefix for users and groups (default okta-sim)
  --journal    append a JSON line per request sent and per 2xx answer to FILE (durability test)
       scripts/okta-sim oidc --help   plays Okta's OIDC sign-in side instead (see oidc-cli.mjs)`;

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function options() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' }, token: { type: 'string' }, users: { type: 'string', default: '10' },
      groups: { type: 'string', default: '2' }, style: { type: 'string', default: 'put' },
      prefix: { type: 'string', default: 'okta-sim' }, journal: { type: 'string' },
      quiet: { type: 'boolean', default: false }, help: { type: 'boolean', default: false },
    },
  });
  const users = Number(values.users), groups = Number(values.groups);
  if (values.help || !values['base-url'] || !values.token || !['put', 'patch'].includes(values.style) ||
      !Number.isInteger(users) || users < 0 || !Number.isInteger(groups) || groups < 0) {
    console.error(usage);
    process.exit(values.help ? 0 : 2);
  }
  return { ...values, base: values['base-url'].replace(/\/+$/, ''), users, groups };
}

class Okta {
  constructor(opts) {
    this.opts = opts;
    this.requests = 0;
  }

  log(line) {
    if (!this.opts.quiet) console.log(line);
  }

  // One SCIM call; any status outside `expected` ends the run with a non-zero exit.
  async call(method, path, body, expected, note = {}) {
    const seq = ++this.requests;
    // The journal notes each request before it leaves, so a reader knows which one was in flight.
    if (this.opts.journal) appendFileSync(this.opts.journal, JSON.stringify({ seq, phase: 'sent', method, path }) + '\n');
    let res;
    try {
      res = await fetch(this.opts.base + path, {
        method,
        headers: {
          Authorization: `Bearer ${this.opts.token}`, Accept: 'application/scim+json',
          'User-Agent': 'Okta SCIM Client 1.0.0',
          ...(body ? { 'Content-Type': 'application/scim+json; charset=utf-8' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (err) {
      throw new Error(`${method} ${path}: no answer (${err.cause?.code ?? err.message})`);
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (!expected.includes(res.status)) {
      throw new Error(`${method} ${path}: expected ${expected.join(' or ')}, got ${res.status} ${text.slice(0, 300)}`);
    }
    if (this.opts.journal && res.status < 300) {
      const done = { seq, phase: 'done', method, path, status: res.status, id: json?.id, ...note };
      appendFileSync(this.opts.journal, JSON.stringify(done) + '\n');
    }
    return json;
  }

  async firstContact() {
    this.log('First contact (Test API Credentials):');
    await this.call('GET', '/Users?startIndex=1&count=2', null, [200]);
    await this.call('GET', '/Groups?startIndex=1&count=100', null, [200]);
    this.log('  GET /Users and GET /Groups answered 200');
  }

  userBody(i) {
    const { given, family, email: userName } = pushedUser(this.opts.prefix, i);
    return {
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName,
      name: { givenName: given, familyName: family },
      emails: [{ primary: true, value: userName, type: 'work' }],
      displayName: `${given} ${family}`, locale: 'en-US', externalId: `00u${String(i).padStart(17, '0')}`,
      groups: [], password: 'Okta-Placeholder-1!', active: true,
    };
  }

  async createUsers() {
    this.log(`Creating ${this.opts.users} users:`);
    const ids = [];
    for (let i = 0; i < this.opts.users; i++) {
      const body = this.userBody(i);
      const filter = encodeURIComponent(`userName eq "${body.userName}"`);
      const found = await this.call('GET', `/Users?filter=${filter}&startIndex=1&count=100`, null, [200]);
      if (found.totalResults > 0) {
        ids.push(found.Resources[0].id);
        continue;
      }
      const user = await this.call('POST', '/Users', body, [201], { kind: 'user', userName: body.userName, active: true });
      ids.push(user.id);
      if (i < 3 || i === this.opts.users - 1) this.log(`  201 ${body.userName} -> ${user.id}`);
      else if (i === 3) this.log('  ...');
    }
    return ids;
  }

  async pushGroups(userIds) {
    this.log(`Pushing ${this.opts.groups} groups (${this.opts.style} style):`);
    const groups = [];
    for (let g = 0; g < this.opts.groups; g++) {
      const displayName = `${this.opts.prefix}-group-${g}`;
      const filter = encodeURIComponent(`displayName eq "${displayName}"`);
      const found = await this.call('GET', `/Groups?filter=${filter}&startIndex=1&count=100`, null, [200]);
      const group = found.totalResults > 0 ? found.Resources[0]
        : await this.call('POST', '/Groups', { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], displayName, members: [] },
          [201], { kind: 'group', displayName });
      const members = userIds.filter((_, i) => i % this.opts.groups === g).map((id) => ({ value: id }));
      if (this.opts.style === 'patch') {
        await this.call('PATCH', `/Groups/${group.id}`,
          { schemas: [PATCH_OP], Operations: [{ op: 'add', path: 'members', value: members }] }, [200, 204],
          { kind: 'members', groupId: group.id, members: members.map((m) => m.value) });
      } else {
        await this.call('PUT', `/Groups/${group.id}`, { schemas: group.schemas, id: group.id, displayName, members },
          [200], { kind: 'members', groupId: group.id, members: members.map((m) => m.value) });
      }
      this.log(`  ${displayName} -> ${group.id} with ${members.length} members`);
      groups.push({ id: group.id, displayName, members });
    }
    return groups;
  }

  async setUser(id, change, note) {
    if (this.opts.style === 'patch') {
      return this.call('PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: change }] },
        [200, 204], note);
    }
    const user = await this.call('GET', `/Users/${id}`, null, [200]);
    return this.call('PUT', `/Users/${id}`, { ...user, ...change, password: 'Okta-Placeholder-1!' }, [200], note);
  }

  async updateProfiles(userIds) {
    this.log(`Updating ${userIds.length} profiles:`);
    for (const [i, id] of userIds.entries()) {
      await this.setUser(id, { name: { givenName: `${firstName(i)}-updated`, familyName: lastName(0) } },
        { kind: 'profile', userId: id });
    }
    this.log('  done');
  }

  async setActive(ids, active) {
    this.log(`${active ? 'Reactivating' : 'Deactivating'} ${ids.length} users:`);
    for (const id of ids) {
      await this.setUser(id, { active }, { kind: 'active', userId: id, active });
      const read = await this.call('GET', `/Users/${id}`, null, [200]);
      if (read.active !== active) throw new Error(`GET /Users/${id}: active is ${read.active}, expected ${active}`);
    }
    this.log('  done, each user still readable with the new state');
  }

  async catalogGroupChanges(groups) {
    if (this.opts.style !== 'patch' || groups.length === 0 || groups[0].members.length === 0) return;
    const g = groups[0];
    this.log(`Renaming ${g.displayName} and removing one member (catalog PATCH):`);
    await this.call('PATCH', `/Groups/${g.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { id: g.id, displayName: `${g.displayName}-renamed` } },
        { op: 'remove', path: `members[value eq "${g.members[0].value}"]` }],
    }, [200, 204], { kind: 'members', groupId: g.id, members: g.members.slice(1).map((m) => m.value) });
  }
}

async function main() {
  const opts = options();
  const okta = new Okta(opts);
  const started = Date.now();
  try {
    await okta.firstContact();
    const userIds = await okta.createUsers();
    const groups = await okta.pushGroups(userIds);
    await okta.updateProfiles(userIds);
    const some = userIds.slice(0, Math.ceil(userIds.length / 4));
    await okta.setActive(some, false);
    await okta.setActive(some, true);
    await okta.catalogGroupChanges(groups);
  } catch (err) {
    console.error(`okta-sim: FAILED after ${okta.requests} requests: ${err.message}`);
    process.exit(1);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(2);
  console.log(`okta-sim: ${opts.users} users, ${opts.groups} groups, ${opts.style} style: ${okta.requests} requests, 0 failures in ${seconds} s`);
}

if (process.argv[2] === 'oidc') await (await import('./oidc-cli.mjs')).run(process.argv.slice(3));
else main();
