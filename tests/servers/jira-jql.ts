import { parseJiraTime, type JiraIssueRecord } from './jira-dataset';

// The subset of JQL the connectors send, plus simple user filters: clauses on project, key,
// labels, created and updated joined by AND (parentheses allowed), and ORDER BY. Everything else
// is answered the way Jira answers a query it cannot run: 400 with an error message.

export type JqlClause =
  | { kind: 'in'; field: 'project' | 'key' | 'labels'; values: string[] }
  | { kind: 'time'; field: 'created' | 'updated'; op: '>=' | '>' | '<=' | '<' | '='; ms: number };
export type JqlOrder = { field: 'updated' | 'created' | 'key' | 'id'; dir: 'ASC' | 'DESC' };
export type JqlQuery = { clauses: JqlClause[]; orderBy: JqlOrder[] };
export type JqlResult = { ok: true; query: JqlQuery } | { ok: false; message: string };

type Token = { kind: 'word' | 'string' | 'op' | 'punct'; value: string; at: number };

function tokenize(jql: string): Token[] | string {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const c = jql.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (c === '"' || c === "'") {
      const end = jql.indexOf(c, i + 1);
      if (end < 0) return `Error in the JQL Query: The quoted string '${jql.slice(i + 1)}' has not been completed. (line 1, character ${i + 1})`;
      tokens.push({ kind: 'string', value: jql.slice(i + 1, end), at: i });
      i = end + 1;
    } else if (c === '(' || c === ')' || c === ',') {
      tokens.push({ kind: 'punct', value: c, at: i });
      i++;
    } else {
      const op = /^(>=|<=|!=|!~|=|>|<|~)/.exec(jql.slice(i));
      if (op?.[1]) {
        tokens.push({ kind: 'op', value: op[1], at: i });
        i += op[1].length;
        continue;
      }
      const word = /^[^\s"'(),=<>!~]+/.exec(jql.slice(i));
      if (!word) return `Error in the JQL Query: The character '${c}' is a reserved JQL character. (line 1, character ${i + 1})`;
      tokens.push({ kind: 'word', value: word[0], at: i });
      i += word[0].length;
    }
  }
  return tokens;
}

const DAY = 86_400_000;
const UNITS: Record<string, number> = { w: 7 * DAY, d: DAY, h: 3_600_000, m: 60_000 };

