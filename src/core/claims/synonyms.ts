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
  ['rise', 'increas', 'grow', 'climb', 'jump', 'surg'],
  ['fall', 'decreas', 'declin', 'drop', 'slide', 'plung'],
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
];

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
  [/\b(?:supreme|top|apex) court\b/g, 'sc'],
  [/\b(?:takes?|took|taken|taking) (?:the |his |her |their )?oaths?\b/g, 'sworn'],
  [/\bst(?:eps?|epped|epping) down\b/g, 'quit'],
  [/\b(?:driving under the influence|drunk(?:en)? driving|drink driving|driving while intoxicated)\b/g, 'dui'],
];
