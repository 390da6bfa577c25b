import type { Person, SourceMeta } from '../../../corpus/meta.ts';
import type { AttributionMethod, ParagraphFlag, ParagraphKind } from '../../../corpus/types.ts';
import type { QuoteFlag } from '../../../quotes/types.ts';

/** The public pages in Chinese (simplified; other scripts are converted from it). */
export const ZH = {
  /** `lang` of these words. */
  lang: 'zh-Hans',
  site: {
    brand: '语录',
    nav: '站点',
    daily: '今日语录',
    search: '搜索',
    otherLanguage: 'English',
    footer: '每一句都能追溯到原文段落。',
    feed: '订阅',
  },
  home: {
    title: '语录：中文访谈引语卡片',
    heading: '语录',
    intro:
      '语录把中文访谈里的原话做成带出处的引语卡片。每条语录都有一个短 ID，能追溯到原文的具体段落；讲者、来源、日期，以及机器转写、讲者为推断等注意事项，都写在明处。',
    description: '中文访谈的带出处引语卡片，每一句都能追溯到原文段落。',
    sources: '来源',
    top: '精选语录',
    data: '数据接口：',
  },
  count: {
    quotes: (n: number) => `${n} 条语录`,
    paragraphs: (total: number, speech: number, excluded: number, quotes: number) =>
      `共 ${total} 段：讲话 ${speech} 段，不收录 ${excluded} 段；语录 ${quotes} 条`,
  },
  originalPage: '原始网页',
  sourceKinds: {
    article: '报道',
    dialogue: '对话',
    'machine-transcript': '播客机器转写',
  } satisfies Record<SourceMeta['kind'], string>,
  roles: { guest: '嘉宾', interviewer: '采访者', host: '主持人' } satisfies Record<
    Person['role'],
    string
  >,
  quote: {
    card: '语录卡片',
    /** Around the speaker's name (marked in its own language): 「杨植麟的语录」. */
    from: ['', '的语录'] as [before: string, after: string],
    asPublished: '原文',
    speaker: '讲者',
    source: '来源',
    date: '日期',
    inContext: '原文段落',
    readInSource: (paragraph: string) => `在原文中查看（${paragraph}）`,
    sourceAndContext: '出处与原文',
    scripts: '字形',
    cite: '引用',
    citation: '引用文字',
    transcriptCaveat: '（机器转写）',
    editedCaveat: '（经编辑校正）',
    embed: '嵌入',
    frameIntro: '用框架嵌入（无脚本、无 Cookie）：',
    frameCode: '框架嵌入代码',
    quotationIntro: '或粘贴 HTML 引文（支持 oEmbed 的平台只需粘贴本页链接）：',
    quotationCode: 'HTML 引文代码',
    download: '下载卡片',
    size: '尺寸',
    files: '文件（像素）',
    vertical: '竖排',
    sizes: {
      og: '链接预览',
      square: '微信朋友圈、微博（1:1）',
      portrait: '微博竖图（4:5）',
      xiaohongshu: '小红书（3:4）',
      story: '快拍与视频号（9:16）',
    } as Record<string, string>,
  },
  notes: {
    heading: '注意',
    howDecided: '讲者是怎么判断的',
    flags: {
      'machine-transcript': '机器转写：这句话出自语音识别生成的转写稿，个别词语可能听错。',
      edited: '经编辑校正：编辑审核后修正了文字，原文另有记录。',
      draft: '草稿预览：编辑提议的修正，尚未发布。',
      'inferred-speaker': '讲者为推断：这一段没有写名字，讲者是根据上下文判断的。',
      'traditional-source': '繁体原文：来源为繁体字，其他字形为自动转换。',
    } satisfies Record<QuoteFlag, string>,
    methods: {
      prefix: '段首写着讲者的名字',
      'prefix-without-colon': '段首写着讲者的名字（没有冒号）',
      continuation: '接着上一段同一位讲者的话',
      'tagged-speech': '引号里的话后面注明了是谁说的',
      'untagged-question': '这是引号里的提问，由采访者提出',
      'split-turn': '原文把两人的话并在一行，已按名字拆开',
      'unmarked-question': '小标题后没有署名的提问，来自记者',
      'transcript-turn': '转写稿没有标讲者，按问答轮次推断',
      'not-speech': '这一段不是讲话',
    } satisfies Record<AttributionMethod, string>,
    certainty: (confidence: number) => {
      const pct = `${Math.round(confidence * 100)}%`;
      if (confidence >= 0.95) return `几乎可以确定（${pct}）`;
      if (confidence >= 0.8) return `把握较大（${pct}）`;
      return `把握一般（${pct}），请对照原文`;
    },
    how: (method: string, certainty: string) => `${method}；${certainty}。`,
    continues: '接着',
  },
  daily: {
    today: (monthDay: string) => `今日语录 · ${monthDay}`,
    day: (monthDay: string) => `每日语录 · ${monthDay}`,
    earlier: '往日语录',
    subscribe: '订阅',
  },
  search: {
    heading: '搜索语录',
    title: '搜索',
    field: '要找的字词（简体或繁体）',
    placeholder: '例如：大模型',
    button: '搜索',
    found: (n: number) => `找到 ${n} 条语录`,
    firstShown: (n: number) => `，显示前 ${n} 条`,
  },
  speaker: {
    sources: '来源',
    quotes: (shown: number, total: number) => `语录（${total} 条中最好的 ${shown} 条）`,
  },
  source: {
    description: (title: string, publication: string) =>
      `《${title}》（${publication}）全文阅读视图：每一段的讲者判定与出处。`,
    about: '关于这份来源的说明（英文）',
    legend:
      '灰色段落不是讲者原话（标题、叙述、页面杂项等）或带有问题标记，不会成为语录；它们照原样保留，方便核对。',
    lines: (first: number, last: number) =>
      first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`,
    how: '判断依据',
    excluded: (kind: string) => `不收录：${kind}`,
    quotes: '语录',
    quotePage: '语录页',
    erratum: '勘误',
    erratumKept: '上面保留转写稿的原话。',
    raw: '原始文本（修复前）',
    hlNotFound: '没有找到要高亮的语录',
    hlElsewhere: '出自另一来源：',
    hlStale: '与原文不再一致，未高亮。',
    kinds: {
      speech: '讲话',
      heading: '标题',
      narration: '叙述',
      'key-points': '编辑要点（转述）',
      furniture: '页面杂项',
      teaser: '片头预告',
    } satisfies Record<ParagraphKind, string>,
    flags: {
      'unrepaired-mojibake': '乱码未能确定修复，不产出语录',
      'machine-transcript': '机器转写，个别词语可能听错',
      'traditional-source': '繁体原文',
      edited: '经编辑校正',
      restated: '导语复述正文，不重复收录',
    } satisfies Record<ParagraphFlag, string>,
    reasons: {
      'SEO keywords': '搜索引擎关键词',
      'above the transcript marker of the podcast page': '播客页面上转写稿开始之前的内容',
      'before the first speaker turn': '第一位讲者开口之前的内容',
      'before the host’s welcome': '主持人开场之前的内容',
      byline: '署名',
      'credit line': '版权与出处说明',
      'date line': '日期行',
      disclaimer: '免责声明',
      'link list': '链接列表',
      'numbered list in the lead: the editor paraphrasing the guest':
        '导语里的编号列表：编辑转述嘉宾的话',
      'page chrome': '网页导航等页面元素',
      'related-article title at the end of the page': '页尾的相关文章标题',
      'short line without sentence-final punctuation, no known speaker':
        '短行，没有句末标点，也没有已知讲者',
      'third-person reporting inside a turn (no first person, reporting verb)':
        '讲话中的第三人称转述',
      title: '标题',
      'podcast page header': '播客页面的页头',
      'section heading': '小标题',
      'editor’s key points (paraphrase, not verbatim)': '编辑整理的要点（转述，不是原话）',
      lead: '导语',
      'reported speech': '转述的话',
      'cold-open teaser (repeats later passages)': '片头预告（重复后文）',
    } as Record<string, string>,
    damaged: '〔此处原文损坏，无法修复〕',
    damagedRaw: '查看损坏处的原始字符',
    damagedNote: '原始字符照录；无法显示的字符写成 U+ 编码。',
  },
  error: {
    headings: {
      400: '请求有误',
      404: '找不到这个页面',
      410: '这条语录已撤下',
      413: '请求太大',
      422: '无法处理',
      429: '请求太频繁',
      500: '出错了',
      503: '暂时不可用',
    } as Record<number, string>,
    codes: {
      quote_not_found: '没有这条语录。',
      quote_retired: '这条语录已经撤下，不再公开。',
      source_not_found: '没有这个来源。',
      speaker_not_found: '没有这位讲者。',
      daily_not_found: '这一天没有每日语录：还没有发出，或者早于第一天。',
      paragraph_not_found: '没有这个段落。',
      invalid_argument: '网址里的参数不对。',
      route_not_found: '没有这个页面。',
      overloaded: '服务正忙，请稍后再试。',
      rate_limited: '请求太频繁，请稍后再试。',
      payload_too_large: '请求太大。',
      internal_error: '服务器出了意外的错误，已经记录下来。',
    } as Record<string, string>,
    fallback: '请求没有成功。',
    code: '错误代码',
    detail: '详情（英文）',
    sources: '现有来源',
    home: '← 返回首页',
  },
};

export type Words = typeof ZH;
