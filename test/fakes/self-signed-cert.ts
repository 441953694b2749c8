/** A throwaway self-signed certificate for 127.0.0.1, made in memory with node:crypto (no openssl), so a
 * loopback fake can speak HTTPS where a client insists on it (MSAL accepts only https authorities). */
import { generateKeyPairSync, randomBytes, sign } from "node:crypto";

export interface SelfSignedCert {
  cert: string;
  key: string;
}

function encodeLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest >>= 8) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const der = (tag: number, ...content: Buffer[]) => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
};
const sequence = (...items: Buffer[]) => der(0x30, ...items);
const set = (...items: Buffer[]) => der(0x31, ...items);
const explicit = (tagNumber: number, item: Buffer) => der(0xa0 | tagNumber, item);
const integer = (bytes: Buffer) => der(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
const bitString = (bytes: Buffer) => der(0x03, Buffer.from([0]), bytes);
const octetString = (bytes: Buffer) => der(0x04, bytes);
const utf8 = (text: string) => der(0x0c, Buffer.from(text, "utf8"));
const utcTime = (date: Date) => der(0x17, Buffer.from(date.toISOString().replace(/[-:T]/g, "").slice(2, 14) + "Z", "ascii"));

function objectId(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const part of rest) {
    const chunk = [part & 0x7f];
    for (let value = part >> 7; value > 0; value >>= 7) chunk.unshift((value & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

const SHA256_WITH_RSA = sequence(objectId("1.2.840.113549.1.1.11"), Buffer.from([0x05, 0x00]));
const name = (commonName: string) => sequence(set(sequence(objectId("2.5.4.3"), utf8(commonName))));
/** subjectAltName: IP 127.0.0.1 and DNS localhost. */
const SUBJECT_ALT_NAME = sequence(objectId("2.5.29.17"), octetString(sequence(der(0x87, Buffer.from([127, 0, 0, 1])), der(0x82, Buffer.from("localhost")))));

export function createSelfSignedCert(validForMs = 24 * 60 * 60 * 1000): SelfSignedCert {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const now = Date.now();
  const toBeSigned = sequence(
    explicit(0, integer(Buffer.from([2]))),
    integer(randomBytes(16)),
    SHA256_WITH_RSA,
    name("127.0.0.1"),
    sequence(utcTime(new Date(now - 60 * 60 * 1000)), utcTime(new Date(now + validForMs))),
    name("127.0.0.1"),
    publicKey.export({ type: "spki", format: "der" }),
    explicit(3, sequence(SUBJECT_ALT_NAME)),
  );
  const certificate = sequence(toBeSigned, SHA256_WITH_RSA, bitString(sign("sha256", toBeSigned, privateKey)));
  const lines = certificate.toString("base64").match(/.{1,64}/g) ?? [];
  return {
    cert: `-----BEGIN CERTIFICATE-----\n${lines.join("\n")}\n-----END CERTIFICATE-----\n`,
    key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}
