/**
 * A name the source writes as one word elsewhere (OpenAI) but splits once (Open AI) is joined:
 * the source's own spelling decides, so nothing is joined that the source never writes joined.
 */
export function joinSplitNames(
  text: string,
  names: ReadonlySet<string>,
): { text: string; changes: number } {
  let changes = 0;
  const out = text.replace(
    /\b([A-Z][a-z]+) ([A-Z][A-Za-z]*)\b/gu,
    (match: string, a: string, b: string) => {
      if (!names.has(a + b)) return match;
      changes++;
      return a + b;
    },
  );
  return { text: out, changes };
}

/**
 * A content farm's Taiwan-terms conversion (001) rewrote 域 as 網域 ("network domain") inside 领域
 * ("field"), giving 领網域. In a simplified source the term is undone where it follows 领/領:
 * 网域 never follows 领 in Chinese, 领域 always does.
 */
export function undoConversionArtefacts(text: string): { text: string; changes: number } {
  let changes = 0;
  const out = text.replace(/(?<=[领領])[網网](?=域)/gu, () => {
    changes++;
    return '';
  });
  return { text: out, changes };
}