/** Jira's date literals, in the site time zone (UTC here): absolute, epoch ms or relative (`-5d`, `-1w 2d`). */
function parseDate(value: string, now: number): number | null {
  const abs = /^(\d{4})[-/](\d{2})[-/](\d{2})(?:\s+(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (abs) return Date.UTC(Number(abs[1]), Number(abs[2]) - 1, Number(abs[3]), Number(abs[4] ?? 0), Number(abs[5] ?? 0));
  if (/^\d{10,}$/.test(value)) return Number(value);
  const rel = /^([+-]?)((?:\d+[wdhm]\s*)+)$/.exec(value.trim());
  if (rel?.[2]) {
    let ms = 0;
    for (const part of rel[2].matchAll(/(\d+)([wdhm])/g)) ms += Number(part[1]) * (UNITS[part[2] ?? 'm'] ?? 0);
    return rel[1] === '-' ? now - ms : now + ms;
  }
  return null;
}

const unsupported = (what: string): string =>
  `Error in the JQL Query: ${what} is not supported by this test server (it understands project, key, labels, created and updated clauses joined by AND, and ORDER BY).`;

/** Parses the supported JQL subset. `now` anchors relative dates. */
export function parseJql(jql: string, now: number): JqlResult {
  const tokens = tokenize(jql);
  if (typeof tokens === 'string') return { ok: false, message: tokens };
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, w: string): boolean => t?.kind === 'word' && t.value.toUpperCase() === w;
  const fail = (message: string): JqlResult => ({ ok: false, message });
  const clauses: JqlClause[] = [];

  const values = (): string[] | string => {
    const t = peek();
    if (t?.kind === 'punct' && t.value === '(') {
      pos++;
      const out: string[] = [];
      for (;;) {
        const v = peek();
        if (!v || (v.kind !== 'word' && v.kind !== 'string')) return `Error in the JQL Query: Expecting a value but got '${v?.value ?? 'end of query'}'.`;
        out.push(v.value);
        pos++;
        const sep = peek();
        pos++;
        if (sep?.value === ')') return out;
        if (sep?.value !== ',') return `Error in the JQL Query: Expecting ',' or ')' but got '${sep?.value ?? 'end of query'}'.`;
      }
    }
    if (t && (t.kind === 'word' || t.kind === 'string')) {
      pos++;
      return [t.value];
    }
    return `Error in the JQL Query: Expecting a value but got '${t?.value ?? 'end of query'}'.`;
  };

  const clause = (): string | null => {
    const fieldTok = peek();
    if (!fieldTok || (fieldTok.kind !== 'word' && fieldTok.kind !== 'string')) {
      return `Error in the JQL Query: Expecting a field name but got '${fieldTok?.value ?? 'end of query'}'.`;
    }
    pos++;
    const field = fieldTok.value.toLowerCase();
    const opTok = peek();
    pos++;
    const op = opTok?.kind === 'op' ? opTok.value : isWord(opTok, 'IN') ? 'in' : isWord(opTok, 'NOT') || isWord(opTok, 'IS') || isWord(opTok, 'WAS') ? opTok?.value.toUpperCase() ?? '' : '';
    if (op === '') return `Error in the JQL Query: Expecting operator but got '${opTok?.value ?? 'end of query'}'.`;
    if (field === 'project' || field === 'key' || field === 'issuekey' || field === 'labels') {
      if (op !== '=' && op !== 'in') return unsupported(`The operator '${op}' on '${field}'`);
      const vals = values();
      if (typeof vals === 'string') return vals;
      clauses.push({ kind: 'in', field: field === 'issuekey' ? 'key' : field, values: vals });
      return null;
    }
    if (field === 'created' || field === 'updated' || field === 'createddate' || field === 'updateddate') {
      if (op !== '>=' && op !== '>' && op !== '<=' && op !== '<' && op !== '=') return unsupported(`The operator '${op}' on '${field}'`);
      const vals = values();
      if (typeof vals === 'string') return vals;
      const ms = parseDate(vals[0] ?? '', now);
      if (ms === null) {
        return `Date value '${vals[0] ?? ''}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`;
      }
      clauses.push({ kind: 'time', field: field.startsWith('created') ? 'created' : 'updated', op, ms });
      return null;
    }
    if (/^(assignee|reporter|status|summary|text|type|issuetype|priority|component|sprint|resolution|cf\[\d+\]|customfield_\d+)$/.test(field)) {
      return unsupported(`A clause on '${fieldTok.value}'`);
    }
    return `Field '${fieldTok.value}' does not exist or you do not have permission to view it.`;
  };

  // expr := term (AND term)* ; term := '(' expr ')' | clause
  const expr = (): string | null => {
    for (;;) {
      const t = peek();
      let error: string | null;
      if (t?.kind === 'punct' && t.value === '(') {
        pos++;
        error = expr();
        if (error) return error;
        const close = peek();
        if (close?.value !== ')') return `Error in the JQL Query: Expecting ')' but got '${close?.value ?? 'end of query'}'.`;
        pos++;
      } else if (isWord(t, 'NOT')) {
        return unsupported("'NOT'");
      } else {
        error = clause();
        if (error) return error;
      }
      const next = peek();
      if (isWord(next, 'AND')) {
        pos++;
        continue;
      }
      if (isWord(next, 'OR')) return unsupported("'OR'");
      return null;
    }
  };

  if (peek() && !isWord(peek(), 'ORDER')) {
    const error = expr();
    if (error) return fail(error);
  }
  const orderBy: JqlOrder[] = [];
  if (isWord(peek(), 'ORDER')) {
    pos++;
    if (!isWord(peek(), 'BY')) return fail(`Error in the JQL Query: Expecting 'BY' but got '${peek()?.value ?? 'end of query'}'.`);
    pos++;
    for (;;) {
      const f = peek();
      const name = f?.value.toLowerCase() ?? '';
      const field = name === 'updateddate' ? 'updated' : name === 'createddate' ? 'created' : name === 'issuekey' ? 'key' : name;
      if (field !== 'updated' && field !== 'created' && field !== 'key' && field !== 'id') {
        return fail(f ? `Not able to sort using field '${f.value}'.` : "Error in the JQL Query: Expecting a field name after 'ORDER BY'.");
      }
      pos++;
      let dir: 'ASC' | 'DESC' = 'ASC';
      if (isWord(peek(), 'ASC') || isWord(peek(), 'DESC')) {
        dir = (peek()?.value.toUpperCase() ?? 'ASC') as 'ASC' | 'DESC';
        pos++;
      }
      orderBy.push({ field, dir });
      if (peek()?.value !== ',') break;
      pos++;
    }
    if (orderBy.length > 7) return fail('Error in the JQL Query: ORDER BY accepts at most 7 fields.');
  }
  const rest = peek();
  if (rest) return fail(`Error in the JQL Query: Expecting either 'OR' or 'AND' but got '${rest.value}'. (line 1, character ${rest.at + 1})`);
  return { ok: true, query: { clauses, orderBy } };
}

function issueNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

/** Whether an issue satisfies every clause. Project values match key, id or name, case-insensitively. */
export function matchesJql(rec: JiraIssueRecord, query: JqlQuery): boolean {
  const f = rec.bean.fields;
  return query.clauses.every((c) => {
    if (c.kind === 'in') {
      const wanted = c.values.map((v) => v.toLowerCase());
      if (c.field === 'project') return [f.project.key, f.project.id, f.project.name].some((v) => wanted.includes(v.toLowerCase()));
      if (c.field === 'key') return wanted.includes(rec.bean.key.toLowerCase()) || wanted.includes(rec.bean.id);
      return f.labels.some((l) => wanted.includes(l.toLowerCase()));
    }
    const t = parseJiraTime(c.field === 'created' ? f.created : f.updated);
    switch (c.op) {
      case '>=': return t >= c.ms;
      case '>': return t > c.ms;
      case '<=': return t <= c.ms;
      case '<': return t < c.ms;
      default: return t >= c.ms && t < c.ms + 60_000;
    }
  });
}

/** ORDER BY as written, then issue id ascending so ties (and unordered queries) are stable. */
export function compareIssues(order: JqlOrder[]): (a: JiraIssueRecord, b: JiraIssueRecord) => number {
  return (a, b) => {
    for (const o of order) {
      let d = 0;
      if (o.field === 'updated' || o.field === 'created') d = parseJiraTime(a.bean.fields[o.field]) - parseJiraTime(b.bean.fields[o.field]);
      else if (o.field === 'key') d = a.bean.key.split('-')[0]?.localeCompare(b.bean.key.split('-')[0] ?? '') || issueNumber(a.bean.key) - issueNumber(b.bean.key);
      else d = Number(a.bean.id) - Number(b.bean.id);
      if (d !== 0) return o.dir === 'ASC' ? d : -d;
    }
    return Number(a.bean.id) - Number(b.bean.id);
  };
}
