// Northwind Logistics: teams, people, repositories and CI runners. Head count and repositories grow
// with the square root of the scale, so a bigger demo means more work per person, as it would.

import type { Company, JobTemplate, Person, Plan, Repo, Runner, Team, TeamKey } from './model';
import { type Rng, must } from './rng';
import { PERIOD_START } from './time';

export const GITLAB_BASE = 'https://gitlab.northwind.example';
export const JIRA_BASE = 'https://northwind.atlassian.net';
export const GROUP = 'northwind';

// [display name, username, time zone]. Deliberately many cultures and scripts: display names must
// survive every parser, CSV and chart label untouched.
const NAMES: readonly (readonly [string, string, string])[] = [
  ['王芳', 'wang.fang', 'Asia/Shanghai'],
  ['Ólafur Jónsson', 'olafur.jonsson', 'Atlantic/Reykjavik'],
  ['Siobhán O\'Connell', 'siobhan.oconnell', 'Europe/Dublin'],
  ['Priya Natarajan', 'priya.natarajan', 'Asia/Kolkata'],
  ['Kwame Mensah', 'kwame.mensah', 'Africa/Accra'],
  ['Jonas Weber', 'jonas.weber', 'Europe/Berlin'],
  ['Mateo González', 'mateo.gonzalez', 'Europe/Madrid'],
  ['Дарья Смирнова', 'darya.smirnova', 'Europe/Riga'],
  ['Nguyễn Thu Hà', 'thuha.nguyen', 'Asia/Ho_Chi_Minh'],
  ['Hiroshi Tanaka', 'hiroshi.tanaka', 'Asia/Tokyo'],
  ['Leila Haddad', 'leila.haddad', 'Europe/Paris'],
  ['Ingrid Solberg', 'ingrid.solberg', 'Europe/Oslo'],
  ['Chidi Okeke', 'chidi.okeke', 'Africa/Lagos'],
  ['Ewa Kowalczyk', 'ewa.kowalczyk', 'Europe/Warsaw'],
  ['Arjun Mehta', 'arjun.mehta', 'Europe/London'],
  ['Sofia Rossi', 'sofia.rossi', 'Europe/Rome'],
  ['Emre Yılmaz', 'emre.yilmaz', 'Europe/Istanbul'],
  ['Zanele Dlamini', 'zanele.dlamini', 'Africa/Johannesburg'],
  ['김민준', 'minjun.kim', 'Asia/Seoul'],
  ['Camille Dubois', 'camille.dubois', 'Europe/Paris'],
  ['Daniel Cohen', 'daniel.cohen', 'Europe/London'],
  ['Björn Lindqvist', 'bjorn.lindqvist', 'Europe/Stockholm'],
  ['Ana Lucía Pérez', 'analucia.perez', 'America/Mexico_City'],
  ['Mei Lin Tan', 'meilin.tan', 'Asia/Singapore'],
  ['Oliver Bennett', 'oliver.bennett', 'Europe/London'],
  ['Grace Achieng', 'grace.achieng', 'Africa/Nairobi'],
  ['Αθηνά Παππά', 'athina.pappa', 'Europe/Athens'],
  ['Ravi Shankar', 'ravi.shankar', 'Asia/Kolkata'],
  ['Noa Levi', 'noa.levi', 'Asia/Jerusalem'],
  ['Eilidh MacLeod', 'eilidh.macleod', 'Europe/London'],
  ['Marta Nowak', 'marta.nowak', 'Europe/Warsaw'],
  ['Tariq Rahman', 'tariq.rahman', 'Asia/Dhaka'],
  ['Elena Popescu', 'elena.popescu', 'Europe/Bucharest'],
  ['Laura Martínez', 'laura.martinez', 'Europe/Madrid'],
  ['Aiko Suzuki', 'aiko.suzuki', 'Asia/Tokyo'],
  ['Niamh Byrne', 'niamh.byrne', 'Europe/Dublin'],
  ['Viktor Horváth', 'viktor.horvath', 'Europe/Budapest'],
  ['Isabela Santos', 'isabela.santos', 'America/Sao_Paulo'],
  ['Omar Khalil', 'omar.khalil', 'Africa/Cairo'],
  ['Freya Andersen', 'freya.andersen', 'Europe/Copenhagen'],
  ['Samuel Osei', 'samuel.osei', 'Europe/London'],
  ['Julia Wagner', 'julia.wagner', 'Europe/Vienna'],
  ['Fatima Zahra El Idrissi', 'fatimazahra.elidrissi', 'Africa/Casablanca'],
  ['Lukas Novák', 'lukas.novak', 'Europe/Prague'],
  ['Amara Nwosu', 'amara.nwosu', 'Europe/London'],
  ['Yusuf Demir', 'yusuf.demir', 'Europe/Istanbul'],
  ['Hannah Schmidt', 'hannah.schmidt', 'Europe/Berlin'],
  ['Pedro Alves', 'pedro.alves', 'Europe/Lisbon'],
  ['Farah Siddiqui', 'farah.siddiqui', 'Asia/Karachi'],
  ['Tuan Pham', 'tuan.pham', 'Asia/Ho_Chi_Minh'],
  ['Nadia Petrova', 'nadia.petrova', 'Europe/Sofia'],
  ['Kai Nakamura', 'kai.nakamura', 'Asia/Tokyo'],
  ['Diego Herrera', 'diego.herrera', 'America/Bogota'],
  ['Bilal Qureshi', 'bilal.qureshi', 'Europe/London'],
  ['Sipho Ndlovu', 'sipho.ndlovu', 'Africa/Johannesburg'],
  ['Rafael Costa', 'rafael.costa', 'Europe/Lisbon'],
  ['Aisha Bello', 'aisha.bello', 'Africa/Lagos'],
  ['Tomás Ferreira', 'tomas.ferreira', 'Europe/Lisbon'],
  ['Mia Krystof', 'mia.krystof', 'Europe/Berlin'],
  ['Henrik Virtanen', 'henrik.virtanen', 'Europe/Helsinki'],
];

