/** A loopback stand-in for Bot Service: it signs Bot Framework tokens with keys it publishes (as
 * login.botframework.com does), and plays the Bot Connector that receives the bot's messages. */
import { createServer, type IncomingMessage, type Server } from "node:http";
import { randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";

export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

export interface ConnectorCall {
  kind: "create" | "update";
  conversationId: string;
  activityId: string;
  activity: { type: string; attachments?: Array<{ contentType: string; content: any }> };
  authorization: string | undefined;
}

export interface ServiceTokenOptions {
  audience?: string;
  serviceUrl?: string;
  issuer?: string;
  expiresInSeconds?: number;
  isSignedByStranger?: boolean;
}

export interface BotFrameworkFake {
  botId: string;
  /** Where the bot reads signing keys: set as BOT_OPENID_METADATA_URL. */
  openIdMetadataUrl: string;
  /** The Bot Connector's address, sent as the activities' serviceUrl. */
  serviceUrl: string;
  calls: ConnectorCall[];
  mintServiceToken(options?: ServiceTokenOptions): Promise<string>;
  /** The token the bot presents on outgoing calls (stands in for Entra's token endpoint). */
  issueBotToken(): Promise<string>;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}");
}

export async function startBotFrameworkFake(botId = randomUUID()): Promise<BotFrameworkFake> {
  const keys = await generateKeyPair("RS256", { extractable: true });
  const stranger = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid, alg: "RS256", use: "sig" };
  const calls: ConnectorCall[] = [];
  let sequence = 0;

  const server: Server = createServer(async (req, res) => {
    const url = req.url ?? "/";
    res.setHeader("content-type", "application/json");
    if (url === "/v1/.well-known/keys") return void res.end(JSON.stringify({ keys: [jwk] }));
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(url);
    if (!match) {
      res.statusCode = 404;
      return void res.end("{}");
    }
    const activityId = match[2] ? decodeURIComponent(match[2]) : `activity-${++sequence}`;
    const kind = req.method === "PUT" ? "update" : "create";
    calls.push({ kind, conversationId: decodeURIComponent(match[1]!), activityId, activity: await readJson(req), authorization: req.headers.authorization });
    res.end(JSON.stringify({ id: activityId }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const serviceUrl = base;

  async function sign(claims: Record<string, unknown>, options: ServiceTokenOptions, audience: string): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT(claims)
      .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
      .setIssuer(options.issuer ?? BOT_FRAMEWORK_ISSUER)
      .setAudience(audience)
      .setIssuedAt(now)
      .setNotBefore(now - 5)
      .setExpirationTime(now + (options.expiresInSeconds ?? 3600))
      .sign(options.isSignedByStranger ? stranger.privateKey : keys.privateKey);
  }

  return {
    botId,
    openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    serviceUrl,
    calls,
    mintServiceToken: (options = {}) => sign({ serviceurl: options.serviceUrl ?? serviceUrl }, options, options.audience ?? botId),
    issueBotToken: () => sign({ appid: botId }, {}, "https://api.botframework.com"),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
