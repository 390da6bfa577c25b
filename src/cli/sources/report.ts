import { unlistedSpeakers } from '../../corpus/formats/index.ts';
import type { Paragraph } from '../../corpus/types.ts';
import type { CliLanguage } from '../language.ts';
import type { AddPlan } from './plan.ts';

const ZH_NAMES: Record<string, string> = {
  // kinds
  speech: '讲话',
  heading: '标题',
  narration: '叙述',
  furniture: '版面杂项',
  'key-points': '编辑要点',
  teaser: '预告',
  // reasons
  title: '标题行',
  byline: '署名',
  'date line': '日期行',
  'credit line': '署名/来源',
  'page chrome': '页面元素',
  'link list': '相关链接',
  disclaimer: '免责声明',
  'SEO keywords': '关键词',
  'section heading': '小标题',
  lead: '导语',
  'reported speech': '转述',
  'editor’s note': '编者注',
  'markdown rule': '分隔线',
  'stage direction': '动作说明',
  'cast list': '人员名单',
  'speaker not in metadata': '未列出的讲者',
  // roles, tiers
  guest: '嘉宾',
  interviewer: '采访者',
  host: '主持人',
  publishable: '可发布',
  candidate: '候选',
  // attribution methods
  prefix: '前缀',
  'prefix-without-colon': '缺冒号的前缀',
  continuation: '承接上文',
  'tagged-speech': '引语标注',
  'untagged-question': '未标注的提问',
  'split-turn': '拆出的话轮',
  'unmarked-question': '未标注的提问',
  // repairs and formats
  markup: '排版标记',
  spaces: '空白',
  'full-width-punctuation': '全角标点',
  'han-latin-spacing': '中英文间距',
  'latin-full-stops': '英文句点',
  'split-names': '拆开的名称',
  'script-leaks': '繁简混用',
  'simplified-leaks': '繁体中的简体字',
  'conversion-artefacts': '转换残留',
  'pinyin-annotations': '拼音注音',
  'gbk-mojibake': 'GBK 乱码',
  'qa-blocks': '问/答',
  'role-labels': '记者：/名字：',
  'bold-names': '**名字**：',
};

const bump = (record: Map<string, number>, key: string, by = 1) =>
  record.set(key, (record.get(key) ?? 0) + by);

/**
 * What the pipeline made of a new source, for the editor who adds it: one language, short lines.
 * `paragraphs` adds one line per paragraph (id, kind, speaker, how, first words).
 */
export function formatAddReport(
  plan: AddPlan,
  lang: CliLanguage,
  options: { dryRun: boolean; paragraphs: boolean },
): string[] {
  const report = reportContext(plan, lang === 'en', options.dryRun);
  const lines = report.en ? englishLines(report) : chineseLines(report);
  if (options.paragraphs) lines.push(...paragraphLines(report));
  lines.push(nextStep(report));
  return lines;
}

/** What both languages' lines are made from: the counts, and how one language names them. */
interface ReportContext {
  plan: AddPlan;
  en: boolean;
  dryRun: boolean;
  name: (key: string) => string;
  sep: string;
  list: (m: Map<string, number>) => string;
  kept: Paragraph[];
  excluded: Map<string, number>;
  speakers: Map<string, number>;
  methods: Map<string, number>;
  repairs: Map<string, number>;
  unattributed: Paragraph[];
  tiers: Map<string, number>;
  quoted: Map<string, number>;
  unlisted: ReturnType<typeof unlistedSpeakers>;
  file: string;
  glyphs: AddPlan['missingGlyphs'];
}

function reportContext(plan: AddPlan, en: boolean, dryRun: boolean): ReportContext {
  const name = (key: string) => (en ? key : (ZH_NAMES[key] ?? key));
  const sep = en ? ', ' : '、';
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([k, v]) => `${name(k)} ${v}`)
      .join(sep) || (en ? 'none' : '无');
  const { document: doc, source } = plan;
  const people = new Map(source.meta.people.map((p) => [p.name, p]));

  const excluded = new Map<string, number>();
  const speakers = new Map<string, number>();
  const methods = new Map<string, number>();
  const repairs = new Map<string, number>();
  for (const p of doc.paragraphs) {
    if (p.kind === 'speech') {
      const who = p.attribution.speaker ?? '?';
      const role = people.get(who)?.role;
      bump(speakers, role ? (en ? `${who} (${role})` : `${who}（${name(role)}）`) : who);
      bump(methods, p.attribution.method);
    } else bump(excluded, p.reason ?? p.kind);
    for (const [rule, n] of Object.entries(p.repairs)) bump(repairs, rule, n);
  }
  const tiers = new Map<string, number>();
  const quoted = new Map<string, number>();
  for (const q of plan.quotes) {
    bump(tiers, q.tier);
    bump(quoted, q.speaker);
  }
  return {
    plan,
    en,
    dryRun,
    name,
    sep,
    list,
    kept: doc.paragraphs.filter((p) => p.kind === 'speech'),
    excluded,
    speakers,
    methods,
    repairs,
    unattributed: doc.paragraphs.filter((p) => p.kind === 'narration'),
    tiers,
    quoted,
    unlisted: unlistedSpeakers(doc),
    file: `quotes/sources/${source.stem}.txt`,
    glyphs: plan.missingGlyphs,
  };
}

