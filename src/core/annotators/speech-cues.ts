// Words that mark reported speech and the mentions that carry it; shared by the quote annotator and the
// claims that need to know who said what. Written by hand for this project from general knowledge of English
// news prose; no third-party data.

/** Reporting verbs, in the forms news prose uses around quotes. `according to` is handled as a pair. */
export const REPORTING_VERBS = new Set([
  'said', 'says', 'say', 'saying', 'told', 'tells', 'telling', 'added', 'adds', 'adding', 'stressed', 'stresses',
  'noted', 'notes', 'noting', 'asked', 'asks', 'asking', 'explained', 'explains', 'explaining', 'wrote', 'writes',
  'writing', 'stated', 'states', 'stating', 'declared', 'declaring', 'insisted', 'insists', 'insisting',
  'argued', 'argues', 'arguing', 'warned', 'warns', 'continued', 'remarked', 'replied', 'replying', 'responded',
  'announced', 'announcing', 'claimed', 'claims', 'claiming', 'confirmed', 'confirms', 'confirming',
  'acknowledged', 'emphasized', 'emphasised', 'urged', 'urging', 'recalled', 'recalling', 'tweeted', 'posted',
  'suggested', 'observed', 'admitted', 'conceded', 'predicted', 'promised', 'pledged', 'vowed', 'countered',
  'cautioned', 'concluded', 'reiterated', 'underscored', 'called', 'calling', 'described', 'describing',
  'dubbed', 'termed', 'labeled', 'labelled', 'branded', 'quipped', 'joked', 'boasted', 'complained', 'alleged',
  'asserted', 'testified', 'recounted', 'whispered', 'shouted', 'shouting', 'yelled', 'screamed', 'exclaimed',
  'chanted', 'chanting', 'cried', 'pleaded', 'demanded', 'answered', 'commented', 'maintained', 'quoted',
  'speaks', 'spoke', 'reported', 'reports',
]);

/** Reporting verbs that name or describe rather than speak: the speaker is their subject, or `by X`. */
export const NAMING_VERBS = new Set(['called', 'calling', 'dubbed', 'termed', 'labeled', 'labelled', 'branded', 'described', 'describing']);

/** Reporting verbs whose object is the listener, not the speaker (`told Us Weekly`). */
export const LISTENER_VERBS = new Set(['told', 'tells', 'telling', 'asked', 'asks', 'asking', 'urged', 'urging', 'answered', 'replied', 'replying']);

/** Pronouns that can stand for a speaker. */
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

/** Role nouns that stand for a speaker, named elsewhere or not (`the official`, `demonstrators`, `a friend`). */
export const ROLE_NOUNS = new Set([
  'official', 'officials', 'spokesperson', 'spokesman', 'spokeswoman', 'spokespeople', 'minister', 'president',
  'ambassador', 'secretary', 'envoy', 'diplomat', 'diplomats', 'general', 'commander', 'analyst', 'analysts',
  'expert', 'experts', 'researcher', 'researchers', 'scientist', 'scientists', 'chief', 'director', 'leader',
  'leaders', 'lawmaker', 'lawmakers', 'senator', 'governor', 'mayor', 'source', 'sources', 'statement',
  'ministry', 'department', 'government', 'office', 'agency', 'police', 'military', 'army', 'chairman',
  'chairwoman', 'officer', 'officers', 'prosecutor', 'prosecutors', 'judge', 'lawyer', 'lawyers', 'attorney',
  'attorneys', 'investigator', 'investigators', 'authorities', 'witness', 'witnesses', 'resident', 'residents',
  'professor', 'representative', 'representatives', 'aide', 'aides', 'adviser', 'advisor', 'negotiator',
  'premier', 'chancellor', 'king', 'queen', 'juror', 'jurors', 'demonstrators', 'protesters', 'protestors',
  'participants', 'marchers', 'crowd', 'fans', 'friend', 'friends', 'neighbor', 'neighbors', 'neighbour',
  'neighbours', 'relative', 'relatives', 'family', 'mother', 'father', 'wife', 'husband', 'widow', 'daughter',
  'woman', 'man', 'victim', 'survivor', 'survivors', 'doctor', 'doctors', 'teacher', 'student', 'students',
  'coach', 'manager', 'owner', 'star', 'company', 'firm', 'group', 'organization', 'organisation', 'coalition',
  'committee', 'council', 'union', 'campaign', 'team', 'club', 'court', 'records', 'documents', 'document',
  'report', 'paper', 'memorandum', 'memo', 'letter', 'website', 'biography', 'bio', 'rule', 'study', 'survey',
  'observers', 'activists', 'workers', 'employees', 'staff', 'organizers', 'organisers', 'rescuers', 'rep',
  'publicist', 'agent',
]);

