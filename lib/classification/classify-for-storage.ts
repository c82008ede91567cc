import { ClassifierInputError, type CompiledLexicon, classify, defaultLexicon } from "../classifier/index.ts";
import type { ClassifyText } from "../ingest/store-article.ts";

/**
 * The classifier as ingest and re-classification run it. A text the classifier refuses (empty
 * after trimming, over its length limit) is stored unclassified rather than failing the batch;
 * `raqib reclassify` reports how many such comments there are.
 */
export function classifierForStorage(lexicon: CompiledLexicon = defaultLexicon()): ClassifyText {
  return (text) => {
    try {
      return classify(text, lexicon);
    } catch (error) {
      if (error instanceof ClassifierInputError) return null;
      throw error;
    }
  };
}
