// Organisation head words and well-known organisations with their standard abbreviations.
// Written by hand for this project from general knowledge; no third-party data. Licence: the project's (MIT).

/** `Canonical|alias|alias;…` — the first form is the canonical name. */
const ORG_DATA =
  'United Nations|UN|U.N.;North Atlantic Treaty Organization|NATO;European Union|EU|E.U.;' +
  'UN Security Council|U.N. Security Council|United Nations Security Council|UNSC;Security Council;' +
  'UN General Assembly|U.N. General Assembly|United Nations General Assembly;' +
  'International Atomic Energy Agency|IAEA;World Health Organization|WHO;World Trade Organization|WTO;' +
  'International Monetary Fund|IMF;World Bank;International Criminal Court|ICC;International Court of Justice|ICJ;' +
  'Organization of the Petroleum Exporting Countries|OPEC;Association of Southeast Asian Nations|ASEAN;' +
  'African Union|AU;Arab League;Group of Seven|G7|G-7;Group of 20|G20|G-20;BRICS;' +
  'Organization for Security and Co-operation in Europe|OSCE;Shanghai Cooperation Organisation|SCO;' +
  'Red Cross|International Committee of the Red Cross|ICRC;Amnesty International;Human Rights Watch;' +
  'Doctors Without Borders|MSF;UNICEF;UNESCO;UNHCR;Interpol;Europol;Greenpeace;' +
  'Federal Bureau of Investigation|FBI;Central Intelligence Agency|CIA;National Security Agency|NSA;' +
  'Department of Homeland Security|DHS|Homeland Security;Department of Justice|Justice Department|DOJ;' +
  'Department of Defense|Defense Department|DoD|Pentagon;State Department|Department of State;' +
  'Treasury Department|Treasury|Department of the Treasury;White House;Kremlin;Congress|U.S. Congress;Senate;' +
  'House of Representatives;Supreme Court;Federal Reserve|Fed;Securities and Exchange Commission|SEC;' +
  'Food and Drug Administration|FDA;Centers for Disease Control and Prevention|CDC;Environmental Protection Agency|EPA;' +
  'National Aeronautics and Space Administration|NASA;Federal Aviation Administration|FAA;' +
  'National Transportation Safety Board|NTSB;Internal Revenue Service|IRS;Drug Enforcement Administration|DEA;' +
  'Immigration and Customs Enforcement|ICE;Secret Service;Coast Guard;National Guard;' +
  'Federal Emergency Management Agency|FEMA;National Weather Service;U.S. Geological Survey|USGS;' +
  'Democratic Party;Republican Party|GOP;Labour Party;Conservative Party;Communist Party;' +
  'Workers\' Party of Korea;Korean Central News Agency|KCNA;National Intelligence Service|NIS;' +
  'Joint Chiefs of Staff|JCS;Yonhap|Yonhap News Agency;Xinhua|Xinhua News Agency;TASS;RIA Novosti;Interfax;' +
  'Reuters;Associated Press|AP;Agence France-Presse|AFP;United Press International|UPI;Bloomberg;' +
  'British Broadcasting Corporation|BBC;CNN;Fox News;NBC;ABC;CBS;MSNBC;NPR;PBS;Al Jazeera;' +
  'New York Times|The New York Times|NYT;Washington Post|The Washington Post;Wall Street Journal|WSJ;' +
  'Financial Times|FT;The Guardian|Guardian;The Times;The Economist|Economist;USA Today;Los Angeles Times|LA Times;' +
  'Politico;Axios;Time|Time magazine;Newsweek;Le Monde;Der Spiegel|Spiegel;Kyiv Independent;Korea Herald;' +
  'Korea Times;JoongAng Daily|Korea JoongAng Daily;Chosun Ilbo;Kyodo|Kyodo News;NHK;Asahi Shimbun;Nikkei;' +
  'South China Morning Post|SCMP;Global Times;People\'s Daily;Haaretz;Times of Israel;Hindustan Times;Mint|Livemint;' +
  'Google;Alphabet;Apple;Microsoft;Amazon.com;Meta;Facebook;Twitter;Instagram;YouTube;TikTok;OpenAI;Tesla;SpaceX;' +
  'Samsung;Hyundai;LG;Toyota;Honda;Sony;Huawei;Alibaba;Tencent;Boeing;Airbus;Lockheed Martin;Raytheon;' +
  'General Motors|GM;Ford;Exxon Mobil|ExxonMobil|Exxon;Chevron;Shell;BP;Gazprom;Rosneft;Walmart;IBM;Intel;Nvidia;' +
  'Goldman Sachs;JPMorgan Chase|JPMorgan;Morgan Stanley;Citigroup|Citi;Bank of America;Wells Fargo;' +
  'Hamas;Hezbollah;Taliban;al-Qaeda|al Qaeda|Al-Qaeda|Al Qaeda;Islamic State|ISIS|ISIL|IS;Houthis|Houthi;' +
  'Wagner Group|Wagner;Kremlin;Knesset;Bundestag;Duma|State Duma;Politburo;European Commission;' +
  'European Parliament;European Central Bank|ECB;Bank of England;Bank of Japan|BOJ;Bank of Korea|BOK;' +
  'Ministry of Foreign Affairs|Foreign Ministry;Ministry of Defense|Defense Ministry;Ministry of National Defense;' +
  'Harvard University|Harvard;Yale University|Yale;Stanford University|Stanford;Princeton University|Princeton;' +
  'Massachusetts Institute of Technology|MIT;Oxford University|University of Oxford|Oxford;' +
  'Cambridge University|University of Cambridge;Columbia University;NFL;NBA;MLB;NHL;FIFA;UEFA;' +
  'International Olympic Committee|IOC;Nobel Committee;Vatican Bank;Scotland Yard;MI5;MI6;Mossad;Shin Bet;' +
  'Federal Security Service|FSB;Main Intelligence Directorate|GRU;SBU;Hamas;Islamic Jihad;Muslim Brotherhood;' +
  'Revolutionary Guards|Islamic Revolutionary Guard Corps|IRGC;People\'s Liberation Army|PLA;Red Army;' +
  'Korean People\'s Army|KPA';

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").toLowerCase();
}

