/** Runs a bench script as a fresh Node process (through tsx) and reads the JSON line it prints last. */
import { execFileSync } from 'node:child_process';
import { NODE_ALLOCATOR_ENV } from '../src/runtime/node/process-settings.ts';
import { ROOT } from './cards.ts';

export function isMain(url: string): boolean {
  return url === `file://${process.argv[1]}`;
}

/**
 * The allocator settings `npm start` ships with (src/runtime/node/process-settings.ts). `npm run
 * bench` sets them on its own process too (every renderer compared shares them), and children
 * that measure the server as it runs get them.
 */
export const SERVER_MALLOC = NODE_ALLOCATOR_ENV;

export function runChild<T>(
  script: string,
  args: string[],
  nodeOptions = '',
  env: Record<string, string> = {},
): T {
  const out = execFileSync(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}bench/${script}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
