// Words that mark reported speech and the mentions that carry it; shared by the quote annotator and the
// claims that need to know who said what.

/** Reporting verbs, in the forms news prose uses around quotes. `according to` is handled as a pair. */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding', 'stressed', 'stresses',
  'noted', 'notes', 'asked', 'asks', 'explained', 'explains', 'wrote', 'writes', 'stated', 'states', 'declared',
  'insisted', 'insists', 'argued', 'argues', 'warned', 'warns', 'continued', 'remarked', 'replied', 'responded',
  'announced', 'claimed', 'claims', 'confirmed', 'confirms', 'acknowledged', 'emphasized', 'emphasised',
  'urged', 'recalled', 'tweeted', 'posted', 'suggested', 'observed', 'admitted', 'conceded', 'predicted',
  'promised', 'pledged', 'vowed', 'countered', 'cautioned', 'concluded', 'reiterated', 'underscored',
  'called', 'described', 'dubbed', 'termed', 'quipped', 'boasted', 'complained', 'alleged', 'asserted',
  'testified', 'recounted', 'whispered', 'shouted', 'yelled', 'answered', 'commented', 'maintained',
]);

/** Pronouns that can stand for a speaker. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Role nouns that stand for a speaker named elsewhere (`the official`, `the ministry spokesperson`). */
export const ROLE_NOUNS = new Set([
  'official', 'officials', 'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'minister', 'president',
  'ambassador', 'secretary', 'envoy', 'diplomat', 'general', 'commander', 'analyst', 'expert', 'researcher',
  'chief', 'director', 'leader', 'lawmaker', 'senator', 'governor', 'mayor', 'source', 'sources', 'statement',
  'ministry', 'department', 'government', 'office', 'agency', 'police', 'military', 'army', 'chairman',
  'chairwoman', 'officer', 'prosecutor', 'judge', 'lawyer', 'attorney', 'witness', 'resident', 'professor',
  'representative', 'aide', 'adviser', 'advisor', 'negotiator', 'premier', 'chancellor', 'king', 'queen',
]);

/** Words that end the noun phrase after a cue (`said Patel on Tuesday`, `said the official in a statement`). */
export const SPEAKER_STOP_WORDS = new Set([
  'that', 'on', 'in', 'at', 'during', 'when', 'after', 'before', 'while', 'as', 'to', 'about', 'from', 'with',
  'without', 'by', 'for', 'if', 'because', 'and', 'but', 'or', 'who', 'which', 'whose', 'last', 'this',
  'yesterday', 'today', 'earlier', 'later', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'not',
]);
