// tests/markdown/markdown_test.cpp — markdown::render (md4c → dom): the
// tree markdown-it would give, and spans mapped back to the deck file.
#include "markdown/markdown.h"

#include <catch2/catch.hpp>

#include "dom/node.h"
#include "source/diagnostic.h"

using namespace deckpdf;

namespace {

// Renders `md` as if it sat in a file at offset 0, line by line.
std::string render(const std::string& md, markdown::Options options = {}) {
  markdown::MarkdownText text;
  text.append(md, 0);
  dom::Document doc;
  Diagnostics diags;
  REQUIRE(markdown::render(text, options, doc, doc.root, {0, 0}, diags));
  CHECK(!diags.has_errors());
  return dom::to_html(doc);
}

}  // namespace

TEST_CASE("markdown: blocks", "[markdown]") {
  CHECK(render("# T\n\npara *em* **strong**\n") ==
        "<h1>T</h1><p>para <em>em</em> <strong>strong</strong></p>");
  CHECK(render("- a\n- b\n") == "<ul><li>a</li><li>b</li></ul>");
  CHECK(render("- a\n\n- b\n") == "<ul><li><p>a</p></li><li><p>b</p></li></ul>");
  CHECK(render("3. a\n") == "<ol start=\"3\"><li>a</li></ol>");
  CHECK(render("> q\n") == "<blockquote><p>q</p></blockquote>");
  CHECK(render("---\n") == "<hr>");
  CHECK(render("```js\nx < 1\n```\n") ==
        "<pre><code class=\"language-js\">x &lt; 1\n</code></pre>");
}

TEST_CASE("markdown: tables and strikethrough as markdown-it writes them", "[markdown]") {
  CHECK(render("| a | b |\n|:--|--:|\n| 1 | ~~2~~ |\n") ==
        "<table><thead><tr><th style=\"text-align:left\">a</th><th style=\"text-align:right\">b"
        "</th></tr></thead><tbody><tr><td style=\"text-align:left\">1</td><td "
        "style=\"text-align:right\"><s>2</s></td></tr></tbody></table>");
}

TEST_CASE("markdown: links, images and URLs", "[markdown]") {
  CHECK(render("[x](http://a.b/c d \"T\")") == "<p>[x](http://a.b/c d \"T\")</p>");
  CHECK(render("[x](<http://a.b/c d> \"T\")") ==
        "<p><a href=\"http://a.b/c%20d\" title=\"T\">x</a></p>");
  CHECK(render("![alt *e*](i.png)") == "<p><img src=\"i.png\" alt=\"alt e\"></p>");
  CHECK(render("see https://x.org") == "<p>see https://x.org</p>");
  markdown::Options linkify;
  linkify.linkify = true;
  CHECK(render("see https://x.org", linkify) ==
        "<p>see <a href=\"https://x.org\">https://x.org</a></p>");
}

TEST_CASE("markdown: raw HTML is text unless the html option is on", "[markdown]") {
  CHECK(render("a <b>c</b> &copy;") == "<p>a &lt;b&gt;c&lt;/b&gt; \xC2\xA9</p>");
  markdown::Options html;
  html.html = true;
  CHECK(render("a <b>c</b>", html) == "<p>a <b>c</b></p>");
}

TEST_CASE("markdown: breaks", "[markdown]") {
  CHECK(render("a\nb") == "<p>a\nb</p>");
  CHECK(render("a  \nb") == "<p>a<br>\nb</p>");
  markdown::Options breaks;
  breaks.breaks = true;
  CHECK(render("a\nb", breaks) == "<p>a<br>\nb</p>");
}

TEST_CASE("markdown: spans map back through the pieces of the text", "[markdown]") {
  // Two lines taken from offsets 100 and 200 of some file.
  markdown::MarkdownText text;
  text.append("# Head", 100);
  text.append_synthetic("\n");
  text.append("body", 200);
  dom::Document doc;
  Diagnostics diags;
  REQUIRE(markdown::render(text, {}, doc, doc.root, {90, 210}, diags));
  const dom::Node& h1 = doc[doc[doc.root].children[0]];
  REQUIRE(h1.tag == "h1");
  const dom::Node& head = doc[h1.children[0]];
  CHECK(head.span.begin == 102);
  CHECK(head.span.end == 106);
  const dom::Node& p = doc[doc[doc.root].children[1]];
  CHECK(doc[p.children[0]].span.begin == 200);
  CHECK(doc[p.children[0]].span.end == 204);
  CHECK(p.span.begin == 200);
}

TEST_CASE("markdown: url_normalize percent-encodes like mdurl", "[markdown]") {
  CHECK(markdown::url_normalize("http://a.b/ü x?q=1#f") == "http://a.b/%C3%BC%20x?q=1#f");
  CHECK(markdown::url_normalize("a%20b%zz") == "a%20b%25zz");
}

TEST_CASE("markdown: deep nesting is bounded", "[markdown][limits]") {
  markdown::MarkdownText text;
  std::string deep(5000, '>');
  text.append(deep + " x", 0);
  dom::Document doc;
  Diagnostics diags;
  markdown::render(text, {}, doc, doc.root, {0, 0}, diags);
  CHECK(diags.has_code("markdown.too-deep"));
}