/** Canonical ORG name by normalised surface form. */
export const ORG_NAMES: Map<string, string> = new Map();
for (const group of ORG_DATA.split(';')) {
  const forms = group.split('|').filter(Boolean);
  for (const f of forms) if (!ORG_NAMES.has(norm(f))) ORG_NAMES.set(norm(f), forms[0]);
}
// Ambiguous short forms: `IS`, `AP`, `AU`, `ICE`, `WHO`, `Time`, `Mint`, `Fed`, `Meta` are ordinary words or
// read as such at the start of sentences; entities.ts only takes them in their written case and mid-sentence.
export const CASE_SENSITIVE_ORG_FORMS: Set<string> = new Set(['is', 'ap', 'au', 'ice', 'who', 'time', 'mint', 'fed', 'meta', 'shell', 'ford', 'apple', 'amazon.com', 'treasury', 'congress', 'senate', 'wagner', 'guardian', 'economist', 'harvard', 'oxford', 'yale', 'princeton', 'stanford', 'citi']);

/** Last words that make a capitalised phrase an organisation. */
export const ORG_HEADS: Set<string> = new Set(
  ('department ministry agency service services council committee commission organization organisation ' +
    'institute institution university college school academy association federation union league party ' +
    'bank fund foundation trust corporation corp. corp company co. co inc. inc ltd. ltd llc plc group holdings ' +
    'industries enterprises partners associates systems technologies labs laboratories airlines airways ' +
    'motors electronics pharmaceuticals network networks media news times post journal herald tribune gazette ' +
    'telegraph daily magazine press broadcasting radio television tv channel studios records ' +
    'court tribunal parliament assembly congress senate cabinet government administration authority bureau ' +
    'office command army navy forces corps guard guards police brigade battalion regiment division fleet ' +
    'church mosque synagogue temple diocese ministries mission hospital clinic center centre museum library ' +
    'club team fc united society board coalition alliance front movement network congress chamber exchange ' +
    'directorate secretariat inspectorate unit squad taskforce initiative project program programme watch ' +
    'reserve treasury mint observatory bureau firm patrol telecom communications pictures entertainment ' +
    // Company suffixes and business types (general English usage: `Acme Foods`, `Baxter Advisors`).
    'foods brands stores markets restaurants advisors advisers accounting distributors creamery dairy bakery ' +
    'insurance ventures solutions software logistics chemicals pharma llp lp gmbh').split(' '),
);

/** Words that head an organisation when they come first and `of` follows (`University of Chicago`). */
export const ORG_OF_HEADS: Set<string> = new Set(
  ('department ministry university bank office institute college school academy council court church ' +
    'house chamber federation league association society board commission committee union museum').split(' '),
);

