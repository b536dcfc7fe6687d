// What other modules may use of the catalogue: prices, products and FX rates, and its file codecs.
export { exportCatalogue, getFxRates, getPriceList, getProducts } from './catalogue-store.js';
export {
  convertOn,
  type FxRate,
  FxRateNotFoundError,
  fxRateOn,
  type PriceList,
  type Product,
  priceFor,
  quantityIn,
} from './domain/catalogue.js';
export { amountIn, type Codec, type Format, type ImportError, importCsvWith } from './domain/catalogue-import.js';
export { emptyFile, ImportFailedError } from './import-problems.js';
