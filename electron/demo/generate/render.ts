// Text that depends on assigned keys and ids (titles, branches, descriptions, references), shared
// by the GitLab, CI and run-event emitters so all three name things identically.

import type { Actor, Mr, Team } from './model';
import { RELAY } from './model';
import { GITLAB_BASE, JIRA_BASE } from './company';
import type { GitLabUser } from './types';

export const RELAY_GITLAB_ID = 7007;

export function gitlabUser(actor: Actor): GitLabUser {
  if (actor === RELAY) {
    return { id: RELAY_GITLAB_ID, username: 'relay-bot', name: 'Relay', state: 'active', locked: false,
      avatar_url: `${GITLAB_BASE}/uploads/-/system/user/avatar/${RELAY_GITLAB_ID}/avatar.png`, web_url: `${GITLAB_BASE}/relay-bot` };
  }
  return { id: actor.gitlabId, username: actor.username, name: actor.name, state: 'active', locked: false, avatar_url: null,
    web_url: `${GITLAB_BASE}/${actor.username}` };
}

export function commitIdentity(actor: Actor): { name: string; email: string } {
  return actor === RELAY ? { name: 'Relay', email: 'relay-bot@northwind.example' } : { name: actor.name, email: actor.email };
}

export function mrWebUrl(mr: Mr): string {
  return `${mr.repo.webUrl}/-/merge_requests/${mr.iid}`;
}

function keyOf(mr: Mr): string {
  return mr.ticket?.key ?? '';
}

/** Replaces `{key}`, `{summary}`, `{merge}` and `{revert}` placeholders set during simulation. */
export function renderText(text: string, mr: Mr | null): string {
  if (!mr || !text.includes('{')) return text;
  return text
    .replace('{key}', keyOf(mr))
    .replace('{summary}', mr.ticket?.summary ?? '')
    .replace('{merge}', `Merge branch '${sourceBranch(mr)}' into 'main'`)
    .replace('{revert}', mr.revertOf ? `Revert "${mrTitle(mr.revertOf)}"` : 'Revert');
}

export function mrTitle(mr: Mr): string {
  switch (mr.kind) {
    case 'chore':
      return mr.choreTitle;
    case 'revert':
      return mr.revertOf ? `Revert "${mrTitle(mr.revertOf)}"` : 'Revert';
    default: {
      const summary = mr.ticket?.summary ?? '';
      if (mr.ai) return `${keyOf(mr)}: ${summary}`;
      // People are less consistent than bots about the separator.
      return mr.titleVariant < 7 ? `${keyOf(mr)}: ${summary}` : `${keyOf(mr)} ${summary}`;
    }
  }
}

export function sourceBranch(mr: Mr): string {
  switch (mr.kind) {
    case 'chore':
      return mr.choreBranch;
    case 'revert':
      return `revert-${(mr.revertOf?.mergeCommitSha ?? '').slice(0, 8)}`;
    default: {
      const slug = mr.ticket?.slug ?? 'change';
      if (mr.ai) return `ai/${keyOf(mr)}-${slug}`;
      return `${mr.kind === 'fix' ? 'fix' : 'feature'}/${keyOf(mr)}-${slug}`;
    }
  }
}

export function mrDescription(mr: Mr): string {
  const key = keyOf(mr);
  switch (mr.kind) {
    case 'chore':
      return 'Routine dependency update. No behaviour change expected.';
    case 'revert':
      return `This reverts commit ${mr.revertOf?.mergeCommitSha ?? ''}.`;
    default:
      if (mr.ai) {
        return [
          `Relay implemented ${key}: ${mr.ticket?.summary ?? ''}.`,
          '',
          '## Validation',
          '- Unit tests and lint passed in the Relay sandbox before publishing.',
          '',
          `Relay run: ${mr.runId ?? ''}`,
          `Ticket: ${JIRA_BASE}/browse/${key}`,
          '',
          `Closes ${key}`,
        ].join('\n');
      }
      if (mr.titleVariant % 3 === 0) return `${mr.ticket?.summary ?? ''}.\n\nJira: ${JIRA_BASE}/browse/${key}`;
      if (mr.titleVariant % 3 === 1) return `Closes ${key}`;
      return `## What\n${mr.ticket?.summary ?? ''}\n\n## Testing\n- unit tests\n- checked on staging\n\nRefs ${key}`;
  }
}

export function teamLabel(team: Team | undefined): string {
  return `team::${(team?.name ?? 'unknown').toLowerCase()}`;
}

export function mrLabels(mr: Mr, team: Team | undefined): string[] {
  switch (mr.kind) {
    case 'chore':
      return ['dependencies', teamLabel(team)];
    case 'revert':
      return ['revert', teamLabel(team)];
    default:
      return mr.ai ? ['ai-generated', teamLabel(team)] : mr.kind === 'fix' ? ['bug', teamLabel(team)] : [teamLabel(team)];
  }
}
