/**
 * Chromium without any CJK system font (a fontconfig that knows only DejaVu), so a page whose own
 * web fonts fail shows tofu instead of quietly borrowing the machine's Noto CJK; and the checks
 * every public page must pass: no horizontal overflow, no tofu, no axe-core violation.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LATIN_FONTS = '/usr/share/fonts/truetype/dejavu';

export async function launchWithoutCjkFonts(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium (.ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'yulu-fonts-'));
  const config = join(dir, 'fonts.conf');
  writeFileSync(
    config,
    `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  ${existsSync(LATIN_FONTS) ? `<dir>${LATIN_FONTS}</dir>` : ''}
  <cachedir>${join(dir, 'cache')}</cachedir>
</fontconfig>
`,
  );
  const env = { ...process.env, FONTCONFIG_FILE: config } as Record<string, string>;
  // The premise of the test: this fontconfig offers no font for Chinese.
  const zh = execFileSync('fc-list', [':lang=zh'], { env, encoding: 'utf8' }).trim();
  if (zh) throw new Error(`the test fontconfig still lists CJK fonts:\n${zh}`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu'],
    env,
  });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Characters of the page's text drawn as the same box as a character no font has (tofu). Each
 * character is drawn in the font family its own element computes (a traditional paragraph on a
 * simplified page draws with the TC face its `lang` selects), so what is checked is what is shown.
 */
export async function tofuOn(page: Page): Promise<string[]> {
  return page.evaluate(`(async () => {
    await document.fonts.ready;
    const byFamily = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !element.checkVisibility({ visibilityProperty: true })) continue;
      const family = getComputedStyle(element).fontFamily;
      const chars = byFamily.get(family) ?? new Set();
      for (const c of node.data) if (c.codePointAt(0) > 0x7e && !/\\s/.test(c)) chars.add(c);
      byFamily.set(family, chars);
    }
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 40;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    const draw = (family, c) => {
      ctx.clearRect(0, 0, 40, 40);
      ctx.font = '32px ' + family;
      ctx.fillText(c, 2, 34);
      const d = ctx.getImageData(0, 0, 40, 40).data;
      let h = 0;
      for (let i = 3; i < d.length; i += 4) h = (h * 31 + d[i]) | 0;
      return h;
    };
    const tofu = [];
    for (const [family, chars] of byFamily) {
      await document.fonts.load('32px ' + family, [...chars].join(''));
      const box = draw(family, '\\u{F0000}');
      for (const c of chars) if (draw(family, c) === box) tofu.push(c);
    }
    return [...new Set(tofu)];
  })()`);
}

/** The page is no wider than the viewport. */
export async function overflowOn(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
}

/** Names of the web fonts the page loaded. */
export async function loadedFonts(page: Page): Promise<string[]> {
  return page.evaluate(
    `(async () => { await document.fonts.ready; return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')); })()`,
  );
}

/** axe-core's violations (every impact), as "id: help (n nodes)". The context must bypass CSP. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; help: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
