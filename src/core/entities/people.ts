// Person titles, role words and common given names.
// Written by hand for this project from general knowledge (the given names are frequent first names in
// English-language news, spanning many languages); no third-party data. Licence: the project's (MIT).

/** Honorifics and titles that precede a name and are not part of the PERSON span. Lowercase. */
export const TITLES: Set<string> = new Set(
  ('mr mr. mrs mrs. ms ms. miss mx. dr dr. prof prof. sir dame lord lady rev rev. reverend fr. father sister ' +
    'brother pastor rabbi imam sheikh sheik ayatollah cardinal bishop archbishop pope saint ' +
    'president premier chancellor minister secretary ambassador envoy ' +
    'senator sen. sens. rep. reps. representative congressman congresswoman congressmember governor gov. ' +
    'lieutenant lt. lt gen. gen general col. colonel maj. major capt. captain cmdr. commander adm. admiral ' +
    'sgt. sgt sergeant cpl. corporal pvt. private officer detective det. inspector constable marshal ' +
    'judge justice magistrate attorney prosecutor sheriff mayor councilman councilwoman alderman commissioner ' +
    'king queen prince princess emperor empress crown duke duchess earl baron baroness count countess ' +
    'chairman chairwoman chairperson chair ceo cfo coo founder director spokesman spokeswoman spokesperson ' +
    'leader speaker coach manager professor doctor nurse dean provost superintendent principal agent ' +
    'president-elect vice-president then-president marshal attorney-general surgeon undersecretary ' +
    'under-secretary sultan emir crown-prince ayatollah chancellor-elect governor-elect mayor-elect secretary-general ' +
    'rapporteur delegate commissioner-general special lawmaker legislator mp mep mla gov deputy coroner trooper ' +
    'actor actress singer rapper comedian designer author writer novelist producer editor reporter ' +
    'columnist correspondent anchor analyst quarterback qb rb wr te lb cb receiver linebacker pitcher ' +
    'outfielder catcher striker goalkeeper midfielder defender boxer ' +
    'firefighter patrolman pilot astronaut gm ceo chairman rookie suspect chief').split(' '),
);

/** Words that qualify a title (`Foreign Minister`, `Deputy Prime Minister`, `former President`). They form a role
 * only together with a title from TITLES that ends the run. Lowercase. */
export const ROLE_MODIFIERS: Set<string> = new Set(
  ('foreign defense defence interior finance home justice health trade state vice deputy prime acting chief ' +
    'former late new first executive senior junior assistant associate special supreme field grand crown ' +
    'principal general national security economic energy education labor labour environment culture ' +
    'agriculture transport transportation treasury commerce intelligence army navy military regional ' +
    'district county city federal').split(' '),
);

/** Title words that are pure honorifics: they never start an organisation name. */
export const HONORIFICS: Set<string> = new Set(
  'mr mr. mrs mrs. ms ms. miss mx. dr dr. prof prof. sir dame rev rev. fr. sen. rep. gov. lt. gen. col. maj. capt. cmdr. adm. sgt. cpl. pvt. det.'.split(' '),
);

/** Words after `Secretary of` / `Minister of` that belong to the role (`Secretary of State`). */
export const ROLE_DOMAINS: Set<string> = new Set(
  ('state defense defence foreign affairs homeland security justice health education energy treasury commerce ' +
    'labor labour interior agriculture transportation transport finance economy trade the and human services ' +
    'housing urban development veterans environment culture information national unification staff war navy ' +
    'army air force police staff').split(' '),
);

