import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";

// Offline machines cannot download Prisma's native schema engine. generate/validate/format
// only need the WebAssembly engine once PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
const command = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (
  command &&
  ["generate", "validate", "format"].includes(command) &&
  !process.env.PRISMA_SCHEMA_ENGINE_BINARY
) {
  const placeholder = process.execPath;
  if (existsSync(placeholder)) process.env.PRISMA_SCHEMA_ENGINE_BINARY = placeholder;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
