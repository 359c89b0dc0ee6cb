// Drives the community Cielo E-commerce 3.0 SDK (npm cielo 2.4.4, unmodified) against a running Cofre, as a
// merchant's integration would. Run by bootstrap's CieloSdkTest:
//   COFRE_BASE=http://localhost:PORT MERCHANT_ID=... MERCHANT_KEY=... node sales-flow.cjs
// The SDK's hosts are fixed and it calls https.request: its request options are wrapped to name Cofre's host and
// port, and http.request stands in for https.request. Prints one JSON line per step; exits non-zero on a failure.
const http = require('http');
const https = require('https');
const { randomUUID } = require('crypto');
const { Cielo } = require('cielo');
const { Utils } = require('cielo/dist/class/utils');

const base = new URL(process.env.COFRE_BASE);
const vendorOptions = Utils.prototype.getHttpRequestOptions;
Utils.prototype.getHttpRequestOptions = function (params) {
  return { ...vendorOptions.call(this, params), hostname: base.hostname, port: Number(base.port) };
};
https.request = http.request;

function cielo(requestId) {
  return new Cielo({
    merchantId: process.env.MERCHANT_ID, merchantKey: process.env.MERCHANT_KEY, sandbox: true, requestId,
  });
}

function print(step, value) {
  console.log(JSON.stringify({ step, ...value }));
}

function sale(creditCard, amount, capture) {
  return {
    merchantOrderId: 'pedido-' + Math.random().toString(36).slice(2, 10),
    customer: { name: 'Comprador Teste' },
    payment: { type: 'CreditCard', amount, installments: 1, softDescriptor: 'Cofre', capture, creditCard },
  };
}

async function main() {
  const client = cielo();
  const saved = await client.creditCard.transaction(sale({
    cardNumber: '4024007100000081', holder: 'Comprador T Cielo', expirationDate: '12/2030', securityCode: '123',
    brand: 'Visa', saveCard: true,
  }, 15700, false));
  const cardToken = saved.payment.creditCard.cardToken;
  print('saveCard', { status: saved.payment.status, returnCode: saved.payment.returnCode, cardToken,
    paymentId: saved.payment.paymentId, cardNumber: saved.payment.creditCard.cardNumber });

  const requestId = randomUUID();
  const byToken = sale({ cardToken, securityCode: '123', brand: 'Visa' }, 5000, false);
  const first = await cielo(requestId).creditCard.transaction(byToken);
  const retried = await cielo(requestId).creditCard.transaction(byToken);
  print('cardToken', { status: first.payment.status, cardToken: first.payment.creditCard.cardToken,
    paymentId: first.payment.paymentId, retriedPaymentId: retried.payment.paymentId });

  const captured = await client.creditCard.captureSaleTransaction({ paymentId: saved.payment.paymentId, amount: 10000 });
  print('capture', { status: captured.status, returnCode: captured.returnCode });

  const refunded = await client.creditCard.cancelTransaction({ paymentId: saved.payment.paymentId, amount: 4000 });
  const voided = await client.creditCard.cancelTransaction({ paymentId: first.payment.paymentId });
  print('void', { refundedStatus: refunded.status, voidedStatus: voided.status });

  const got = await client.consult.paymentId({ paymentId: saved.payment.paymentId });
  print('query', { status: got.payment.status, amount: got.payment.amount, capturedAmount: got.payment.capturedAmount,
    voidedAmount: got.payment.voidedAmount, cardToken: got.payment.creditCard.cardToken,
    merchantOrderId: got.merchantOrderId });

  const tokenized = await client.card.createTokenizedCard({
    customerName: 'Comprador Teste', cardNumber: '5555555555554444', holder: 'Comprador T Cielo',
    expirationDate: '05/2031', brand: 'Master',
  });
  const read = await client.consult.cardtoken({ cardToken: tokenized.cardToken });
  print('card', { cardToken: tokenized.cardToken, cardNumber: read.cardNumber, holder: read.holder });

  try {
    await client.creditCard.transaction(sale({ cardNumber: '1234123412341231', holder: 'Teste Holder',
      expirationDate: '03/2019', securityCode: '262', brand: 'Visa', saveCard: true }, 100, false));
    print('refused', { refused: false });
  } catch (e) {
    print('refused', { statusCode: e.statusCode, code: e.response.Code, message: e.response.Message });
  }
}

main().catch((e) => {
  console.error('FAILED', e && e.response ? { statusCode: e.statusCode, code: e.response.Code,
    message: e.response.Message } : e);
  process.exit(1);
});
