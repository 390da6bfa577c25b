/**
 * The publishable tier measured against quote judgements made by reading
 * (test/fixtures/labels/publishable.json): how many quotes it publishes are ones an editor would
 * publish (precision), and how many of the quotes an editor would publish it finds (recall).
 */
import { describe, expect, it } from 'vitest';
import { loadArtifacts } from '../../src/runtime/node/artifacts.ts';
import { publishableLabels, scoreTier } from '../support/publishable-labels.ts';

const { catalog } = loadArtifacts();

/** Required levels: a little under today's figures, so a regression fails. */
const REQUIRED_PRECISION = 0.85;
const REQUIRED_RECALL = 0.8;

describe('the publishable tier against the labelled judgements', () => {
  it('the sample is large and covers all five sources, both verdicts', () => {
    const labels = publishableLabels();
    expect(labels.length).toBeGreaterThanOrEqual(400);
    for (const stem of catalog.sources.map((s) => s.stem)) {
      expect(labels.filter((l) => l.source === stem && l.verdict === 'publishable').length, stem).toBeGreaterThan(0);
      expect(labels.filter((l) => l.source === stem && l.verdict === 'not').length, stem).toBeGreaterThan(0);
    }
  });

  it(`precision of publishable ≥ ${REQUIRED_PRECISION} and recall of labelled good quotes ≥ ${REQUIRED_RECALL}`, () => {
    const score = scoreTier(catalog);
    const bad = score.badPublished.map((b) => `${b.quote.id} (${b.label.reason}) ${b.quote.text}`).join('\n');
    const missed = score.missedGood.map((m) => `${m.source}:${m.line} ${m.text}`).join('\n');
    console.log(`publishable: precision ${score.precision.toFixed(3)} (${score.published - score.badPublished.length}/${score.published}), recall ${score.recall.toFixed(3)} (${score.goodPublished}/${score.good})`);
    expect(score.precision, `published but judged not publishable:\n${bad}`).toBeGreaterThanOrEqual(REQUIRED_PRECISION);
    expect(score.recall, `judged publishable but not published:\n${missed}`).toBeGreaterThanOrEqual(REQUIRED_RECALL);
  });
});
