/**
 * `npm test` runs this first: it checks what the suite needs from the machine and, when something
 * is missing, says exactly what to install before anything else runs (instead of a browser test
 * failing three minutes in). `.ci/run` installs all of it.
 *
 * Needs: Chromium for the desk's browser test (playwright-core drives a system Chromium; it never
 * downloads one), found at CHROMIUM_PATH or /usr/bin/chromium, the same lookup the test uses; the
 * SQLite addon that `npm ci` compiles (needs python3, make and a C++ compiler). System CJK fonts
 * are not needed: the browser test reads the page's text, not its pixels.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A Chromium on PATH under a usual name, to suggest when the configured one is missing. */
function chromiumOnPath(env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean))
    for (const name of ['chromium', 'chromium-browser', 'google-chrome'])
      if (isExecutable(join(dir, name))) return join(dir, name);
  return undefined;
}

/** What is missing, each as lines a person can act on; empty when the suite can run. */
export function preflight(env: NodeJS.ProcessEnv, root: string): string[] {
  const problems: string[] = [];
  const chromium = env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;
  if (!isExecutable(chromium)) {
    const elsewhere = chromiumOnPath(env);
    problems.push(
      [
        `Chromium not found at ${chromium}: the desk's browser test (test/browser/) needs it.`,
        `  install it:      sudo apt-get install chromium      (Debian/Ubuntu; .ci/run does this)`,
        elsewhere
          ? `  or use the one on PATH:  CHROMIUM_PATH=${elsewhere} npm test`
          : `  or point to one: CHROMIUM_PATH=/path/to/chromium npm test`,
      ].join('\n'),
    );
  }
  if (!existsSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node')))
    problems.push(
      [
        'The SQLite addon (better-sqlite3) is not built: run `npm ci`.',
        '  it compiles from source and needs: sudo apt-get install python3 make g++',
      ].join('\n'),
    );
  return problems;
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1]);
if (isMain) {
  const problems = preflight(process.env, process.cwd());
  if (problems.length) {
    console.error(`npm test cannot run yet:\n${problems.join('\n')}`);
    process.exit(1);
  }
}
