/**
 * The GBK code page as two lookup tables, built once from the WHATWG `gbk` decoder that every
 * runtime ships (`TextDecoder`), so no code-page data lives in this repository. Double-byte
 * codes are a lead byte 0x81–0xFE followed by a trail byte 0x40–0x7E or 0x80–0xFE; the
 * user-defined areas decode to Private-Use characters, as browsers do.
 */
export type GbkBytes = readonly [number] | readonly [number, number];

interface GbkTables {
  pairs: Map<number, string>;
  bytes: Map<string, GbkBytes>;
}

let tables: GbkTables | undefined;

function build(): GbkTables {
  const decoder = new TextDecoder('gbk');
  const pairs = new Map<number, string>();
  const bytes = new Map<string, GbkBytes>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 0 || char.includes('\uFFFD') || [...char].length !== 1) continue;
      pairs.set((lead << 8) | trail, char);
      if (!bytes.has(char)) bytes.set(char, [lead, trail]);
    }
  }
  return { pairs, bytes };
}

function gbk(): GbkTables {
  tables ??= build();
  return tables;
}

/** The character a lead/trail byte pair decodes to, or null when the pair is not a GBK code. */
export function decodeGbkPair(lead: number, trail: number): string | null {
  return gbk().pairs.get((lead << 8) | trail) ?? null;
}

/** GBK bytes of one character: one byte for ASCII, two for the rest, null when unencodable. */
export function encodeGbkChar(char: string): GbkBytes | null {
  const code = char.codePointAt(0);
  if (code === undefined || [...char].length !== 1) return null;
  if (code < 0x80) return [code];
  return gbk().bytes.get(char) ?? null;
}

/**
 * Decodes bytes with the alignment starting at the first byte. Returns null when any byte
 * cannot be decoded (a lead without a valid trail, a lone high byte): a realignment that does
 * not produce clean text is not a repair.
 */
export function decodeGbkStrict(bytes: readonly number[]): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const byte = bytes[i] as number;
    if (byte < 0x80) {
      out += String.fromCharCode(byte);
      i += 1;
      continue;
    }
    const trail = bytes[i + 1];
    const char = trail === undefined ? null : decodeGbkPair(byte, trail);
    if (char === null) return null;
    out += char;
    i += 2;
  }
  return out;
}
