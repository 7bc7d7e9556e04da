/**
 * People's names and the places, publishers and institutions of the synthetic world.
 * Names are drawn from many languages so that surnames are varied and mostly unique.
 */

// biome-ignore format: a word list reads best packed
export const FEMALE_FIRST_NAMES: readonly string[] = [
  "Anna", "Maria", "Elena", "Sofia", "Olga", "Irina", "Katarzyna", "Agnieszka", "Marta", "Ewa", "Claire", "Sophie", "Camille", "Isabelle", "Amelie", "Hannah", "Lena", "Julia", "Laura", "Sarah", "Emma", "Grace", "Charlotte", "Alice", "Eleanor", "Margaret", "Helen", "Ruth", "Naomi", "Priya", "Ananya", "Deepika", "Meera", "Aisha", "Fatima", "Leila", "Yasmin", "Amira", "Noura", "Mei", "Lian", "Yuki", "Haruka", "Akiko", "Min-ji", "Seo-yeon", "Ji-woo", "Carmen", "Lucia", "Valentina", "Gabriela", "Isabel", "Paula", "Ines", "Beatriz", "Fernanda", "Ingrid", "Astrid", "Sigrid", "Freya", "Karin", "Liesl", "Greta", "Zofia", "Natalia", "Oksana", "Tetiana", "Iryna", "Yulia", "Svitlana", "Daria", "Ayesha", "Zainab", "Chiamaka", "Ngozi", "Amara", "Wanjiru", "Thandiwe", "Nomvula", "Abena", "Adwoa", "Esi", "Kateryna", "Milena", "Jana", "Petra", "Veronika", "Tereza", "Ilona", "Judit", "Rita", "Ioana", "Andreea", "Elif", "Zeynep", "Ayse", "Selin", "Dilara", "Rachel", "Miriam", "Tamar", "Noa", "Maya", "Linnea", "Saga", "Elin", "Aino", "Kaisa", "Riikka", "Nadia", "Rania", "Samira", "Hiba", "Rosa", "Teresa", "Chiara", "Giulia", "Francesca", "Alessandra", "Mariam", "Nino", "Ana", "Tamara",
];

// biome-ignore format: a word list reads best packed
export const MALE_FIRST_NAMES: readonly string[] = [
  "Adam", "Piotr", "Tomasz", "Marek", "Jan", "Pavel", "Dmitri", "Sergei", "Andriy", "Oleksandr", "Mykola", "Taras", "Bogdan", "Viktor", "Igor", "Pierre", "Julien", "Antoine", "Louis", "Mathieu", "Thomas", "Lukas", "Jonas", "Felix", "Maximilian", "Stefan", "Markus", "James", "William", "Henry", "Edward", "George", "Daniel", "David", "Michael", "Robert", "Richard", "Arjun", "Rahul", "Vikram", "Sanjay", "Rohan", "Omar", "Hassan", "Karim", "Yusuf", "Tariq", "Khalid", "Mehmet", "Emre", "Burak", "Kemal", "Wei", "Jun", "Hao", "Takeshi", "Hiroshi", "Kenji", "Min-jun", "Joon-ho", "Carlos", "Javier", "Diego", "Mateo", "Alejandro", "Rafael", "Joao", "Pedro", "Tiago", "Lars", "Erik", "Nils", "Anders", "Magnus", "Mikko", "Juha", "Eero", "Chinedu", "Emeka", "Oluwaseun", "Kwame", "Kofi", "Yaw", "Tendai", "Sipho", "Thabo", "Wanjala", "Otieno", "Jakub", "Ondrej", "Tibor", "Laszlo", "Gabor", "Mihai", "Andrei", "Bogdan", "Nikos", "Giorgos", "Dimitris", "Yannis", "Ahmet", "Avi", "Yosef", "Eitan", "Giorgi", "Levan", "Davit", "Arman", "Nurlan", "Rustam", "Farid", "Ali", "Reza", "Luca", "Marco", "Giovanni", "Matteo", "Alessandro",
];

