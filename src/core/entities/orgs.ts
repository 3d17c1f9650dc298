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
    'reserve treasury mint observatory bureau firm patrol telecom communications pictures entertainment').split(' '),
);

/** Words that head an organisation when they come first and `of` follows (`University of Chicago`). */
export const ORG_OF_HEADS: Set<string> = new Set(
  ('department ministry university bank office institute college school academy council court church ' +
    'house chamber federation league association society board commission committee union museum').split(' '),
);
