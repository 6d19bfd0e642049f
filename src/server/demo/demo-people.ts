import type { Random } from '../../shared/seeded-random.ts';

/** Made-up people for the demo set, named as people of each origin are, with the list's nationality. */
export interface DemoPerson {
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  nationality: string;
  language: string;
  /** YYYY-MM-DD; absent for some, as in real referrals. */
  dateOfBirth?: string;
  phone?: string;
}

interface Origin {
  nationality: string;
  language: string;
  male: readonly string[];
  female: readonly string[];
  family: readonly string[];
}

const origins: readonly Origin[] = [
  { nationality: 'Albanian', language: 'Albanian', male: ['Arben', 'Besnik', 'Dritan', 'Ermal', 'Gentian', 'Klodian'], female: ['Elira', 'Mirela', 'Blerina', 'Anila'], family: ['Hoxha', 'Krasniqi', 'Shehu', 'Leka', 'Gashi', 'Berisha'] },
  { nationality: 'Vietnamese', language: 'Vietnamese', male: ['Minh', 'Tuan', 'Duc', 'Hung', 'Quang'], female: ['Lan', 'Mai', 'Thao', 'Linh'], family: ['Nguyen', 'Tran', 'Le', 'Pham', 'Hoang', 'Vu'] },
  { nationality: 'Eritrean', language: 'Tigrinya', male: ['Yonas', 'Tesfay', 'Kidane', 'Dawit'], female: ['Selam', 'Helen', 'Senait', 'Ruta'], family: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Berhane', 'Woldu'] },
  { nationality: 'Sudanese', language: 'Arabic', male: ['Mohammed', 'Ahmed', 'Osman', 'Abdelrahman', 'Yousif'], female: ['Fatima', 'Amira', 'Hawa'], family: ['Ali', 'Ibrahim', 'Hassan', 'Abdalla', 'Osman'] },
  { nationality: 'Romanian', language: 'Romanian', male: ['Ionut', 'Florin', 'Marian', 'Catalin'], female: ['Andreea', 'Elena', 'Ioana', 'Mihaela'], family: ['Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Constantin'] },
  { nationality: 'British', language: 'English', male: ['Jack', 'Liam', 'Kyle', 'Connor', 'Tyler'], female: ['Chloe', 'Jade', 'Megan', 'Kayleigh'], family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Wilson', 'Evans'] },
  { nationality: 'Nigerian', language: 'English', male: ['Chinedu', 'Emeka', 'Tunde', 'Ibrahim'], female: ['Blessing', 'Precious', 'Adaeze', 'Joy'], family: ['Okafor', 'Adeyemi', 'Eze', 'Okonkwo', 'Bello'] },
  { nationality: 'Ukrainian', language: 'Ukrainian', male: ['Oleksandr', 'Andriy', 'Dmytro'], female: ['Olha', 'Kateryna', 'Iryna', 'Oksana'], family: ['Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko'] },
  { nationality: 'Polish', language: 'Polish', male: ['Piotr', 'Krzysztof', 'Tomasz', 'Marek'], female: ['Agnieszka', 'Katarzyna', 'Magdalena'], family: ['Nowak', 'Kowalski', 'Wisniewski', 'Wojcik'] },
  { nationality: 'Chinese', language: 'Mandarin', male: ['Wei', 'Jun', 'Hao'], female: ['Li Na', 'Mei', 'Xiu Ying'], family: ['Wang', 'Li', 'Zhang', 'Chen', 'Liu'] },
  { nationality: 'Indian', language: 'Punjabi', male: ['Gurpreet', 'Harjit', 'Rajesh', 'Amit'], female: ['Priya', 'Manpreet', 'Sunita'], family: ['Singh', 'Kaur', 'Sharma', 'Patel'] },
];

/** Spellings one person's name is met under in different offices (transliteration, not error). */
const variants: Record<string, readonly string[]> = {
  Mohammed: ['Muhammad', 'Mohamed', 'Mohammad'],
  Ahmed: ['Ahmad'],
  Yousif: ['Yousef', 'Yusuf'],
  Olha: ['Olga'],
  Oleksandr: ['Alexander', 'Aleksandr'],
  Andriy: ['Andrii', 'Andrey'],
  Kateryna: ['Ekaterina', 'Katerina'],
  Iryna: ['Irina'],
  Dmytro: ['Dmitry', 'Dmitri'],
  Nguyen: ['Nguyễn', 'Ngyuen'],
  Tesfamariam: ['Tesfa Mariam', 'Tesfamaryam'],
  Gebremedhin: ['Gebre Medhin', 'Gebremeskel'],
  Krasniqi: ['Krasnici'],
  Hoxha: ['Hoxa', 'Hodja'],
  Shevchenko: ['Shevtchenko', 'Schewtschenko'],
  Wisniewski: ['Wiśniewski'],
  Abdalla: ['Abdullah', 'Abdallah'],
};

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A person of a random origin, a child when `child`, born at an age fitting the referral. */
export function demoPerson(random: Random, child: boolean, today: Date): DemoPerson {
  const origin = pick(random, origins);
  const gender = random() < 0.62 ? 'male' : 'female';
  const age = child ? 14 + Math.floor(random() * 4) : 18 + Math.floor(random() * 30);
  const birth = `${today.getUTCFullYear() - age - 1}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
  return {
    firstName: pick(random, gender === 'male' ? origin.male : origin.female),
    lastName: pick(random, origin.family),
    gender,
    nationality: origin.nationality,
    language: origin.language,
    dateOfBirth: random() < 0.85 ? birth : undefined,
    phone: random() < 0.6 ? `07700 9${String(Math.floor(random() * 100000)).padStart(5, '0')}` : undefined,
  };
}

/**
 * The same person as another office met them: the name as another interpreter wrote it, the date of
 * birth sometimes missing, the phone written another way.
 */
export function metAgain(random: Random, person: DemoPerson): DemoPerson {
  const respell = (name: string) => (variants[name] && random() < 0.8 ? pick(random, variants[name]) : name);
  const digits = person.phone?.replace(/\D/g, '');
  return {
    ...person,
    firstName: respell(person.firstName),
    lastName: respell(person.lastName),
    dateOfBirth: random() < 0.2 ? undefined : person.dateOfBirth,
    phone: digits && random() < 0.5 ? `+44${digits.slice(1)}` : person.phone,
  };
}
