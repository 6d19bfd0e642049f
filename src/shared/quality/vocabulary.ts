/**
 * Words an account of each kind of exploitation would use, matched at the start of a word (so "paid"
 * finds "paid" and "payment"). Small on purpose: a kind ticked with none of its words in the whole
 * account is worth a second look, nothing more.
 */
export const exploitationVocabulary: Readonly<Record<string, readonly string[]>> = {
  'forced-to-work': ['work', 'job', 'hour', 'shift', 'pay', 'paid', 'unpaid', 'wage', 'labour', 'employ', 'boss', 'farm', 'factory', 'car wash', 'site'],
  'wages-taken': ['wage', 'pay', 'paid', 'salary', 'money', 'cash', 'bank', 'card', 'earn', 'debt', 'owe', 'owing'],
  'forced-to-commit-fraud': ['bank', 'account', 'benefit', 'fraud', 'loan', 'card', 'document', 'identity', 'claim', 'sign'],
  prostitution: ['sex', 'client', 'punter', 'brothel', 'massage', 'escort', 'prostitut', 'men came', 'advert'],
  'child-exploitation': ['sex', 'abuse', 'groom', 'assault', 'rape', 'touch', 'photo', 'party', 'parties'],
  'taken-somewhere': ['held', 'locked', 'kept', 'room', 'assault', 'rape', 'sex', 'abuse'],
  'forced-to-commit-crime': ['cannabis', 'drug', 'county line', 'deal', 'beg', 'steal', 'stole', 'shoplift', 'crime', 'grow', 'carr', 'deliver', 'package'],
  'organs-removed': ['organ', 'kidney', 'liver', 'surgery', 'operation', 'hospital', 'clinic', 'scar'],
  'unpaid-household-work': ['cook', 'clean', 'child', 'house', 'home', 'domestic', 'household', 'wash', 'care', 'laundry', 'iron'],
};

/** Capitalised words that often stand in pairs without being a person's name. */
export const notNames: ReadonlySet<string> = new Set([
  'police', 'station', 'road', 'street', 'lane', 'avenue', 'council', 'city', 'county', 'borough', 'service', 'services', 'home', 'office',
  'united', 'kingdom', 'north', 'south', 'east', 'west', 'yorkshire', 'london', 'manchester', 'midlands', 'wales', 'scotland', 'england',
  'northern', 'ireland', 'car', 'wash', 'nail', 'bar', 'the', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'their', 'in', 'on', 'at', 'a',
  'an', 'and', 'but', 'when', 'then', 'after', 'before', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'nrm', 'uk',
  'red', 'cross', 'salvation', 'army', 'modern', 'slavery', 'helpline', 'hospital', 'gp', 'school', 'college', 'church', 'mosque',
]);
