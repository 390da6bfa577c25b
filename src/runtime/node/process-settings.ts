/**
 * How `npm start` runs Node (package.json's `start` says the same; a test keeps the two equal).
 *
 * NODE_ALLOCATOR_ENV: must be in the environment when the process starts: glibc reads its
 * tunables at exec, and resvg-js's mimalloc reads its options when the addon loads.
 *
 * - `MIMALLOC_ALLOW_LARGE_OS_PAGES=1`: resvg-js allocates its pixmaps through mimalloc, and
 *   every render faulted a card's megabytes in afresh, 4 KiB at a time: ~800 faults for a blank
 *   OG-sized raster. On virtual machines whose page faults are dear (12 µs each measured on
 *   ours, where bare metal takes well under one) that was 10–20 ms of a card's raster. With
 *   transparent huge pages it is a handful of faults (blank OG raster 10.3 → 0.9 ms).
 * - `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`: the same for what Node allocates through glibc (the
 *   pixels copied out of resvg, the PNG encoder's buffers).
 *
 * Measured 2026-12-01. One process (60 OG cards, median per card; bench/memory.ts, RSS settled
 * after 100 and after 1,000 cards), and the server's peak RSS under the big-card attack
 * (test/hardening/admission.test.ts, fresh server, quiet machine):
 *   `MALLOC_MMAP_THRESHOLD_=131072` (what `npm start` set before)  26.9 ms  221 / 189 MiB  519 MiB
 *   glibc huge pages alone                                        31.7 ms  208 / 207 MiB
 *   these two settings                                            14.1 ms  269 / 320 MiB  554–584
 *   mimalloc keeping freed pages 1 s instead (`MIMALLOC_PURGE_DELAY=1000`, glibc huge pages)
 *                                                                 14.2 ms  262 / 286 MiB  723–826
 * Cards are drawn in about half the time; a process that has drawn a thousand holds ~130 MiB
 * more, and the server's peak under attack stays under 600 MiB.
 */
export const NODE_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_ALLOW_LARGE_OS_PAGES: '1',
  GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
};

/**
 * Node's flags for the server. `--max-semi-space-size=2` (MiB; V8's default on 64-bit grows to
 * 16): the main thread answers requests, and under 1,600 requests/s its young generation grew
 * to the default's full size while the native heap around it grew too — ~100 MiB in all after
 * 10 s of cached cards at 50 connections (424 MiB → 320 with the flag), and a big-card attack
 * after heavy OG traffic peaked at 660 MiB against 593 with it. Render threads keep V8's default
 * (render-pool.ts): Satori lays out faster with room to allocate.
 */
export const NODE_SERVER_FLAGS: readonly string[] = [
  '--enable-source-maps',
  '--max-semi-space-size=2',
];
