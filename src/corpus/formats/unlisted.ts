/** Why a turn is left unattributed: its label names nobody in the metadata (`观众：`). */
export const UNLISTED_SPEAKER = 'speaker not in metadata';
