import { convertScript, type SourceScript } from '../../text/script.ts';

/**
 * Simplified characters that leaked into a traditional source (004: 這么, 然后, 心里, 低于) are
 * converted, and nothing else is touched. Folding a whole traditional text through OpenCC would
 * corrupt it — simplified→traditional is one-to-many (才/纔, 里/裏/裡, 后/後), and OpenCC also
 * swaps traditional variants (裡→裏) — so the conversion is used only as a proposal:
 *
 * - a character may change only if it is a simplified form: traditional→simplified leaves it as
 *   it is and simplified→traditional does not (这, 么, 后; never 裡, which is a traditional form);
 * - its replacement comes from OpenCC's phrase-aware conversion of the whole paragraph, so the
 *   one-to-many choice is made by the words around it (然后→然後, 皇后 stays 皇后);
 * - the replacement must be a character the source itself uses elsewhere (後 for 后, 麼 for 么):
 *   the text is made consistent with itself, never with OpenCC's preferences (峰 does not become
 *   峯, and 閆俊杰 keeps the 杰 the source writes his name with);
 * - a proposal that would change the length of the text is refused whole.
 */
export function foldSimplifiedLeaks(
  text: string,
  script: SourceScript,
  /** Every character the whole source uses: a replacement must be the source's own form. */
  sourceChars: ReadonlySet<string>,
): { text: string; changes: number } {
  if (script !== 'hant') return { text, changes: 0 };
  const proposal = convertScript(text, 'hans', 'tw');
  if (proposal === text || proposal.length !== text.length) return { text, changes: 0 };
  let out = '';
  let changes = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    const to = proposal[i] as string;
    if (to !== ch && isSimplifiedForm(ch) && (sourceChars.has(to) || LEFT_BY_CONVERTERS.has(ch))) {
      out += to;
      changes++;
    } else out += ch;
  }
  return { text: out, changes };
}

/**
 * Simplified characters whose traditional form is one of several (后→後/后, 里→裏/裡/里, 么→麼/幺,
 * 干→幹/乾/干): a character-by-character converter leaves them as they are, so a source converted
 * that way never shows their traditional forms at all and the rule above cannot learn them from
 * the source. For these, OpenCC's choice in context decides. Names are not on the list (米哈游,
 * 云启 are written as their owners write them).
 */
const LEFT_BY_CONVERTERS = new Set([...'后么里于并愿干斗范伙台发只系制准']);

const simplifiedForm = new Map<string, boolean>();

/** A character written only in simplified texts (or shared, like 后, whose traditional form differs in context). */
export function isSimplifiedForm(ch: string): boolean {
  let known = simplifiedForm.get(ch);
  if (known === undefined) {
    known = convertScript(ch, 'hant', 'hans') === ch && convertScript(ch, 'hans', 'hant') !== ch;
    simplifiedForm.set(ch, known);
  }
  return known;
}