type RepoSpec = { name: string; language: string };

type TeamSpec = {
  key: TeamKey;
  name: string;
  size: number;
  plan: Plan;
  aiStart: number;
  keyStart: number;
  repos: RepoSpec[];
  components: string[];
  labels: string[];
  objects: string[];
};

const TEAMS: readonly TeamSpec[] = [
  {
    key: 'PLAT', name: 'Platform', size: 8, plan: 'cloud', aiStart: Date.UTC(2025, 11, 1), keyStart: 1184,
    repos: [
      { name: 'api-gateway', language: 'go' }, { name: 'infra-tools', language: 'python' },
      { name: 'auth-service', language: 'go' }, { name: 'observability', language: 'go' },
    ],
    components: ['Gateway', 'Infrastructure', 'Auth', 'CI'],
    labels: ['backend', 'infra', 'tech-debt', 'security', 'observability'],
    objects: ['gateway rate limiter', 'service mesh mTLS settings', 'Terraform state locking', 'CI runner autoscaling',
      'request tracing headers', 'health check endpoints', 'secrets rotation job', 'gateway routing table',
      'log retention policy', 'pod autoscaling limits', 'TLS certificate renewal', 'OAuth token introspection'],
  },
  {
    key: 'PAY', name: 'Payments', size: 8, plan: 'self-hosted', aiStart: Date.UTC(2025, 9, 1), keyStart: 402,
    repos: [
      { name: 'ledger-service', language: 'kotlin' }, { name: 'checkout-web', language: 'typescript' },
      { name: 'payouts-api', language: 'kotlin' }, { name: 'fraud-rules', language: 'python' },
    ],
    components: ['Ledger', 'Checkout', 'Refunds', 'Payouts'],
    labels: ['backend', 'frontend', 'pci', 'tech-debt', 'customer-reported'],
    objects: ['refund idempotency keys', 'ledger reconciliation job', 'checkout 3-D Secure flow', 'payout batching',
      'currency rounding on invoices', 'chargeback webhook handler', 'PCI audit log export', 'payment retry schedule',
      'VAT calculation for EU orders', 'webhook signature checks', 'saved card management', 'settlement report'],
  },
  {
    key: 'MOB', name: 'Mobile', size: 7, plan: 'cloud', aiStart: Date.UTC(2025, 11, 1), keyStart: 655,
    repos: [
      { name: 'mobile-app', language: 'swift' }, { name: 'mobile-bff', language: 'typescript' },
      { name: 'push-service', language: 'go' }, { name: 'design-system', language: 'typescript' },
    ],
    components: ['Driver app', 'Customer app', 'BFF', 'Notifications'],
    labels: ['ios', 'android', 'frontend', 'accessibility', 'customer-reported'],
    objects: ['push notification opt-in', 'offline delivery tracking', 'driver login flow', 'proof-of-delivery photo upload',
      'dark mode on the route screen', 'shipment caching in the BFF', 'deep links to parcel status', 'barcode scanner focus',
      'app start-up time', 'delivery slot picker', 'in-app rating prompt', 'courier chat'],
  },
  {
    key: 'DATA', name: 'Data', size: 7, plan: 'cloud', aiStart: Date.UTC(2025, 11, 1), keyStart: 231,
    repos: [
      { name: 'data-pipelines', language: 'python' }, { name: 'analytics-api', language: 'python' },
      { name: 'ml-features', language: 'python' }, { name: 'warehouse-models', language: 'sql' },
    ],
    components: ['Pipelines', 'Analytics API', 'Warehouse', 'ML'],
    labels: ['backend', 'data-quality', 'tech-debt', 'pii', 'reporting'],
    objects: ['daily shipments pipeline', 'late-delivery prediction features', 'warehouse dbt models', 'analytics API pagination',
      'carrier SLA dashboard', 'Airflow DAG retries', 'parquet partitioning', 'PII masking in exports',
      'data quality checks', 'cost attribution tables', 'depot throughput metrics', 'event schema registry'],
  },
];

