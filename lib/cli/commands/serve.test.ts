import { describe, expect, it } from "vitest";
import { runCli } from "../../testing/run-cli.ts";

describe("raqib serve", () => {
  it("refuses to start without DATABASE_URL, saying so", async () => {
    const result = await runCli(["serve", "--port", "39999"], { env: { DATABASE_URL: "" } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/serve: DATABASE_URL is not set/);
  });

  it("rejects a bad port", async () => {
    const result = await runCli(["serve", "--port", "http"], {
      env: { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" },
    });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/port/i);
  });
});
