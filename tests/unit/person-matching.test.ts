import { describe, expect, it } from 'vitest';
import { personFeatures, type PersonFeatures } from '../../src/server/matching/person-features.ts';
import { MATCH_THRESHOLD, blockingKeys, compare } from '../../src/server/matching/similarity.ts';

/*
 * A synthetic caseload: people from the nationalities the NRM sees most, and second referrals of
 * some of them written the way a different responder would write them. Names are "spelling|variant|…":
 * the first is how the first referral wrote it, the rest are transliterations another might use.
 */
interface Origin {
  nationality: string;
  male: string[];
  female: string[];
  family: string[];
  /** Family names that change with gender (Polish). */
  femaleFamily?: string[];
}

const origins: Origin[] = [
  {
    nationality: 'Albanian',
    male: ['Ardit', 'Erion', 'Klodian', 'Dritan', 'Besnik', 'Arben', 'Gëzim|Gezim', 'Ilir', 'Fatmir', 'Endrit', 'Kristi', 'Altin', 'Genti', 'Sokol', 'Redon', 'Armando'],
    female: ['Elona', 'Jonida', 'Ermira', 'Anxhela|Angela', 'Dritë|Drita', 'Blerina', 'Mimoza', 'Xhesika|Jessica', 'Enkeleda', 'Klaudia|Claudia', 'Fjona', 'Rudina', 'Orjeta', 'Valbona'],
    family: ['Hoxha|Hodja', 'Çela|Cela', 'Krasniqi|Krasniki', 'Shehu|Sheu', 'Berisha', 'Dervishi|Dervisi', 'Gashi', 'Leka', 'Marku', 'Kola', 'Bregu', 'Muça|Muca', 'Zeneli', 'Prifti', 'Kuka', 'Rama', 'Duka', 'Bajrami|Bajram', 'Tahiri', 'Basha'],
  },
  {
    nationality: 'Vietnamese',
    male: ['Văn Anh|Van Anh', 'Văn Hùng|Van Hung', 'Minh Tuấn|Minh Tuan', 'Đức Thắng|Duc Thang', 'Quang Huy', 'Văn Long|Van Long', 'Thành Công|Thanh Cong', 'Hữu Phước|Huu Phuoc', 'Văn Nam|Van Nam', 'Đình Khoa|Dinh Khoa', 'Tiến Dũng|Tien Dung', 'Quốc Bảo|Quoc Bao', 'Hoàng Long|Hoang Long', 'Xuân Trường|Xuan Truong'],
    female: ['Thị Hương|Thi Huong', 'Thị Lan|Thi Lan', 'Thị Mai|Thi Mai', 'Ngọc Ánh|Ngoc Anh', 'Thu Trang', 'Thị Hằng|Thi Hang', 'Phương Linh|Phuong Linh', 'Thị Ngọc|Thi Ngoc', 'Thanh Hà|Thanh Ha', 'Kim Oanh', 'Thị Thúy|Thi Thuy', 'Bảo Châu|Bao Chau', 'Thị Yến|Thi Yen', 'Diệu Linh|Dieu Linh'],
    family: ['Nguyễn|Nguyen|Nguen', 'Trần|Tran', 'Lê|Le', 'Phạm|Pham', 'Hoàng|Hoang|Huynh', 'Phan', 'Vũ|Vu', 'Đặng|Dang', 'Bùi|Bui', 'Đỗ|Do', 'Hồ|Ho', 'Ngô|Ngo', 'Dương|Duong', 'Lý|Ly', 'Võ|Vo', 'Trịnh|Trinh'],
  },
  {
    nationality: 'Romanian',
    male: ['Ionuț|Ionut', 'Andrei', 'Mihai', 'Ștefan|Stefan', 'Florin', 'Cristian|Kristian', 'Gheorghe|Gheorghi', 'Marius', 'Adrian', 'Bogdan', 'Cătălin|Catalin', 'Vasile', 'Sorin', 'Costel', 'Răzvan|Razvan'],
    female: ['Alexandra', 'Elena', 'Ioana', 'Mădălina|Madalina', 'Andreea|Andreia', 'Roxana', 'Denisa', 'Bianca', 'Gabriela', 'Nicoleta', 'Florentina', 'Larisa', 'Georgiana|Giorgiana', 'Cristina'],
    family: ['Popescu|Popesku', 'Ionescu', 'Stan', 'Dumitru', 'Constantin', 'Munteanu', 'Rădulescu|Radulescu', 'Lungu', 'Moldovan', 'Ciobanu|Chiobanu', 'Stoica', 'Matei', 'Ene', 'Dinu', 'Tudor', 'Barbu', 'Nistor'],
  },
  {
    nationality: 'Eritrean',
    male: ['Yohannes|Johannes|Yohanes', 'Tesfaye|Tesfay', 'Mehari', 'Dawit|Dawid', 'Filmon|Philmon', 'Amanuel|Emmanuel', 'Biniam|Binyam', 'Samuel', 'Kibrom', 'Robel', 'Merhawi', 'Henok|Hanok', 'Efrem|Ephrem', 'Yonas|Jonas'],
    female: ['Senait|Senayt', 'Helen', 'Semhar', 'Selam', 'Luwam', 'Saba', 'Feven|Fiven', 'Yordanos|Yordanus', 'Rahel|Rachel', 'Winta', 'Milena', 'Hiwet', 'Eden', 'Ruta'],
    family: ['Haile|Hayle', 'Tekle|Teklay', 'Gebremedhin|Ghebremedhin', 'Kidane', 'Berhane|Berhe', 'Woldemichael|Weldemichael', 'Mebrahtu', 'Tesfamariam', 'Habte|Habtay', 'Ghebreyesus|Gebreyesus', 'Asmerom', 'Kahsay|Kassay', 'Negash', 'Zerai|Zeray', 'Andemariam', 'Okbay|Ogbay'],
  },
  {
    nationality: 'Nigerian',
    male: ['Chukwuemeka|Chukuemeka', 'Oluwaseun|Oluseun', 'Adebayo', 'Babatunde', 'Emeka', 'Ifeanyi', 'Segun', 'Uchenna', 'Olumide', 'Chinedu', 'Obinna', 'Kelechi', 'Tobi', 'Femi'],
    female: ['Ngozi', 'Chioma', 'Blessing', 'Precious', 'Funmilayo|Funmi', 'Adaeze', 'Oluwakemi|Olukemi', 'Folake', 'Ifeoma', 'Nneka', 'Yetunde', 'Amarachi', 'Bukola', 'Temitope'],
    family: ['Okafor', 'Adeyemi|Adeyemy', 'Okonkwo', 'Eze', 'Balogun', 'Ogunleye', 'Nwosu', 'Adewale', 'Okoro', 'Ibrahim', 'Olawale', 'Nnamdi', 'Chukwu', 'Afolabi', 'Akinyemi', 'Obi', 'Uzoma'],
  },
  {
    nationality: 'British',
    male: ['James', 'Daniel', 'Connor|Conor', 'Jack', 'Liam', 'Kieran|Ciaran', 'Ryan', 'Callum|Calum', 'Jordan', 'Nathan', 'Lewis', 'Aaron', 'Shane', 'Dean'],
    female: ['Emma', 'Sophie|Sophy', 'Chloe', 'Jessica', 'Leanne|Lianne', 'Kayleigh|Kayley', 'Rebecca|Rebekah', 'Amy', 'Danielle', 'Gemma', 'Stacey|Stacy', 'Hayley|Haley', 'Natalie'],
    family: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', "O'Brien|OBrien", 'Macdonald|McDonald', 'Thompson|Thomson', 'Walker', 'Hughes', 'Robinson', 'Wright', 'Green', 'Hall', 'Clarke|Clark', 'Jackson', 'Edwards'],
  },
  {
    nationality: 'Polish',
    male: ['Łukasz|Lukasz', 'Paweł|Pawel', 'Piotr', 'Tomasz', 'Krzysztof', 'Marcin', 'Wojciech', 'Grzegorz', 'Michał|Michal', 'Rafał|Rafal', 'Dariusz', 'Kamil', 'Jakub'],
    female: ['Agnieszka', 'Katarzyna', 'Magdalena', 'Małgorzata|Malgorzata', 'Joanna', 'Monika', 'Ewa', 'Aleksandra', 'Justyna', 'Beata', 'Dorota', 'Paulina'],
    family: ['Kowalski|Kovalski', 'Nowak', 'Wiśniewski|Wisniewski', 'Wójcik|Wojcik', 'Kamiński|Kaminski', 'Lewandowski', 'Zieliński|Zielinski', 'Szymański|Szymanski', 'Woźniak|Wozniak', 'Dąbrowski|Dabrowski', 'Kozłowski|Kozlowski', 'Jankowski', 'Mazur'],
    femaleFamily: ['Kowalska|Kovalska', 'Nowak', 'Wiśniewska|Wisniewska', 'Wójcik|Wojcik', 'Kamińska|Kaminska', 'Lewandowska', 'Zielińska|Zielinska', 'Szymańska|Szymanska', 'Woźniak|Wozniak', 'Dąbrowska|Dabrowska', 'Kozłowska|Kozlowska', 'Jankowska', 'Mazur'],
  },
  {
    nationality: 'Sudanese',
    male: ['Mohammed|Muhammad|Mohamed|Mohammad', 'Ahmed|Ahmad', 'Abdelrahman|Abdulrahman|Abdel Rahman', 'Osman|Usman', 'Hamid|Hamed', 'Ibrahim|Ebrahim', 'Yousif|Yousef|Yusuf', 'Adam', 'Abdelaziz|Abdulaziz', 'Khalid|Khaled', 'Musa|Mousa', 'Tarig|Tariq', 'Elsadig|El Sadig', 'Babiker|Babikir'],
    female: ['Fatima|Fatma', 'Amna|Amina', 'Hawa|Hawwa', 'Mariam|Maryam', 'Khadija|Khadeeja', 'Aisha|Ayesha', 'Safa', 'Zainab|Zeinab', 'Halima|Haleema', 'Samah', 'Rayan', 'Nafisa|Nafeesa'],
    family: ['Ali|Aly', 'Adam', 'Abdalla|Abdullah', 'Ibrahim', 'Hassan|Hasan', 'Yousif|Yusuf', 'Elnour|El Nour', 'Omer|Omar', 'Hussein|Hussain|Husein', 'Mustafa|Mostafa', 'Suleiman|Sulaiman', 'Idris|Edris', 'Abdelkarim|Abdulkarim', 'Osman|Othman', 'Elamin|El Amin', 'Bakheit|Bakhit'],
  },
  {
    nationality: 'Ukrainian',
    male: ['Oleksandr|Aleksandr|Olexandr', 'Dmytro|Dmitro', 'Serhiy|Sergiy|Serhii', 'Andriy|Andrii', 'Mykola', 'Volodymyr|Vladimir', 'Oleh|Oleg', 'Bohdan|Bogdan', 'Taras', 'Yurii|Yuri|Iurii', 'Vitalii|Vitaliy', 'Maksym|Maxim', 'Ihor|Igor'],
    female: ['Olha|Olga', 'Yuliia|Yulia|Julia', 'Kateryna|Katerina', 'Iryna|Irina', 'Nataliia|Natalia', 'Anastasiia|Anastasia', 'Tetiana|Tatiana', 'Oksana', 'Halyna|Galina', 'Viktoriia|Viktoria', 'Svitlana|Svetlana', 'Daryna|Darina'],
    family: ['Shevchenko|Schevchenko', 'Bondarenko', 'Tkachenko|Tkatchenko', 'Kovalenko', 'Melnyk|Melnik', 'Kravchenko', 'Boyko|Boiko', 'Moroz', 'Lysenko|Lisenko', 'Savchenko', 'Rudenko', 'Marchenko', 'Polishchuk|Polischuk', 'Kovalchuk|Kowalczuk', 'Hnatiuk|Gnatyuk', 'Petrenko'],
  },
];

