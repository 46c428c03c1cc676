import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** Writes an N-line Copilot users-1-day NDJSON file (distinct user-days), streaming, for size tests. */
export async function writeCopilotUsers(path: string, rows: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; i < rows; i += 1) {
    const day = new Date(Date.UTC(2026, 0, 1) + (i % 365) * 86_400_000).toISOString().slice(0, 10);
    const line = `${JSON.stringify({
      ai_credits_used: (i % 97) / 4,
      code_acceptance_activity_count: i % 13,
      code_generation_activity_count: i % 31,
      day,
      enterprise_id: '1',
      organization_id: '4012',
      loc_added_sum: i % 211,
      totals_by_ide: [{ ide: 'vscode', code_generation_activity_count: i % 31, loc_added_sum: i % 211 }],
      used_agent: i % 3 === 0,
      user_id: 100_000 + Math.floor(i / 365),
      user_login: `user${Math.floor(i / 365)}`,
      user_initiated_interaction_count: i % 17,
    })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return bytes;
}
