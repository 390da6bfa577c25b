import type { Catalog } from './types.ts';
import type { CorpusData } from '../corpus/corpus-data.ts';

export interface SourceReport {
  slug: string;
  stem: string;
  paragraphs: number;
  kept: number;
  /** Excluded paragraphs by kind and reason, e.g. "furniture: link list" → 9. */
  excluded: Record<string, number>;
  /** Normalisation rule → number of changes across the source. */
  repairs: Record<string, number>;
  /** Paragraph flags (unrepaired damage etc.) → number of paragraphs. */
  flags: Record<string, number>;
  /** Speaker → speech paragraphs. */
  speakers: Record<string, number>;
  /** Speaker → quotes in the catalog. */
  quotes: Record<string, number>;
}

const bump = (record: Record<string, number>, key: string, by = 1) => {
  record[key] = (record[key] ?? 0) + by;
};

/** Per-source figures: what was kept and excluded, repaired and flagged, who speaks, who is quoted. */
export function corpusReport(corpus: CorpusData, catalog: Catalog): SourceReport[] {
  return corpus.documents.map((doc) => {
    const report: SourceReport = {
      slug: doc.meta.slug,
      stem: doc.stem,
      paragraphs: doc.paragraphs.length,
      kept: 0,
      excluded: {},
      repairs: {},
      flags: {},
      speakers: {},
      quotes: {},
    };
    for (const p of doc.paragraphs) {
      if (p.kind === 'speech') {
        report.kept++;
        bump(report.speakers, p.attribution.speaker ?? '(unknown)');
      } else bump(report.excluded, p.reason ? `${p.kind}: ${p.reason}` : p.kind);
      for (const [rule, n] of Object.entries(p.repairs)) bump(report.repairs, rule, n);
      for (const flag of p.flags) bump(report.flags, flag);
    }
    for (const q of catalog.quotes) if (q.source === doc.meta.slug) bump(report.quotes, q.speaker);
    return report;
  });
}

const list = (record: Record<string, number>) =>
  Object.entries(record)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || '—';

export function formatCorpusReport(reports: SourceReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    lines.push(`${r.slug} (${r.stem})`);
    lines.push(
      `  paragraphs   ${r.paragraphs}: ${r.kept} speech kept, ${r.paragraphs - r.kept} excluded`,
    );
    lines.push(`  excluded     ${list(r.excluded)}`);
    lines.push(`  repairs      ${list(r.repairs)}`);
    lines.push(`  flags        ${list(r.flags)}`);
    lines.push(`  speakers     ${list(r.speakers)} (speech paragraphs)`);
    lines.push(`  quotes       ${list(r.quotes)}`);
    lines.push('');
  }
  const total = reports.reduce((n, r) => n + Object.values(r.quotes).reduce((a, b) => a + b, 0), 0);
  lines.push(
    `${reports.length} sources, ${reports.reduce((n, r) => n + r.paragraphs, 0)} paragraphs, ${total} quotes`,
  );
  return lines.join('\n');
}
