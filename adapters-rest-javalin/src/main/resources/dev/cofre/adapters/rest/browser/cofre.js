/*
 * cofre.js: creates Cofre card tokens from the shopper's browser with the merchant's publishable key,
 * so that card data goes from the page to Cofre and never through the merchant's server.
 *
 *   var cofre = Cofre('APP_USR-...', {baseUrl: 'https://cofre.example'});
 *   cofre.createCardToken({cardNumber, cardholderName, expirationMonth, expirationYear, securityCode,
 *                          identificationType, identificationNumber}).then(function (token) { token.id });
 *   cofre.createCardToken({cardId, securityCode})   // a saved card, its security code captured again
 *
 * The promise resolves to the card token (id, status, date_due, first_six_digits, last_four_digits, ...)
 * and rejects with an Error carrying the API's status and cause list. No dependencies.
 */
(function (global) {
  'use strict';

  var script = global.document && global.document.currentScript;
  var scriptOrigin = script && script.src ? new URL(script.src).origin : null;

  function clean(value) {
    return value === undefined || value === null ? undefined : String(value).trim();
  }

  function number(value) {
    var text = clean(value);
    return text === undefined || text === '' || isNaN(Number(text)) ? text : Number(text);
  }

  function body(data) {
    if (data.cardId !== undefined && data.cardId !== null && data.cardId !== '') {
      return {card_id: clean(data.cardId), security_code: clean(data.securityCode)};
    }
    var card = {
      card_number: clean(data.cardNumber) === undefined ? undefined : clean(data.cardNumber).replace(/[\s-]/g, ''),
      expiration_month: number(data.expirationMonth),
      expiration_year: number(data.expirationYear),
      security_code: clean(data.securityCode),
      cardholder: {name: clean(data.cardholderName)}
    };
    if (data.identificationType || data.identificationNumber) {
      card.cardholder.identification = {type: clean(data.identificationType), number: clean(data.identificationNumber)};
    }
    return card;
  }

  function Cofre(publicKey, options) {
    if (!(this instanceof Cofre)) {
      return new Cofre(publicKey, options);
    }
    if (typeof publicKey !== 'string' || publicKey.trim() === '') {
      throw new Error('Cofre: a public key is required');
    }
    var baseUrl = String((options && options.baseUrl) || scriptOrigin || global.location.origin).replace(/\/+$/, '');
    var url = baseUrl + '/v1/card_tokens?public_key=' + encodeURIComponent(publicKey.trim());

    this.createCardToken = function (data) {
      return global.fetch(url, {
        method: 'POST',
        mode: 'cors',
        credentials: 'omit',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify(body(data || {}))
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (answer) {
          if (!response.ok) {
            var error = new Error(answer.message || ('Cofre answered ' + response.status));
            error.status = response.status;
            error.cause = answer.cause || [];
            throw error;
          }
          return answer;
        });
      });
    };
  }

  global.Cofre = Cofre;
})(typeof window !== 'undefined' ? window : this);
