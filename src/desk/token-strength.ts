/**
 * Is EDITOR_TOKEN strong enough to guard the desk? It is a shared secret typed or pasted by
 * editors and the only thing between the internet and every editorial write, so a runtime refuses
 * to open the desk with one that can be guessed (issue 15: 3,483 guesses per second got through).
 * A token needs at least MIN_TOKEN_LENGTH characters, MIN_DISTINCT_CHARACTERS different ones and
 * an estimated MIN_TOKEN_BITS of entropy (length × log2 of the character classes it draws from,
 * discounted for repeats). `openssl rand -base64 24` gives 32 characters, ~190 bits.
 */
export const MIN_TOKEN_LENGTH = 20;
export const MIN_DISTINCT_CHARACTERS = 10;
export const MIN_TOKEN_BITS = 80;

/** Why `token` is too weak, or null when it is acceptable. */
export function weakTokenReason(token: string): string | null {
  const chars = [...token];
  if (chars.length < MIN_TOKEN_LENGTH)
    return `EDITOR_TOKEN has ${chars.length} characters; use at least ${MIN_TOKEN_LENGTH} random ones (e.g. openssl rand -base64 24)`;
  const distinct = new Set(chars).size;
  if (distinct < MIN_DISTINCT_CHARACTERS)
    return `EDITOR_TOKEN uses only ${distinct} different characters; use a random token (e.g. openssl rand -base64 24)`;
  let alphabet = 0;
  if (/[a-z]/.test(token)) alphabet += 26;
  if (/[A-Z]/.test(token)) alphabet += 26;
  if (/[0-9]/.test(token)) alphabet += 10;
  if (/[^A-Za-z0-9]/.test(token)) alphabet += 33;
  // Repeats and runs add little: count each distinct character fully, each repeat at a quarter.
  const bits = (distinct + (chars.length - distinct) / 4) * Math.log2(Math.max(alphabet, 2));
  if (bits < MIN_TOKEN_BITS)
    return `EDITOR_TOKEN is guessable (about ${Math.round(bits)} bits; at least ${MIN_TOKEN_BITS} needed); use a random token (e.g. openssl rand -base64 24)`;
  return null;
}
