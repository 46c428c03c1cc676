import type { WorkspaceSettings } from '../../shared/domain/settings';

/** The fictional company's teams: which Jira project and repositories belong to whom. */
export const DEMO_SETTINGS: Partial<WorkspaceSettings> = {
  name: 'Northwind Logistics',
  currency: 'GBP',
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
