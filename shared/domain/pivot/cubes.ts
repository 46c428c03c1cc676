import type { DimensionId, FactDimension } from './fields';

/**
 * Pre-aggregations of the fact rows, each at the grain of a set of dimensions (tables in migration
 * 0004, rebuilt with the facts). A cube answers a query when it holds every dimension the query
 * groups or filters by; sums roll up from it exactly. Distinct records come from a cube only when
 * no run-event dimension is involved: then each record contributes its one record row, whose
 * `records` is 1. A cube with a bridge dimension holds each record once per bridge value (and once
 * under null when it has none).
 */
export type CubeDef = { table: string; dims: readonly DimensionId[]; bridge?: 'label' };

const RECORD_GRAIN = ['team', 'project', 'repository', 'issue_type', 'size', 'outcome', 'month', 'quarter', 'plan'] as const satisfies readonly FactDimension[];

export const CUBES: readonly CubeDef[] = [
  { table: 'record_fact_cube_records', dims: [...RECORD_GRAIN, 'week'] },
  { table: 'record_fact_cube_events', dims: [...RECORD_GRAIN, 'event_type', 'provider', 'model'] },
  { table: 'record_fact_cube_labels', dims: ['label', ...RECORD_GRAIN], bridge: 'label' },
];

/** The fact table every query can fall back to, and the bridges it joins. */
export const FACTS_TABLE = 'record_facts';