/** Mulberry32: the same caseload every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Answers = Record<string, string>;
const spelling = (entry: string): string => entry.split('|')[0] ?? entry;

function caseload(random: () => number) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const int = (low: number, high: number) => low + Math.floor(random() * (high - low + 1));
  const variants = new Map<string, string[]>();
  for (const origin of origins) {
    for (const entry of [...origin.male, ...origin.female, ...origin.family, ...(origin.femaleFamily ?? [])]) {
      const [first, ...others] = entry.split('|');
      if (first && others.length > 0) variants.set(first, others);
    }
  }

  function person(): Answers {
    const origin = pick(origins);
    const female = random() < 0.5;
    const familyIndex = int(0, origin.family.length - 1);
    const family = female && origin.femaleFamily ? origin.femaleFamily[familyIndex] : origin.family[familyIndex];
    const answers: Answers = {
      firstName: spelling(pick(female ? origin.female : origin.male)),
      lastName: spelling(family ?? ''),
      gender: female ? 'female' : 'male',
      nationality: origin.nationality,
    };
    if (random() < 0.92) answers.dateOfBirth = `${int(1972, 2008)}-${int(1, 12)}-${int(1, 28)}`;
    if (random() < 0.6) {
      answers.phoneChoice = 'yes';
      answers.phone = `07${int(100, 999)} ${int(100000, 999999)}`;
    }
    return answers;
  }

  const stripMarks = (name: string) => name.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').replace(/[łŁ]/g, 'l');

  function typo(word: string): string {
    const at = int(1, word.length - 2);
    const kinds = [
      () => word.slice(0, at) + (word[at + 1] ?? '') + (word[at] ?? '') + word.slice(at + 2),
      () => word.slice(0, at) + word.slice(at + 1),
      () => word.slice(0, at) + (word[at] ?? '') + word.slice(at),
    ];
    return pick(kinds)();
  }

  /** Each returns false when it does not apply to this person, so another is tried. */
  const perturbations: Record<string, (copy: Answers) => boolean> = {
    transliteration(copy) {
      const field = pick(['firstName', 'lastName']);
      const name = copy[field] ?? '';
      const word = name.split(' ').find((token) => variants.has(token)) ?? (variants.has(name) ? name : undefined);
      const options = word === undefined ? undefined : variants.get(word);
      if (!word || !options) return false;
      copy[field] = name.replace(word, pick(options));
      return true;
    },
    typo(copy) {
      const field = pick(['firstName', 'lastName']);
      const words = (copy[field] ?? '').split(' ');
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      if (longest.length < 4) return false;
      copy[field] = words.map((word) => (word === longest ? typo(word) : word)).join(' ');
      return true;
    },
    swappedOrder(copy) {
      [copy.firstName, copy.lastName] = [copy.lastName ?? '', copy.firstName ?? ''];
      return true;
    },
    missingDateOfBirth(copy) {
      if (!copy.dateOfBirth) return false;
      delete copy.dateOfBirth;
      return true;
    },
    phoneReformatted(copy) {
      if (!copy.phone) return false;
      const digits = copy.phone.replace(/\D/g, '').replace(/^(00)?44/, '').replace(/^0/, '');
      copy.phone = pick([`+44${digits}`, `+44 (0)${digits.slice(0, 4)} ${digits.slice(4)}`, `0${digits}`, `0044 ${digits}`]);
      return true;
    },
    dayMonthSwapped(copy) {
      const [year, month, day] = (copy.dateOfBirth ?? '').split('-');
      if (!day || Number(day) > 12 || day === month) return false;
      copy.dateOfBirth = `${year}-${day}-${month}`;
      return true;
    },
    capitalsNoAccents(copy) {
      copy.firstName = stripMarks(copy.firstName ?? '').toUpperCase();
      copy.lastName = stripMarks(copy.lastName ?? '').toUpperCase();
      return true;
    },
  };
  const main = ['transliteration', 'typo', 'swappedOrder', 'missingDateOfBirth', 'phoneReformatted', 'dayMonthSwapped', 'transliteration', 'typo'];
  const extra = ['phoneReformatted', 'capitalsNoAccents', 'noPhone', 'unknownNationality'];

  function secondReferral(original: Answers, index: number): Answers {
    const copy = { ...original };
    const order = [main[index % main.length] ?? 'typo', 'typo', 'capitalsNoAccents'];
    order.find((name) => perturbations[name]?.(copy));
    if (random() < 0.5) {
      const name = pick(extra);
      if (name === 'noPhone') {
        delete copy.phone;
        copy.phoneChoice = 'no';
      }
      else if (name === 'unknownNationality') copy.nationality = 'Unknown';
      else perturbations[name]?.(copy);
    }
    return copy;
  }

  const people: Answers[] = Array.from({ length: 240 }, person);
  const truePairs = new Set<string>();
  const referredTwice = new Set<number>();
  while (referredTwice.size < 60) {
    const original = int(0, 239);
    if (referredTwice.has(original)) continue;
    referredTwice.add(original);
    truePairs.add(`${original}:${people.length}`);
    people.push(secondReferral(people[original] ?? {}, referredTwice.size));
  }
  return { people, truePairs };
}

