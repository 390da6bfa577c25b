import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const DIR = new URL('../../../fonts/web/', import.meta.url).pathname;

/** The pages' web fonts from fonts/web/ (the app only asks for files its manifest lists). */
export async function readWebFont(file: string): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await readFile(join(DIR, file)));
  } catch {
    return null;
  }
}