/**
 * Lowercase nouns that, right before a capitalised name, say it names an organisation (`operator Zentrix`,
 * `telecoms company Zentrix`, `trade publication Billboard`). General English.
 */
export const ORG_NOUNS: Set<string> = new Set(
  ('company firm operator provider carrier retailer supermarket chain studio network broadcaster publication ' +
    'magazine newspaper paper tabloid website site blog outlet station channel maker manufacturer developer ' +
    'publisher distributor insurer lender bank airline startup conglomerate subsidiary brand label charity ' +
    'organization organisation agency giant automaker carmaker').split(' '),
);

/** Words of sports reporting: a document with several of them (in lowercase) is a sports story. */
export const SPORTS_WORDS: Set<string> = new Set(
  ('coach playoff playoffs quarterback touchdown touchdowns basketball football baseball hockey soccer ' +
    'semifinal semifinals quarterfinal quarterfinals rebounds inning innings halftime scorer roster seeded ' +
    'pitcher outfielder goalkeeper midfielder tournament league championship game games season points ' +
    'victory defeated teammate teammates baseman shortstop infielder slugger bullpen lineman linemen').split(' '),
);
/** League abbreviations (lowercase), which count as sports words when written capitalised. */
export const SPORTS_LEAGUES: Set<string> = new Set('nfl nba mlb nhl ncaa afc nfc'.split(' '));
/** How many different SPORTS_WORDS make a sports story. */
export const SPORTS_STORY_WORDS = 3;

/** Words before an opponent in sports reporting (`win over Dayton`, `beat visiting Detroit`). */
export const TEAM_RIVAL_WORDS: Set<string> = new Set(
  ('over against beat beats beating defeated defeats defeating outlasted edged routed topped downed blanked vs ' +
    'vs. versus host hosts hosting visiting ranked seeded top-ranked top-seeded unbeaten undefeated').split(' '),
);

/** Words after a team's name (`Kentucky basketball`, `Butler's lead`, `Steelers lineman`). */
export const TEAM_NOUNS: Set<string> = new Set(
  ('basketball football baseball hockey soccer team squad defenders defense defence offense offence fans ' +
    'coach quarterback roster lineup win loss victory defeat lead game season playoff history defensive ' +
    'offensive lineman linebacker receiver tailback cornerback safety kicker punter pitcher catcher shortstop ' +
    'infielder outfielder slugger goalie goaltender forward guard').split(' '),
);

/**
 * Nicknames of the teams of the four major North American leagues (NFL, NBA, MLB, NHL), past and present:
 * general knowledge. A one-word nickname is an ORG in a sports story; the two-word ones are distinctive enough
 * anywhere.
 */
export const TEAM_NICKNAMES: Set<string> = new Set(
  ('cardinals falcons ravens bills panthers bears bengals browns cowboys broncos lions packers texans colts ' +
    'jaguars chiefs raiders chargers rams dolphins vikings patriots saints giants jets eagles steelers 49ers ' +
    'seahawks buccaneers titans commanders redskins oilers hawks celtics nets hornets bulls cavaliers ' +
    'mavericks nuggets pistons warriors rockets pacers clippers lakers grizzlies heat bucks timberwolves ' +
    'pelicans knicks thunder magic 76ers sixers suns blazers trailblazers kings spurs raptors jazz wizards ' +
    'supersonics sonics bobcats diamondbacks braves orioles cubs reds guardians indians astros royals angels ' +
    'dodgers marlins brewers twins mets yankees athletics phillies pirates padres mariners rays rangers ' +
    'nationals expos ducks coyotes bruins sabres flames hurricanes blackhawks avalanche stars canadiens ' +
    'predators devils islanders senators flyers penguins sharks kraken blues lightning canucks capitals').split(' '),
);
/** Two-word nicknames, lowercase. */
export const TEAM_NICKNAME_PHRASES: Set<string> = new Set(
  ['red sox', 'white sox', 'blue jays', 'trail blazers', 'red wings', 'maple leafs', 'golden knights', 'blue jackets'],
);

/**
 * Names of widely used software and devices (general knowledge): products, which are not PERSON / ORG /
 * PLACE. Lowercase; `ie` only counts written in capitals.
 */
export const PRODUCT_NAMES: Set<string> = new Set(
  ('windows;internet explorer;ie;firefox;chrome;iphone;ipad;ipod;android;ios;macos;xbox;playstation;kindle;' +
    'excel;powerpoint;photoshop;activex;linux;ubuntu;macbook;imac').split(';'),
);