function englishLines(r: ReportContext): string[] {
  const { plan, list, unattributed, unlisted, file, glyphs, dryRun } = r;
  const { kept, excluded, speakers, methods, repairs, tiers, quoted } = r;
  const { document: doc, source } = plan;
  return [
    dryRun
      ? `Dry run: nothing written. ${file} would be added as ${source.meta.slug}.`
      : `Added ${file} (+ .meta.json) as ${source.meta.slug}; catalog rebuilt.`,
    `Format       ${plan.formats.length ? plan.formats.join(', ') : 'plain (name: prefixes or none)'} · script ${source.meta.script}`,
    `Paragraphs   ${doc.paragraphs.length}: ${kept.length} kept as speech, ${doc.paragraphs.length - kept.length} excluded (${list(excluded)})`,
    `Speakers     ${list(speakers)} (paragraphs) · by ${list(methods)}`,
    `Unattributed ${unattributed.length}${unattributed.length ? `: ${unattributed.map(preview).join('; ')}` : ''}`,
    ...unlisted.map(
      (u) =>
        `Warning      "${u.label}:" opens ${u.paragraphs.join(', ')} but is nobody in --people: add them to quote them; until then those paragraphs stay unattributed or continue the previous speaker`,
    ),
    `Repairs      ${list(repairs)}`,
    `Quotes       ${plan.quotes.length}: ${list(tiers)} · ${list(quoted)}`,
    `Existing IDs all ${plan.priorQuotes} unchanged`,
    glyphs
      ? `Card fonts   lack ${[...glyphs].length} character(s): ${glyphs} — rebuild them with npm run fonts (and the pages' fonts with npm run fonts:web)`
      : 'Card fonts   already hold every character',
  ];
}

function chineseLines(r: ReportContext): string[] {
  const { plan, list, name, sep, unattributed, unlisted, file, glyphs, dryRun } = r;
  const { kept, excluded, speakers, methods, repairs, tiers, quoted } = r;
  const { document: doc, source } = plan;
  return [
    dryRun
      ? `试运行，未写入任何文件：将添加 ${file}，slug 为 ${source.meta.slug}。`
      : `已添加 ${file}（及 .meta.json），slug 为 ${source.meta.slug}；语录目录已重建。`,
    `${zh('格式')}${plan.formats.length ? plan.formats.map(name).join(sep) : '普通（名字：前缀或无标注）'} · 字形 ${source.meta.script === 'hans' ? '简体' : '繁体'}`,
    `${zh('段落')}共 ${doc.paragraphs.length} 段：保留 ${kept.length} 段讲话，排除 ${doc.paragraphs.length - kept.length} 段（${list(excluded)}）`,
    `${zh('讲者')}${list(speakers)}（段）· 依据：${list(methods)}`,
    `${zh('未归属')}${unattributed.length} 段${unattributed.length ? `：${unattributed.map(preview).join('；')}` : ''}`,
    ...unlisted.map(
      (u) =>
        `${zh('注意')}“${u.label}：”出现在 ${u.paragraphs.join('、')}，但此人不在 --people 中：需要引用就补上；补上之前，这些段落不归属或被算作上一位讲者`,
    ),
    `${zh('修复')}${list(repairs)}`,
    `${zh('语录')}${plan.quotes.length} 条：${list(tiers)} · ${list(quoted)}`,
    `${zh('已有编号')}${plan.priorQuotes} 条全部不变`,
    glyphs
      ? `${zh('卡片字体')}缺 ${[...glyphs].length} 个字：${glyphs} —— 运行 npm run fonts 重建（网页字体：npm run fonts:web）`
      : `${zh('卡片字体')}已包含全部字符`,
  ];
}

/** One line per paragraph: id, kind, speaker, how (or why excluded), first words. */
function paragraphLines({ plan, name }: ReportContext): string[] {
  return plan.document.paragraphs.map(
    (p) =>
      `  ${p.id.padEnd(6)} ${name(p.kind)}  ${p.attribution.speaker ?? '—'}  ${p.kind === 'speech' ? name(p.attribution.method) : name(p.reason ?? p.kind)}  ${excerpt(p.text)}`,
  );
}

function nextStep({ en, dryRun, plan }: ReportContext): string {
  const slug = plan.source.meta.slug;
  if (dryRun)
    return en ? 'Run again without --dry-run to add it.' : '去掉 --dry-run 再运行一次即可添加。';
  return en
    ? 'Next: review with yulu quotes list --source ' + slug + ', commit quotes/, then deploy.'
    : `下一步：用 yulu quotes list --source ${slug} 查看，提交 quotes/ 后重新部署。`;
}

/** A Chinese row label padded with ideographic spaces to four characters, then one more. */
const zh = (label: string) => label.padEnd(4, '\u3000') + '\u3000';
const excerpt = (text: string) =>
  [...text].length > 24 ? `${[...text].slice(0, 24).join('')}…` : text;
const preview = (p: Paragraph) => `${p.id} ${excerpt(p.text)}`;
