export function repairGbkMojibake(text: string) {
  return { text, runs: [] as { repaired: string | null }[] };
}
