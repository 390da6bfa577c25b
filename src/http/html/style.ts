import { trusted } from './markup.ts';

/*
 * The two style sheets, inline. The site: the project's own web fonts (html/fonts.ts, served from
 * the origin), one calm column, light and dark. The desk: a wide working table for editors.
 */

export const SITE_STYLE = trusted(`
:root{--cjk:"Yulu Sans SC";color-scheme:light dark;--bg:#faf8f3;--fg:#1f1d1a;--muted:#6b645a;--rule:#e2dbcf;--accent:#8a3b12;--mark:#fbe3a0;--hl:#fdf3d6;--notice:#f3ede2}
@media (prefers-color-scheme:dark){:root{--bg:#171614;--fg:#ebe6de;--muted:#a1988b;--rule:#37322c;--accent:#e3a574;--mark:#6b5418;--hl:#2a251b;--notice:#24211d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.8 "Yulu Sans SC",sans-serif}
:lang(zh-Hant){font-family:"Yulu Sans TC",sans-serif;--cjk:"Yulu Sans TC"}
:lang(zh-Hant-HK){font-family:"Yulu Sans HK",sans-serif;--cjk:"Yulu Sans HK"}
[lang=en]{font-family:"Yulu Sans SC",sans-serif}
main,header.site,footer.site{max-width:40rem;margin:0 auto;padding:0 1.25rem}
header.site{padding-top:1.25rem;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;align-items:baseline}
header.site nav{display:flex;flex-wrap:wrap;gap:.25rem 1rem;font-size:.95rem}
.daily-date{color:var(--muted);font-size:1rem;font-weight:400;display:block}
ol.archive{list-style:none;padding:0}ol.archive li{padding:.6rem 0;border-top:1px solid var(--rule)}ol.archive a{color:var(--fg);text-decoration:none}ol.archive time{color:var(--muted);font-size:.85rem;display:block}
form.search{display:flex;gap:.5rem;margin:1rem 0}form.search input{flex:1;min-width:0;font:inherit;padding:.4rem .6rem;border:1px solid var(--rule);border-radius:6px;background:transparent;color:inherit}form.search button{font:inherit;padding:.4rem .9rem}footer.site{padding-bottom:3rem;margin-top:3rem;border-top:1px solid var(--rule);padding-top:1rem;font-size:.85rem;color:var(--muted)}
.brand{font-weight:600;text-decoration:none;color:var(--fg);letter-spacing:.05em}
a{color:var(--accent);text-underline-offset:.2em}
h1{font-size:1.6rem;line-height:1.4;margin:1.5rem 0 .75rem;font-weight:600}
h2{font-size:1.05rem;margin:2.25rem 0 .5rem;font-weight:600}
.en{font-weight:400;color:var(--muted);font-size:.9em}
.muted{color:var(--muted)}.small{font-size:.85rem}
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace,var(--cjk)}
figure.card{margin:1.5rem 0 0}
figure.card img{display:block;width:100%;height:auto;border:1px solid var(--rule);border-radius:6px;background:#f4efe6}
.scripts{display:flex;gap:1rem;font-size:.9rem;margin:.75rem 0}
.scripts strong{font-weight:600}
blockquote.quote{margin:2rem 0 1rem;padding:0;font-size:1.45rem;line-height:1.85}
blockquote.quote p{margin:0}
blockquote.quote footer{margin-top:.75rem;font-family:inherit;font-size:1rem;color:var(--muted)}
blockquote.quote footer strong{color:var(--fg)}
.original{font-size:.9rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1rem;margin:1.5rem 0}
dl.facts dt{color:var(--muted);font-size:.9rem}dl.facts dd{margin:0}
.notes ul{padding-left:1.2rem}.notes li{margin:.4rem 0}
textarea{width:100%;font:inherit;font-size:.95rem;line-height:1.6;padding:.6rem .75rem;border:1px solid var(--rule);border-radius:6px;background:transparent;color:inherit;resize:vertical}
textarea.code{font:.8rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace,var(--cjk);word-break:break-all}
table.downloads{width:100%;border-collapse:collapse;font-size:.9rem}
table.downloads th,table.downloads td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-top:1px solid var(--rule)}
.notice{background:var(--notice);padding:.5rem .75rem;border-radius:6px;font-size:.9rem}
.error code{font-weight:600}
.sources ul{padding-left:1.2rem}.sources li{margin:.35rem 0}.sources .muted{font-size:.85rem;display:block}
ol.top li{margin:.75rem 0}ol.top a{color:var(--fg);text-decoration:none}ol.top a:hover{text-decoration:underline}ol.top .muted{display:block;font-size:.85rem}ol.top .muted a{color:var(--muted);text-decoration:underline}
ul.people{padding-left:1.2rem}
.para{margin:0;padding:.5rem .75rem;border-left:3px solid transparent;scroll-margin-top:1rem}
.para .meta{margin:0;font-size:.78rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.para .text{margin:.1rem 0 .25rem}
.para .pid{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace,var(--cjk);text-decoration:none}
.para .pid:hover{text-decoration:underline}
.para .who{color:var(--fg);font-weight:600}
.para details.how{display:inline;margin:0}.para details.how summary{display:inline;cursor:pointer}.para details.how[open]{display:block}
.gap{display:inline-block;color:var(--accent);border:1px dashed var(--accent);border-radius:4px;padding:0 .35rem;font-size:.9em}
details.damage code,details p.raw{overflow-wrap:anywhere;word-break:break-all}
details.about p{margin:.25rem 0}
.para .label{border:1px solid var(--rule);border-radius:4px;padding:0 .35rem}
.para.excluded .text,.para.flagged .text{color:var(--muted)}
.para.excluded,.para.flagged{border-left-color:var(--rule)}
.para.flagged .label.flag{border-color:var(--accent);color:var(--accent)}
.para.hl,.para:target{background:var(--hl);border-left-color:var(--accent)}
mark{background:var(--mark);color:inherit;padding:.05em 0;border-radius:2px}
.qlinks{margin:0;color:var(--muted)}.qlinks a{text-decoration:none}
details{margin:.25rem 0;color:var(--muted)}summary{cursor:pointer}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
@media (max-width:30rem){body{font-size:16px}blockquote.quote{font-size:1.25rem}dl.facts{grid-template-columns:1fr}}
`);

