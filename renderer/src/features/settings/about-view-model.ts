/** The build as one line for the About dialog and bug reports: "0.1.0 (build 1a2b3c4d5e6f, 2026-03-01 14:05 UTC)". */
export function buildLine(version: string, build: { commit: string | null; date: string | null }): string {
  if (build.commit === null) return `${version} (development build)`;
  const date = build.date === null ? 'date unknown' : `${build.date.slice(0, 10)} ${build.date.slice(11, 16)} UTC`;
  return `${version} (build ${build.commit}, ${date})`;
}
