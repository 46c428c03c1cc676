// Node module hooks for running app code under tsx outside Vite: the app bundles its SQL migrations
// with Vite's `import.meta.glob('./migrations/*.sql', { query: '?raw', import: 'default', eager: true })`,
// which plain Node does not have. This rewrites that one form to read the files from disk; any other
// use of import.meta.glob fails loudly instead of silently diverging from what Vite would bundle.

const PRELUDE = 'const __benchGlob = (base, pattern, opts) => {'
  + " const fs = process.getBuiltinModule('node:fs'); const path = process.getBuiltinModule('node:path');"
  + " const { fileURLToPath } = process.getBuiltinModule('node:url');"
  + " if (!opts || opts.eager !== true || opts.query !== '?raw' || opts.import !== 'default') throw new Error('bench import.meta.glob shim: only eager ?raw default imports are supported');"
  + ' const m = /^(\\.\\.?\\/[^*]*)\\/\\*(\\.[A-Za-z0-9]+)$/.exec(pattern);'
  + " if (!m) throw new Error(`bench import.meta.glob shim: unsupported pattern ${pattern}`);"
  + ' const dir = path.join(path.dirname(fileURLToPath(base)), m[1]);'
  + ' return Object.fromEntries(fs.readdirSync(dir).filter((f) => f.endsWith(m[2])).sort().map((f) => [`${m[1]}/${f}`, fs.readFileSync(path.join(dir, f), "utf8")]));'
  + ' };';

/** Runs after tsx (registered later, so called first): takes its JavaScript and rewrites the glob calls. */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.startsWith('file:') || !/\.[cm]?ts$/.test(new URL(url).pathname) || result.source == null) return result;
  const source = typeof result.source === 'string' ? result.source : Buffer.from(result.source).toString('utf8');
  if (!source.includes('import.meta.glob(')) return result;
  // The prelude goes on the first line so the source map's line numbers stay right.
  return { ...result, source: PRELUDE + source.replaceAll('import.meta.glob(', '__benchGlob(import.meta.url, ') };
}
