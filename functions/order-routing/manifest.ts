import { sources } from '../../events/catalogue.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

const dir = 'functions/order-routing/handlers';

export const orderRouting: UseCaseManifest = {
  name: 'order-routing',
  functions: {
    createOrder: { entry: `${dir}/create-order.ts`, description: 'Creates the order of an accepted quote, once', uses: { table: 'write' } },
  },
  routes: [],
  subscriptions: [
    { name: 'create-order', function: 'createOrder', pattern: { source: [sources.quotes], 'detail-type': ['QuoteAccepted'] } },
  ],
  schedules: [],
};
