/** UI strings. Arabic is the default; every key exists in both languages (checked by a test). */
export const messages = {
  ar: {
    appName: "رقيب",
    tagline: "الإشراف على التعليقات وتحليل المشاعر",
    navArticles: "المقالات",
    articlesTitle: "المقالات",
    articlesEmpty: "لا توجد مقالات بعد. أضفها بالأمر raqib ingest.",
    colTitle: "العنوان",
    colSource: "المصدر",
    colComments: "التعليقات",
    colAdded: "أضيف في",
    unknownSource: "غير معروف",
    commentsHeading: "التعليقات",
    noComments: "لا تعليقات على هذا المقال.",
    anonymous: "مجهول",
    backToArticles: "العودة إلى المقالات",
    notFound: "لم يُعثر على الصفحة.",
    switchLanguage: "English",
    statusPending: "قيد الانتظار",
    statusApproved: "مقبول",
    statusRejected: "مرفوض",
    statusEscalated: "مُصعَّد",
    pageOf: "صفحة {page} من {pages}",
    previous: "السابق",
    next: "التالي",
    notClassified: "لم يُصنَّف بعد",
    flagInsult: "إهانة",
  },
  en: {
    appName: "Raqib",
    tagline: "Comment moderation and sentiment analysis",
    navArticles: "Articles",
    articlesTitle: "Articles",
    articlesEmpty: "No articles yet. Add some with raqib ingest.",
    colTitle: "Title",
    colSource: "Source",
    colComments: "Comments",
    colAdded: "Added",
    unknownSource: "Unknown",
    commentsHeading: "Comments",
    noComments: "No comments on this article.",
    anonymous: "Anonymous",
    backToArticles: "Back to articles",
    notFound: "Page not found.",
    switchLanguage: "العربية",
    statusPending: "Pending",
    statusApproved: "Approved",
    statusRejected: "Rejected",
    statusEscalated: "Escalated",
    pageOf: "Page {page} of {pages}",
    previous: "Previous",
    next: "Next",
    notClassified: "Not classified yet",
    flagInsult: "Insult",
  },
} as const;

export type Locale = keyof typeof messages;
export type MessageKey = keyof (typeof messages)["ar"];
export const locales: Locale[] = ["ar", "en"];

export function isLocale(value: string | undefined): value is Locale {
  return value === "ar" || value === "en";
}

export function direction(locale: Locale): "rtl" | "ltr" {
  return locale === "ar" ? "rtl" : "ltr";
}

/** Intl locale: Arabic with Latin digits, as most Arabic news sites print numbers. */
export function intlLocale(locale: Locale): string {
  return locale === "ar" ? "ar-u-nu-latn" : "en-GB";
}

export function translate(
  locale: Locale,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  return messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) =>
    String(params[name] ?? `{${name}}`),
  );
}