/** The desk: one column on a phone, two where there is room; nothing wider than the screen. */
export const DESK_STYLE = trusted(`
:root{--bg:#faf8f3;--fg:#1f1d1a;--muted:#5f584f;--rule:#ddd5c8;--accent:#8a3b12;--ok:#0a6b2f;--no:#a3382b;--warn:#7a4f00;--hl:#fde7a6;--sel:#bfe0ff;--card:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif;color:var(--fg);background:var(--bg);overflow-wrap:anywhere}
header.desk{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;padding:.5rem 1rem;border-bottom:1px solid var(--rule);background:var(--card)}
header.desk nav{display:flex;flex-wrap:wrap;gap:.25rem .9rem}
header.desk .brand{font-weight:700;letter-spacing:.05em;margin-right:.5rem}
header.desk .who{margin-left:auto;color:var(--muted);font-size:.9rem}
main{max-width:80rem;margin:0 auto;padding:.5rem 1rem 3rem}
h1{font-size:1.35rem;line-height:1.4;margin:.75rem 0}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}
a{color:var(--accent);text-underline-offset:.2em}a[aria-current]{font-weight:700;color:var(--fg)}
img{max-width:100%;height:auto}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:.5rem;background:var(--card);padding:.25rem .5rem;z-index:2}
button,input,select,textarea{font:inherit;max-width:100%}
input,select,textarea{border:1px solid #8d8478;border-radius:6px;padding:.3rem .45rem;background:#fff;color:inherit}
button{cursor:pointer;border:1px solid #8d8478;border-radius:6px;padding:.3rem .8rem;background:#fff;color:inherit;min-height:2.25rem}
button.approve{border-color:var(--ok);color:var(--ok)}button.reject{border-color:var(--no);color:var(--no)}
button.primary{background:var(--accent);border-color:var(--accent);color:#fff}
.link{border:0;background:none;color:var(--accent);text-decoration:underline;padding:0;min-height:0}
:focus-visible{outline:3px solid #0f4c5c;outline-offset:2px}
.inline{display:inline}.muted{color:var(--muted)}.small{font-size:.875rem}
.error{color:var(--no)}.warn{color:var(--warn)}
label{display:inline-flex;flex-direction:column;gap:.1rem;font-size:.875rem;color:var(--muted)}
label>input,label>select,label>textarea{color:var(--fg);font-size:1rem}
.filters>label{max-width:100%;min-width:0}.filters select{max-width:100%}
.filters{display:flex;flex-wrap:wrap;gap:.5rem .75rem;align-items:end;margin:.5rem 0}
.filters input[name=text]{width:14rem}.filters .full{flex:1 1 100%}.filters .grow{flex:1 1 16rem}.filters textarea{width:100%}
.quotes{list-style:none;padding:0;margin:0}
.quote{display:grid;grid-template-columns:minmax(0,20rem) minmax(0,1fr);gap:1rem;padding:1rem 0;border-top:1px solid var(--rule)}
.quote .text{font-size:1.15rem;margin:0 0 .25rem}.quote .text a{color:var(--fg);text-decoration:none}.quote .text a:hover{text-decoration:underline}
.meta{margin:0 0 .5rem;font-size:.875rem;color:var(--muted)}
.badge{display:inline-block;border-radius:4px;padding:0 .35rem;font-size:.8rem;border:1px solid currentColor}
.status-approved{color:var(--ok)}.status-rejected{color:var(--no)}.status-candidate{color:var(--muted)}
.decide{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.decide input[name=note]{flex:1 1 10rem;min-width:0}
.two{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem;align-items:start}
.said{font-size:1.3rem;line-height:1.8;margin:.5rem 0}
.paragraph{font-size:1.15rem;line-height:2;user-select:text;padding:.5rem;border:1px solid var(--rule);border-radius:6px;background:var(--card)}
.hl{background:var(--hl)}.sel{background:var(--sel)}.hl.sel{background:#b5d6a0}
.preview img{display:block;border:1px solid var(--rule);border-radius:6px;background:#eee}
.history,.audit{list-style:none;padding:0;margin:0}
.history li,.audit li{border-top:1px solid var(--rule);padding:.5rem 0}
.change{display:block}.before{text-decoration:line-through;color:var(--muted)}
.pager{display:flex;gap:1rem;margin:1rem 0}
.month{display:grid;grid-template-columns:repeat(7,minmax(0,1fr));gap:.4rem;list-style:none;padding:0;margin:0}
.month .wd{font-size:.8rem;color:var(--muted);text-align:center}
.month .day{border:1px solid var(--rule);border-radius:6px;padding:.35rem;background:var(--card);min-height:7rem;display:flex;flex-direction:column;gap:.25rem;font-size:.85rem}
.month .day.out{background:transparent;border-style:dashed}.month .day.past{background:transparent}.month .day.today{border-color:var(--accent);border-width:2px}
.month .day .date{font-weight:700}.month .day .said{font-size:.85rem;line-height:1.5;margin:0}
.month .day img{border-radius:4px}
.month .day form{display:flex;flex-wrap:wrap;gap:.25rem;margin-top:auto}
.month .day input{width:100%;font-size:.85rem}
.month .day button{font-size:.8rem;padding:.1rem .4rem;min-height:1.75rem}
.monthnav{display:flex;gap:1rem;align-items:center;margin:.5rem 0}
.month .day.auto{border-style:dashed;background:#fcfaf6}.month .day.scheduled{border-color:var(--accent)}.month .day.published{background:#efebe4}
.month .day.swapping{outline:3px solid var(--accent);outline-offset:1px}
.month .day .badge{align-self:flex-start;font-size:.75rem}.badge.auto{color:var(--muted)}.badge.sched{color:var(--accent)}.badge.fixed{color:var(--fg)}
.month .day form.clear,.month .day form.swap{margin-top:0}.month .day a.swap{font-size:.8rem}
.notice{background:#fdf3d6;border:1px solid var(--rule);padding:.5rem .75rem;border-radius:6px}
.quotes>li.kbd{background:var(--hl);outline:3px solid #0f4c5c;outline-offset:2px}
@media (max-width:48rem){
.filters>label{flex:1 1 100%}.filters>label>input,.filters>label>select{width:100%}.filters input[name=text]{width:100%}
.filters>label:has(select[name=size]),.filters>label:has(select[name=theme]),.filters>label:has(select[name=script]){flex:1 1 6rem}
.quote,.two{grid-template-columns:minmax(0,1fr)}
.month{grid-template-columns:minmax(0,1fr)}.month .wd,.month .day.out{display:none}.month .day{min-height:0}
.month .day .wdname{display:inline}
}
@media (min-width:48.01rem){.month .day .wdname{display:none}}
`);
