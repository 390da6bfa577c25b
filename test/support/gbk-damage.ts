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
