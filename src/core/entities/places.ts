// Countries with their standard aliases, demonyms, US states, continents and regions.
// Written by hand for this project from general knowledge (country names as in ISO 3166 / common English
// news usage; US state abbreviations in AP style); no third-party data. Licence: the project's (MIT).

/** `Canonical|alias|alias;…` — the first form is the canonical name. */
const COUNTRY_DATA =
  'Afghanistan;Albania;Algeria;Andorra;Angola;Antigua and Barbuda;Argentina;Armenia;Australia;Austria;' +
  'Azerbaijan;Bahamas|The Bahamas;Bahrain;Bangladesh;Barbados;Belarus|Byelorussia;Belgium;Belize;Benin;Bhutan;' +
  'Bolivia;Bosnia and Herzegovina|Bosnia|Bosnia-Herzegovina;Botswana;Brazil;Brunei;Bulgaria;Burkina Faso;Burundi;' +
  'Cambodia;Cameroon;Canada;Cape Verde|Cabo Verde;Central African Republic|CAR;Chad;Chile;' +
  "China|People's Republic of China|PRC|Mainland China;Colombia;Comoros;Congo|Republic of the Congo|Congo-Brazzaville;" +
  'Democratic Republic of the Congo|DRC|DR Congo|Congo-Kinshasa;Costa Rica;Ivory Coast|Cote d\'Ivoire;Croatia;Cuba;' +
  'Cyprus;Czech Republic|Czechia;Denmark;Djibouti;Dominica;Dominican Republic;East Timor|Timor-Leste;Ecuador;Egypt;' +
  'El Salvador;Equatorial Guinea;Eritrea;Estonia;Eswatini|Swaziland;Ethiopia;Fiji;Finland;France;Gabon;Gambia|The Gambia;' +
  'Georgia;Germany;Ghana;Greece;Grenada;Guatemala;Guinea;Guinea-Bissau;Guyana;Haiti;Honduras;Hungary;Iceland;India;' +
  'Indonesia;Iran|Islamic Republic of Iran;Iraq;Ireland|Republic of Ireland;Israel;Italy;Jamaica;Japan;Jordan;Kazakhstan;Kenya;' +
  "Kiribati;North Korea|DPRK|D.P.R.K.|Democratic People's Republic of Korea|N. Korea;" +
  'South Korea|Republic of Korea|ROK|S. Korea;Kosovo;Kuwait;Kyrgyzstan;Laos;Latvia;Lebanon;Lesotho;Liberia;Libya;' +
  'Liechtenstein;Lithuania;Luxembourg;Madagascar;Malawi;Malaysia;Maldives;Mali;Malta;Marshall Islands;Mauritania;' +
  'Mauritius;Mexico;Micronesia;Moldova;Monaco;Mongolia;Montenegro;Morocco;Mozambique;Myanmar|Burma;Namibia;Nauru;' +
  'Nepal;Netherlands|The Netherlands|Holland;New Zealand;Nicaragua;Niger;Nigeria;North Macedonia|Macedonia;Norway;' +
  'Oman;Pakistan;Palau;Palestine|Palestinian Territories;Panama;Papua New Guinea;Paraguay;Peru;Philippines|The Philippines;' +
  'Poland;Portugal;Qatar;Romania;Russia|Russian Federation;Rwanda;Saint Kitts and Nevis;Saint Lucia;' +
  'Saint Vincent and the Grenadines;Samoa;San Marino;Sao Tome and Principe;Saudi Arabia|KSA;Senegal;Serbia;Seychelles;' +
  'Sierra Leone;Singapore;Slovakia;Slovenia;Solomon Islands;Somalia;South Africa;South Sudan;Spain;Sri Lanka;Sudan;' +
  'Suriname;Sweden;Switzerland;Syria;Taiwan|Republic of China|ROC;Tajikistan;Tanzania;Thailand;Togo;Tonga;' +
  'Trinidad and Tobago|Trinidad;Tunisia;Turkey|Turkiye|Türkiye;Turkmenistan;Tuvalu;Uganda;Ukraine|The Ukraine;' +
  'United Arab Emirates|UAE|U.A.E.|Emirates;United Kingdom|UK|U.K.|Britain|Great Britain;' +
  'United States|US|U.S.|USA|U.S.A.|United States of America|America;Uruguay;Uzbekistan;Vanuatu;Vatican|Vatican City|Holy See;' +
  'Venezuela;Vietnam|Viet Nam;Yemen;Zambia;Zimbabwe;Soviet Union|USSR|U.S.S.R.;England;Scotland;Wales;Northern Ireland;' +
  'Korea;Greenland;Puerto Rico;Hong Kong;Macau|Macao;Gaza|Gaza Strip;West Bank;Tibet;Crimea;Donbas|Donbass;Chechnya;' +
  'Kashmir;Kurdistan;Catalonia;Bavaria;Siberia;Gibraltar;Guam;Bermuda;Kursk;Belgorod;Donetsk;Luhansk;Kherson;' +
  'Zaporizhzhia;Kharkiv|Kharkov;Mariupol;Bakhmut;Odesa|Odessa;Lviv;Dnipro;Kyiv|Kiev';