const GIVEN_NAMES_DATA =
  'aaron abdul abdullah abe abigail abraham adam adel adrian ahmad ahmed aisha akira al alan albert alberto ' +
  'alejandro aleksandr alex alexander alexandra alexandre alexei alexey alfred ali alice alicia alina alison ' +
  'allan allen alvin amanda amber amir amit amy ana anatoly anders andre andrea andreas andrei andres andrew ' +
  'andrey andrii andriy andy angela angelina angelo angus anita ann anna anne annie anthony antonio antony ' +
  'anton april arnold arthur arturo ashley ashok audrey avi ayman barack barbara barry bashar beatrice ben ' +
  'benjamin benny bernard bernie beth betty beverly bill billy bob bobby bonnie boris brad bradley brandon ' +
  'brenda brian bridget brittany brooke bruce bruno bryan byron caitlin calvin cameron camilla candace carl ' +
  'carla carlos carmen carol caroline carolyn carrie catherine cathy cecilia celine chad charles charlie ' +
  'charlotte chen cheryl chloe chris christian christina christine christopher chuck cindy claire clara ' +
  'clarence claude claudia clint clinton cody colin connie conor courtney craig cristina crystal curtis ' +
  'cynthia dale dan dana daniel daniela danielle danny darren dave david dawn dean deborah debra dennis ' +
  'derek diana diane dick dmitri dmitry dmytro dominic don donald donna doris dorothy doug douglas duncan ' +
  'dustin dwayne dwight earl ed eddie edgar edith eduardo edward edwin eileen elaine eleanor elena eli ' +
  'elijah elizabeth ella ellen elon emily emma emmanuel enrique eric erica erik erin ernest esther ethan ' +
  'eugene eva evan evelyn fabio faisal farid fatima felipe felix fernando fiona florence francesca ' +
  'francis francisco frank franklin fred frederick gabriel gabriela gail gary gavin gene george georgia ' +
  'gerald gerhard gina giorgia giovanni giuseppe gladys glen glenn gloria gordon grace graham grant greg ' +
  'gregory gustavo hakeem hamid hannah hans harold harriet harry hassan heather hector heidi helen helena ' +
  'henry herbert hillary hiroshi holly howard hugh hugo hunter hussein ian igor ilya imran ingrid irene ' +
  'iris isaac isabel isabella ivan jack jackie jacob jacqueline jaime jake james jamie jan jane janet janice ' +
  'jared jason javier jay jean jeanne jeff jeffrey jennifer jenny jeremy jerome jerry jesse jessica jesus ' +
  'jill jim jimmy jin joan joanna joe joel johann john johnny jon jonathan jordan jorge jose joseph josh ' +
  'joshua joy joyce juan judith judy julia julian julie julio justin kamala karen karl kate katherine ' +
  'kathleen kathryn kathy katie kay keith kelly ken kenneth kevin khalid kim kimberly kirk kristen kristin ' +
  'kurt kyle lance larry laura lauren lawrence lee leo leon leonard leslie liam lila lily linda lindsay ' +
  'lindsey lisa liz lloyd logan lois lori louis louise lucas lucy luis luke lydia lynn madeleine maggie ' +
  'mahmoud malcolm mandy manuel marc marcel marco marcus margaret maria marie marilyn mario marion marjorie ' +
  'mark marsha martha martin marty marvin mary mason matt matteo matthew maureen max maxim maya megan ' +
  'melanie melissa meryl mia michael michel michele michelle miguel mike mikhail miles milton mitch mitchell ' +
  'mohamed mohammad mohammed monica morgan moses muhammad mustafa nadia nancy naomi natalia natalie ' +
  'nathan nathaniel neil nelson nick nicholas nicola nicolas nicole nigel nikita nikolai nina noah norman ' +
  'olaf olena oleg oleksandr oleksiy olga oliver olivia omar oscar owen pablo pamela paolo patricia patrick ' +
  'paul paula pauline pedro peggy penny pete peter petro phil philip phillip pierre priscilla priya rachel ' +
  'rafael ralph ramon randy raul ray raymond rebecca regina reggie renee rex ricardo richard rick ricky ' +
  'rishi rita rob robert roberta roberto robin rodney roger roland ron ronald rosa rose ross roy ruby rudy ' +
  'rupert russell ruth ryan sally salman sam samantha samir samuel sandra sandy sara sarah scott sean ' +
  'sebastian selena serena sergei sergey sergio seth shane shannon sharon shawn sheila shelley sherry ' +
  'shinzo shirley sidney simon sofia sonia sophia sophie stacy stanley stefan stephanie stephen steve ' +
  'steven stuart sue susan suzanne sven sylvia tamara tammy tanya tara taylor ted teresa terrence terry ' +
  'theodore theresa thomas tiffany tim timothy tina todd tom tommy tony tracy travis trevor troy tyler ' +
  'valerie vanessa vedant vera veronica vicki victor victoria vijay vincent viktor virginia vivian ' +
  'vladimir vladislav volodymyr walter wang wanda warren wayne wendy wesley william willie wilson xavier ' +
  'xi yasmin yoshihide yousef yuri yusuf yvonne zachary zoe ahmet recep emmanuelle olaf keir narendra ' +
  'benjamin yoav antony lloyd jens ursula josep charles kishida fumio yoon moon lee kim park choi ' +
  'jinping keqiang sergei dmitri yevgeny yulia alexei navalny lula jair javier gustavo andres manuel ' +
  'recep bibi boris liz theresa gordon tony margaret angela olaf friedrich annalena giorgia mario silvio ' +
  'pedro mark mette sanna jacinda justin pierre scott anthony malcolm kevin shehbaz imran nawaz ' +
  'cyril jacob thabo nelson paul uhuru william bola muhammadu abiy isaias yoweri salva omar abdel ' +
  'hosni anwar gamal recep mahmoud yasser ismail yahya mohammed ebrahim hassan ali masoud kamala ' +
  'joe donald hillary barack michelle melania ivanka jared nancy chuck mitch kevin marco ted rand ' +
  'bernie elizabeth alexandria pete ron gavin greg rick andrew jay tim josh jd mike rudy rex jim';


