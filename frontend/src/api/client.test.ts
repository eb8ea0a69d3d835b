import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { makeClient, unwrap } from "./client";
import { ApiProblem } from "./problem";

/** A tiny real HTTP peer on loopback that behaves like the santa API where the wrapper cares. */
interface Seen {
  method: string;
  path: string;
  csrf: string | undefined;
  language: string | undefined;
  body: string;
}
let server: Server;
let base = "";
let seen: Seen[] = [];
let sessionValid = true;
let refreshWorks = true;

function send(res: ServerResponse, status: number, body: unknown, type = "application/json") {
  res.writeHead(status, { "Content-Type": type });
  res.end(body === undefined ? "" : JSON.stringify(body));
}

function handle(req: IncomingMessage, res: ServerResponse, body: string) {
  const path = (req.url ?? "").split("?")[0] ?? "";
  seen.push({
    method: req.method ?? "",
    path,
    csrf: req.headers["x-csrf-token"] as string | undefined,
    language: req.headers["accept-language"] as string | undefined,
    body,
  });
  if (path === "/api/v1/auth/refresh") {
    if (!refreshWorks) return send(res, 401, { type: "about:blank", title: "Unauthorized", status: 401, code: "invalid_refresh_token", detail: "Sign in again.", instance: null }, "application/problem+json");
    sessionValid = true;
    return send(res, 200, { session_id: "s", token_type: "bearer", transport: "cookie", expires_in: 900, user: {} });
  }
  if (path === "/api/v1/users/me") {
    if (!sessionValid) return send(res, 401, { type: "about:blank", title: "Unauthorized", status: 401, code: "not_authenticated", detail: "Sign in first.", instance: null }, "application/problem+json");
    return send(res, 200, { id: "u1", email: "a@example.org", full_name: "A", language: "en", timezone: "UTC", email_verified: true, has_password: true, is_superuser: false, created_at: "2026-01-01T00:00:00Z" });
  }
  if (path === "/api/v1/boxes" && req.method === "POST") {
    const lang = req.headers["accept-language"];
    return send(
      res,
      422,
      {
        type: "about:blank",
        title: "Unprocessable",
        status: 422,
        code: "validation_error",
        detail: lang === "ru" ? "Проверьте поля." : "Check the fields.",
        instance: null,
        errors: [{ loc: ["body", "name"], code: "string_too_short", message: lang === "ru" ? "Слишком коротко" : "Too short" }],
      },
      "application/problem+json",
    );
  }
  return send(res, 404, { type: "about:blank", title: "Not Found", status: 404, code: "not_found", detail: "Nothing here.", instance: null });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => handle(req, res, body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen = [];
  sessionValid = true;
  refreshWorks = true;
  document.cookie = "santa_csrf=csrf-123; path=/";
});

describe("the API fetch wrapper", () => {
  it("turns problem+json into a typed ApiProblem with field errors", async () => {
    const client = makeClient({ baseUrl: base, language: () => "en" });
    const error = await unwrap(client.POST("/api/v1/boxes", { body: { name: "", currency: "EUR", description: "", rules: "", is_private_names: false, organizer_participates: true, auto_draw: false } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiProblem);
    const problem = error as ApiProblem;
    expect(problem.status).toBe(422);
    expect(problem.code).toBe("validation_error");
    expect(problem.detail).toBe("Check the fields.");
    expect(problem.fieldErrors()).toEqual({ name: "Too short" });
  });

  it("asks for problems in the current language", async () => {
    const client = makeClient({ baseUrl: base, language: () => "ru" });
    const error = (await unwrap(client.POST("/api/v1/boxes", { body: { name: "", currency: "EUR", description: "", rules: "", is_private_names: false, organizer_participates: true, auto_draw: false } })).catch((e: unknown) => e)) as ApiProblem;
    expect(seen[0]?.language).toBe("ru");
    expect(error.detail).toBe("Проверьте поля.");
    expect(error.fieldErrors().name).toBe("Слишком коротко");
  });

  it("sends the CSRF cookie as X-CSRF-Token on unsafe methods only", async () => {
    const client = makeClient({ baseUrl: base });
    await client.GET("/api/v1/users/me");
    await client.POST("/api/v1/boxes", { body: { name: "x", currency: "EUR", description: "", rules: "", is_private_names: false, organizer_participates: true, auto_draw: false } });
    expect(seen[0]).toMatchObject({ method: "GET", csrf: undefined });
    expect(seen[1]).toMatchObject({ method: "POST", csrf: "csrf-123" });
  });

  it("refreshes an expired session once and retries the request", async () => {
    sessionValid = false;
    const client = makeClient({ baseUrl: base });
    const me = await unwrap(client.GET("/api/v1/users/me"));
    expect(me.email).toBe("a@example.org");
    expect(seen.map((s) => `${s.method} ${s.path}`)).toEqual(["GET /api/v1/users/me", "POST /api/v1/auth/refresh", "GET /api/v1/users/me"]);
    expect(seen[1]?.csrf).toBe("csrf-123");
  });

  it("gives up after one failed refresh and reports the sign-out", async () => {
    sessionValid = false;
    refreshWorks = false;
    let signedOut = 0;
    const client = makeClient({ baseUrl: base, onSignedOut: () => signedOut++ });
    const error = (await unwrap(client.GET("/api/v1/users/me")).catch((e: unknown) => e)) as ApiProblem;
    expect(error.status).toBe(401);
    expect(error.code).toBe("not_authenticated");
    expect(signedOut).toBe(1);
    expect(seen.filter((s) => s.path === "/api/v1/auth/refresh")).toHaveLength(1);
  });

  it("reports an unreachable server as network_error", async () => {
    const client = makeClient({ baseUrl: "http://127.0.0.1:9" });
    const error = (await unwrap(client.GET("/api/v1/users/me")).catch((e: unknown) => e)) as ApiProblem;
    expect(error).toBeInstanceOf(ApiProblem);
    expect(error.code).toBe("network_error");
  });
});
