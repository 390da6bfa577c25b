/**
 * The CLI's language for messages facing editors: Chinese first, English when YULU_LANG (or,
 * failing that, LANG) starts with "en" — the switch `yulu editors` uses.
 */
export type CliLanguage = 'zh' | 'en';

export function cliLanguage(env: NodeJS.ProcessEnv = process.env): CliLanguage {
  return /^en/i.test(env.YULU_LANG ?? env.LANG ?? '') ? 'en' : 'zh';
}
