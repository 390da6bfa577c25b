import type { CliLanguage } from '../language.ts';

/**
 * Every line `yulu sources add` prints, in Chinese and in English (one language per run, chosen
 * by cliLanguage). Errors are one line each: main prints them as `yulu: … [code]`.
 */
export function sourcesWords(lang: CliLanguage) {
  const en = lang === 'en';
  return {
    lang,
    ...commandErrors(en),
    ...fileErrors(en),
    ...optionErrors(en),
    ...peopleErrors(en),
    ...duplicateErrors(en),
  };
}

export type SourcesWords = ReturnType<typeof sourcesWords>;

/** The command line itself: verb, file count, option syntax. */
function commandErrors(en: boolean) {
  return {
    missingOption: (name: string) =>
      en
        ? `--${name} is required (see yulu sources add --help)`
        : `缺少 --${name}（见 yulu sources add --help）`,
    oneFile: (got: number) =>
      en
        ? `name exactly one text file to add, got ${got}`
        : `请给出一个要添加的文本文件，收到 ${got} 个`,
    unknownVerb: (verb: string) =>
      en
        ? `unknown sources verb "${verb}"; verbs are: add`
        : `未知的 sources 子命令“${verb}”；可用：add`,
    badOption: (detail: string) =>
      en
        ? `${detail} (see yulu sources add --help)`
        : `参数有误：${detail}（见 yulu sources add --help）`,
  };
}

/** The text file: found, readable, UTF-8, not empty, not too big. */
function fileErrors(en: boolean) {
  return {
    fileMissing: (file: string) => (en ? `file not found: ${file}` : `找不到文件：${file}`),
    fileUnreadable: (file: string, why: string) =>
      en ? `cannot read ${file}: ${why}` : `无法读取 ${file}：${why}`,
    notUtf8: (file: string) =>
      en
        ? `${file} is not UTF-8 text; save it as UTF-8 and try again`
        : `${file} 不是 UTF-8 文本；请另存为 UTF-8 后重试`,
    empty: (file: string) => (en ? `${file} holds no text` : `${file} 没有正文`),
    tooBig: (file: string, max: number) =>
      en
        ? `${file} is larger than ${max / 1_000_000} MB; an interview is far shorter`
        : `${file} 超过 ${max / 1_000_000} MB；一篇访谈不会这么长`,
  };
}

/** Option values: date, slug, choices, URL. */
function optionErrors(en: boolean) {
  return {
    badDate: (value: string) =>
      en
        ? `--date must be a real day as YYYY-MM-DD, got "${value}"`
        : `--date 须为真实日期，格式 YYYY-MM-DD，收到“${value}”`,
    badSlug: (value: string) =>
      en
        ? `--slug must be lowercase letters and digits joined by "-", got "${value}"`
        : `--slug 只能是小写字母和数字，用“-”连接，收到“${value}”`,
    badChoice: (name: string, value: string, allowed: readonly string[]) =>
      en
        ? `--${name} must be one of ${allowed.join(', ')}, got "${value}"`
        : `--${name} 只能是 ${allowed.join('、')}，收到“${value}”`,
    badUrl: (value: string) =>
      en ? `--url is not a URL: "${value}"` : `--url 不是网址：“${value}”`,
  };
}

/** `--people`: its entries, roles and guest. */
function peopleErrors(en: boolean) {
  return {
    peopleEmpty: en ? '--people names nobody' : '--people 没有列出任何人',
    peopleSyntax: (entry: string) =>
      en
        ? `--people entry "${entry}" is not name:role:company[:title]`
        : `--people 的“${entry}”不符合 名字:角色:公司[:头衔]`,
    unknownRole: (role: string, allowed: readonly string[]) =>
      en
        ? `unknown role "${role}" in --people; roles are: ${allowed.join(', ')}`
        : `--people 中的角色“${role}”未知；可用：${allowed.join('、')}`,
    fieldTooLong: (field: string, max: number) =>
      en
        ? `--people field "${field}" is longer than ${max} characters`
        : `--people 中的“${field}”超过 ${max} 个字`,
    personTwice: (name: string) =>
      en ? `--people lists ${name} twice` : `--people 重复列出了 ${name}`,
    guestCount: (n: number) =>
      en
        ? `--people must name a guest (role guest), found ${n}`
        : `--people 中须有一位嘉宾（角色 guest），现有 ${n} 位`,
  };
}

/** Refusals that protect the corpus: a source already there, quote IDs that would change. */
function duplicateErrors(en: boolean) {
  return {
    duplicateText: (stem: string, slug: string) =>
      en
        ? `duplicate source: this text is already in the corpus as ${stem} (${slug})`
        : `重复的来源：这段正文已在语料中（${stem}，${slug}）`,
    duplicateWork: (stem: string, slug: string) =>
      en
        ? `duplicate source: ${stem} (${slug}) has the same title, publication and date`
        : `重复的来源：${stem}（${slug}）的标题、出版方和日期与此相同`,
    duplicateSlug: (slug: string, stem: string) =>
      en
        ? `duplicate source: slug ${slug} is taken by ${stem}; choose another --slug`
        : `重复的来源：slug ${slug} 已被 ${stem} 使用；请换一个 --slug`,
    idsWouldChange: (n: number, sample: string) =>
      en
        ? `refused: ${n} existing quote ID(s) would change (${sample}); nothing was written — is the catalog up to date (npm run build:catalog)?`
        : `已拒绝：会改变 ${n} 个已有语录编号（${sample}）；未写入任何文件——目录是否最新（npm run build:catalog）？`,
  };
}
