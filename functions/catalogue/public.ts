// What other modules may use of the catalogue: prices, products and FX rates, and its file codecs.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

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
export { ImportFailedError } from './import-problems.js';
