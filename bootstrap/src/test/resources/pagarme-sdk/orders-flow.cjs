// Drives Pagar.me's official Node SDK (7.0.2, unmodified) against a running Cofre, as a merchant's
// integration would with only the base URL changed. Run by bootstrap's PagarmeSdkTest:
//   COFRE_BASE=http://localhost:PORT SK=sk_... CARD_ID=card_... node orders-flow.cjs
// Prints one JSON line per scenario; exits non-zero if the SDK throws (it validates every response).
const { Client, OrdersController, ChargesController } = require('@pagarme/pagarme-nodejs-sdk');

const VENDOR_BASE = 'https://api.pagar.me/core/v5';
const base = process.env.COFRE_BASE + '/core/v5';

/** The SDK fixes the vendor's host; each request's URL is rewritten, and a network_token put in the JSON the SDK has no field for. */
class CofreClient extends Client {
  getRequestBuilderFactory() {
    const factory = super.getRequestBuilderFactory();
    return (...args) => {
      const rb = factory(...args);
      rb.interceptRequest((request) => ({ ...request, url: request.url.replace(VENDOR_BASE, base) }));
      rb.interceptRequest((request) => withNetworkToken(request));
      return rb;
    };
  }
}

/** An order whose card holder is "NETWORK TOKEN" is sent with seed 002's network_token instead of its card. */
function withNetworkToken(request) {
  if (!request.body || request.body.type !== 'text' || !request.body.content.includes('"NETWORK TOKEN"')) {
    return request;
  }
  const order = JSON.parse(request.body.content);
  const creditCard = order.payments[0].credit_card;
  const card = creditCard.card;
  delete creditCard.card;
  creditCard.network_token = {
    number: card.number, holder_name: 'Tony Stark', exp_month: card.exp_month, exp_year: card.exp_year,
    cryptograms: [process.env.CRYPTOGRAM],
  };
  return { ...request, body: { type: 'text', content: JSON.stringify(order) } };
}

const client = new CofreClient({ basicAuthCredentials: { username: process.env.SK, password: '' }, timeout: 20000 });
const orders = new OrdersController(client);
const charges = new ChargesController(client);

function order(creditCard, code) {
  return {
    code: code || 'pedido-' + Math.random().toString(36).slice(2), closed: true,
    items: [{ amount: 2990, description: 'Chaveiro do Tesseract', quantity: 1, category: 'chaveiros', code: 'sku-1' }],
    customer: {
      name: 'Tony Stark', email: 'tony@stark.com', type: 'individual', document: '12345678909', code: 'tony',
      address: { street: 'Malibu Point', number: '10880', zipCode: '90265', neighborhood: 'Malibu Central',
        city: 'Malibu', state: 'CA', country: 'US', complement: '', metadata: {}, line1: '10880, Malibu Point',
        line2: '' },
      metadata: {}, phones: {},
    },
    payments: [{ paymentMethod: 'credit_card', creditCard: { installments: 1, statementDescriptor: 'AVENGERS',
      ...creditCard } }],
  };
}

const card = (number, holderName, cvv) => ({ number, holderName, expMonth: 1, expYear: 30, cvv });
// a UUID has no run of 13 digits, which the server would refuse as a possible card number
const key = (name) => name + '-' + require('crypto').randomUUID();

async function main() {
  const out = (line) => console.log(JSON.stringify(line));

  // card, auth_only: create, get the order and the charge, capture part, cancel (refund) the rest
  const created = (await orders.createOrder(order({ operationType: 'auth_only', card: card('4000000000000010', 'Tony Stark', '3531') }), key('order'))).result;
  const chargeId = created.charges[0].id;
  const got = (await orders.getOrder(created.id)).result;
  const charge = (await charges.getCharge(chargeId)).result;
  const captured = (await charges.captureCharge(chargeId, { amount: 2000, code: 'cap', operationReference: 'cap-1' }, key('capture'))).result;
  const refunded = (await charges.cancelCharge(chargeId, { amount: 2000, operationReference: 'ref-1' }, key('cancel'))).result;
  out({ scenario: 'card', order: created.id, created: created.charges[0].lastTransaction.status, got: got.status,
    charge: charge.status, captured: captured.lastTransaction.status, paidAmount: captured.paidAmount,
    cancelled: refunded.lastTransaction.status, chargeStatus: refunded.status });

  // the card of that successful authorization was saved to the order's customer: a later order charges it by card_id
  const savedCardId = created.charges[0].lastTransaction.card.id;
  const again = (await orders.createOrder({ ...order({ cardId: savedCardId }, 'pedido-saved'),
    customerId: created.customer.id }, key('order'))).result;
  out({ scenario: 'saved_card', savedCardId, customerId: created.customer.id, customerName: created.customer.name,
    customerEmail: created.customer.email, document: created.customer.document, code: again.code,
    status: again.status, cardId: again.charges[0].lastTransaction.card.id, paidBy: again.customer.id,
    chargeCustomer: again.charges[0].customer.id });

  // card, auth_only, cancelled before capture: a void
  const toVoid = (await orders.createOrder(order({ operationType: 'auth_only', card: card('4000000000000010', 'Tony Stark', '353') }), key('order'))).result;
  const voided = (await charges.cancelCharge(toVoid.charges[0].id, undefined, key('void'))).result;
  out({ scenario: 'void', cancelled: voided.lastTransaction.status, chargeStatus: voided.status });

  // card_id: a card saved in the vault
  const byId = (await orders.createOrder(order({ cardId: process.env.CARD_ID }), key('order'))).result;
  out({ scenario: 'card_id', status: byId.status, cardId: byId.charges[0].lastTransaction.card.id });

  // 3-D Secure, seed 002's values
  const threeDs = (await orders.createOrder(order({ card: card('4000000000000010', 'Tony Stark', '3531'),
    authentication: { type: 'threed_secure', threedSecure: { mpi: 'third_party', eci: '05',
      cavv: 'BwABBylVaQAAAAFwllVpAAAAAAA=', transactionId: '9345dcf2-57bf-48ee-a495-663cf1fdb760',
      dsTransactionId: '4165037e-2f84-443c-a4e2-0e3285eb911a', version: '2' } } }), key('order'))).result;
  out({ scenario: '3ds', status: threeDs.status, transaction: threeDs.charges[0].lastTransaction.status });

  // network_token, added to the JSON by the interceptor
  const token = (await orders.createOrder(order({ card: card('4190000000000010', 'NETWORK TOKEN', '353') }), key('order'))).result;
  out({ scenario: 'network_token', status: token.status, transaction: token.charges[0].lastTransaction.status });
}

main().catch((e) => {
  console.error('SDK call failed:', e.constructor.name, e.statusCode || '', e.body || e.message);
  process.exit(1);
});
