// Pagar.me's official Node SDK (7.0.2, unmodified) tokenizing a card with the merchant's public key (appId),
// as its TokensController does for a browser checkout, then charging the token with the secret key.
// Run by bootstrap's PublicKeyPagarmeSdkTest:
//   COFRE_BASE=http://localhost:PORT APP_ID=pk_... SK=sk_... node tokens-flow.cjs
// Prints one JSON line; exits non-zero if the SDK throws (it validates every response).
const { Client, TokensController, OrdersController } = require('@pagarme/pagarme-nodejs-sdk');

const VENDOR_BASE = 'https://api.pagar.me/core/v5';
const base = process.env.COFRE_BASE + '/core/v5';

/** The SDK fixes the vendor's host: each request's URL is rewritten, nothing else. */
class CofreClient extends Client {
  getRequestBuilderFactory() {
    const factory = super.getRequestBuilderFactory();
    return (...args) => {
      const rb = factory(...args);
      rb.interceptRequest((request) => ({ ...request, url: request.url.replace(VENDOR_BASE, base) }));
      return rb;
    };
  }
}

const client = new CofreClient({ basicAuthCredentials: { username: process.env.SK, password: '' }, timeout: 20000 });
const key = (name) => name + '-' + require('crypto').randomUUID();

async function main() {
  const tokens = new TokensController(client);
  const orders = new OrdersController(client);
  const token = (await tokens.createToken(process.env.APP_ID, { type: 'card', card: {
    number: '4000000000000010', holderName: 'Tony Stark', expMonth: 1, expYear: 30, cvv: '353', brand: 'Visa',
    label: 'browser' } }, key('token'))).result;
  const paid = (await orders.createOrder({
    code: 'pedido-' + Math.random().toString(36).slice(2), closed: true,
    items: [{ amount: 2990, description: 'Chaveiro do Tesseract', quantity: 1, category: 'chaveiros', code: 'sku-1' }],
    customer: { name: 'Tony Stark', email: 'tony@stark.com', type: 'individual', document: '12345678909', code: 'tony',
      address: { street: 'Malibu Point', number: '10880', zipCode: '90265', neighborhood: 'Malibu Central',
        city: 'Malibu', state: 'CA', country: 'US', complement: '', metadata: {}, line1: '10880, Malibu Point',
        line2: '' },
      metadata: {}, phones: {} },
    payments: [{ paymentMethod: 'credit_card', creditCard: { installments: 1, statementDescriptor: 'AVENGERS',
      cardToken: token.id } }],
  }, key('order'))).result;
  console.log(JSON.stringify({ token: token.id, type: token.type, lastFour: token.card.lastFourDigits,
    brand: token.card.brand, holder: token.card.holderName, expYear: token.card.expYear, expiresAt: token.expiresAt,
    status: paid.status, charged: paid.charges[0].lastTransaction.card.lastFourDigits }));
}

main().catch((e) => {
  console.error('SDK call failed:', e.constructor.name, e.statusCode || '', e.body || e.message);
  process.exit(1);
});
