/**
 * 004's host site annotates polyphonic characters with their reading: 對(duì)話, 市場(chǎng).
 * An annotation is a parenthesised run of lowercase pinyin carrying at least one tone mark, right
 * after a Han character. Real parentheses never match: they hold digits (比亞迪(002594)),
 * capitalised Latin ((Killer App)), Chinese ((混合-多專家模型)) or toneless words.
 */
const TONE_MARKED = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]/u;
const ANNOTATION = /(?<=\p{Script=Han})\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/gu;

export function stripPinyinAnnotations(text: string): { text: string; changes: number } {
  let changes = 0;
  const out = text.replace(ANNOTATION, (match, reading: string) => {
    if (!TONE_MARKED.test(reading)) return match;
    changes++;
    return '';
  });
  return { text: out, changes };
}