const FILES: Record<string, string[]> = {
  go: ['internal/ratelimit/limiter.go', 'internal/routing/table.go', 'cmd/server/main.go', 'internal/auth/middleware.go',
    'internal/health/handler.go', 'internal/config/config.go', 'internal/ratelimit/limiter_test.go'],
  python: ['src/pipelines/shipments/daily.py', 'src/common/io.py', 'src/api/routes/metrics.py', 'tests/test_daily.py',
    'dags/shipments_dag.py', 'src/api/models.py'],
  kotlin: ['src/main/kotlin/ledger/Reconciler.kt', 'src/main/kotlin/ledger/PostingService.kt',
    'src/main/kotlin/api/RefundController.kt', 'src/main/resources/db/migration/V42__refund_keys.sql',
    'src/test/kotlin/ledger/ReconcilerTest.kt'],
  typescript: ['src/routes/checkout.ts', 'src/components/PaymentForm.tsx', 'src/lib/api-client.ts', 'src/hooks/use-cart.ts',
    'src/server/session.ts', 'test/checkout.spec.ts'],
  swift: ['App/Features/Tracking/TrackingView.swift', 'App/Services/PushService.swift', 'App/Features/Login/LoginViewModel.swift',
    'android/app/src/main/java/com/northwind/MainActivity.kt', 'App/Core/Networking/APIClient.swift'],
  sql: ['models/staging/stg_shipments.sql', 'models/marts/fct_deliveries.sql', 'models/marts/dim_carriers.sql',
    'tests/assert_no_negative_fees.sql', 'models/schema.yml'],
};

const DEPS: Record<string, string[]> = {
  go: ['golang.org/x/net', 'google.golang.org/grpc', 'github.com/prometheus/client_golang'],
  python: ['pandas', 'pyarrow', 'fastapi', 'apache-airflow'],
  kotlin: ['spring-boot', 'jackson-databind', 'kotlinx-coroutines'],
  typescript: ['vite', 'react', 'zod', 'undici'],
  swift: ['Alamofire', 'SnapKit', 'firebase-ios-sdk'],
  sql: ['dbt-core', 'dbt-utils'],
};

function job(name: string, stage: JobTemplate['stage'], medianSec: number, on: JobTemplate['on'],
  extra: Partial<Omit<JobTemplate, 'name' | 'stage' | 'medianSec' | 'on'>> = {}): JobTemplate {
  return { name, stage, medianSec, on, allowFailure: false, coverage: false, manual: false, runner: null, ...extra };
}

function jobsFor(spec: RepoSpec, projectRunner: Runner | null): JobTemplate[] {
  const own = projectRunner ? { runner: projectRunner } : {};
  const jobs: JobTemplate[] = [job('build', 'build', 110, 'both', spec.language === 'swift' ? own : {})];
  jobs.push(job('test:unit', 'test', 190, 'both', { coverage: true, ...(spec.language === 'swift' ? own : {}) }));
  if (spec.language === 'go' || spec.language === 'kotlin') jobs.push(job('test:integration', 'test', 380, 'both'));
  if (spec.language === 'typescript' || spec.language === 'swift') jobs.push(job('test:e2e', 'test', 540, 'both', spec.language === 'swift' ? own : {}));
  jobs.push(job('lint', 'lint', 50, 'both'));
  if (spec.language === 'typescript' || spec.language === 'python') jobs.push(job('typecheck', 'lint', 70, 'both'));
  jobs.push(job('sast', 'security', 130, 'both', { allowFailure: true }));
  if (spec.language !== 'sql') jobs.push(job('dependency-scan', 'security', 85, 'main', { allowFailure: true }));
  if (spec.language === 'typescript') jobs.push(job('deploy:review', 'deploy', 75, 'mr'));
  jobs.push(job('deploy:staging', 'deploy', 140, 'main', spec.name === 'ledger-service' ? own : {}));
  jobs.push(job('deploy:production', 'deploy', 160, 'main', { manual: true, allowFailure: true }));
  return jobs;
}

