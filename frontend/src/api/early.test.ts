import { afterEach, describe, expect, it } from "vitest";

import { makeSantaFetch } from "./client";

const origin = window.location.origin;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

afterEach(() => {
  delete window.__santaEarly;
});

describe("answers asked for at start-up", () => {
  it("are taken once, for the same GET, and a failed one is asked again", async () => {
    const asked: string[] = [];
    const santaFetch = makeSantaFetch({
      fetch: async (input) => {
        const request = input as Request;
        asked.push(`${request.method} ${new URL(request.url).pathname}`);
        return json(200, { from: "network" });
      },
    });
    window.__santaEarly = {
      "/api/v1/users/me": Promise.resolve(json(200, { from: "early" })),
      "/api/v1/boxes?per_page=100": Promise.resolve(json(401, { code: "not_authenticated" })),
      "/api/v1/boxes/b1": Promise.resolve(null),
    };
    const me = await santaFetch(new Request(`${origin}/api/v1/users/me`));
    expect(await me.json()).toEqual({ from: "early" });
    expect(asked).toEqual([]);
    // Once only: the next ask goes to the server.
    await santaFetch(new Request(`${origin}/api/v1/users/me`));
    expect(asked).toEqual(["GET /api/v1/users/me"]);
    // A 401 or a failed early request: asked again the normal way.
    expect(await (await santaFetch(new Request(`${origin}/api/v1/boxes?per_page=100`))).json()).toEqual({ from: "network" });
    expect(await (await santaFetch(new Request(`${origin}/api/v1/boxes/b1`))).json()).toEqual({ from: "network" });
    // Another query string or method is another request.
    window.__santaEarly = { "/api/v1/boxes?per_page=100": Promise.resolve(json(200, {})) };
    await santaFetch(new Request(`${origin}/api/v1/boxes?per_page=50`));
    await santaFetch(new Request(`${origin}/api/v1/boxes?per_page=100`, { method: "DELETE" }));
    expect(asked.slice(-2)).toEqual(["GET /api/v1/boxes", "DELETE /api/v1/boxes"]);
    expect(window.__santaEarly["/api/v1/boxes?per_page=100"]).toBeDefined();
  });
});
