import type { LinkingRules } from './settings';

export type MergeRequestForLinking = {
  title: string;
  description: string;
  sourceBranch: string;
  labels: readonly string[];
  authorUsername: string | null;
  webUrl: string;
};

/** Ticket keys an MR names, in order of trust: branch, then title, then description. */
export function ticketKeysOf(mr: MergeRequestForLinking, rules: LinkingRules, knownKeys?: ReadonlySet<string>): string[] {
  const pattern = new RegExp(rules.ticketKeyPattern, 'g');
  const found: string[] = [];
  // Branch names are usually lower-case ("feature/pay-123-x"); upper-case them before matching.
  for (const text of [mr.sourceBranch.toUpperCase(), mr.title, mr.description]) {
    for (const match of text.matchAll(pattern)) {
      const key = (match[1] ?? match[0]).toUpperCase();
      if (!found.includes(key) && (!knownKeys || knownKeys.has(key))) found.push(key);
    }
  }
  return found;
}

/** Why an MR counts as AI-generated, or null when no rule matches. */
export function aiEvidenceOf(mr: MergeRequestForLinking, rules: LinkingRules, mrUrlsInRunEvents: ReadonlySet<string>): string | null {
  if (mr.authorUsername && rules.aiBotUsernames.includes(mr.authorUsername)) return `author ${mr.authorUsername}`;
  const label = mr.labels.find((l) => rules.aiLabels.includes(l));
  if (label) return `label ${label}`;
  const prefix = rules.aiBranchPrefixes.find((p) => mr.sourceBranch.startsWith(p));
  if (prefix) return `branch prefix ${prefix}`;
  if (rules.aiFromRunEvents && mrUrlsInRunEvents.has(mr.webUrl)) return 'named in run events';
  return null;
}

export type RevertReference = { sha: string | null; title: string | null };

/** Reverts by title ('Revert "…"') and description ("This reverts commit <sha>."). */
export function revertReferenceOf(title: string, description: string): RevertReference | null {
  const sha = /This reverts commit ([0-9a-f]{7,40})/i.exec(description)?.[1]?.toLowerCase() ?? null;
  const quoted = /^Revert "(.+)"\s*$/.exec(title.trim())?.[1] ?? null;
  if (!sha && !quoted) return null;
  return { sha, title: quoted };
}

/** "refs/merge-requests/133/head" → 133; branch refs → null. */
export function mergeRequestIidOfRef(ref: string): number | null {
  const match = /^refs\/merge-requests\/(\d+)\/(?:head|merge|train)$/.exec(ref);
  return match ? Number(match[1]) : null;
}
