import type { SandboxUser } from '../directory.js';

/**
 * The two ways Graph finds people by name in `GET /users`:
 *
 * - `$filter=startswith(displayName,'ad')`, optionally several `startswith` clauses joined with
 *   `or`, on `displayName`, `givenName`, `surname`, `mail` or `userPrincipalName`.
 * - `$search="displayName:ad"` (clauses joined with `OR` or `AND`), which needs the request header
 *   `ConsistencyLevel: eventual`. It matches the start of any word of the property, so
 *   `displayName:vance` finds "Adele Vance".
 *
 * Both compare case-insensitively.
 */

const searchableProperties = ['displayName', 'givenName', 'surname', 'mail', 'userPrincipalName'] as const;
type SearchableProperty = (typeof searchableProperties)[number];

/** A parsed people query: a predicate over users, or an error message for a 400 response. */
export type UserQuery = { matches: (user: SandboxUser) => boolean } | { error: string };

/** Parses `$filter` with `startswith` clauses. */
export function parseUserFilter(filter: string): UserQuery {
  const clauses = filter.split(/\s+or\s+/i);
  const tests: Array<(user: SandboxUser) => boolean> = [];
  for (const clause of clauses) {
    const match = /^\s*startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*$/i.exec(clause);
    const property = match?.[1] as SearchableProperty | undefined;
    if (match === null || property === undefined || !searchableProperties.includes(property)) {
      return { error: `$filter clause "${clause}" is not supported. Use startswith(<property>,'<text>') on ${searchableProperties.join(', ')}, joined with "or".` };
    }
    const prefix = match[2]!.replace(/''/g, "'").toLowerCase();
    tests.push((user) => user[property].toLowerCase().startsWith(prefix));
  }
  return { matches: (user) => tests.some((test) => test(user)) };
}

/** Parses `$search`, such as `"displayName:ad" OR "mail:ad"`. */
export function parseUserSearch(search: string): UserQuery {
  const clauses = search.trim().split(/\s+(OR|AND)\s+/);
  const tests: Array<(user: SandboxUser) => boolean> = [];
  const operators: string[] = [];
  for (const [index, clause] of clauses.entries()) {
    if (index % 2 === 1) {
      operators.push(clause);
      continue;
    }
    const match = /^"(\w+):([^"]*)"$/.exec(clause.trim());
    const property = match?.[1] as SearchableProperty | undefined;
    if (match === null || property === undefined || !searchableProperties.includes(property)) {
      return { error: `$search clause ${clause} is not supported. Use "<property>:<text>" on ${searchableProperties.join(', ')}, joined with OR or AND.` };
    }
    const prefix = match[2]!.trim().toLowerCase();
    tests.push((user) => user[property].toLowerCase().split(/[\s.@_-]+/).some((word) => word.startsWith(prefix)));
  }
  return {
    matches: (user) => {
      let result = tests[0]!(user);
      for (const [index, operator] of operators.entries()) {
        const next = tests[index + 1]!(user);
        result = operator === 'AND' ? result && next : result || next;
      }
      return result;
    },
  };
}