/** Every pair of records that share a blocking key: what the server would compare. */
function candidatePairs(features: PersonFeatures[]): Array<[number, number]> {
  const blocks = new Map<string, number[]>();
  features.forEach((feature, index) => {
    for (const key of blockingKeys(feature)) blocks.set(key, [...(blocks.get(key) ?? []), index]);
  });
  const pairs = new Set<string>();
  for (const members of blocks.values()) {
    for (let i = 0; i < members.length; i += 1) for (let j = i + 1; j < members.length; j += 1) pairs.add(`${members[i]}:${members[j]}`);
  }
  return [...pairs].map((pair) => pair.split(':').map(Number) as [number, number]);
}

describe('possible same person', () => {
  it('finds second referrals of one person in a synthetic caseload, and little else', () => {
    const { people, truePairs } = caseload(seeded(20_260_401));
    const features = people.map((answers) => personFeatures(answers));
    const pairs = candidatePairs(features);
    const blocked = new Set(pairs.map(([a, b]) => `${a}:${b}`));
    expect([...truePairs].filter((pair) => !blocked.has(pair))).toEqual([]);

    let found = 0;
    let flagged = 0;
    for (const [a, b] of pairs) {
      if (compare(features[a] ?? {}, features[b] ?? {}).score < MATCH_THRESHOLD) continue;
      flagged += 1;
      if (truePairs.has(`${a}:${b}`)) found += 1;
    }
    const precision = found / flagged;
    const recall = found / truePairs.size;
    console.log(`possible same person: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} on ${pairs.length} pairs`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('finds a transliterated name with the same date of birth, and says why', () => {
    const first = personFeatures({ firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '1994-3-7', nationality: 'Sudanese', gender: 'male' });
    const second = personFeatures({ firstName: 'Muhammad', lastName: 'Aly', dateOfBirth: '1994-03-07', nationality: 'Sudanese', gender: 'male' });
    const { score, reasons } = compare(first, second);
    expect(score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(reasons).toContainEqual({ feature: 'name', strength: 'sounds-alike', detail: 'Names sound alike (Mohammed Ali / Muhammad Aly)' });
    expect(reasons).toContainEqual(expect.objectContaining({ feature: 'date-of-birth', strength: 'exact' }));
    expect(blockingKeys(first).filter((key) => blockingKeys(second).includes(key))).not.toEqual([]);
  });

  it('does not flag different people who share a common name', () => {
    const him = personFeatures({ firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '1994-3-7', nationality: 'Sudanese', gender: 'male' });
    const her = personFeatures({ firstName: 'Mohammed', lastName: 'Ali', dateOfBirth: '1988-11-20', nationality: 'Sudanese', gender: 'female' });
    expect(compare(him, her).score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('finds names in the other order, Olga for Olha, and a phone written another way', () => {
    const swapped = compare(personFeatures({ firstName: 'Nguyen', lastName: 'Van Anh', gender: 'male' }), personFeatures({ firstName: 'Văn Anh', lastName: 'Nguyễn', gender: 'male', dateOfBirth: '2001-5-2' }));
    expect(swapped.reasons).toContainEqual(expect.objectContaining({ feature: 'name', strength: 'swapped' }));
    const olha = personFeatures({ firstName: 'Olha', lastName: 'Tkachenko', dateOfBirth: '1999-12-1', phone: '07700 900123' });
    const olga = personFeatures({ firstName: 'Olga', lastName: 'Tkatchenko', phone: '+447700900123' });
    const { score, reasons } = compare(olha, olga);
    expect(score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(reasons.map((reason) => `${reason.feature} ${reason.strength}`)).toEqual(['name sounds-alike', 'phone exact']);
    expect(reasons[1]?.detail).toBe('Same phone number (07700900123)');
  });

  it('counts a missing answer neither way, and a different date of birth or gender against', () => {
    const base = { firstName: 'Ardit', lastName: 'Hoxha', nationality: 'Albanian', gender: 'male' };
    const known = personFeatures({ ...base, dateOfBirth: '2000-1-15' });
    const without = compare(known, personFeatures(base)).score;
    expect(compare(personFeatures(base), personFeatures(base)).score).toBe(without);
    expect(compare(known, personFeatures({ ...base, dateOfBirth: '1985-6-3' })).score).toBeLessThan(MATCH_THRESHOLD);
    expect(compare(personFeatures(base), personFeatures(base)).score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(compare(known, personFeatures({ ...base, gender: 'female' })).score).toBeLessThan(MATCH_THRESHOLD);
  });

  it('reads the answers of the form, leaving out what is not known', () => {
    expect(personFeatures({ firstName: ' Łukasz ', lastName: 'not known', dateOfBirth: '1990-3-7', nationality: 'Unknown', gender: 'unknown', phoneChoice: 'yes', phone: '+44 (0)7700 900 123' })).toEqual({
      givenNames: 'lukasz',
      fullName: 'lukasz',
      dateOfBirth: '1990-03-07',
      birthYear: 1990,
      phone: '7700900123',
    });
    expect(personFeatures({ firstName: 'Jean-Pierre', lastName: "O'Brien", phone: '07700 900123' })).toMatchObject({ givenNames: 'jean pierre', familyName: 'obrien', phone: '7700900123' });
  });
});
