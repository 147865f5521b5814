/*
 * The baseline the Sheets benchmark compares our add-on with: the script a typical "Midtrans payment
 * links from Google Sheets" tutorial writes. It works (it makes a correct link per row on the template
 * sheet `Invoices`), but it does what such tutorials do: columns hard-coded by position, each input cell
 * read with getValue, one UrlFetchApp.fetch per row, each result cell written with setValue. It is
 * Apps Script source, loaded by the emulator exactly as our built dist/Code.js is. Not product code.
 */
var COL = { orderId: 1, name: 2, email: 3, phone: 4, amount: 8, title: 9, link: 13, status: 14, note: 16 };

function createPaymentLinks() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Invoices');
  var props = PropertiesService.getScriptProperties();
  var serverKey = props.getProperty('MIDTRANS_SERVER_KEY');
  var baseUrl = props.getProperty('MIDTRANS_API_BASE_URL') || 'https://api.sandbox.midtrans.com';
  var lastRow = sheet.getLastRow();
  for (var row = 2; row <= lastRow; row++) {
    if (sheet.getRange(row, COL.link).getValue() !== '') continue;
    var orderId = sheet.getRange(row, COL.orderId).getValue();
    var name = sheet.getRange(row, COL.name).getValue();
    var email = sheet.getRange(row, COL.email).getValue();
    var phone = sheet.getRange(row, COL.phone).getValue();
    var amount = sheet.getRange(row, COL.amount).getValue();
    var title = sheet.getRange(row, COL.title).getValue();
    var body = {
      transaction_details: { order_id: String(orderId), gross_amount: Number(amount), payment_link_id: Utilities.getUuid().toLowerCase() },
      customer_details: { first_name: String(name), email: String(email), phone: String(phone) },
      usage_limit: 1,
    };
    if (title) body.title = String(title);
    var response = UrlFetchApp.fetch(baseUrl + '/v1/payment-links', {
      method: 'post',
      contentType: 'application/json',
      headers: { Authorization: 'Basic ' + Utilities.base64Encode(serverKey + ':') },
      payload: JSON.stringify(body),
      muteHttpExceptions: true,
    });
    var result = JSON.parse(response.getContentText());
    if (response.getResponseCode() === 409) {
      // The one addition to the tutorial, so that re-running it works: a run killed at the 6-minute
      // limit after Midtrans made a row's link but before setValue gets 409 for that order id next
      // time, and would otherwise leave the row without its link forever. Fetch the link it has.
      response = UrlFetchApp.fetch(baseUrl + '/v1/payment-links/' + encodeURIComponent(orderId), {
        headers: { Authorization: 'Basic ' + Utilities.base64Encode(serverKey + ':') },
        muteHttpExceptions: true,
      });
      result = JSON.parse(response.getContentText());
      result.payment_url = result.payment_link_url;
    }
    if (response.getResponseCode() === 200) {
      sheet.getRange(row, COL.link).setValue(result.payment_url);
      sheet.getRange(row, COL.status).setValue('Link created');
    } else {
      sheet.getRange(row, COL.status).setValue('Error');
      sheet.getRange(row, COL.note).setValue(String(result.error_messages));
    }
  }
}
