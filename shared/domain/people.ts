/**
 * A stable pseudonym for a person ("Person 3f9a1c"), the same for the same name in the same
 * workspace, so exports can be joined and counted without naming anyone. FNV-1a over the salt and
 * the name; not a secret-keyed hash, so it hides names from casual readers, not from someone who
 * can guess a name and the workspace name.
 */
export function pseudonym(name: string, salt: string): string {
  let h = 0x811c9dc5;
  const text = `${salt}\u0000${name.trim().toLowerCase()}`;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `Person ${h.toString(16).padStart(8, '0').slice(0, 6)}`;
}
