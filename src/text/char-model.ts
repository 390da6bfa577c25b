/**
 * A character bigram model of the corpus itself, used to judge whether a candidate repair reads
 * like the surrounding Chinese more than the damaged text does. Interpolated with unigram
 * frequencies (add-one smoothed) so unseen pairs of common characters still score sensibly while
 * rare characters — the tell-tale of misaligned GBK — score low.
 */
export class CharBigramModel {
  private readonly unigrams = new Map<string, number>();
  private readonly bigrams = new Map<string, number>();
  private total = 0;

  static fromTexts(texts: Iterable<string>): CharBigramModel {
    const model = new CharBigramModel();
    for (const text of texts) model.add(text);
    return model;
  }

  private add(text: string): void {
    let previous: string | undefined;
    for (const char of text) {
      this.unigrams.set(char, (this.unigrams.get(char) ?? 0) + 1);
      this.total++;
      if (previous !== undefined) {
        const key = previous + char;
        this.bigrams.set(key, (this.bigrams.get(key) ?? 0) + 1);
      }
      previous = char;
    }
  }

  private unigram(char: string): number {
    return ((this.unigrams.get(char) ?? 0) + 1) / (this.total + this.unigrams.size + 1);
  }

  /** How often the corpus writes `a` directly before `b`. */
  pairCount(a: string, b: string): number {
    return this.bigrams.get(a + b) ?? 0;
  }

  /** Natural-log probability of `text`, each character conditioned on the one before. */
  logProbability(text: string): number {
    const LAMBDA = 0.7;
    let sum = 0;
    let previous: string | undefined;
    for (const char of text) {
      const uni = this.unigram(char);
      if (previous === undefined) {
        sum += Math.log(uni);
      } else {
        const context = this.unigrams.get(previous) ?? 0;
        const pair = this.bigrams.get(previous + char) ?? 0;
        const bi = context > 0 ? pair / context : 0;
        sum += Math.log(LAMBDA * bi + (1 - LAMBDA) * uni);
      }
      previous = char;
    }
    return sum;
  }
}
