/**
 * Checks the god-mode configuration when the bundle registers, so a bad value stops Directus at start (compose
 * sets EXTENSIONS_MUST_LOAD) with a message naming the variable, instead of god mode running on a guessable
 * token. Unset or empty disables god mode and is fine.
 */
const TOKEN = /^[\x21-\x7e]{16,}$/;

export function checkGodEnv(env: Record<string, unknown>): void {
  const raw = env.GOD_MODE_TOKEN;
  // Directus converts numeric-looking values to numbers; a token is text either way.
  const token = raw === undefined || raw === null ? '' : String(raw).trim();
  if (token === '') return;
  if (token.startsWith('#') || !TOKEN.test(token)) {
    throw new Error(
      'GOD_MODE_TOKEN must be empty (god mode off) or at least 16 printable characters without spaces; a value ' +
        'like "# comment" usually means a .env comment was read as the value',
    );
  }
}
