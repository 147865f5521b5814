/*
 * The second baseline of the Sheets benchmark: the script a careful developer writes after reading
 * Google's Apps Script best-practices page (https://developers.google.com/apps-script/guides/support/best-practices:
 * "use batch operations", minimise calls to other services). It reads the sheet once with getValues,
 * sends the creates with UrlFetchApp.fetchAll in fixed chunks, keeps every answer in memory and writes
 * the results once with setValues. A rerun (after the 6-minute limit, or to finish what it left) skips
 * rows that have a link and recovers a 409 (a link an earlier, unsaved run made) with a GET.
 *
 * The chunk size: the best-practices page says to batch but names no fetchAll size; Justin Poehnelt's
 * "UrlFetchApp: The Unofficial Documentation" saw APIs answer 429 at 30 concurrent requests, and Midtrans
 * publishes no limit, so a careful script stays below that: 25 per fetchAll, fixed (no pacing).
 * It stops starting chunks five minutes in, so its one write always lands inside Apps Script's 6-minute
 * limit (https://developers.google.com/apps-script/guides/services/quotas), and leaves the rest for the
 * next run. It is Apps Script source, loaded by the emulator exactly as our built dist/Code.js is. Not
 * product code.
 */
var CHUNK = 25;
var STOP_STARTING_AFTER_MS = 5 * 60 * 1000;

function createPaymentLinks() {
  var started = Date.now();
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Invoices');
  var props = PropertiesService.getScriptProperties();
  var baseUrl = props.getProperty('MIDTRANS_API_BASE_URL') || 'https://api.sandbox.midtrans.com';
  var auth = 'Basic ' + Utilities.base64Encode(props.getProperty('MIDTRANS_SERVER_KEY') + ':');
  var values = sheet.getDataRange().getValues();
  var head = values[0];
  var col = function (name) {
    return head.indexOf(name);
  };
  var c = {
    orderId: col('Order ID'),
    name: col('Customer Name'),
    email: col('Customer Email'),
    phone: col('Customer Phone'),
    amount: col('Amount'),
    title: col('Title'),
    link: col('Payment Link'),
    status: col('Status'),
    note: col('Note'),
  };
  var todo = [];
  for (var r = 1; r < values.length; r++) {
    if (values[r][c.orderId] !== '' && values[r][c.link] === '' && values[r][c.status] !== 'Error') todo.push(r);
  }
  var left = 0;
  for (var i = 0; i < todo.length; i += CHUNK) {
    if (Date.now() - started > STOP_STARTING_AFTER_MS) {
      left = todo.length - i;
      break;
    }
    var rows = todo.slice(i, i + CHUNK);
    var answers = UrlFetchApp.fetchAll(
      rows.map(function (row) {
        var v = values[row];
        var body = {
          transaction_details: {
            order_id: String(v[c.orderId]),
            gross_amount: Number(v[c.amount]),
            payment_link_id: Utilities.getUuid().toLowerCase(),
          },
          customer_details: { first_name: String(v[c.name]), email: String(v[c.email]), phone: String(v[c.phone]) },
          usage_limit: 1,
        };
        if (v[c.title]) body.title = String(v[c.title]);
        return {
          url: baseUrl + '/v1/payment-links',
          method: 'post',
          contentType: 'application/json',
          headers: { Authorization: auth },
          payload: JSON.stringify(body),
          muteHttpExceptions: true,
        };
      }),
    );
    var taken = [];
    answers.forEach(function (res, k) {
      var code = res.getResponseCode();
      var v = values[rows[k]];
      if (code === 200 || code === 201) {
        v[c.link] = JSON.parse(res.getContentText()).payment_url;
        v[c.status] = 'Link created';
        v[c.note] = '';
      } else if (code === 409) {
        taken.push(rows[k]);
      } else if (code === 429 || code >= 500) {
        left++;
      } else {
        v[c.status] = 'Error';
        v[c.note] = String(JSON.parse(res.getContentText()).error_messages);
      }
    });
    if (taken.length) {
      // A link an earlier run made but never wrote down: fetch it.
      UrlFetchApp.fetchAll(
        taken.map(function (row) {
          return {
            url: baseUrl + '/v1/payment-links/' + encodeURIComponent(values[row][c.orderId]),
            headers: { Authorization: auth },
            muteHttpExceptions: true,
          };
        }),
      ).forEach(function (res, k) {
        var v = values[taken[k]];
        if (res.getResponseCode() === 200) {
          v[c.link] = JSON.parse(res.getContentText()).payment_link_url;
          v[c.status] = 'Link created';
        } else {
          left++;
        }
      });
    }
  }
  // One write of the four output columns (Payment Link to Note, adjacent in the template).
  var first = c.link;
  var width = c.note - c.link + 1;
  sheet.getRange(2, first + 1, values.length - 1, width).setValues(
    values.slice(1).map(function (v) {
      return v.slice(first, first + width);
    }),
  );
  props.setProperty('COMPETENT_ROWS_LEFT', String(left));
}