/** Words that end the noun phrase after a cue (`said Patel on Tuesday`, `said the official in a statement`). */
export const SPEAKER_STOP_WORDS = new Set([
  'that', 'on', 'in', 'at', 'during', 'when', 'after', 'before', 'while', 'as', 'to', 'about', 'from', 'with',
  'without', 'by', 'for', 'if', 'because', 'and', 'but', 'or', 'who', 'which', 'whose', 'last', 'this',
  'yesterday', 'today', 'earlier', 'later', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'sunday', 'is', 'was', 'were', 'are', 'has', 'had', 'have', 'will', 'would', 'could', 'should', 'not',
]);

/** Words between a speaker and the reporting verb (`Patel later said`, `she is quoted as saying`, `he has said`). */
export const BEFORE_VERB_WORDS = new Set([
  'also', 'later', 'then', 'again', 'once', 'still', 'just', 'even', 'now', 'often', 'always', 'never', 'first',
  'previously', 'recently', 'reportedly', 'has', 'had', 'have', 'was', 'is', 'were', 'are', 'been', 'being',
  'would', 'will', 'did', 'does', 'do', 'quoted', 'as',
]);

export type Gender = 'female' | 'male';

/** Honorifics and kin words that give a person's gender when written before the name. Lowercase, no dot. */
export const GENDERED_TITLES = new Map<string, Gender>([
  ...['mrs', 'ms', 'miss', 'madam', 'madame', 'lady', 'dame', 'queen', 'princess', 'duchess', 'countess', 'baroness', 'sister', 'sr', 'actress', 'widow', 'mother', 'wife', 'daughter', 'congresswoman', 'chairwoman', 'spokeswoman', 'businesswoman', 'grandmother', 'aunt', 'niece', 'girlfriend', 'mom'].map((w) => [w, 'female'] as const),
  ...['mr', 'sir', 'lord', 'king', 'prince', 'duke', 'earl', 'baron', 'count', 'msgr', 'monsignor', 'father', 'fr', 'brother', 'actor', 'widower', 'husband', 'son', 'congressman', 'chairman', 'spokesman', 'businessman', 'grandfather', 'uncle', 'nephew', 'boyfriend', 'dad', 'pope', 'cardinal', 'archbishop', 'bishop', 'rabbi', 'imam'].map((w) => [w, 'male'] as const),
]);

