// The same Perspective-compatible API under /api/, for deployments that proxy only /api/* to Raqib.
export { POST } from "../../../../v1alpha1/[action]/route.ts";

export const dynamic = "force-dynamic";
