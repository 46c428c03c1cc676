import type { Db } from '../connection';

export type PersonRef = { externalId: string; username?: string | null; displayName?: string | null; isBot?: boolean };

/** Upserts people by (source, external id), caching ids for the life of one ingest batch. */
export function peopleWriter(db: Db, sourceId: number): (person: PersonRef | null) => number | null {
  const upsert = db.prepare(
    `INSERT INTO people (source_id, external_id, username, display_name, is_bot) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(source_id, external_id) DO UPDATE SET
       username = coalesce(excluded.username, people.username),
       display_name = coalesce(excluded.display_name, people.display_name),
       is_bot = max(people.is_bot, excluded.is_bot)
     RETURNING id`,
  );
  const cache = new Map<string, number>();
  return (person) => {
    if (!person) return null;
    const cached = cache.get(person.externalId);
    if (cached !== undefined) return cached;
    const row = upsert.get(sourceId, person.externalId, person.username ?? null, person.displayName ?? null, person.isBot ? 1 : 0) as { id: number };
    cache.set(person.externalId, row.id);
    return row.id;
  };
}
