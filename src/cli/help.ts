/** `--help` for every command and verb: usage on stdout, exit 0, nothing else run. */

export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

/**
 * The usage of `yulu <command> [<verb>]`: the lines for that verb when the usage has some (e.g.
 * `yulu quotes show --help`), else the command's whole usage.
 */
export function helpFor(command: string, usage: string, verb: string | undefined): string {
  const lines = usage.split('\n').map((line) => line.trim());
  const forVerb =
    verb && !verb.startsWith('-')
      ? lines.filter((line) => line.startsWith(`yulu ${command} ${verb}`))
      : [];
  const shown = forVerb.length ? forVerb : lines;
  return `usage: ${shown.join('\n       ')}`;
}