/** Continents, world regions and other well-known places that are not cities or countries. */
const REGION_DATA =
  'Africa;Asia;Europe;North America;South America;Latin America;Central America;Antarctica;Arctic;Oceania;' +
  'Middle East;Mideast;Near East;Far East;Indo-Pacific;Asia-Pacific;Asia Pacific;Eurasia;Balkans;Caucasus;' +
  'Scandinavia;Sahel;Horn of Africa;Persian Gulf;Gulf;Caribbean;Mediterranean;Pacific;Atlantic;Baltic;' +
  'Korean Peninsula;Southeast Asia;South Asia;East Asia;Central Asia;Western Europe;Eastern Europe;Sub-Saharan Africa;' +
  'West Africa;East Africa;North Africa;Southern Africa;Silicon Valley;Wall Street;Midwest;New England;' +
  'Pacific Ocean;Atlantic Ocean;Indian Ocean;Arctic Ocean;Black Sea;Red Sea;Baltic Sea;South China Sea;East China Sea;' +
  'Yellow Sea;Sea of Japan;North Sea;Mediterranean Sea;Caspian Sea;Dead Sea;Taiwan Strait;Strait of Hormuz;' +
  'Gulf of Mexico;Panama Canal;Suez Canal;Himalayas;Alps;Andes;Rockies;Amazon;Nile;Danube;Mississippi;Yangtze;' +
  'Euphrates;Tigris;Rhine;Golan Heights;Sinai;Hollywood;Manhattan;Brooklyn;Queens;Bronx;Staten Island;' +
  'Capitol Hill;Downing Street;Red Square;Tiananmen Square;Times Square;Beverly Hills;Malibu;Las Vegas;' +
  'Washington|Washington, D.C.|Washington D.C.|Washington DC;D.C.;Mumbai|Bombay;Beijing|Peking;' +
  'Ho Chi Minh City|Saigon;Kolkata|Calcutta;Chennai|Madras;Yangon|Rangoon;Guangzhou|Canton;New York City|NYC|New York;' +
  'Los Angeles|L.A.;San Francisco;Hiroshima;Nagasaki;Okinawa;Bali;Java;Sumatra;Borneo;Hawaii;Alaska;Sicily;Sardinia;' +
  'Corsica;Crete;Cyprus;Tasmania;Mecca;Medina;Jerusalem;Bethlehem;Ramallah;Rafah;Khan Younis;Aleppo;Idlib;Mosul;' +
  'Fallujah;Basra;Kandahar;Helmand;Benghazi;Tripoli;Davos;Geneva;Vienna;The Hague|Hague;Strasbourg;Luxembourg;' +
  'Camp David;Mar-a-Lago;Panmunjom;Yongbyon;Sinpo;Vladivostok;Dnipro;Zaporizhzhia;Avdiivka;Pokrovsk';

