#!/usr/bin/env node
// The `yulu` bin: runs the TypeScript CLI through tsx's loader (a runtime dependency), so the
// command works straight after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
main(process.argv.slice(2));
