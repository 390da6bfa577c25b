import { trusted } from './markup.ts';

/*
 * The two style sheets, inline. The site: the project's own web fonts (html/fonts.ts, served from
 * the origin), one calm column, light and dark. The desk: a wide working table for editors.
 */

export const SITE_STYLE = trusted(`
:root{color-scheme:light dark;--bg:#faf8f3;--fg:#1f1d1a;--muted:#6b645a;--rule:#e2dbcf;--accent:#8a3b12;--mark:#fbe3a0;--hl:#fdf3d6;--notice:#f3ede2}
@media (prefers-color-scheme:dark){:root{--bg:#171614;--fg:#ebe6de;--muted:#a1988b;--rule:#37322c;--accent:#e3a574;--mark:#6b5418;--hl:#2a251b;--notice:#24211d}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.8 "Yulu Sans SC",sans-serif}
:lang(zh-Hant){font-family:"Yulu Sans TC",sans-serif}
:lang(zh-Hant-HK){font-family:"Yulu Sans HK",sans-serif}
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
code{font:.85em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
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
textarea.code{font:.8rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
table.downloads{width:100%;border-collapse:collapse;font-size:.9rem}
table.downloads th,table.downloads td{text-align:left;vertical-align:top;padding:.5rem .5rem .5rem 0;border-top:1px solid var(--rule)}
.notice{background:var(--notice);padding:.5rem .75rem;border-radius:6px;font-size:.9rem}
.error code{font-weight:600}
.sources ul{padding-left:1.2rem}.sources li{margin:.35rem 0}.sources .muted{font-size:.85rem;display:block}
ol.top li{margin:.75rem 0}ol.top a{color:var(--fg);text-decoration:none}ol.top a:hover{text-decoration:underline}ol.top .muted{display:block;font-size:.85rem}
ul.people{padding-left:1.2rem}
.para{margin:0;padding:.5rem .75rem;border-left:3px solid transparent;scroll-margin-top:1rem}
.para .meta{margin:0;font-size:.78rem;color:var(--muted);display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.para .text{margin:.1rem 0 .25rem}
.para .pid{color:var(--muted);font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-decoration:none}
.para .pid:hover{text-decoration:underline}
.para .who{color:var(--fg);font-weight:600}
.para .label{border:1px solid var(--rule);border-radius:4px;padding:0 .35rem}
.para.excluded .text,.para.flagged .text{color:var(--muted)}
.para.excluded,.para.flagged{border-left-color:var(--rule)}
.para.flagged .label.flag{border-color:var(--accent);color:var(--accent)}
.para.hl,.para:target{background:var(--hl);border-left-color:var(--accent)}
mark{background:var(--mark);color:inherit;padding:.05em 0;border-radius:2px}
.qlinks{margin:0;color:var(--muted)}.qlinks a{text-decoration:none}
details{margin:.25rem 0;color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}
@media (max-width:30rem){body{font-size:16px}blockquote.quote{font-size:1.25rem}dl.facts{grid-template-columns:1fr}}
`);

export const DESK_STYLE =
  trusted(`body{font:16px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0 auto;max-width:72rem;padding:1rem 2rem;color:#1f1d1a;background:#faf8f3}
nav{display:flex;gap:.75rem;align-items:center;margin-bottom:1rem}.inline{display:inline}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
.quotes{list-style:none;padding:0}.quote{display:grid;grid-template-columns:300px 1fr;gap:1rem;padding:1rem 0;border-top:1px solid #ddd}
.text{font-size:1.15rem;margin:0 0 .25rem}.muted{color:#6b645a}.status-approved{color:#0a6b2f;font-weight:600}.status-rejected{color:#a3382b;font-weight:600}
.paragraph{font-size:1.2rem;line-height:2;user-select:text}.hl{background:#fde7a6}.error{color:#a3382b}.warn{color:#8a5a00}.calendar{list-style:none;padding:0}table{border-collapse:collapse;font-size:.85rem}td,th{border-top:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}.day{padding:.4rem 0;border-top:1px solid #eee}.past{opacity:.7}
button{font:inherit;cursor:pointer}input,select{font:inherit}:focus-visible{outline:3px solid #0f4c5c}`);