/** US states: name|AP abbreviation|postal code. Postal codes only count with evidence (see entities.ts). */
const US_STATE_DATA =
  'Alabama|Ala.|AL;Alaska||AK;Arizona|Ariz.|AZ;Arkansas|Ark.|AR;California|Calif.|CA;Colorado|Colo.|CO;' +
  'Connecticut|Conn.|CT;Delaware|Del.|DE;Florida|Fla.|FL;Georgia|Ga.|GA;Hawaii||HI;Idaho||ID;Illinois|Ill.|IL;' +
  'Indiana|Ind.|IN;Iowa||IA;Kansas|Kan.|KS;Kentucky|Ky.|KY;Louisiana|La.|LA;Maine||ME;Maryland|Md.|MD;' +
  'Massachusetts|Mass.|MA;Michigan|Mich.|MI;Minnesota|Minn.|MN;Mississippi|Miss.|MS;Missouri|Mo.|MO;' +
  'Montana|Mont.|MT;Nebraska|Neb.|NE;Nevada|Nev.|NV;New Hampshire|N.H.|NH;New Jersey|N.J.|NJ;New Mexico|N.M.|NM;' +
  'New York State|N.Y.|NY;North Carolina|N.C.|NC;North Dakota|N.D.|ND;Ohio||OH;Oklahoma|Okla.|OK;Oregon|Ore.|OR;' +
  'Pennsylvania|Pa.|PA;Rhode Island|R.I.|RI;South Carolina|S.C.|SC;South Dakota|S.D.|SD;Tennessee|Tenn.|TN;' +
  'Texas|Texas|TX;Utah||UT;Vermont|Vt.|VT;Virginia|Va.|VA;Washington State|Wash.|WA;West Virginia|W.Va.|WV;' +
  'Wisconsin|Wis.|WI;Wyoming|Wyo.|WY';

/** Demonyms, nationality and religion adjectives (and their plurals): never entities by themselves. */
const DEMONYM_DATA =
  'Afghan Albanian Algerian American Angolan Argentine Argentinian Armenian Australian Austrian Azerbaijani Azeri ' +
  'Bahraini Bangladeshi Belarusian Belgian Bolivian Bosnian Brazilian British Briton Bulgarian Burmese Cambodian ' +
  'Cameroonian Canadian Chilean Chinese Colombian Congolese Croatian Cuban Cypriot Czech Danish Dane Dutch Ecuadorian ' +
  'Egyptian Emirati English Eritrean Estonian Ethiopian European Filipino Finnish Finn French Georgian German Ghanaian ' +
  'Greek Guatemalan Haitian Honduran Hungarian Icelandic Indian Indonesian Iranian Iraqi Irish Israeli Italian Jamaican ' +
  'Japanese Jordanian Kazakh Kenyan Korean Kosovar Kurdish Kurd Kuwaiti Kyrgyz Lao Laotian Latvian Lebanese Liberian ' +
  'Libyan Lithuanian Macedonian Malagasy Malaysian Malian Maltese Mexican Moldovan Mongolian Montenegrin Moroccan ' +
  'Mozambican Namibian Nepali Nepalese Nicaraguan Nigerian Nigerien Norwegian Omani Pakistani Palestinian Panamanian ' +
  'Paraguayan Persian Peruvian Philippine Polish Pole Portuguese Qatari Romanian Russian Rwandan Saudi Scottish Scot ' +
  'Senegalese Serbian Serb Singaporean Slovak Slovenian Somali Spanish Spaniard Sudanese Swedish Swede Swiss Syrian ' +
  'Taiwanese Tajik Tanzanian Thai Tibetan Tunisian Turkish Turk Turkmen Ugandan Ukrainian Uruguayan Uzbek Venezuelan ' +
  'Vietnamese Welsh Yemeni Zambian Zimbabwean Arab Arabic African Asian Latino Latina Hispanic Caucasian Slavic Nordic ' +
  'Scandinavian Balkan Baltic Soviet Western Eastern Northern Southern Yankee Texan Californian Floridian New Yorker ' +
  'Sunni Shiite Shia Muslim Moslem Islamic Islamist Christian Catholic Protestant Orthodox Jewish Jew Hindu Buddhist ' +
  'Sikh Mormon Evangelical Democrat Democratic Republican Communist Socialist Conservative Liberal Labour Tory Nazi ' +
  'Marxist Maoist Zionist Jihadist Hebrew Mandarin Cantonese Korean Pashtun Tamil Uighur Uyghur Rohingya Hutu Tutsi ' +
  'Kurdish Alawite Druze Bedouin Maori Aboriginal Inuit Cherokee Navajo Sioux Gaelic Celtic Latin Sino Anglo Franco ' +
  'Indo Afro Euro Pan North_Korean South_Korean North_American South_American Latin_American Middle_Eastern ' +
  'Central_American South_African Saudi_Arabian New_Zealander Sri_Lankan Puerto_Rican Costa_Rican Salvadoran ' +
  'Dominican Trinidadian Bahamian Barbadian Grenadian Beninese Burkinabe Burundian Chadian Djiboutian Gabonese ' +
  'Gambian Guinean Ivorian Basotho Malawian Mauritanian Mauritian Sierra_Leonean Sahrawi Togolese Zairean Fijian ' +
  'Samoan Tongan Papuan Bruneian Bhutanese Maldivian Cypriot Luxembourgish Monegasque Andorran Liechtensteiner';

