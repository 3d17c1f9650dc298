// Words news outlets use interchangeably for the same thing, so paraphrases meet on one term
// (`troops` / `soldiers` / `forces`, `pact` / `treaty` / `accord`, `UAV` / `drone`). Keys and members are
// Porter stems (the `stemmer` package), the form terms are compared in.
const GROUPS: string[][] = [
  ['soldier', 'troop', 'forc', 'personnel', 'servicemen', 'fighter'],
  ['drone', 'uav', 'unman aerial vehicl'],
  ['treati', 'pact', 'accord', 'agreement'],
  ['ratifi', 'final', 'approv'],
  ['kill', 'dead', 'di', 'death', 'fatal', 'slain'],
  ['injur', 'wound', 'hurt'],
  ['attack', 'strike', 'assault', 'offens', 'raid', 'incurs'],
  ['retak', 'recaptur', 'regain', 'reclaim', 'dislodg'],
  ['captur', 'seiz', 'occupi'],
  ['combat', 'fight', 'battl', 'engag'],
  ['deploi', 'sent', 'send', 'dispatch'],
  ['train', 'drill', 'instruct'],
  ['concern', 'worri', 'alarm', 'fear'],
  ['effect', 'success', 'perform'],
  ['determin', 'dictat', 'decid', 'depend'],
  ['integr', 'incorpor'],
  ['challeng', 'obstacl', 'difficulti', 'problem', 'hurdl'],
  ['amass', 'gather', 'mass', 'muster', 'assembl'],
  ['spokesman', 'spokeswoman', 'spokesperson'],
  ['confirm', 'verifi', 'acknowledg'],
  ['arrest', 'detain', 'custodi'],
  ['elect', 'vote', 'ballot', 'poll'],
  ['resign', 'quit'],
  ['rise', 'increas', 'grow', 'climb', 'jump', 'surg', 'higher', 'gain', 'strengthen'],
  ['fall', 'decreas', 'declin', 'drop', 'slide', 'plung', 'lower', 'weaken'],
  ['lose', 'lost', 'loss'],
  ['expand', 'widen', 'broaden', 'extend'],
  ['limit', 'curb', 'restrict'],
  ['sworn', 'inaugur'],
  ['win', 'won', 'victori', 'beat', 'defeat'],
  ['charg', 'indict'],
  ['polic', 'cop'],
  ['teen', 'teenag'],
  ['car', 'vehicl'],
  ['plane', 'aircraft', 'jet', 'airplan'],
  ['shoot', 'shot', 'gunfir'],
  ['blast', 'explos', 'bomb'],
  ['earthquak', 'quak', 'tremor', 'temblor'],
  ['fire', 'blaze', 'inferno'],
  ['hostag', 'kidnap', 'abduct'],
  ['heist', 'robberi', 'rob', 'theft', 'steal', 'stole', 'stolen', 'burglari'],
  ['jewel', 'jewelleri', 'jewelri'],
  ['rehab', 'rehabilit'],
  ['film', 'movi'],
  ['dui', 'dwi'],
  ['wage', 'pai', 'paid', 'salari'],
  ['stock', 'share', 'equiti'],
  ['chief', 'chair', 'chairman', 'chairwoman', 'boss'],
  ['relaunch', 'reintroduc', 'reboot', 'reviv'],
  ['reject', 'veto'],
  ['convict', 'guilti'],
  ['acquit', 'innoc'],
  ['ban', 'prohibit', 'outlaw'],
  ['allow', 'permit'],
  ['support', 'endors'],
];

/**
 * Concepts that say opposite things (keys of `GROUPS`, or stems of no group): two passages that differ by one
 * of these pairs, one saying the first and the other the second, make two claims however alike their other words
 * (`Mandela taken to hospital` / `Mandela released from hospital`, `shares close higher` / `… lower`).
 */
