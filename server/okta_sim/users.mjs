// The people okta-sim knows: the deterministic users its SCIM push mode creates (user i of a
// prefix has the same name and email in both modes) and, for the OIDC side only, people Okta
// never pushed. Every one of them signs in with the password `password`.
const FIRST = ['Jane', 'John', 'Ana', 'Wei', 'Fatima', 'Lars', 'Priya', 'Kofi', 'Mia', 'Omar'];
const LAST = ['Doe', 'Smith', 'Garcia', 'Chen', 'Khan', 'Berg', 'Patel', 'Mensah', 'Rossi', 'Haddad'];

export const PASSWORD = 'password';
export const DOMAIN = 'example.com';

// User i as the SCIM push mode creates it.
export function pushedUser(prefix, i) {
  const given = FIRST[i % FIRST.length], family = LAST[Math.floor(i / FIRST.length) % LAST.length];
  return { given, family, email: `${prefix}.${given.toLowerCase()}.${family.toLowerCase()}.${i}@${DOMAIN}` };
}

export const firstName = (i) => FIRST[i % FIRST.length];
export const lastName = (i) => LAST[i % LAST.length];

// The directory of the OIDC side, keyed by email (the account id and the `sub`): the pushed
// users, one person of the domain Okta never pushed, and one outside the domain.
export function directory(prefix, count) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const { given, family, email } = pushedUser(prefix, i);
    people.push({ email, name: `${given} ${family}`, pushed: true });
  }
  people.push({ email: `${prefix}.newcomer@${DOMAIN}`, name: 'Nia Newcomer', pushed: false });
  people.push({ email: 'outsider@elsewhere.test', name: 'Otto Outsider', pushed: false });
  return new Map(people.map((p) => [p.email, p]));
}
