// The numerals module: Chinese numerals are read by the parser (values.ts); the bot reads its small numbers
// (「前三名」, 「第二个」) with the same function instead of a copy.
export { chineseNumber } from './values';