function norm(s: string): string {
  return s.replace(/[’‘]/g, "'").toLowerCase();
}

/** Canonical PLACE name by normalised surface form (lowercase, straight apostrophes). */
export const PLACE_NAMES: Map<string, string> = new Map();
/** Surface forms that are ambiguous enough to need context (postal codes, short all-caps forms). */
export const WEAK_PLACE_FORMS: Set<string> = new Set();

function addPlaces(data: string): void {
  for (const group of data.split(';')) {
    const forms = group.split('|').filter(Boolean);
    const canonical = forms[0];
    for (const f of forms) if (!PLACE_NAMES.has(norm(f))) PLACE_NAMES.set(norm(f), canonical);
  }
}
addPlaces(COUNTRY_DATA);
/** Canonical names of countries and territories: they stay places in sports stories (city teams become ORG). */
export const COUNTRIES: Set<string> = new Set(COUNTRY_DATA.split(';').map((g) => g.split('|')[0]));
addPlaces(REGION_DATA);
for (const group of US_STATE_DATA.split(';')) {
  const [name, ap, postal] = group.split('|');
  const canonical = name.replace(/ State$/, '');
  PLACE_NAMES.set(norm(name), canonical);
  if (!PLACE_NAMES.has(norm(canonical))) PLACE_NAMES.set(norm(canonical), canonical);
  if (ap) PLACE_NAMES.set(norm(ap), canonical);
  if (postal) WEAK_PLACE_FORMS.add(norm(postal));
}
// Two-letter postal codes never count on their own; `US`, `UK` and the like are strong forms, kept as they are.

export const DEMONYMS: Set<string> = new Set();
for (const d of DEMONYM_DATA.split(' ')) {
  const w = d.replace(/_/g, ' ');
  DEMONYMS.add(norm(w));
  DEMONYMS.add(norm(w.endsWith('s') || w.endsWith('sh') || w.endsWith('ese') ? w : w + 's'));
}
for (const x of ['swiss', 'french', 'dutch', 'british', 'chinese', 'japanese', 'english', 'irish', 'welsh', 'scottish']) DEMONYMS.add(x);
for (const x of ['frenchman', 'frenchmen', 'englishman', 'englishmen', 'irishman', 'dutchman', 'ukrainians', 'israelis', 'iraqis', 'saudis', 'pakistanis', 'afghans', 'emiratis']) DEMONYMS.add(x);

/**
 * The place a nationality word stands for, where that is one country (`Russian` → Russia): claims use it
 * so that `Russian forces` and `Russia's forces` meet. Plurals are added below.
 */
