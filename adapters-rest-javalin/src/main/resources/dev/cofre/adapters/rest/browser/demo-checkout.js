/* The demo checkout's behaviour (no inline script: the page's CSP allows scripts from Cofre only). */
(function () {
  'use strict';
  var form = document.getElementById('checkout');
  if (!form) {
    return;
  }
  var select = document.getElementById('cardId');
  var cvv = document.getElementById('cvv');
  var output = document.getElementById('token');
  var error = document.getElementById('error');
  var cofre = Cofre(form.dataset.publicKey);

  function sizeCvv() {
    var option = select.options[select.selectedIndex];
    var length = option ? Number(option.dataset.securityCodeLength) : 3;
    cvv.maxLength = length;
    cvv.minLength = length;
    cvv.size = length;
    cvv.placeholder = length === 4 ? '1234' : '123';
    cvv.pattern = '[0-9]{' + length + '}';
    document.getElementById('cvvLength').textContent = length + ' digits';
  }

  select.addEventListener('change', sizeCvv);
  sizeCvv();

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    output.textContent = '';
    error.textContent = '';
    form.querySelector('button').disabled = true;
    cofre.createCardToken({cardId: select.value, securityCode: cvv.value}).then(function (token) {
      cvv.value = '';
      output.textContent = token.id;
      output.dataset.status = token.status;
      document.getElementById('tokenCard').textContent = 'card ' + token.first_six_digits + '…' + token.last_four_digits
          + ', valid until ' + token.date_due;
    }).catch(function (e) {
      error.textContent = e.message;
    }).then(function () {
      form.querySelector('button').disabled = false;
    });
  });
})();