const OPPOSED: [string, string][] = [
  ['rise', 'fall'],
  ['win', 'lose'],
  ['admit', 'discharg'],
  ['arrest', 'releas'],
  ['ratifi', 'reject'],
  ['convict', 'acquit'],
  ['lift', 'impos'],
  ['ban', 'allow'],
  ['support', 'oppos'],
];

/** For each concept of `OPPOSED`, the concepts it contradicts. */
export const OPPOSITES = new Map<string, string[]>();
for (const [a, b] of OPPOSED) {
  OPPOSITES.set(a, [...(OPPOSITES.get(a) ?? []), b]);
  OPPOSITES.set(b, [...(OPPOSITES.get(b) ?? []), a]);
}

/**
 * A word in American spelling, so that British and American reports meet (`centre` / `center`, `organise` /
 * `organize`, `labour` / `labor`, `defence` / `defense`, `catalogue` / `catalog`). Applied to every source
 * alike, a rule only has to be consistent: a word it bends that no variant spelling has still meets itself.
 */
export function americanSpelling(word: string): string {
  if (word.length < 5) return word;
  return word
    .replace(/^([a-z]{4,})is(e|ed|es|ing|ation|ations)$/, (m, stem: string, end: string) => (NOT_ISE.has(stem) ? m : `${stem}iz${end}`))
    .replace(/^([a-z]{3,})our(s|ed|ing|ite|ites|able|er|ers)?$/, '$1or$2')
    .replace(/^([a-z]{2,})([tb])re(s)?$/, '$1$2er$3')
    .replace(/^([a-z]{2,})([tb])red$/, '$1$2ered')
    .replace(/^(defen|offen|licen|preten)ce(s)?$/, '$1se$2')
    .replace(/^([a-z]{3,})ogue(s)?$/, '$1og$2');
}

/** Words in -ise whose -ise is no verb ending American spelling writes -ize, by what comes before it. */
const NOT_ISE = new Set('advert comprom exerc superv telev surpr enterpr franch merchand expert prem prom otherw conc prec parad circumc improv desp disgu chast'.split(' '));

const CONCEPT = new Map<string, string>();
for (const group of GROUPS) for (const member of group) CONCEPT.set(member, group[0]);

/** The shared term for a stemmed word, or the stem itself. */
export function concept(stem: string): string {
  return CONCEPT.get(stem) ?? stem;
}

/**
 * Multi-word forms that stand for one term, matched on lower-case text before words are split; each
 * replacement is no longer than what it replaces (terms keep their offsets), and no pattern captures
 * (terms.ts joins them into one).
 */
export const PHRASES: [RegExp, string][] = [
  [/\bunmanned aerial vehicles?\b/g, 'drone'],
  [/\b(?:taken|rushed|admitted|brought|flown) (?:back )?(?:in)?to (?:a |the )?hospital\b/g, 'admit'],
  [/\b(?:released|discharged|leaves|left|leaving) (?:from )?(?:a |the )?hospital\b/g, 'discharg'],
  // US and Australian news call their supreme court the high court (a British or Indian High Court is a lower one:
  // a cost accepted, as both judge the same cases).
  [/\b(?:supreme|top|apex|high) court\b/g, 'sc'],
  [/\b(?:takes?|took|taken|taking) (?:the |his |her |their )?oaths?\b/g, 'sworn'],
  [/\bst(?:eps?|epped|epping) down\b/g, 'quit'],
  // `Pay` of paying tribute, a visit or one's respects is no pay (wages): the phrase is its noun.
  [/\b(?:pays?|paid|paying) (?:a |an |their |his |her |its )?(?:tribute|homage)\b/g, 'tribute'],
  [/\b(?:pays?|paid|paying) (?:a |an |their |his |her |its )?visit\b/g, 'visit'],
  [/\b(?:pays?|paid|paying) (?:their |his |her |its )?(?:last )?respects\b/g, 'respect'],
  [/\b(?:driving under the influence|drunk(?:en)? driving|drink driving|driving while intoxicated)\b/g, 'dui'],
];
