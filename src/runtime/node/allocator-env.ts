/**
 * The allocator settings `npm start` runs Node with (package.json's `start` sets the same; a test
 * keeps the two equal). They must be in the environment when the process starts: glibc reads its
 * tunables at exec, and resvg-js's mimalloc reads its options when the addon loads.
 *
 * - `MIMALLOC_ALLOW_LARGE_OS_PAGES=1`: resvg-js allocates its pixmaps through mimalloc, and a
 *   blank OG card faulted ~800 fresh 4 KiB pages in on every render. On virtual machines whose
 *   page faults are dear (12 µs each measured on ours, where bare metal takes well under one)
 *   that was 10–20 ms of the raster. With transparent huge pages it is a handful of faults
 *   (blank OG card: 10.3 → 0.9 ms).
 * - `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`: the same for the buffers Node allocates (the pixels
 *   copied out of resvg, PNG output) through glibc.
 *
 * Measured 2026-12-01 (60 OG cards in one process, median per card): 26.9 ms with the setting
 * `npm start` had before (`MALLOC_MMAP_THRESHOLD_=131072`: every card-sized buffer a fresh
 * mapping, faulted in again), 18.7 ms with both settings above added to it, 14.3 ms with them
 * alone (1,668 → 357 page faults a card). Peak RSS of the server under the big-card attack did not
 * move beyond the run-to-run spread (test/hardening/admission.test.ts). A story card's 33 MB
 * buffers are above glibc's largest mmap threshold, so they are still returned to the OS.
 */
export const NODE_ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  MIMALLOC_ALLOW_LARGE_OS_PAGES: '1',
  GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
};
