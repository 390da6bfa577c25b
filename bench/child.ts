/** Runs a bench script as a fresh Node process (through tsx) and reads the JSON line it prints last. */
import { execFileSync } from 'node:child_process';
import { ROOT } from './cards.ts';

export function isMain(url: string): boolean {
  return url === `file://${process.argv[1]}`;
}

export function runChild<T>(script: string, args: string[], nodeOptions = ''): T {
  const out = execFileSync(`${ROOT}node_modules/.bin/tsx`, [`${ROOT}bench/${script}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: nodeOptions },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as T;
}
