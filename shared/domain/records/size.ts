/** T-shirt size from story points; comparable-work baselines are grouped by type and size. */
export function sizeOf(storyPoints: number | null): string {
  if (storyPoints === null) return 'unsized';
  if (storyPoints <= 1) return 'XS';
  if (storyPoints <= 3) return 'S';
  if (storyPoints <= 5) return 'M';
  if (storyPoints <= 8) return 'L';
  return 'XL';
}

export type BaselineTable = { byTypeSize: Map<string, number>; byType: Map<string, number>; overall: number | null };

/**
 * Human-path hours for comparable work: logged hours of finished non-AI items of the same type and
 * size (ratio of sums: total hours ÷ items), falling back to the same type, then to all items.
 */
export function baselineTable(items: readonly { issueType: string; storyPoints: number | null; loggedSeconds: number }[]): BaselineTable {
  const acc = new Map<string, { hours: number; n: number }>();
  const add = (key: string, hours: number) => {
    const a = acc.get(key) ?? { hours: 0, n: 0 };
    a.hours += hours;
    a.n += 1;
    acc.set(key, a);
  };
  for (const item of items) {
    const hours = item.loggedSeconds / 3600;
    add(`ts:${item.issueType}|${sizeOf(item.storyPoints)}`, hours);
    add(`t:${item.issueType}`, hours);
    add('all', hours);
  }
  const mean = (key: string) => {
    const a = acc.get(key);
    return a && a.n > 0 ? a.hours / a.n : undefined;
  };
  const byTypeSize = new Map<string, number>();
  const byType = new Map<string, number>();
  for (const key of acc.keys()) {
    if (key.startsWith('ts:')) byTypeSize.set(key.slice(3), mean(key)!);
    if (key.startsWith('t:')) byType.set(key.slice(2), mean(key)!);
  }
  return { byTypeSize, byType, overall: mean('all') ?? null };
}

export const baselineHoursFor = (table: BaselineTable, issueType: string, storyPoints: number | null): number | null =>
  table.byTypeSize.get(`${issueType}|${sizeOf(storyPoints)}`) ?? table.byType.get(issueType) ?? table.overall;
