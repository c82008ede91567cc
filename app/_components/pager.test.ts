import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Pager } from "./pager.tsx";

const render = (page: number, count: number) =>
  renderToStaticMarkup(
    createElement(Pager, { locale: "en", page, count, pageSize: 10, href: (p: number) => `/x?page=${p}` }),
  );

describe("Pager", () => {
  it("shows nothing when everything fits on one page", () => {
    expect(render(1, 10)).toBe("");
  });

  it("links to the previous and next pages from a middle page", () => {
    const html = render(2, 25);
    expect(html).toContain('href="/x?page=1"');
    expect(html).toContain('href="/x?page=3"');
    expect(html).toContain("Page 2 of 3");
  });

  it("has no next link on the last page", () => {
    const html = render(3, 25);
    expect(html).not.toContain('href="/x?page=4"');
    expect(html).toContain('href="/x?page=2"');
  });
});
