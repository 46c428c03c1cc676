import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { PilotsPage } from './pages/pilots-page';
import { serveDemoCopy, type Served } from './serve';

let served: Served;
test.beforeAll(async () => {
  served = await serveDemoCopy();
});
test.afterAll(async () => {
  await served.stop();
});

type PilotFigures = { records: number; accepted: number };

/** A pilot's records and accepted count straight from the database file, by the pilot's name. */
function dbFigures(name: string): PilotFigures {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db
      .prepare(
        `SELECT count(*) AS records, coalesce(sum(r.accepted), 0) AS accepted
           FROM records r JOIN record_pilots rp ON rp.record_id = r.id JOIN pilots p ON p.id = rp.pilot_id
          WHERE p.name = ?`,
      )
      .get(name) as PilotFigures;
  } finally {
    db.close();
  }
}

/** Projects with accepted AI work, most first; the demo's own pilot covers PAY. */
function projectsWithAcceptedWork(): string[] {
  const db = new Database(join(served.workspace, 'yardstick.sqlite'), { readonly: true });
  try {
    return db
      .prepare("SELECT project_key FROM records WHERE project_key IS NOT NULL AND project_key <> 'PAY' GROUP BY project_key HAVING sum(accepted) > 0 ORDER BY sum(accepted) DESC")
      .pluck()
      .all() as string[];
  } finally {
    db.close();
  }
}

test('the demo pilot’s scorecard shows the accepted count the database holds for it', async ({ page }) => {
  const expected = dbFigures('Payments maintenance');
  expect(expected.accepted).toBeGreaterThan(0);
  const pilots = new PilotsPage(page);
  await pilots.open(served.url);
  const card = await pilots.select('Payments maintenance');
  expect(await pilots.figure('Payments maintenance', 'accepted')).toBe(expected.accepted);
  expect(await pilots.records('Payments maintenance')).toBe(expected.records);
  await expect(card.getByTestId('figure-accepted').getByTestId('figure-value')).toHaveText(expected.accepted.toLocaleString('en-GB'));
  await expect(card.getByTestId('figure-cost_per_accepted').getByTestId('figure-value')).toHaveText(/^£[\d,]+\.\d\d$/);
  await expect(card.getByTestId('figure-acceptance_rate').getByTestId('figure-value')).toHaveText(/^\d+\.\d%$/);

  // The monthly chart is drawn, the risk signals are counted, the decisions are written down.
  await expect(card.getByTestId('pilot-chart').locator('svg')).toBeVisible();
  expect(Number(await card.getByTestId('pilot-chart').getAttribute('data-months'))).toBeGreaterThan(0);
  await expect(card.locator('[data-testid="signal-row"][data-code="outside_repositories"]')).toBeVisible();
  expect(await card.getByTestId('signal-row').count()).toBeGreaterThan(3);
  await expect(card.getByTestId('pilot-decisions')).toContainText('Stop rules');
  await expect(card.getByTestId('pilot-decisions')).toContainText('Merge authority');
  await expect(card.getByTestId('pilot-open-records')).toHaveAttribute('href', '#/records');
});

test('a new pilot scoped to one project gets its scorecard, and can be edited, deleted and restored', async ({ page }) => {
  const [first, second] = projectsWithAcceptedWork();
  expect(first).toBeDefined();
  expect(second).toBeDefined();
  const pilots = new PilotsPage(page);
  await pilots.open(served.url);

  await pilots.create({ name: 'E2E upkeep', owner: 'Test owner', projects: [first!], stopRules: 'Stop after two bad months', repairBudget: '2' });
  await expect(pilots.item('E2E upkeep')).toHaveAttribute('aria-current', 'true');
  const created = dbFigures('E2E upkeep');
  expect(created.accepted).toBeGreaterThan(0);
  expect(await pilots.records('E2E upkeep')).toBe(created.records);
  expect(await pilots.figure('E2E upkeep', 'accepted')).toBe(created.accepted);
  await expect(pilots.scorecard('E2E upkeep').getByTestId('pilot-scope')).toHaveText(`Project ${first}`);
  await expect(pilots.scorecard('E2E upkeep').getByTestId('pilot-decisions')).toContainText('Stop after two bad months');

  // Edit: another project and a new name; the scorecard follows.
  await pilots.edit('E2E upkeep', { name: 'E2E upkeep (moved)', projects: [second!] });
  await expect(pilots.item('E2E upkeep')).toHaveCount(0);
  const edited = dbFigures('E2E upkeep (moved)');
  expect(edited.accepted).toBeGreaterThan(0);
  expect(await pilots.figure('E2E upkeep (moved)', 'accepted')).toBe(edited.accepted);
  expect(await pilots.records('E2E upkeep (moved)')).toBe(edited.records);
  await expect(pilots.scorecard('E2E upkeep (moved)').getByTestId('pilot-scope')).toHaveText(`Project ${second}`);

  // Delete asks first; Undo creates it again from the same data.
  await pilots.delete('E2E upkeep (moved)');
  expect(dbFigures('E2E upkeep (moved)').records).toBe(0);
  await pilots.undoDelete().click();
  await expect(pilots.item('E2E upkeep (moved)')).toBeVisible();
  await pilots.fresh('E2E upkeep (moved)');
  expect(await pilots.figure('E2E upkeep (moved)', 'accepted')).toBe(edited.accepted);
  await expect(pilots.scorecard('E2E upkeep (moved)').getByTestId('pilot-decisions')).toContainText('Stop after two bad months');

  await pilots.delete('E2E upkeep (moved)');
  await expect(pilots.item('Payments maintenance')).toBeVisible();
});
