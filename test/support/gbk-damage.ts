import { pinyin } from 'pinyin-pro';
import { decodeGbkPair, encodeGbkChar } from '../../src/text/gbk.ts';

/**
 * Reproduces the damage mechanism docs/CORPUS.md describes for 004, independently of the repair
 * code: the page's GBK bytes, read one byte off from character `at`, get a pinyin annotation after
 * the misaligned character; the bytes are then decoded aligned by a lenient decoder (a lead byte
 * before `(` shows as `?`, a lead byte before other ASCII is dropped) and full-width forms are
 * folded to ASCII. Returns null when the mechanism cannot apply at `at`.
 */
export function damageAt(text: string, at: number): string | null {
  const chars = [...text];
  const bytes: number[] = [];
  let leadOfAt = -1;
  for (const [k, c] of chars.entries()) {
    const b = encodeGbkChar(c);
    if (b === null) return null;
    if (k === at) {
      if (b.length !== 2) return null;
      leadOfAt = bytes.length;
    }
    bytes.push(...b);
  }
  const p1 = bytes[leadOfAt - 1];
  const lead = bytes[leadOfAt];
  if (leadOfAt < 1 || p1 === undefined || lead === undefined || p1 < 0x80) return null;
  const shifted = decodeGbkPair(p1, lead);
  if (shifted === null) return null;
  const reading = pinyin(shifted);
  if (!/^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}$/u.test(reading)) return null;

  const annotation: number[] = [];
  for (const c of `(${reading})`) annotation.push(...(encodeGbkChar(c) ?? []));
  const stream = [...bytes.slice(0, leadOfAt + 1), ...annotation, ...bytes.slice(leadOfAt + 1)];
  return lenientDecode(stream);
}

function lenientDecode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    const next = bytes[i + 1];
    const pair = next === undefined ? null : decodeGbkPair(b, next);
    if (pair !== null) {
      const code = pair.codePointAt(0) as number;
      out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : pair;
      i += 2;
    } else if (next === 0x28) {
      out += '?';
      i += 2;
    } else {
      i += 1;
    }
  }
  return out;
}

/**
 * The same mechanism where the `?` marker was lost (004: `經(jīng);乜h城` for 經常回縣城): the lead
 * byte of character `at` is gone, the bytes after it are read pairwise until a real trail byte
 * falls in the ASCII range and shows alone — a lower-case letter, which is where alignment
 * returns. Full-width forms are folded. Returns null when that does not happen within `maxRun`
 * characters, or when the letter would not sit between two Chinese characters.
 */
export function unmarkedDamageAt(text: string, at: number, maxRun = 3): string | null {
  const chars = [...text];
  const first = chars[at];
  if (first === undefined || !/\p{Script=Han}/u.test(chars[at - 1] ?? '')) return null;
  const bytes: number[] = [];
  for (const c of chars.slice(at)) {
    const b = encodeGbkChar(c);
    if (b === null || b.length !== 2) return null;
    bytes.push(...b);
    if (bytes.length >= 2 * (maxRun + 1)) break;
  }
  let shown = '';
  for (let k = 1, n = 0; k < bytes.length && n <= maxRun; k += 2, n++) {
    const b = bytes[k] as number;
    if (b < 0x80) {
      const next = chars[at + n + 1];
      if (!/^[a-z]$/.test(String.fromCharCode(b)) || !/\p{Script=Han}/u.test(next ?? ''))
        return null;
      if (!/\p{Script=Han}/u.test(shown.slice(-1))) return null;
      return (
        chars.slice(0, at).join('') +
        shown +
        String.fromCharCode(b) +
        chars.slice(at + n + 1).join('')
      );
    }
    const pair = decodeGbkPair(b, bytes[k + 1] ?? -1);
    if (pair === null) return null;
    const code = pair.codePointAt(0) as number;
    shown += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : pair;
  }
  return null;
}
