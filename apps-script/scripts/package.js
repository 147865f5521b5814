/**
 * `npm run package:sheets`: the no-terminal install bundle, dist/midtrans-sheets-addon.zip at the repository
 * root (the release workflow attaches this file). It holds exactly what a merchant pastes into
 * Extensions ▸ Apps Script: Code.gs (the built apps-script/dist/Code.js), each HTML file, appsscript.json,
 * and INSTALL.txt with the steps (docs/sheets.md "Install").
 *
 * The zip is written with fflate (no zip tool can be assumed on the machine).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { zipSync } = require('fflate');

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'apps-script', 'dist');
const OUT = path.join(ROOT, 'dist', 'midtrans-sheets-addon.zip');

const INSTALL = `Midtrans Payment Links for Google Sheets: install without a terminal

1. Open your Google Sheet (or a new one: sheets.new).
2. Extensions > Apps Script. The editor opens with a file Code.gs.
3. Replace everything in Code.gs with the contents of Code.gs from this folder. Save.
4. Files + > HTML, name it Settings (the editor adds .html), replace its contents with Settings.html. Save.
   Do the same for every other .html file in this folder, under the same name.
5. Project Settings (gear) > tick "Show appsscript.json manifest file in editor". Back in the Editor,
   open appsscript.json and replace its contents with appsscript.json from this folder. Save.
6. Deploy > New deployment > type Web app; Execute as: Me; Who has access: Anyone. Deploy, allow access
   (Advanced > Go to ... for your own unverified script), and copy the Web app URL.
7. Reload the Sheet: a Midtrans menu appears. Midtrans > Settings: paste your server key, Save.
8. In the Midtrans dashboard, Settings > Configuration > Payment Notification URL: paste the Web app URL.

The full guide: docs/sheets.md in the project repository. Bahasa Indonesia: INSTALL.id.txt.
`;

/** The same steps in Bahasa Indonesia (Google's menu names as its Indonesian interface shows them, the English ones in brackets). */
const INSTALL_ID = `Midtrans Payment Links untuk Google Sheets: pemasangan tanpa terminal

1. Buka Google Sheet Anda (atau yang baru: sheets.new).
2. Ekstensi > Apps Script (Extensions > Apps Script). Editor terbuka dengan file Code.gs.
3. Ganti seluruh isi Code.gs dengan isi Code.gs dari folder ini. Simpan.
4. File + > HTML, beri nama Settings (editor menambahkan .html), ganti isinya dengan Settings.html. Simpan.
   Lakukan hal yang sama untuk setiap file .html lain di folder ini, dengan nama yang sama.
5. Setelan Project (ikon roda gigi; Project Settings) > centang "Tampilkan file manifes appsscript.json di editor".
   Kembali ke Editor, buka appsscript.json dan ganti isinya dengan appsscript.json dari folder ini. Simpan.
6. Terapkan > Deployment baru (Deploy > New deployment) > jenis Aplikasi web; Jalankan sebagai: Saya;
   Yang memiliki akses: Siapa saja. Terapkan, izinkan akses (Lanjutan > Buka ... untuk skrip Anda sendiri
   yang belum diverifikasi), lalu salin URL Aplikasi web.
7. Muat ulang Sheet: menu Midtrans muncul. Midtrans > Pengaturan: tempel server key Anda, Simpan.
   Bahasa add-on mengikuti bahasa akun Google Anda; Pengaturan > Bahasa dapat mengubahnya untuk spreadsheet ini.
8. Di dashboard Midtrans, Settings > Configuration > Payment Notification URL: tempel URL Aplikasi web.

Panduan lengkap: docs/sheets.id.md di repositori proyek.
`;

function entries() {
  if (!fs.existsSync(path.join(DIST, 'Code.js')))
    throw new Error('apps-script/dist/Code.js is missing: run `npm run build -w apps-script` first.');
  const files = [
    { name: 'Code.gs', data: fs.readFileSync(path.join(DIST, 'Code.js')) },
    ...fs
      .readdirSync(DIST)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => ({ name: f, data: fs.readFileSync(path.join(DIST, f)) })),
    { name: 'appsscript.json', data: fs.readFileSync(path.join(DIST, 'appsscript.json')) },
    { name: 'INSTALL.txt', data: Buffer.from(INSTALL, 'utf8') },
    { name: 'INSTALL.id.txt', data: Buffer.from(INSTALL_ID, 'utf8') },
  ];
  return files;
}

/** The zip archive, deflated, with one fixed timestamp so the same build gives the same bytes. */
function zip(files) {
  const entries = Object.fromEntries(files.map(({ name, data }) => [name, new Uint8Array(data)]));
  return Buffer.from(zipSync(entries, { level: 9, mtime: new Date(2026, 0, 1) }));
}

if (require.main === module) {
  const files = entries();
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, zip(files));
  console.log(`${path.relative(ROOT, OUT)}: ${files.map((f) => f.name).join(', ')}`);
}

module.exports = { OUT, entries, zip };
