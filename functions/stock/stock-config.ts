/** The stock rules of this function, read once per cold start from its environment (defaults otherwise). */
import { stockRulesFromEnv, type StockRules } from '../domain/stock-rules.ts';

export const stockRules: Readonly<StockRules> = Object.freeze(stockRulesFromEnv(process.env));
