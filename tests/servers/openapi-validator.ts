import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';

/** Where CI finds Atlassian's description: `shared/` is cloned beside the repository. */
export function jiraSpecPath(): string {
  const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
  return resolve(repoRoot, '..', 'shared', 'reference', 'jira-cloud-platform-v3.openapi.json');
}

/**
 * Places where Atlassian's description types a property as a plain string but Jira sends null
 * (reference §1.3: change items' from/to are "all strings, nullable"). Listed, not blanket, so any
 * other null the server emits still fails validation.
 */
export const SPEC_NULLABLE_GAPS: Record<string, string[]> = {
  ChangeDetails: ['from', 'fromString', 'to', 'toString'],
};

export type OpenApiValidator = {
  /** Error lines (`/issues/0/id must be string`); empty when the value matches the named component schema. */
  validate(schema: string, value: unknown): string[];
  validateArrayOf(schema: string, value: unknown): string[];
};

const DOC_ID = 'jira-cloud-v3';
// JSON Schema keywords that carry validation; OpenAPI-only and annotation keywords are dropped.
const KEEP = new Set(['type', 'enum', 'format', 'required', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'minItems',
  'maxItems', 'uniqueItems', 'minProperties', 'maxProperties', 'multipleOf', 'const']);

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * OpenAPI 3.0 schema -> JSON Schema: refs into `definitions`, `nullable` -> a null type, and
 * unknown keywords (`x-*`, `example`, `xml`, `readOnly`, `discriminator`) left out.
 * `extraKeys: 'allow'` drops `additionalProperties: false`, for checking only documented keys' types.
 */
function convert(node: unknown, extraKeys: 'as-spec' | 'allow', nullableProps: string[] = []): unknown {
  if (!isObj(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') out.$ref = v.replace('#/components/schemas/', `${DOC_ID}#/definitions/`);
    else if (k === 'properties' && isObj(v)) {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, s]) => {
        const converted = convert(s, extraKeys);
        return [name, nullableProps.includes(name) ? { anyOf: [converted, { type: 'null' }] } : converted];
      }));
    } else if (k === 'items' || k === 'not') out[k] = convert(v, extraKeys);
    else if (k === 'additionalProperties') {
      if (isObj(v)) out[k] = convert(v, extraKeys);
      else if (v === false && extraKeys === 'as-spec') out[k] = false;
    } else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) out[k] = v.map((s) => convert(s, extraKeys));
    else if (KEEP.has(k)) out[k] = v;
  }
  if (node.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

const INT32 = 2 ** 31;

/** Reads the OpenAPI file and compiles validators for its component schemas on demand. */
export function loadOpenApiValidator(specPath: string, opts: { extraKeys?: 'as-spec' | 'allow' } = {}): OpenApiValidator {
  const extraKeys = opts.extraKeys ?? 'as-spec';
  const doc = JSON.parse(readFileSync(specPath, 'utf8')) as { components?: { schemas?: Json } };
  const schemas = doc.components?.schemas ?? {};
  const definitions = Object.fromEntries(Object.entries(schemas).map(([name, s]) => [name, convert(s, extraKeys, SPEC_NULLABLE_GAPS[name])]));
  // ownProperties: ChangeDetails has a property named `toString`; without it Ajv sees Object.prototype's.
  const ajv = new Ajv({ strict: false, allErrors: true, logger: false, validateSchema: false, ownProperties: true });
  // Jira writes `2026-08-28T09:14:02.511+0000` (no colon in the offset, reference §0); RFC 3339 is accepted too.
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})$/);
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('url', { type: 'string', validate: (s: string) => URL.canParse(s) });
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  for (const name of ['double', 'float']) ajv.addFormat(name, { type: 'number', validate: () => true });
  for (const name of ['byte', 'binary']) ajv.addFormat(name, { type: 'string', validate: () => true });
  ajv.addSchema({ $id: DOC_ID, definitions });

  const cache = new Map<string, ValidateFunction>();
  const compiled = (key: string, schema: Json): ValidateFunction => {
    let fn = cache.get(key);
    if (!fn) {
      fn = ajv.compile(schema);
      cache.set(key, fn);
    }
    return fn;
  };
  const run = (fn: ValidateFunction, value: unknown): string[] =>
    fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.params && Object.keys(e.params).length ? ` ${JSON.stringify(e.params)}` : ''}`);
  const refTo = (schema: string): Json => {
    if (!(schema in schemas)) throw new Error(`no component schema ${schema} in ${specPath}`);
    return { $ref: `${DOC_ID}#/definitions/${schema}` };
  };
  return {
    validate: (schema, value) => run(compiled(schema, refTo(schema)), value),
    validateArrayOf: (schema, value) => run(compiled(`${schema}[]`, { type: 'array', items: refTo(schema) }), value),
  };
}
