/**
 * Word lists for synthetic comments. Self-contained on purpose: the classifier's lexicon is
 * written separately, and benchmark data generated from the classifier's own words would
 * flatter it. The insults here are the ordinary, mild-to-moderate abuse of news comment
 * sections (name-calling, "traitor", "donkey"), not slurs.
 */

export const SITES = ["إيلاف", "سانا", "الثورة نت", "روسيا اليوم", "الجزيرة نت"] as const;

export const SITE_HOSTS: Record<(typeof SITES)[number], string> = {
  إيلاف: "elaph.example",
  سانا: "sana.example",
  "الثورة نت": "althawra.example",
  "روسيا اليوم": "rt-arabic.example",
  "الجزيرة نت": "aljazeera.example",
};

/** Headline subjects with their grammatical gender, which the verb must agree with. */
export const HEADLINE_ACTORS: ReadonlyArray<readonly [string, "m" | "f"]> = [
  ["بوتين", "m"],
  ["لافروف", "m"],
  ["الكرملين", "m"],
  ["البيت الأبيض", "m"],
  ["واشنطن", "f"],
  ["موسكو", "f"],
  ["البنتاغون", "m"],
  ["دمشق", "f"],
  ["مجلس الأمن", "m"],
  ["الخارجية الأميركية", "f"],
  ["وزارة الدفاع الروسية", "f"],
];

/** Masculine present-tense verbs; the feminine form swaps the leading ي for ت. */
export const HEADLINE_VERBS = ["يبحث", "يحذر من", "يعلن", "يرفض", "يدعو إلى", "يناقش", "يؤكد", "ينفي"];

export const HEADLINE_TOPICS = [
  "التسوية السياسية في سوريا",
  "الضربات الجوية فوق سوريا",
  "العقوبات الأميركية الجديدة",
  "التعاون العسكري مع دمشق",
  "مكافحة الإرهاب",
  "وقف إطلاق النار في حلب",
  "عودة اللاجئين السوريين",
  "المفاوضات في جنيف",
  "الوجود العسكري الأميركي شرق الفرات",
  "القاعدة الروسية في حميميم",
];

export const FIRST_NAMES = [
  "علي",
  "محمد",
  "أحمد",
  "سامي",
  "خالد",
  "عمر",
  "يوسف",
  "حسن",
  "بسام",
  "سالم",
  "فاطمة",
  "ساميه",
  "ريم",
  "نور",
  "ليلى",
  "مريم",
  "جمال",
  "طارق",
  "وليد",
  "هدى",
];

export const SURNAMES = [
  "البصري",
  "الحلبي",
  "الشامي",
  "المصري",
  "العراقي",
  "التونسي",
  "الخطيب",
  "عبد الله",
  "الأحمد",
  "الزعبي",
];

/** Pen names readers choose instead of a real name. */
export const PEN_NAMES = [
  "سوري حر",
  "مواطن عربي",
  "ابن الشام",
  "متابع",
  "قارئ من الخليج",
  "مغترب",
  "عراقي أصيل",
  "أبو سعيد",
];

export const LATIN_NAMES = ["jamal", "OMAR OMAR", "Sami88", "karim_dz", "Nadia", "Youssef M.", "abu_ali"];

export const COMMENT_TITLES = [
  "سؤال بسيط",
  "إلى متى؟",
  "كلام فارغ",
  "الحقيقة المرة",
  "شكرا لإيلاف",
  "بعد خراب مالطة",
  "لا تصدقوهم",
  "رأي",
  "تعليق",
  "حسبي الله",
  "مسرحية",
  "الشعب هو الضحية",
];

/** Modern Standard Arabic opinion sentences about the Russia/USA/Syria news. */
export const MSA_SENTENCES = [
  "روسيا لا تبحث إلا عن مصالحها في المنطقة",
  "أمريكا تتكلم عن الديمقراطية وهي أول من يدعم الطغاة",
  "الشعب السوري هو من يدفع الثمن في النهاية",
  "لا حل عسكريا في سوريا والمفاوضات هي الطريق الوحيد",
  "الضربات الجوية لم تميز بين المدنيين والمسلحين",
  "التحالف الدولي فشل في تحقيق أي نتيجة تذكر",
  "على الدول العربية أن تتحمل مسؤوليتها",
  "هذه التصريحات للاستهلاك الإعلامي فقط",
  "نتمنى أن يعود السلام إلى سوريا قريبا",
  "كل الأطراف تتاجر بدماء السوريين",
  "الحرب على الإرهاب أصبحت ذريعة لكل شيء",
  "المقال متوازن ويعرض وجهات النظر بإنصاف",
  "أين الأمم المتحدة مما يجري؟",
  "التاريخ سيحاسب كل من شارك في هذه المأساة",
  "الاتفاق بين موسكو وواشنطن لن يصمد طويلا",
  "اللاجئون يحلمون بالعودة إلى بيوتهم",
];

/** Dialect sentences: Levantine, Egyptian, Gulf, Iraqi and Maghrebi. */
export const DIALECT_SENTENCES = [
  "شو هالحكي يا جماعة، كلو كذب بكذب",
  "والله ما حدا فارقة معو الشعب",
  "خلص بقى زهقنا من هالأخبار",
  "هو احنا ناقصين مصايب؟",
  "يا عم دي كلها مسرحية مكشوفة",
  "مش هيحصل حاجة زي كل مرة",
  "والله ما عندهم سالفة",
  "وش دخلنا احنا بهالسالفة",
  "شكو ماكو؟ نفس القصة كل يوم",
  "هاي الحچي ما يمشي علينا",
  "بزاف عليهم هاد الشي",
  "واش هاد الكلام؟ الله يهديهم",
  "يعني شو بدهم بالآخر؟",
  "ربنا يستر على البلد",
];

export const ARABIZI_SENTENCES = [
  "wallah ma 7ada fahem shi",
  "ya3ni shu badhom ba2a",
  "7aram 3alaykon el sha3b ta3ban",
  "khalas ba2a kifaya kizb",
  "inshallah tekhlas el 7arb",
];

export const FRENCH_SENTENCES = [
  "c'est toujours le peuple qui paie",
  "la Russie défend seulement ses intérêts",
  "personne ne croit à ces négociations",
  "quelle hypocrisie de la part des grandes puissances",
];

export const ENGLISH_SENTENCES = [
  "nobody cares about the civilians",
  "this is all about oil and power",
  "both sides are lying to us",
  "peace talks again, nothing will change",
];

/** Short reactions that make up a good share of real comment sections. */
export const SHORT_REACTIONS = [
  "شكرا",
  "صدقت",
  "كلام سليم",
  "مقال رائع",
  "لا تعليق",
  "حسبنا الله",
  "الله يحمي سوريا",
  "👍",
  "هههههه",
  "كذابين",
];

/** Abuse aimed at people: the rate of these drives the insult rate of the data. */
export const INSULTS = [
  "يا حمار",
  "يا خاين",
  "أنت عميل وخائن",
  "يا جاهل",
  "تفو عليكم",
  "يا كلب",
  "حثالة",
  "يا غبي",
  "يا منافق",
  "أنتم شبيحة ومرتزقة",
  "يا حيوان",
  "انقلع يا تافه",
];

export const CONNECTIVES = ["و", "ثم", "لكن", "بل", "لأن", "ولذلك"];

export const PUNCTUATION_ENDINGS = [".", "!", "!!", "؟", "...", "", "", "!!!"];