// More frequent English-language given names (general knowledge; place-like names such as Dallas or Sydney left out).
const MORE_GIVEN_NAMES_DATA =
  'aaliyah abby ada addison adriana agnes aidan aiden alana alec alexis alma alyssa amelia amos ' +
  'angie annette antoine archie ariana arlene armando ashton aubrey avery bailey barney becky belinda ' +
  'benita bennett bernadette bert bessie betsy beulah bianca billie blake blanche bo boyd brady ' +
  'brendan brent brett brianna brittney bryce bud buddy caleb callie candice cara carlton carter casey ' +
  'cassandra cecil cedric celia charlene chester chrissy christa christy clayton clifford clyde colleen ' +
  'conrad constance cora corey cornelius cory cristian cyrus daisy damian damon dane dante daphne darla ' +
  'darlene darrell darryl daryl davis deanna debbie dee delia della delores demetrius denise denny derrick ' +
  'desmond devin dexter diego dina dolores dominique donovan dora dorian dylan earnest eddy edna edmund ' +
  'elias elisa eliza ellie elmer eloise elsie elvis emanuel emilio emmett ervin essie ethel etta ' +
  'eunice ezra fannie fay felicia flora flossie floyd frances francine frankie freda freddie gabe garrett ' +
  'garry genevieve geoffrey georgina gerard gertrude gilbert giselle glenda gracie greta gretchen gwen ' +
  'gwendolyn hal hank harvey hattie herman hilda horace hubert ida ike imogen ira irma irving isaiah ' +
  'isabelle jacques jaden jalen jamal jameson jana janelle janie jasmine jayden jayne jeanette jeannie jed ' +
  'jenna jerald jeremiah jermaine jessie jillian joann joanne jodi jody joey johanna jolene jonah jonas ' +
  'josephine josie juanita jude judd jules justine kara kareem karina karla kasey katelyn katrina kayla ' +
  'keisha kelsey kendra kenny kerry kirsten kristina kristy lacey lana latoya laurie laverne leah leigh ' +
  'lena leroy les lester leticia levi lewis lillian lillie lionel lonnie loretta lorraine lou louie lucille ' +
  'lucinda luther lyle mabel mackenzie mae malik mamie marcia margie margo mariah marian marianne marisa ' +
  'marlene marlon maude mavis maxine melinda melvin meredith micah mickey mildred millie mindy ' +
  'minnie miranda miriam molly monique monte murray myra myrtle nadine nannie nell nellie nettie nicky noel ' +
  'nolan nora norma ollie otis patsy patty perry phoebe phyllis quentin quincy rachael rae ramona randall ' +
  'randolph reba reese reginald rene rhonda rickey riley robbie rochelle rocky roderick rodrigo ronnie ' +
  'rosalie rosemary roxanne royce russ sabrina sadie sal salvador sammy santiago shana shaun shauna sheldon ' +
  'sherman silas sonya spencer stacey stella stewart tabitha tami tania tasha terrell thelma thurman toby ' +
  'tomas toni tonya tracey trina trudy tyrone ulysses vaughn velma vern vernon vicky viola virgil wallace ' +
  'walt wendell wes whitney wilbur wilfred willard willis wilma winifred winston woodrow wyatt yolanda zack ' +
  'zelda ';

