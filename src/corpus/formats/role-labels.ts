import { countMarked, MIN_MARKED_LINES, type RoleLabel, type TranscriptFormat } from './types.ts';

/**
 * Newspaper Q&A: the asking side is labelled by its job (`记者：`, `主持人：`), the guest by name
 * (`沈若言：`, the first time often with a title: `沈若言（启明语音联合创始人）：` — that spelling
 * is picked up by titledNameAliases for every format).
 */
const ROLE_LABELS: readonly RoleLabel[] = [
  { label: '记者', roles: ['interviewer', 'host'] },
  { label: '采访者', roles: ['interviewer', 'host'] },
  { label: '提问', roles: ['interviewer', 'host'] },
  { label: '主持人', roles: ['host', 'interviewer'] },
  { label: '主持', roles: ['host', 'interviewer'] },
  { label: '嘉宾', roles: ['guest'] },
];

const LABELLED = new RegExp(
  `^(?:\\*\\*)?(?:${ROLE_LABELS.map((l) => l.label).join('|')})(?:\\*\\*)?\\s*[:：]`,
  'u',
);

export const ROLE_LABELS_FORMAT: TranscriptFormat = {
  name: 'role-labels',
  detect: (lines) => countMarked(lines, LABELLED) >= MIN_MARKED_LINES,
  roleLabels: ROLE_LABELS,
};
