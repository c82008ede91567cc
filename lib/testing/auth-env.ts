import { randomBytes } from "node:crypto";

// Each test run signs its session cookies with a throwaway key; none lives in the repository.
process.env.BETTER_AUTH_SECRET ||= randomBytes(32).toString("base64url");
// What next.config.js's experimental.authInterrupts sets inside Next, so forbidden() works here too.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS ||= "true";
