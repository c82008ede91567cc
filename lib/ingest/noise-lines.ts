import { foldForMatching } from "./fold-text.ts";

/**
 * Lines that news-site dumps scatter through articles and comment sections but that
 * belong to neither: subscription promotions, social-media calls to action and stray
 * HTML-entity debris. Recognised on the folded form of the line.
 */

const PLATFORMS = [
  "تلغرام",
  "تليغرام",
  "تلجرام",
  "تيليجرام",
  "تيليغرام",
  "انستجرام",
  "انستغرام",
  "انستقرام",
  "واتساب",
  "واتس اب",
  "يوتيوب",
  "فيسبوك",
  "فيس بوك",
  "تويتر",
  "telegram",
  "instagram",
  "whatsapp",
  "youtube",
  "facebook",
  "twitter",
].map(foldForMatching);

/** Words that turn a mention of a platform into a promotion ("follow us on …"). */
const CALLS_TO_ACTION = [
  "متابعه",
  "تابعونا",
  "تابعوا",
  "تابع",
  "اشترك",
  "للاشتراك",
  "انضم",
  "انضموا",
  "حسابنا",
  "قناتنا",
  "تطبيق",
  "مستخدمي",
  "قراونا",
  "قراؤنا",
  "follow",
  "subscribe",
  "join",
].map(foldForMatching);

const PROMOTION_PHRASES = [
  "يمكنكم الان متابعه اخر الاخبار",
  "اضغط هنا للاشتراك",
  "انقر هنا للاشتراك",
  "اضغط هنا للمتابعه",
].map(foldForMatching);

/** Promotions are short; a long line that mentions Telegram is someone's opinion. */
const MAX_PROMOTION_WORDS = 16;

/** Stray entity debris left by HTML-to-text conversion: `&`, `&amp;`, `&nbsp;` alone on a line. */
const ENTITY_DEBRIS = /^(?:&(?:amp;|nbsp;|#160;)?\s*)+$/;

/** `folded` is foldForMatching(line) when the caller already has it. */
export function isNoiseLine(line: string, folded?: string): boolean {
  const trimmed = line.trim();
  if (trimmed === "") return false;
  if (ENTITY_DEBRIS.test(trimmed)) return true;
  // Promotions are short; counting spaces first keeps long article lines cheap.
  if (countSpaces(trimmed, MAX_PROMOTION_WORDS) >= MAX_PROMOTION_WORDS) return false;
  const key = folded ?? foldForMatching(trimmed);
  if (PROMOTION_PHRASES.some((phrase) => key.includes(phrase))) return true;
  if (!PLATFORMS.some((platform) => key.includes(platform))) return false;
  return key.split(" ").some((word) => CALLS_TO_ACTION.some((cta) => word.includes(cta)));
}

function countSpaces(text: string, stopAt: number): number {
  let count = 0;
  for (let i = text.indexOf(" "); i !== -1 && count < stopAt; i = text.indexOf(" ", i + 1)) count++;
  return count;
}

/** A line of only punctuation (`-`, `&`, `*`…): page-layout debris in an article body. */
export function isSeparatorLine(line: string): boolean {
  return /^[\s\-–—_*•·&|~=+.]+$/.test(line) && line.trim() !== "";
}
