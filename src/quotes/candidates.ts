import type { Document, Paragraph } from '../corpus/types.ts';
import { convertScript } from '../text/script.ts';
import { countHan } from '../text/cjk.ts';
import { damageIn } from './damage.ts';
import { MAX_HAN, MIN_HAN, scoreSpan, type Score } from './score.ts';
import { sentenceSpans } from './sentences.ts';
import { verdictOf, type Verdict } from './verdict.ts';
import { trimLeading, WordBreaks } from './words.ts';

const QUESTION_END = /[？?]$/u;

/** 你 addressing the listener (你觉得, 你当时), as opposed to generic 你 (你会发现, 你不能). */
const DIRECT_ADDRESS = /你(们|觉得|认为|当时|刚才|之前|怎么|是不是|会不会|有没有|提到|说的)/u;

/** Least confidence in an inferred transcript turn for its words to be quoted. */
const MIN_TRANSCRIPT_CONFIDENCE = 0.8;

/** Most consecutive sentences one quote may join. */
const MAX_SENTENCES = 3;


/** Whether a paragraph starts a new turn (a prefix, or a transcript segment after the other side). */
function opensTurn(doc: Document, paragraph: Paragraph): boolean {
  const { method } = paragraph.attribution;
  if (method === 'prefix' || method === 'prefix-without-colon') return true;
  if (method !== 'transcript-turn') return false;
  const index = doc.paragraphs.indexOf(paragraph);
  const previous = doc.paragraphs.slice(0, index).findLast((p) => p.kind === 'speech');
  return previous?.attribution.speaker !== paragraph.attribution.speaker;
}

export interface Candidate {
  paragraph: Paragraph;
  span: [number, number];
  text: string;
  hans: string;
  score: Score;
  verdict: Verdict;
}

/**
 * Every span of 1–3 whole sentences inside a paragraph's speech ranges that is clean and of
 * quotable length. Paragraphs that are not speech, lack a speaker or carry unrepaired damage
 * yield nothing.
 */
export function candidatesOf(doc: Document, paragraph: Paragraph): Candidate[] {
  const turnStart = opensTurn(doc, paragraph);
  const { attribution } = paragraph;
  if (paragraph.kind !== 'speech' || !attribution.speaker || !attribution.role) return [];
  if (paragraph.flags.includes('unrepaired-mojibake') || paragraph.flags.includes('restated')) return [];
  const role = attribution.role;
  const machineTranscript = doc.meta.kind === 'machine-transcript';
  // In a speaker-less transcript the speaker is inferred; only well-supported turns are quoted.
  if (machineTranscript && attribution.confidence < MIN_TRANSCRIPT_CONFIDENCE) return [];

  const out: Candidate[] = [];
  // Interjections (对，是的，) and connectives (所以，但是，其实) that open a span are dropped as
  // whole words only, so a span never starts inside a word (但|是, 那|个).
  const breaks = new WordBreaks(paragraph.text);
  for (const [from, to] of paragraph.speech) {
    const sentences = sentenceSpans(paragraph.text, from, to);
    for (let i = 0; i < sentences.length; i++) {
      for (let j = i; j < Math.min(sentences.length, i + MAX_SENTENCES); j++) {
        let start = (sentences[i] as [number, number])[0];
        const end = (sentences[j] as [number, number])[1];
        const opensAnswer = turnStart && start === from;
        start = trimLeading(breaks, start, end);
        const text = paragraph.text.slice(start, end);
        const han = countHan(text);
        if (han > MAX_HAN) break;
        if (han < MIN_HAN || damageIn(text)) continue;
        // A guest's span ending on a question is a rhetorical set-up or an echo of the interviewer:
        // never a card line on its own.
        if (role === 'guest' && QUESTION_END.test(text)) continue;
        // A transcript span that addresses the other side may be the host talking to the guest.
        if (machineTranscript && role === 'guest' && DIRECT_ADDRESS.test(text)) continue;
        const hans = convertScript(text, doc.meta.script, 'hans');
        const endsParagraph = end === paragraph.text.length;
        const score = scoreSpan({ hans, role, machineTranscript, opensTurn: opensAnswer, sentences: j - i + 1, endsParagraph });
        const verdict = verdictOf({
          hans,
          role,
          machineTranscript,
          score: score.score,
          endsParagraph,
          confidence: attribution.confidence,
          opensTurn: opensAnswer,
        });
        out.push({ paragraph, span: [start, end], text, hans, score, verdict });
      }
    }
  }
  return out;
}
