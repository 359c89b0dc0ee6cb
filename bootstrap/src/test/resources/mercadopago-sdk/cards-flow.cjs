// Drives Mercado Pago's official Node SDK (mercadopago 3.6.1, unmodified) through seed 000's flow against a
// running Cofre, as a merchant's integration would with only the base URL changed. Run by bootstrap's
// MercadoPagoNodeSdkTest:
//   COFRE_BASE=http://localhost:PORT ACCESS_TOKEN=APP_USR-... EMAIL=... node cards-flow.cjs
// Checks every step itself and prints one JSON summary line; exits non-zero on the first wrong answer or on
// anything the SDK throws.
const assert = require('node:assert/strict');
const { AppConfig } = require('mercadopago/dist/utils/config');
const { MercadoPagoConfig, Customer, CustomerCard, CardToken } = require('mercadopago');

AppConfig.BASE_URL = process.env.COFRE_BASE;
// retries: 0, or the SDK retries a 5xx three times and a server error would hide behind a slow pass.
const config = new MercadoPagoConfig({ accessToken: process.env.ACCESS_TOKEN, options: { timeout: 20000, retries: 0 } });
const customers = new Customer(config);
const cards = new CustomerCard(config);
const cardTokens = new CardToken(config);
const email = process.env.EMAIL;

async function main() {
  const customer = await customers.create({ body: { email } });
  assert.match(customer.id, /^\d{9}-[0-9A-Za-z]{14}$/);
  assert.equal(customer.email, email);
  assert.equal(customer.api_response.status, 201);

  // The SDK's CardToken client sends its body as given, so raw card data goes through it unchanged.
  const raw = await cardTokens.create({ body: {
    card_number: '5555555555554444', expiration_month: 11, expiration_year: 2030, security_code: '123',
    cardholder: { name: 'APRO' },
  } });
  assert.equal(raw.id.length, 32);
  assert.equal(raw.last_four_digits, '4444');
  assert.equal(raw.security_code_length, 3);
  assert.equal(raw.status, 'active');

  const saved = await cards.create({ customerId: customer.id, body: { token: raw.id } });
  assert.match(saved.id, /^\d{13}$/);
  assert.equal(saved.customer_id, customer.id);
  assert.equal(saved.payment_method.id, 'master');
  assert.equal(saved.security_code.length, 3);
  assert.equal(saved.last_four_digits, '4444');

  const listed = await cards.list({ customerId: customer.id });
  assert.deepEqual(listed.map((card) => card.id), [saved.id]);

  const found = await customers.search({ options: { email } });
  assert.equal(found.paging.total, 1);
  assert.equal(found.results[0].id, customer.id);
  assert.equal(found.results[0].default_card, saved.id);

  const again = await cardTokens.create({ body: { card_id: saved.id, customer_id: customer.id, security_code: '123' } });
  assert.equal(again.card_id, saved.id);
  assert.equal(again.status, 'active');
  assert.notEqual(again.id, raw.id);

  const got = await cards.get({ customerId: customer.id, cardId: saved.id });
  assert.equal(got.id, saved.id);
  const removed = await cards.remove({ customerId: customer.id, cardId: saved.id });
  assert.equal(removed.id, saved.id);
  const gone = await cards.get({ customerId: customer.id, cardId: saved.id }).then(() => null, (e) => e);
  assert.ok(gone, 'the deleted card is still there');
  assert.equal(gone.status, 404);
  assert.equal(gone.constructor.name, 'MPNotFoundError');
  assert.deepEqual((await cards.list({ customerId: customer.id })).map((card) => card.id), []);
  const after = await customers.get({ customerId: customer.id });
  assert.equal(after.default_card ?? null, null);

  console.log(JSON.stringify({
    customer: customer.id, rawToken: raw.id, lastFour: raw.last_four_digits, card: saved.id,
    paymentMethod: saved.payment_method.id, listed: listed.length, searchTotal: found.paging.total,
    defaultCard: found.results[0].default_card, savedCardToken: again.id, savedCardTokenCard: again.card_id,
    got: got.id, removed: removed.id, afterDelete: gone.status, defaultAfterDelete: after.default_card ?? null,
  }));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
