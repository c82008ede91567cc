import { afterEach, describe, expect, it } from "vitest";
import { clientIp, requestOrigin, requestProtocol } from "./request-origin.ts";
import { safeNextPath } from "./safe-next-path.ts";

describe("request origin, scheme and client address", () => {
  const saved = process.env.BETTER_AUTH_URL;
  afterEach(() => {
    if (saved === undefined) delete process.env.BETTER_AUTH_URL;
    else process.env.BETTER_AUTH_URL = saved;
  });

  it("follows the proxy's X-Forwarded-Proto and Host when BETTER_AUTH_URL is unset", () => {
    delete process.env.BETTER_AUTH_URL;
    const behindTls = new Headers({ host: "raqib.example.org", "x-forwarded-proto": "https" });
    expect(requestProtocol(behindTls)).toBe("https");
    expect(requestOrigin(behindTls)).toBe("https://raqib.example.org");
    expect(requestProtocol(new Headers({ host: "localhost:3000" }), "http://localhost:3000/x")).toBe("http");
    expect(requestOrigin(new Headers(), "http://127.0.0.1:3210/api/x")).toBe("http://127.0.0.1:3210");
  });

  it("prefers BETTER_AUTH_URL when set", () => {
    process.env.BETTER_AUTH_URL = "https://comments.example.org";
    const headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-proto": "http" });
    expect(requestProtocol(headers)).toBe("https");
    expect(requestOrigin(headers)).toBe("https://comments.example.org");
  });

  it("takes the first X-Forwarded-For address, without the IPv4-mapped prefix", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "::ffff:203.0.113.5" }))).toBe("203.0.113.5");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.1, 10.0.0.1" }))).toBe("198.51.100.1");
    expect(clientIp(new Headers())).toBeNull();
  });
});

describe("safeNextPath", () => {
  it("keeps paths on this site and refuses everything else", () => {
    expect(safeNextPath("/admin/users?x=1")).toBe("/admin/users?x=1");
    for (const bad of [
      "//evil.example/x",
      "https://evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      undefined,
      "/sign-in",
    ]) {
      expect(safeNextPath(bad)).toBe("/articles");
    }
  });
});