export const GIVEN_NAMES: Set<string> = new Set([...GIVEN_NAMES_DATA.split(' '), ...MORE_GIVEN_NAMES_DATA.split(' ').filter(Boolean)]);
// Not names but leaked in via surnames in the list above.
for (const x of ['kishida', 'navalny', 'jinping', 'keqiang', 'moon', 'park', 'choi', 'lee', 'kim']) GIVEN_NAMES.delete(x);

/**
 * Lowercase nouns that, right before a capitalised name, say it names a person (`his brother Dmitrios`, `mob boss
 * Bulger`, `teammate Jones`): kinship, relations and roles that TITLES does not hold. General English.
 */
export const PERSON_NOUNS: Set<string> = new Set(
  ('wife husband son daughter brother sister mother father mom dad uncle aunt nephew niece cousin grandson ' +
    'granddaughter grandmother grandfather grandma grandpa stepson stepdaughter stepfather stepmother girlfriend ' +
    'boyfriend fiance fiancé fiancee fiancée widow widower partner friend neighbor neighbour colleague teammate ' +
    'classmate roommate lawyer attorney publicist spokesman spokeswoman godfather boss mobster gangster victim ' +
    'gunman shooter killer suspect inmate prisoner escapee fugitive defendant driver motorist climber ' +
    'passenger witness teenager boy girl man woman guard forward midfielder winger star veteran newcomer ' +
    'freshman sophomore junior senior player fighter champion challenger contender hopeful candidate nominee ' +
    'businessman businesswoman billionaire millionaire filmmaker director screenwriter playwright poet painter ' +
    'artist musician guitarist drummer host presenter journalist blogger historian scientist economist ' +
    'physician surgeon neurosurgeon dr doctor nurse teacher student mr mrs ms model icon legend celebrity ' +
    'socialite heiress heir owner employee worker resident native graduate alumnus rapist murderer thief robber ' +
    'hostage survivor patient appointee coordinator receiver linebacker quarterback').split(' '),
);

/**
 * Surnames that on their own name one well-known person in news text: US presidents since 1900 and world
 * leaders of recent decades (general knowledge). Left out when a city or company shares the name (`Lincoln`,
 * `Ford`, `Washington`).
 */
export const WELL_KNOWN_SURNAMES: Set<string> = new Set(
  ('roosevelt taft coolidge hoover truman eisenhower kennedy nixon reagan clinton obama trump biden bush carter ' +
    'putin zelensky zelenskyy medvedev lavrov gorbachev yeltsin stalin lenin hitler churchill thatcher blair ' +
    'merkel macron scholz sarkozy sunak starmer erdogan netanyahu modi kishida assad khamenei ahmadinejad ' +
    'rouhani gaddafi qaddafi mubarak mandela castro chavez maduro bolsonaro trudeau albanese mao').split(' '),
);

/** Family-name particles that may sit inside a PERSON span (`Ludwig van Beethoven`, `Osama bin Laden`). */
export const NAME_PARTICLES: Set<string> = new Set(['van', 'von', 'der', 'den', 'de', 'du', 'des', 'la', 'le', 'da', 'di', 'del', 'della', 'dos', 'das', 'bin', 'ibn', 'al', 'el', 'ben', 'abu', 'ter', 'ten', 'y', 'st.']);

/** Name suffixes that may end a PERSON span. */
export const NAME_SUFFIXES: Set<string> = new Set(['jr.', 'jr', 'sr.', 'sr', 'ii', 'iii', 'iv']);
