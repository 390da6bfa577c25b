/**
 * CPU accounting from /proc (Linux; null elsewhere): the CPU time of another process and its
 * descendants (to tell a server's own cost per request from the load generator's on a machine
 * they share), and the time the hypervisor gave away (noise on a shared host).
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ; `getconf CLK_TCK` is 100 on Linux x86-64 and arm64

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at field 3 (state).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

/** User + system CPU milliseconds of `root` and every process below it; null without /proc. */
export function treeCpuMs(root: number): number | null {
  if (process.platform !== 'linux') return null;
  const all = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (s) all.set(Number(entry), s);
  }
  if (!all.has(root)) return null;
  let ticks = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    ticks += all.get(pid)?.ticks ?? 0;
    for (const [child, s] of all) if (s.ppid === pid) queue.push(child);
  }
  return (ticks / TICKS_PER_SECOND) * 1000;
}

/** CPU time the hypervisor gave to other guests while this one wanted it (all CPUs; Linux). */
export function stealMs(): number | null {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
    return (Number(cpu[8]) / TICKS_PER_SECOND) * 1000;
  } catch {
    return null;
  }
}
