import { Decimal, type DecimalValue } from '../../shared/money';

/** The languages printed forms come in. */
export type PrintLanguage = 'ru' | 'en';

type Gender = 'm' | 'f';
/** Russian plural forms: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
type Forms = readonly [one: string, few: string, many: string];

const RU_UNITS: Record<Gender, readonly string[]> = {
  m: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  f: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
};
const RU_TEENS = ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'];
const RU_TENS = ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'];
const RU_HUNDREDS = ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'];
/** Thousands are feminine (одна тысяча, две тысячи); millions and up masculine. Index = power of 1000. */
const RU_SCALES: readonly { forms: Forms; gender: Gender }[] = [
  { forms: ['', '', ''], gender: 'm' },
  { forms: ['тысяча', 'тысячи', 'тысяч'], gender: 'f' },
  { forms: ['миллион', 'миллиона', 'миллионов'], gender: 'm' },
  { forms: ['миллиард', 'миллиарда', 'миллиардов'], gender: 'm' },
  { forms: ['триллион', 'триллиона', 'триллионов'], gender: 'm' },
];
const RUBLES: Forms = ['рубль', 'рубля', 'рублей'];
const KOPECKS: Forms = ['копейка', 'копейки', 'копеек'];

/** The Russian plural form for a whole number. */
export function russianPlural(n: bigint, forms: Forms): string {
  const lastTwo = Number(n % 100n);
  const last = lastTwo % 10;
  if (lastTwo >= 11 && lastTwo <= 14) return forms[2];
  if (last === 1) return forms[0];
  if (last >= 2 && last <= 4) return forms[1];
  return forms[2];
}

function russianTriple(n: number, gender: Gender): string[] {
  const words = [RU_HUNDREDS[Math.floor(n / 100)]];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU_TEENS[rest - 10]);
  else words.push(RU_TENS[Math.floor(rest / 10)], RU_UNITS[gender][rest % 10]);
  return words.filter(Boolean);
}

/** A whole number in Russian words, agreeing with a noun of `gender` (ноль for 0). */
export function russianNumber(n: bigint, gender: Gender): string {
  if (n === 0n) return 'ноль';
  const groups = triples(n);
  const words: string[] = [];
  for (let power = groups.length - 1; power >= 0; power--) {
    const group = groups[power];
    if (group === 0) continue;
    const scale = RU_SCALES[power];
    words.push(...russianTriple(group, power === 0 ? gender : scale.gender));
    if (power > 0) words.push(russianPlural(BigInt(group), scale.forms));
  }
  return words.join(' ');
}

const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const EN_SCALES = ['', 'thousand', 'million', 'billion', 'trillion'];

function englishTriple(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) words.push(EN_UNITS[Math.floor(n / 100)], 'hundred');
  const rest = n % 100;
  if (rest >= 20) words.push(EN_TENS[Math.floor(rest / 10)] + (rest % 10 ? `-${EN_UNITS[rest % 10]}` : ''));
  else if (rest > 0) words.push(EN_UNITS[rest]);
  return words;
}

/** A whole number in English words (short scale: a billion is 10⁹), e.g. one thousand two hundred. */
export function englishNumber(n: bigint): string {
  if (n === 0n) return 'zero';
  const groups = triples(n);
  const words: string[] = [];
  for (let power = groups.length - 1; power >= 0; power--) {
    if (groups[power] === 0) continue;
    words.push(...englishTriple(groups[power]));
    if (power > 0) words.push(EN_SCALES[power]);
  }
  return words.join(' ');
}

/** Groups of three digits, the lowest first; refuses what has no scale word (a quadrillion and up). */
function triples(n: bigint): number[] {
  const groups: number[] = [];
  for (let rest = n; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  if (groups.length > RU_SCALES.length) throw new RangeError(`${n} is beyond the trillions`);
  return groups;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * An amount of roubles for a printed form: the roubles in words, the kopecks always as two
 * digits — «Одна тысяча двести рублей 50 копеек», «One thousand two hundred roubles 50 kopecks».
 * The amount is rounded to the kopeck (half up); a negative one starts with «Минус» / «Minus».
 */
export function amountInWords(amount: DecimalValue, lang: PrintLanguage): string {
  const value = new Decimal(amount).toDecimalPlaces(2);
  const [whole, fraction] = value.abs().toFixed(2).split('.');
  const roubles = BigInt(whole);
  const kopecks = BigInt(fraction);
  let text: string;
  if (lang === 'ru') {
    text = `${russianNumber(roubles, 'm')} ${russianPlural(roubles, RUBLES)} ${fraction} ${russianPlural(kopecks, KOPECKS)}`;
    if (value.isNegative() && !value.isZero()) text = `минус ${text}`;
  } else {
    text = `${englishNumber(roubles)} ${roubles === 1n ? 'rouble' : 'roubles'} ${fraction} ${kopecks === 1n ? 'kopeck' : 'kopecks'}`;
    if (value.isNegative() && !value.isZero()) text = `minus ${text}`;
  }
  return capitalised(text);
}
