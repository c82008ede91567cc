/**
 * A deterministic corpus of realistic news comments for the benchmarks: sentences assembled from
 * pieces of comments (openings, subjects, namings of each side, verdicts, insults, dialect
 * fillers, some English and French), with the hard cases mixed in (diacritics, elongation,
 * spaced letters, quotes, negation). A fixed-seed generator makes every run see the same texts.
 */

const OPENINGS = [
  "",
  "",
  "والله ",
  "بصراحة ",
  "يا جماعة ",
  "للأسف ",
  "الحمد لله ",
  "شو هالحكي، ",
  "Honestly, ",
  "ههههه ",
];
const SUBJECTS = [
  "بوتين",
  "الاحتلال الروسي",
  "الأصدقاء الروس",
  "أمريكا",
  "الاحتلال الأمريكي",
  "واشنطن",
  "الجيش العربي السوري",
  "جيش النظام",
  "النظام السوري",
  "الثوار",
  "الإرهابيين",
  "المعارضة",
  "الحكومة",
  "وزير الخارجية",
  "الكاتب",
  "هذا المقال",
  "التقرير",
  "الناس في المخيمات",
  "مجلس الأمن",
  "الأمم المتحدة",
];
const PREDICATES = [
  "قصف المدينة مرة أخرى",
  "هو سبب كل الخراب في المنطقة",
  "وقف مع الشعب السوري في أصعب الأيام",
  "لا يهمه إلا مصالحه",
  "حرر الأرض وأعاد الأمان",
  "سرق النفط وهجر الأهالي",
  "قدم مساعدات كبيرة للاجئين",
  "يكذب على الناس كل يوم",
  "ما عنده أي مصداقية",
  "مش فاهم شي من اللي عم يصير",
  "كتب تحليلاً متوازناً ومفيداً",
  "نشر معلومات غير دقيقة",
  "اجتمع اليوم في جنيف لبحث الحل السياسي",
  "أعلن عن هدنة جديدة في الشمال",
  "لم يقدم أي دليل على كلامه",
  "عم يحكي عن الاقتصاد والأسعار",
];
const VERDICTS = [
  "",
  "",
  "",
  "، خبر محزن جداً",
  "، شكراً على التغطية",
  "، تقرير ممتاز",
  "، الله يرحم الضحايا",
  "، حسبي الله",
  "، الوضع صعب كتير",
  "، مقال سيء ومضلل",
  "، الله يوفقكم",
  "، ما حدا بيصدق",
  ". متى ينشر الجزء الثاني؟",
  ". المصدر غير واضح",
];
const INSULTS = [
  "يا حمار",
  "انت غبي",
  "كلاب",
  "يا حيوااان",
  "ح م ا ر",
  "يلعن روحك",
  "شوية عملاء وخونة",
  "يا زبالة",
  "يا ابن الكلب",
  "تفو عليك",
  "يا حَقِيرْ",
  "you idiot",
  "espèce de connard",
  "ya 7mar",
];
const HARD_CASES = [
  "من يصفهم بالكلاب مخطئ",
  "هو مش حمار بس متسرع",
  'قال المتحدث إن "الإرهابيين" انسحبوا',
  "الحمير تستخدم لنقل الطحين في الجبال",
  'ما يسمى "المعارضة المعتدلة"',
  "لحم الخنزير ممنوع هنا",
];
const ENGLISH = [
  "Russia is bombing civilians again, this is terrible",
  "Thanks for the balanced reporting",
  "When will the talks resume in Geneva?",
  "The US only cares about oil",
];
const FRENCH = [
  "La Russie a sauvé la Syrie",
  "Encore un article nul et biaisé",
  "Les rebelles ont résisté avec courage",
];

/** Mulberry32: small, fast, deterministic. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

/** Returns the i-th comment of the stream for `seed`; the same (seed, count) always gives the same texts. */
export function* generateComments(count: number, seed = 2026): Generator<string> {
  const random = generator(seed);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.05) yield pick(random, ENGLISH);
    else if (roll < 0.08) yield pick(random, FRENCH);
    else {
      const sentences = 1 + Math.floor(random() * 3);
      const parts: string[] = [];
      for (let s = 0; s < sentences; s++) {
        let sentence = `${pick(random, OPENINGS)}${pick(random, SUBJECTS)} ${pick(random, PREDICATES)}${pick(random, VERDICTS)}`;
        const extra = random();
        if (extra < 0.3) sentence += ` ${pick(random, INSULTS)}`;
        else if (extra < 0.4) sentence += `. ${pick(random, HARD_CASES)}`;
        parts.push(sentence);
      }
      yield parts.join(". ");
    }
  }
}
