import type { Document, Paragraph } from '../corpus/types.ts';
import { convertScript } from '../text/script.ts';
import { countHan } from '../text/cjk.ts';
import { damageIn } from './damage.ts';
import { MAX_HAN, MIN_HAN, scoreSpan, type Score } from './score.ts';
import { sentenceSpans } from './sentences.ts';

const QUESTION_END = /[？?]$/u;

/** Most consecutive sentences one quote may join. */
const MAX_SENTENCES = 3;

/** Interjections a spoken answer opens with; a span may start after them without changing meaning. */
const LEADING_INTERJECTION = /^(对对|对|是的|是|嗯|好|没错|确实|非常理解你)[，。！、]/u;

export interface Candidate {
  paragraph: Paragraph;
  span: [number, number];
  text: string;
  hans: string;
  score: Score;
}

/**
 * Every span of 1–3 whole sentences inside a paragraph's speech ranges that is clean and of
 * quotable length. Paragraphs that are not speech, lack a speaker or carry unrepaired damage
 * yield nothing.
 */
export function candidatesOf(doc: Document, paragraph: Paragraph): Candidate[] {
  const { attribution } = paragraph;
  if (paragraph.kind !== 'speech' || !attribution.speaker || !attribution.role) return [];
  if (paragraph.flags.includes('unrepaired-mojibake')) return [];
  const role = attribution.role;
  const machineTranscript = doc.meta.kind === 'machine-transcript';

  const out: Candidate[] = [];
  for (const [from, to] of paragraph.speech) {
    const sentences = sentenceSpans(paragraph.text, from, to);
    for (let i = 0; i < sentences.length; i++) {
      for (let j = i; j < Math.min(sentences.length, i + MAX_SENTENCES); j++) {
        let start = (sentences[i] as [number, number])[0];
        const end = (sentences[j] as [number, number])[1];
        const lead = LEADING_INTERJECTION.exec(paragraph.text.slice(start, end));
        if (lead) start += lead[0].length;
        const text = paragraph.text.slice(start, end);
        const han = countHan(text);
        if (han > MAX_HAN) break;
        if (han < MIN_HAN || damageIn(text)) continue;
        // A guest's span ending on a question is a rhetorical set-up or an echo of the interviewer:
        // never a card line on its own.
        if (role === 'guest' && QUESTION_END.test(text)) continue;
        const hans = convertScript(text, doc.meta.script, 'hans');
        out.push({ paragraph, span: [start, end], text, hans, score: scoreSpan({ hans, role, machineTranscript }) });
      }
    }
  }
  return out;
}