function runner(id: number, description: string, type: Runner['type'], name = 'gitlab-runner'): Runner {
  return { id, description, isShared: type === 'instance_type', type, name };
}

export function buildCompany(rng: Rng, scale: number): Company {
  const grow = Math.sqrt(Math.max(scale, 0.01));
  const sharedRunners = [1, 2, 3].map((i) => runner(10 + i, `shared-runner-docker-${i}`, 'instance_type'));
  const groupRunners = [1, 2].map((i) => runner(40 + i, `northwind-k8s-runner-${i}`, 'group_type'));
  const names = rng.sample(NAMES, NAMES.length);
  const people: Person[] = [];
  const repos: Repo[] = [];
  const teams: Team[] = [];
  let gitlabId = 1040;
  let projectId = 2101;
  let nameIndex = 0;
  const reposPerTeam = Math.min(4, Math.max(1, Math.round(2 * grow)));
  TEAMS.forEach((spec, teamIndex) => {
    const size = Math.max(4, Math.round(spec.size * grow));
    const members: Person[] = [];
    for (let i = 0; i < size; i++) {
      const base = names[nameIndex % names.length];
      const [name, username, timeZone] = must(base, 'name');
      // Past the pool, reuse names with a suffix: unique usernames matter more than fresh names.
      const round = Math.floor(nameIndex / names.length);
      const uname = round === 0 ? username : `${username}${round + 1}`;
      nameIndex++;
      gitlabId += rng.int(3, 90);
      members.push({
        name: round === 0 ? name : `${name} ${round + 1}`,
        username: uname,
        email: `${uname}@northwind.example`,
        timeZone,
        team: spec.key,
        lead: i === 0,
        jiraAccountId: rng.hex(24),
        gitlabId,
        githubLogin: `${uname.replace(/\./g, '-')}-nw`,
        githubId: rng.int(1_200_000, 98_000_000),
        copilot: rng.chance(0.84),
        ide: spec.key === 'MOB' && rng.chance(0.4) ? 'xcode' : rng.weighted([['vscode', 6], ['jetbrains', 3], ['neovim', 1]] as const),
      });
    }
    const teamRepos: Repo[] = spec.repos.slice(0, reposPerTeam).map((r, repoIndex) => {
      const id = projectId;
      projectId += rng.int(1, 9);
      const projectRunner = r.name === 'mobile-app' ? runner(77, 'macos-runner-mobile-1', 'project_type', 'macos-runner')
        : r.name === 'ledger-service' ? runner(78, 'pci-deployer-1', 'project_type', 'pci-runner') : null;
      return {
        id, name: r.name, path: `${GROUP}/${r.name}`, webUrl: `${GITLAB_BASE}/${GROUP}/${r.name}`, team: spec.key,
        // Alternate licence tiers so both /approvals shapes show up.
        premium: (teamIndex + repoIndex) % 2 === 0,
        language: r.language, files: must(FILES[r.language], 'files'), deps: must(DEPS[r.language], 'deps'),
        jobs: jobsFor(r, projectRunner), iidStart: rng.int(20, 400), pipelineIidStart: rng.int(300, 4000),
      };
    });
    repos.push(...teamRepos);
    people.push(...members);
    teams.push({
      key: spec.key, name: spec.name, jiraProjectId: String(10000 + teamIndex), keyStart: spec.keyStart, repos: teamRepos,
      members, plan: spec.plan, workspace: spec.plan === 'cloud' ? 'northwind-cloud' : 'northwind-payments',
      aiStart: Math.max(spec.aiStart, PERIOD_START), components: spec.components, labels: spec.labels, objects: spec.objects,
    });
  });
  return { teams, people, repos, sharedRunners, groupRunners };
}