const DEMONYM_PLACE_DATA =
  'Afghan:Afghanistan Albanian:Albania Algerian:Algeria American:United_States Argentine:Argentina ' +
  'Argentinian:Argentina Armenian:Armenia Australian:Australia Austrian:Austria Azerbaijani:Azerbaijan ' +
  'Bangladeshi:Bangladesh Belarusian:Belarus Belgian:Belgium Bolivian:Bolivia Brazilian:Brazil British:United_Kingdom ' +
  'Briton:United_Kingdom Bulgarian:Bulgaria Cambodian:Cambodia Canadian:Canada Chilean:Chile Chinese:China ' +
  'Colombian:Colombia Croatian:Croatia Cuban:Cuba Czech:Czech_Republic Danish:Denmark Dutch:Netherlands ' +
  'Egyptian:Egypt Estonian:Estonia Ethiopian:Ethiopia Filipino:Philippines Finnish:Finland French:France ' +
  'Georgian:Georgia German:Germany Ghanaian:Ghana Greek:Greece Hungarian:Hungary Indian:India Indonesian:Indonesia ' +
  'Iranian:Iran Iraqi:Iraq Irish:Ireland Israeli:Israel Italian:Italy Japanese:Japan Jordanian:Jordan ' +
  'Kazakh:Kazakhstan Kenyan:Kenya Kuwaiti:Kuwait Latvian:Latvia Lebanese:Lebanon Libyan:Libya Lithuanian:Lithuania ' +
  'Malaysian:Malaysia Mexican:Mexico Moldovan:Moldova Mongolian:Mongolia Moroccan:Morocco Nigerian:Nigeria ' +
  'Norwegian:Norway Pakistani:Pakistan Palestinian:Palestine Peruvian:Peru Polish:Poland Portuguese:Portugal ' +
  'Qatari:Qatar Romanian:Romania Russian:Russia Rwandan:Rwanda Saudi:Saudi_Arabia Serbian:Serbia Singaporean:Singapore ' +
  'Slovak:Slovakia Slovenian:Slovenia Somali:Somalia Spanish:Spain Sudanese:Sudan Swedish:Sweden Swiss:Switzerland ' +
  'Syrian:Syria Taiwanese:Taiwan Thai:Thailand Tunisian:Tunisia Turkish:Turkey Ugandan:Uganda Ukrainian:Ukraine ' +
  'Venezuelan:Venezuela Vietnamese:Vietnam Yemeni:Yemen Zimbabwean:Zimbabwe North_Korean:North_Korea ' +
  'South_Korean:South_Korea South_African:South_Africa New_Zealander:New_Zealand Sri_Lankan:Sri_Lanka ' +
  'Emirati:United_Arab_Emirates';

/** Nationality word (lower case, singular or plural) → canonical place name. */
export const DEMONYM_PLACES: Map<string, string> = new Map();
for (const pair of DEMONYM_PLACE_DATA.split(' ')) {
  const [demonym, place] = pair.split(':').map((x) => x.replace(/_/g, ' '));
  const canonical = PLACE_NAMES.get(norm(place)) ?? place;
  DEMONYM_PLACES.set(norm(demonym), canonical);
  if (!/(s|sh|ese|ch)$/.test(demonym)) DEMONYM_PLACES.set(norm(`${demonym}s`), canonical);
}

/** Last words that make a capitalised phrase a place (`Kursk Oblast`, `Gaza Strip`, `Mount Everest`). */
export const PLACE_HEADS: Set<string> = new Set(
  ('oblast province county district region prefecture territory territories island islands isle peninsula ' +
    'river mountain mountains mount mt. lake sea ocean bay gulf strait straits coast valley desert canyon forest ' +
    'street avenue ave. road rd. boulevard blvd. square plaza highway freeway lane drive heights hills hill ' +
    'park beach harbor harbour port airport station village township borough parish krai raion ' +
    'governorate emirate canton glacier volcano falls reef cape point ' +
    'springs creek bridge tunnel dam crossing border ' +
    // Named facilities (`Apollo Theater`, `Wembley Stadium`, `Brighton Pier`): places in this scheme.
    'theatre theater arena stadium hotel motel prison jail penitentiary courthouse pier wharf ridge hut ' +
    'mall garden gardens way').split(' '),
);
/** Words that make a capitalised phrase a place when they come first (`Mount Everest`, `Lake Tahoe`). */
export const PLACE_PREFIXES: Set<string> = new Set([
  ...['mount', 'mt.', 'mt', 'lake', 'cape', 'fort', 'ft.', 'gulf', 'isle', 'rue', 'avenue', 'place', 'piazza', 'plaza', 'port'],
  // Stadiums named in other languages (`Stade de France`, `Estadio Azteca`).
  ...['stade', 'estadio', 'stadio', 'stadion'],
]);

/** Nouns before `of` that make the next name a place (`the town of Kendal`, `the resort of Biarritz`). */
export const PLACE_OF_NOUNS: Set<string> = new Set(
  ('town city village hometown resort suburb suburbs outskirts capital state county province region district ' +
    'island port municipality borough streets heart centre center').split(' '),
);
