/** A form as printForms lists it. */
export interface PrintFormEntry {
  documentType: string;
  form: string;
  labelRu: string;
  labelEn: string;
  formats: string[];
}

export interface PrintChoice {
  key: string;
  form: string;
  lang: 'ru' | 'en';
  format: string;
  label: string;
}

/** The print type of a console resource: GoodsReceipt → goods-receipt, PriceType → price-type. */
export const printDocumentType = (resource: string) => resource.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase());

/**
 * The menu of a type: each form and format in Russian and in English, the form named in the
 * reader's language — «ТОРГ-13, PDF (на русском)», «Transfer note (TORG-13), PDF (English)».
 */
export function printChoices(forms: readonly PrintFormEntry[], documentType: string, locale: string): PrintChoice[] {
  const ru = locale === 'ru';
  const languages = { ru: ru ? 'на русском' : 'Russian', en: ru ? 'на английском' : 'English' } as const;
  return forms
    .filter((f) => f.documentType === documentType)
    .flatMap((f) =>
      f.formats.flatMap((format) =>
        (['ru', 'en'] as const).map((lang) => ({ key: `${f.form}.${format}.${lang}`, form: f.form, lang, format, label: `${ru ? f.labelRu : f.labelEn}, ${format.toUpperCase()} (${languages[lang]})` })),
      ),
    );
}
