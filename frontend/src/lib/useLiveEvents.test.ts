import { describe, expect, it } from "vitest";

import { liveUrl } from "./useLiveEvents";

describe("live events", () => {
  it("connects to the same origin over ws or wss", () => {
    expect(liveUrl("b1", { protocol: "https:", host: "santa.example" } as Location)).toBe("wss://santa.example/api/v1/ws?box_id=b1");
    expect(liveUrl("b1", { protocol: "http:", host: "127.0.0.1:8000" } as Location)).toBe("ws://127.0.0.1:8000/api/v1/ws?box_id=b1");
  });
});
