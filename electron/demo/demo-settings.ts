import type { PilotDraft } from '../../shared/domain/pilots';
import { LinkingRulesSchema, type WorkspaceSettings } from '../../shared/domain/settings';

/** The fictional company's teams: which Jira project and repositories belong to whom. */
export const DEMO_SETTINGS: Partial<WorkspaceSettings> = {
  name: 'Northwind Logistics',
  currency: 'GBP',
  // The vendor workspaces' plans (list prices: cloud GBP 4, self-hosted GBP 2 per PR/MR after 50 free a month).
  planByWorkspace: { 'northwind-cloud': 'Cloud', 'northwind-payments': 'Self-hosted' },
  // The Anthropic workspace the self-hosted Payments team's AI tool bills its model calls to.
  linking: LinkingRulesSchema.parse({ providerAccountsForRuns: ['wrkspc_01JQ7PAYRELAY8N3V4CX2MZK5T'] }),
  teamByProject: { PLAT: 'Platform', PAY: 'Payments', MOB: 'Mobile', DATA: 'Data' },
  teamByRepository: {
    'northwind/api-gateway': 'Platform',
    'northwind/infra-tools': 'Platform',
    'northwind/ledger-service': 'Payments',
    'northwind/checkout-web': 'Payments',
    'northwind/mobile-app': 'Mobile',
    'northwind/mobile-bff': 'Mobile',
    'northwind/data-pipelines': 'Data',
    'northwind/analytics-api': 'Data',
  },
};

/** The demo's pilot: the Payments team's maintenance queue on the self-hosted plan. */
export const DEMO_PILOT: PilotDraft = {
  name: 'Payments maintenance',
  owner: 'Priya Natarajan (Payments EM)',
  scope: { projects: ['PAY'], repositories: ['northwind/ledger-service', 'northwind/checkout-web'], teams: [], labels: [], from: '2026-01-01', to: '2026-09-30' },
  decisions: {
    eligibleQueueState: 'Ready for dev, labelled maintenance or bug, story points ≤ 5',
    blockingStates: 'Blocked, Waiting for customer, Needs design',
    repositoryMatch: 'Component → repository: Ledger → ledger-service, Checkout → checkout-web',
    contextAllowed: 'Ticket description, acceptance criteria, linked Confluence runbooks, repository code',
    contextExcluded: 'Customer PII, production secrets, payment card data',
    gateEvidence: 'Green MR pipeline (unit + contract tests) before a reviewer is requested',
    repairAndRejectedShown: 'Every continuation and rejected MR stays on the record and in cost per accepted change',
    repairBudget: 3,
    mergeAuthority: 'A Payments engineer approves and merges; the AI tool never merges',
    stopRules: 'Pause if acceptance rate < 50% for two months or any rollback reaches production',
  },
};