// biome-ignore format: a word list reads best packed
export const SURNAMES: readonly string[] = [
  "Kowalski", "Nowak", "Wisniewski", "Zielinski", "Mazur", "Lewandowski", "Kaminski", "Dabrowski", "Jankowski", "Wojcik", "Kovalenko", "Shevchenko", "Bondarenko", "Tkachenko", "Kravchenko", "Melnyk", "Petrenko", "Oliynyk", "Lysenko", "Marchenko", "Ivanov", "Petrov", "Sokolov", "Volkov", "Morozov", "Novikov", "Fedorov", "Orlov", "Belov", "Karpov", "Dubois", "Lefebvre", "Moreau", "Laurent", "Girard", "Bonnet", "Fournier", "Mercier", "Rousseau", "Blanchard", "Muller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Wagner", "Smith", "Johnson", "Whitfield", "Ashworth", "Pemberton", "Caldwell", "Harrington", "Thornton", "Fairbanks", "Holloway", "Sharma", "Verma", "Iyer", "Menon", "Nair", "Chatterjee", "Banerjee", "Reddy", "Kapoor", "Malhotra", "Haddad", "Khoury", "Mansour", "Nasser", "Saleh", "Hamdan", "Aziz", "Rahman", "Farouk", "Qureshi", "Yilmaz", "Kaya", "Demir", "Sahin", "Celik", "Ozturk", "Arslan", "Dogan", "Aydin", "Korkmaz", "Zhang", "Wang", "Liu", "Chen", "Huang", "Zhao", "Xu", "Sun", "Tanaka", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Saito", "Matsumoto", "Inoue", "Kim", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Garcia", "Fernandez", "Lopez", "Martinez", "Sanchez", "Romero", "Navarro", "Torres", "Dominguez", "Vargas", "Silva", "Santos", "Oliveira", "Pereira", "Costa", "Carvalho", "Almeida", "Ribeiro", "Andersson", "Johansson", "Lindqvist", "Nyberg", "Bergstrom", "Halvorsen", "Haugen", "Virtanen", "Korhonen", "Makinen", "Nieminen", "Okafor", "Adeyemi", "Nwosu", "Eze", "Balogun", "Mensah", "Asante", "Boateng", "Owusu", "Mwangi", "Kamau", "Odhiambo", "Nkosi", "Dlamini", "Mokoena", "Moyo", "Novak", "Horvat", "Dvorak", "Svoboda", "Prochazka", "Nagy", "Toth", "Szabo", "Varga", "Popescu", "Ionescu", "Dumitru", "Stan", "Papadopoulos", "Georgiou", "Nikolaidis", "Cohen", "Levi", "Mizrahi", "Friedman", "Beridze", "Kapanadze", "Gelashvili", "Abdullayev", "Nazarbekov", "Tokayev", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Brennan", "Gallagher", "Doherty", "Kavanagh", "Lynch", "Quinn", "MacLeod", "Campbell", "Fraser", "Murray", "Delgado", "Castillo", "Mendoza", "Rojas", "Herrera", "Medina", "Aguilar", "Ortega", "Guerrero", "Ramos", "Petrovic", "Jovanovic", "Nikolic", "Markovic", "Kovacevic", "Babic", "Stojanovic", "Ilic", "Pavlovic", "Lazarevic", "Hakimi", "Tehrani", "Karimi", "Rostami", "Sadeghi", "Ahmadi", "Hosseini", "Jafari", "Moradi", "Rezaei", "Eriksen", "Lund", "Dahl", "Bakke", "Solberg", "Strand", "Holm", "Berg", "Vik", "Moen",
];

/** Roles that stand before a name, as titles do ("Foreign Minister Anna Kowalski"). */
// biome-ignore format: a word list reads best packed
export const TITLE_ROLES: readonly string[] = [
  "President", "Prime Minister", "Foreign Minister", "Defence Minister", "Finance Minister", "Health Minister", "Energy Minister", "Interior Minister", "Trade Minister", "Education Minister", "Justice Minister", "Deputy Prime Minister", "Senator", "Governor", "Mayor", "General", "Admiral", "Ambassador", "Chief Justice", "Deputy Foreign Minister", "Speaker", "Commissioner", "Lieutenant General", "Colonel",
];

/** Roles that follow a name as an apposition ("Anna Kowalski, an economist at ..."). */
// biome-ignore format: a word list reads best packed
export const DESCRIPTIVE_ROLES: readonly string[] = [
  "an economist at {institute}", "a senior fellow at {institute}", "a spokesperson for {ministry}", "the chief executive of {company}", "a professor of political science at the University of {city}", "a researcher at {institute}", "the head of {union}", "a member of parliament from {city}", "a former adviser to the president", "the deputy director of {institute}", "an analyst at {bank}", "the chief economist at {bank}", "a lawyer representing {company}", "the mayor's chief of staff in {city}", "a spokesman for the opposition", "the chairwoman of the budget committee", "the chairman of the defence committee", "a veteran diplomat", "a doctor at {city} General Hospital", "the founder of {company}",
];

// biome-ignore format: a word list reads best packed
export const PUBLISHERS: readonly string[] = [
  "The Northern Ledger", "Capital Wire", "The Daily Meridian", "Harbour Post", "The Evening Courier", "Continental Review", "Metro Dispatch", "The Valley Herald", "Eastern Observer", "The Morning Standard", "Atlas News Service", "The Weekly Chronicle", "Frontier Times", "Union Gazette", "The Citizen Record", "Global Bulletin",
];

/** Syllables for invented places and institutions: plausible, and never real English words. */
export const PLACE_ONSETS: readonly string[] = [
  "Val",
  "Mor",
  "Kes",
  "Dra",
  "Bel",
  "Tor",
  "Ash",
  "Cal",
  "Dun",
  "Ez",
  "Fen",
  "Gal",
  "Har",
  "Ist",
  "Jor",
  "Kal",
  "Lun",
  "Mar",
  "Nor",
  "Or",
  "Pel",
  "Ros",
  "Sar",
  "Tam",
  "Ul",
  "Ven",
  "Wes",
  "Yar",
  "Zem",
  "Bran",
  "Cor",
  "Del",
  "Est",
  "Gor",
  "Hel",
  "Kor",
  "Lor",
  "Mir",
  "Nes",
  "Ost",
  "Pra",
  "Ral",
  "Sel",
  "Tar",
  "Vel",
  "Bor",
  "Cas",
  "Dor",
];
export const PLACE_MIDDLES: readonly string[] = [
  "a",
  "e",
  "i",
  "o",
  "u",
  "an",
  "en",
  "in",
  "on",
  "ar",
  "er",
  "or",
  "el",
  "il",
  "ov",
  "av",
  "ad",
  "ed",
  "is",
  "as",
];
export const PLACE_ENDINGS: readonly string[] = [
  "ia",
  "ova",
  "grad",
  "burg",
  "stad",
  "mont",
  "ford",
  "holm",
  "dorf",
  "opol",
  "ana",
  "ora",
  "ick",
  "wick",
  "mere",
  "dale",
  "vik",
  "sk",
  "ino",
  "esti",
  "ovo",
  "ach",
  "heim",
  "port",
];
