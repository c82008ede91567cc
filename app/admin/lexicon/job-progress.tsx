"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** While a re-classification runs, the page reloads its server data every second and a half. */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 1_500);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
