/**
 * A local stand-in for the message sender an n8n Send Email node talks to: a minimal SMTP server on
 * loopback (RFC 5321's greeting, EHLO/HELO, MAIL, RCPT, DATA ending at a lone ".", RSET, NOOP, QUIT;
 * no STARTTLS and no AUTH offered, so a client with neither configured sends in the clear). It keeps
 * every message it accepted (envelope and raw text) and counts every command.
 */
import net from 'net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), dot-stuffing undone. */
  data: string;
  /** The message with quoted-printable soft line breaks and `=XX` escapes decoded (RFC 2045 §6.7). */
  text: string;
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r\n/g, '');
  return Buffer.from(
    joined.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1',
  ).toString('utf8');
}

export interface SmtpStandIn {
  port: number;
  messages: ReceivedMail[];
  commands: number;
  close(): Promise<void>;
}

export function startSmtpStandIn(): Promise<SmtpStandIn> {
  const messages: ReceivedMail[] = [];
  const state = { commands: 0 };
  const server = net.createServer((socket) => {
    let buffer = '';
    let inData = false;
    let mail: Omit<ReceivedMail, 'text'> = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 localhost SMTP stand-in');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            messages.push({ ...mail, text: decodeQuotedPrintable(mail.data) });
            mail = { from: '', to: [], data: '' };
            reply('250 OK: queued');
          } else mail.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          continue;
        }
        state.commands++;
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-localhost\r\n250 8BITMIME\r\n');
        else if (verb === 'HELO') reply('250 localhost');
        else if (verb === 'MAIL') {
          mail = { from: /<([^>]*)>/.exec(line)?.[1] ?? '', to: [], data: '' };
          reply('250 OK');
        } else if (verb === 'RCPT') {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? '');
          reply('250 OK');
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          mail = { from: '', to: [], data: '' };
          reply('250 OK');
        } else if (verb === 'NOOP') reply('250 OK');
        else if (verb === 'QUIT') {
          reply('221 Bye');
          socket.end();
        } else reply('502 Command not implemented');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({
        port,
        messages,
        get commands() {
          return state.commands;
        },
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