// Frequent given names in English-language news, by the gender they are most often given to. Names common
// to both (Chris, Pat, Jordan, Kim, Robin…) are left out, so they leave the gender unknown.
const FEMALE_NAMES_DATA =
  'abigail ada adriana agnes aisha alejandra alexandra alice alicia alison allison alma amanda amber amelia amy ' +
  'ana andrea angela angelina angie anita ann anna anne annette annie april arlene ashley audrey barbara ' +
  'beatrice becky belinda bernadette beth bethany betsy betty bettie beverly bonnie brenda bridget brittany ' +
  'brooke camila candace candice carla carmen carol caroline carolyn carrie catherine cathy cecilia celia ' +
  'charlene charlotte chelsea cheryl christina christine cindy claire clara claudia colleen connie constance ' +
  'courtney crystal cynthia daisy dana danielle daphne darlene dawn debbie deborah debra delores denise diana ' +
  'diane dianne dolores donna dora doris dorothy edith edna eileen elaine eleanor elena elisa elizabeth ella ' +
  'ellen eloise emily emma erica erika erin esther ethel eva evelyn faith fatima felicia fiona florence frances ' +
  'gabriela gail genevieve georgia geraldine gina ginger gladys gloria grace gwen hannah harriet hazel heather ' +
  'heidi helen helena hilary hillary holly ida ingrid irene iris isabel isabella jackie jacqueline jane janet ' +
  'janice jasmine jean jeanne jennifer jenny jessica jill jo joan joann joanna joanne josephine joy joyce ' +
  'juanita judith judy julia julie juliet june karen kate katherine kathleen kathryn kathy katie katrina kay ' +
  'kelly kellie kristen kristin laura lauren laurie leah lena leslie lillian linda lindsay lindsey lisa lois ' +
  'loretta lori lorraine louise lucia lucy lydia lynn mabel madeline madison mae marcia margaret margarita ' +
  'maria marian marie marilyn marion marjorie marlene martha mary maureen megan melanie melinda melissa ' +
  'mercedes meredith michele michelle mildred miranda miriam molly monica monique nadia nancy naomi natalie ' +
  'natasha nicole nina nora norma olga olivia paige pamela patricia paula pauline peggy penelope penny ' +
  'phyllis priscilla rachel rebecca regina renee rhonda rita roberta rosa rosalind rose rosemary ruby ruth ' +
  'sabrina sally samantha sandra sara sarah sharon sheila shelby sherry shirley silvia sofia sonia sophia ' +
  'sophie stacy stella stephanie stephenie susan suzanne sylvia tamara tammy tanya tara teresa theresa tiffany ' +
  'tina tracy valerie vanessa vera veronica vicki victoria viola violet virginia vivian wanda wendy whitney ' +
  'wilma yolanda yvonne zoe';
const MALE_NAMES_DATA =
  'aaron abdul abraham adam adrian ahmed al alan albert alberto alejandro alex alexander alfred ali allen ' +
  'alvin andre andrew andy angelo anthony antonio arnold arthur barry ben benjamin bernard bill billy bob ' +
  'bobby brad bradley brandon brendan brent brett brian bruce bryan bud byron calvin carl carlos cecil ' +
  'charles charlie chester christopher chuck clarence clark claude clifford clint clyde colin craig curtis ' +
  'dale dan daniel danny darren dave david dean dennis derek desmond dick dmitry dominic don donald doug ' +
  'douglas duane dustin dwight earl ed eddie edgar edward edwin eli elijah elliot emmanuel enrique eric ' +
  'ernest eugene evan felix fernando floyd francis francisco frank franklin fred freddie frederick gabriel ' +
  'gary gene george gerald gilbert glen glenn gordon graham greg gregory gustavo guy hank harold harry ' +
  'harvey hector henry herbert herman howard hugh hugo ian igor isaac ivan jack jacob jake james jamie jason ' +
  'javier jeff jeffrey jeremy jerome jerry jesse jim jimmy joe joel john johnny jon jonathan jorge jose ' +
  'joseph josh joshua juan julian julio justin keith ken kenneth kevin kirk kurt kyle lance larry laurence ' +
  'lawrence lee leo leon leonard leroy lewis lloyd louis luis luke malcolm manuel marc marcus mario mark ' +
  'marshall martin marvin matt matthew maurice max melvin michael miguel mike miles milton mitchell ' +
  'mohamed mohammed muhammad nathan neil nelson nicholas nick nigel noah norman oliver omar oscar owen ' +
  'pablo patrick paul pedro perry pete peter phil philip phillip rafael ralph ramon randall randy ray ' +
  'raymond reginald ricardo richard rick ricky robert roberto rodney roger roland ron ronald ross roy ' +
  'russell ryan salvatore sam samuel scott sean sergei sergio seth shane shawn sidney simon stanley stephen ' +
  'steve steven stuart ted terry theodore thomas tim timothy todd tom tommy tony travis trevor troy tyler ' +
  'victor vincent vladimir wade walter warren wayne wesley william willie wladimir yuri zachary';

/** Given names with the gender they usually stand for. Lowercase. */
export const GIVEN_NAME_GENDER = new Map<string, Gender>([
  ...FEMALE_NAMES_DATA.split(' ').map((n) => [n, 'female'] as const),
  ...MALE_NAMES_DATA.split(' ').map((n) => [n, 'male'] as const),
]);
