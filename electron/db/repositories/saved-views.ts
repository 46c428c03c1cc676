import { PivotSpecSchema, type PivotSpec } from '../../../shared/domain/pivot/spec';
import { AppError } from '../../../shared/ipc/result';
import type { Db } from '../connection';

type ViewRow = { id: number; name: string; spec_json: string; created_at: string; updated_at: string };

/** A saved pivot; a spec that no longer validates (a renamed field) comes back with its problem instead. */
export type PivotView = { id: number; name: string; spec: PivotSpec | null; problem: string | null; createdAt: string; updatedAt: string };

const toView = (r: ViewRow): PivotView => {
  let parsed: ReturnType<typeof PivotSpecSchema.safeParse> | null = null;
  try {
    parsed = PivotSpecSchema.safeParse(JSON.parse(r.spec_json));
  } catch {
    parsed = null;
  }
  return {
    id: r.id,
    name: r.name,
    spec: parsed?.success ? parsed.data : null,
    problem: parsed?.success ? null : `This view no longer matches the pivot's fields${parsed ? `: ${parsed.error.issues.map((i) => i.message).join('; ')}` : ''}.`,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
};

export const listPivotViews = (db: Db): PivotView[] =>
  (db.prepare("SELECT id, name, spec_json, created_at, updated_at FROM saved_views WHERE kind = 'pivot' ORDER BY name COLLATE NOCASE").all() as ViewRow[]).map(toView);

/** Creates a view (no id) or updates one; names are unique per kind, case-insensitively. */
export function savePivotView(db: Db, view: { id?: number; name: string; spec: PivotSpec }, now: string): PivotView {
  const clash = db.prepare("SELECT id FROM saved_views WHERE kind = 'pivot' AND name = ? COLLATE NOCASE AND id IS NOT ?").get(view.name, view.id ?? null) as { id: number } | undefined;
  if (clash) throw new AppError('CONFLICT', `A pivot view named "${view.name}" already exists.`);
  const json = JSON.stringify(view.spec);
  let id = view.id;
  if (id !== undefined) {
    const res = db.prepare("UPDATE saved_views SET name = ?, spec_json = ?, updated_at = ? WHERE id = ? AND kind = 'pivot'").run(view.name, json, now, id);
    if (res.changes === 0) throw new AppError('NOT_FOUND', `No pivot view with id ${id}.`);
  } else {
    id = Number(db.prepare("INSERT INTO saved_views (kind, name, spec_json, created_at, updated_at) VALUES ('pivot', ?, ?, ?, ?)").run(view.name, json, now, now).lastInsertRowid);
  }
  return toView(db.prepare('SELECT id, name, spec_json, created_at, updated_at FROM saved_views WHERE id = ?').get(id) as ViewRow);
}

export const deletePivotView = (db: Db, id: number): boolean => db.prepare("DELETE FROM saved_views WHERE id = ? AND kind = 'pivot'").run(id).changes > 0;
