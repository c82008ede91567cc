import type {
  LexiconCategory,
  MatchRule,
  SentimentLabel,
  StanceSide,
  StanceTarget,
} from "../classifier/index.ts";
import type { Locale } from "./messages.ts";

/** How the classifier's vocabulary reads in the UI, in both languages. */
export const categoryLabels: Record<Locale, Record<LexiconCategory, string>> = {
  ar: {
    insult: "إهانة",
    profanity: "بذاءة",
    dehumanising: "تجريد من الإنسانية",
    sectarian: "طائفية",
    threat: "تهديد",
    positive: "إيجابي",
    negative: "سلبي",
    stance: "موقف",
    entity: "جهة",
    negator: "نفي",
    intensifier: "تشديد",
    reporting: "نقل كلام",
    distancing: "تبرّؤ",
    vocative: "نداء",
    exception: "استثناء",
  },
  en: {
    insult: "insult",
    profanity: "profanity",
    dehumanising: "dehumanising",
    sectarian: "sectarian",
    threat: "threat",
    positive: "positive",
    negative: "negative",
    stance: "stance",
    entity: "entity",
    negator: "negator",
    intensifier: "intensifier",
    reporting: "reported speech",
    distancing: "distancing",
    vocative: "vocative",
    exception: "exception",
  },
};

export const ruleLabels: Record<Locale, Record<MatchRule, string>> = {
  ar: {
    negated: "منفيّة: لا تُحتسب",
    quoted: "ضمن اقتباس: لا تُحتسب",
    reported: "كلام منقول: لا يُحتسب",
    literal: "استعمال حرفي: لا يُحتسب",
    vocative: "موجّهة إلى المخاطَب",
    "scare-quotes": "بين علامتي تشكيك: ينقلب الموقف",
    "so-called": "«ما يسمّى»: ينقلب الموقف",
    mention: "ذكر فقط",
  },
  en: {
    negated: "negated: not counted",
    quoted: "inside a quotation: not counted",
    reported: "reported speech: not counted",
    literal: "literal use: not counted",
    vocative: "addressed at someone",
    "scare-quotes": "in scare quotes: stance flipped",
    "so-called": '"so-called": stance flipped',
    mention: "mention only",
  },
};

export const sentimentLabels: Record<Locale, Record<SentimentLabel, string>> = {
  ar: { positive: "إيجابي", negative: "سلبي", neutral: "محايد" },
  en: { positive: "positive", negative: "negative", neutral: "neutral" },
};

export const targetLabels: Record<Locale, Record<StanceTarget, string>> = {
  ar: {
    russia: "روسيا",
    usa: "الولايات المتحدة",
    syrian_government: "الحكومة السورية",
    syrian_opposition: "المعارضة السورية",
  },
  en: {
    russia: "Russia",
    usa: "USA",
    syrian_government: "Syrian government",
    syrian_opposition: "Syrian opposition",
  },
};

export const sideLabels: Record<Locale, Record<StanceSide, string>> = {
  ar: { favor: "مؤيد", against: "معارض" },
  en: { favor: "favour", against: "against" },
};
