// tests/pug/parser_test.cpp — pug::parse: Pug in, element tree out (checked
// through dom::to_html and by walking nodes), and one test per form deckpdf
// does not run, asserting its diagnostic code, line and column.
#include <catch2/catch.hpp>

#include "pug/eval.h"
#include "pug/html_tree.h"
#include "pug/lexer.h"
#include "pug/pug_helpers.h"

using namespace deckpdf;
using V = std::vector<std::string>;

namespace {

std::string html(const std::string& pug) {
  test::PugResult r = test::pug_run(pug);
  INFO(r.printed());
  CHECK(!r.diags.has_errors());
  return r.html;
}

}  // namespace

TEST_CASE("parser: tags, shorthands and nesting", "[pug][parser]") {
  CHECK(html("h2#intro.title Hi") == "<h2 class=\"title\" id=\"intro\">Hi</h2>");
  CHECK(html(".fragment x") == "<div class=\"fragment\">x</div>");
  CHECK(html("ul\n  li a\n  li\n    b c\np") == "<ul><li>a</li><li><b>c</b></li></ul><p></p>");
  CHECK(html("ul\n\tli a\n\tli b") == "<ul><li>a</li><li>b</li></ul>");
  CHECK(html("li: a(href=\"#x\") text") == "<li><a href=\"#x\">text</a></li>");
  CHECK(html("img(src=\"a.png\")\nbr\nfoo/") == "<img src=\"a.png\"><br><foo></foo>");
}

TEST_CASE("parser: attributes", "[pug][parser]") {
  // `z2` is an undefined variable: pug.js leaves the attribute out.
  CHECK(html("a(href='x', title=\"y\" data-z=z2)") == "<a href=\"x\" title=\"y\"></a>");
  CHECK(html("input(checked)") == "<input checked=\"checked\">");
  CHECK(html("input(checked=true disabled=false)") == "<input checked=\"checked\">");
  CHECK(html("a.b(class=\"c d\").e") == "<a class=\"b c d e\"></a>");
  CHECK(html("div(style=\"color: red; width: 10px\")") ==
        "<div style=\"color: red; width: 10px\"></div>");
  CHECK(html("a(x=\"<&>\")") == "<a x=\"&lt;&amp;&gt;\"></a>");
  // `!=` is unescaped: the value is HTML, so references are decoded.
  CHECK(html("a(x!=\"&amp;<\")") == "<a x=\"&amp;&lt;\"></a>");
  CHECK(html("a(class=['x', 'y'])") == "<a class=\"x y\"></a>");
  CHECK(html("a(class={x: true, y: false})") == "<a class=\"x\"></a>");
  CHECK(html("a(class='' title=null)") == "<a></a>");
}

TEST_CASE("parser: text forms", "[pug][parser]") {
  CHECK(html("p\n  | a\n  | b") == "<p>a\nb</p>");
  CHECK(html("p.\n  a\n  b") == "<p>a\nb</p>");
  CHECK(html("pre: code.\n  x\n    y") == "<pre><code>x\n  y</code></pre>");
  CHECK(html("p a #[strong b] c") == "<p>a <strong>b</strong> c</p>");
  CHECK(html("p \\#{x} \\#[y]") == "<p>#{x} #[y]</p>");
  CHECK(html("p you&#8217;ll &amp; &lt;") == "<p>you\xE2\x80\x99ll &amp; &lt;</p>");
  CHECK(html("p a <i>b</i> c") == "<p>a <i>b</i> c</p>");
  CHECK(html("span .") == "<span>.</span>");
}

TEST_CASE("parser: entities are decoded into the Text node", "[pug][parser]") {
  test::PugResult r = test::pug_run("p a&amp;b&#x41;");
  const dom::Node& p = r.doc[r.doc[r.doc.root].children[0]];
  REQUIRE(p.children.size() == 1);
  CHECK(r.doc[p.children[0]].kind == dom::NodeKind::Text);
  CHECK(r.doc[p.children[0]].text == "a&bA");
}

TEST_CASE("parser: literal HTML lines become elements and comments", "[pug][parser]") {
  CHECK(html("<div class=\"x\">\n  p in\n</div>\n<!-- note -->") ==
        "<div class=\"x\"><p>in</p></div><!-- note -->");
}

TEST_CASE("parser: comments", "[pug][parser]") {
  CHECK(html("// kept\n//- dropped\n  also dropped\np") == "<!-- kept--><p></p>");
  // pug.js: the block's lines follow the comment's own text directly.
  CHECK(html("//\n  a\n  b") == "<!--a\nb-->");
  CHECK(html("// x\n  a\n  b\np") == "<!-- xa\nb--><p></p>");
}

TEST_CASE("parser: :markdown-it on any element", "[pug][parser]") {
  CHECK(html("aside.notes\n  :markdown-it\n    - a\n    - *b*") ==
        "<aside class=\"notes\"><ul><li>a</li><li><em>b</em></li></ul></aside>");
  CHECK(html(":markdown-it(linkify) see www.x.org") ==
        "<p>see <a href=\"http://www.x.org\">www.x.org</a></p>");
  CHECK(html(":markdown-it see www.x.org") == "<p>see www.x.org</p>");
}

TEST_CASE("parser: markdown spans point into the deck file", "[pug][parser]") {
  test::PugResult r =
      test::pug_run("---\nparser: pug\n---\nsection\n  :markdown-it\n    # Title\n");
  const dom::Node& section = r.doc[r.doc[r.doc.root].children[0]];
  const dom::Node& h1 = r.doc[section.children[0]];
  REQUIRE(h1.tag == "h1");
  const dom::Node& text = r.doc[h1.children[0]];
  CHECK(text.text == "Title");
  LineCol lc = r.source.line_col(text.span.begin);
  CHECK(lc.line == 6);
  CHECK(lc.col == 7);
  CHECK(r.source.text().substr(text.span.begin, text.span.end - text.span.begin) == "Title");
}

TEST_CASE("parser: element spans start at the tag", "[pug][parser]") {
  test::PugResult r = test::pug_run("section\n  h2.x(a=\"1\") Hi");
  const dom::Node& section = r.doc[r.doc[r.doc.root].children[0]];
  const dom::Node& h2 = r.doc[section.children[0]];
  LineCol lc = r.source.line_col(h2.span.begin);
  CHECK(lc.line == 2);
  CHECK(lc.col == 3);
  CHECK(r.source.text().substr(h2.span.begin, h2.span.end - h2.span.begin) == "h2.x(a=\"1\")");
}

TEST_CASE("parser: CRLF text is the same as LF text", "[pug][parser]") {
  test::PugResult lf = test::pug_run("pre.\n  a\n  b\np x\n  | y\n  | z\n");
  test::PugResult crlf = test::pug_run("pre.\r\n  a\r\n  b\r\np x\r\n  | y\r\n  | z\r\n");
  CHECK(lf.html == crlf.html);
  // As pug-parser: the tag's own text and the first piped line are not
  // separated; piped lines are.
  CHECK(lf.html == "<pre>a\nb</pre><p>xy\nz</p>");
}

// --- with --no-js, what is not run: one test per form, with its position --

TEST_CASE("unsupported: unbuffered code is skipped with its block", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("p a\n- var x = 1\n  p skipped\np b", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@2:1"});
  CHECK(r.diags.items()[0].severity == Severity::Warning);
  CHECK(r.html == "<p>a</p><p>b</p>");
}

TEST_CASE("unsupported: buffered code", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("p\n  = title\np= 'lit'\np!= '<b>x</b>'", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@2:3", "pug.javascript@3:2", "pug.javascript@4:2"});
  CHECK(r.html == "<p>title</p><p>lit</p><p><b>x</b></p>");
}

TEST_CASE("unsupported: #{} and !{} interpolation", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("p a #{name} b #{\"x\"} !{'<i>y</i>'}", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@1:5", "pug.javascript@1:15", "pug.javascript@1:22"});
  CHECK(r.html == "<p>a #{name} b x <i>y</i></p>");
}

TEST_CASE("unsupported: each, if, else, unless, case, while", "[pug][parser][js]") {
  test::PugResult r = test::pug_run(
      "each x in xs\n  li= x\nif a\n  p\nelse\n  p\nunless b\n  p\ncase c\n  when 1\n    p\n"
      "while d\n  p\np kept",
      "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@1:1", "pug.javascript@3:1", "pug.javascript@5:1",
                       "pug.javascript@7:1", "pug.javascript@9:1", "pug.javascript@12:1"});
  CHECK(r.diags.has_errors());
  CHECK(r.html == "<p>kept</p>");
}

TEST_CASE("unsupported: mixin arguments", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("mixin m(a)\n  p= a\n+m('x')\np kept", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@1:1", "pug.javascript@3:1"});
  CHECK(r.html == "<p>kept</p>");
}

TEST_CASE("mixins without arguments, with blocks, nested", "[pug][parser]") {
  CHECK(html("mixin box\n  .box\n    block\n+box\n  p a\n+box()") ==
        "<div class=\"box\"><p>a</p></div><div class=\"box\"></div>");
  // `block` in a mixin's body passed on to another mixin is the outer call's.
  CHECK(html("mixin a\n  section\n    block\nmixin b\n  +a\n    h2 t\n    block\n+b\n  p x") ==
        "<section><h2>t</h2><p>x</p></section>");
  test::PugResult r = test::pug_run("+later\nmixin later\n  p\nblock", "test.pug", false);
  CHECK(r.codes() == V{"pug.unknown-mixin@1:1", "pug.block-outside-mixin@4:1"});
  test::PugResult loop = test::pug_run("mixin a\n  p\n  +a\n+a", "test.pug", false);
  CHECK(loop.codes() == V{"pug.mixin-limit@3:3"});
}

TEST_CASE("include without a folder to read from: the file is missing", "[pug][parser]") {
  test::PugResult r = test::pug_run("section\n  include part.pug", "test.pug", false);
  CHECK(r.codes() == V{"pug.include@2:3"});
}

TEST_CASE("extends of a missing layout keeps the blocks", "[pug][parser]") {
  test::PugResult r = test::pug_run("extends layout\nblock content\n  p kept", "test.pug", false);
  CHECK(r.codes() == V{"pug.include@1:1"});
  CHECK(r.html == "<p>kept</p>");
}

TEST_CASE("unsupported: &attributes", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("div\n  a&attributes(attrs) x", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@2:4"});
  CHECK(r.html == "<div><a>x</a></div>");
}

TEST_CASE("unsupported: attribute values that are expressions", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("a(href=url title=\"a\" + \"b\" n=3)", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@1:8", "pug.javascript@1:18"});
  CHECK(r.html == "<a href=\"url\" title=\"ab\" n=\"3\"></a>");
}

TEST_CASE("unsupported: interpolated tag names", "[pug][parser][js]") {
  test::PugResult r = test::pug_run("p\n  #{tag} x", "test.pug", false);
  CHECK(r.codes() == V{"pug.javascript@2:3"});
  CHECK(r.html == "<p>x</p>");
}

TEST_CASE("unsupported: unknown filters", "[pug][parser]") {
  test::PugResult r = test::pug_run("div\n  :coffee\n    x = 1\np kept", "test.pug", false);
  CHECK(r.codes() == V{"pug.unknown-filter@2:3"});
  CHECK(r.html == "<div></div><p>kept</p>");
}

TEST_CASE("errors: duplicate attribute", "[pug][parser]") {
  test::PugResult r = test::pug_run("a#x(id=\"y\")", "test.pug", false);
  CHECK(r.codes() == V{"pug.duplicate-attribute@1:5"});
  CHECK(r.html == "<a id=\"x\"></a>");
}

TEST_CASE("errors: all are reported and parsing goes on", "[pug][parser]") {
  test::PugResult r = test::pug_run("a(href=\"x\nb(c\n:coffee\np ok", "test.pug", false);
  CHECK(r.codes() ==
        V{"pug.unterminated-string@1:8", "pug.unclosed-paren@2:2", "pug.unknown-filter@3:1"});
  CHECK(r.html.find("<p>ok</p>") != std::string::npos);
}

TEST_CASE("limits: deep nesting is an error, not a crash", "[pug][parser][limits]") {
  std::string deep;
  for (int i = 0; i < 2000; ++i) deep += std::string(static_cast<size_t>(i), ' ') + "div\n";
  test::PugResult r = test::pug_run(deep);
  CHECK(r.diags.has_code("pug.too-deep"));
  LineCol lc = r.source.line_col(r.diags.items()[0].span.begin);
  CHECK(lc.line == 258);

  std::string expand;
  for (int i = 0; i < 100000; ++i) expand += "a: ";
  CHECK(test::pug_run(expand + "b").diags.has_code("pug.too-deep"));

  std::string interp = "p ";
  for (int i = 0; i < 50000; ++i) interp += "#[a ";
  CHECK(test::pug_run(interp).diags.has_errors());

  CHECK(test::pug_run(std::string(100000, '(')).diags.has_errors());
  CHECK(test::pug_run(":markdown-it\n  " + std::string(100000, '>') + " x")
            .diags.has_code("markdown.too-deep"));
}

TEST_CASE("limits: any bytes give a result", "[pug][parser][limits]") {
  // A fixed pseudo-random sequence over Pug's special characters.
  const std::string alphabet = "a#.(){}[]\"'\n \t:|-=!<>/&;\\`+,\r\xC3\xA9";
  uint32_t seed = 12345;
  for (int round = 0; round < 200; ++round) {
    std::string text;
    for (int i = 0; i < 400; ++i) {
      seed = seed * 1103515245u + 12345u;
      text.push_back(alphabet[(seed >> 16) % alphabet.size()]);
    }
    test::PugResult r = test::pug_run(text);
    for (const dom::Node& n : r.doc.nodes) {
      CHECK(n.span.begin <= n.span.end);
      CHECK(n.span.end <= r.source.text().size());
    }
  }
}

// A deck with nothing to link and no JavaScript is evaluated a top-level
// statement at a time (parse_each_statement); the document and diagnostics
// must be those of the whole tree evaluated at once.
TEST_CASE("parser: statement-at-a-time evaluation equals the whole tree", "[pug][parser]") {
  const std::string deck =
      "doctype html\n"
      "| piped one\n"
      "| piped two\n"
      "<div class=\"open\">\n"
      "section\n"
      "  h2 Title #[em x]\n"
      "  p(title=\"t\" class=['a', 'b']) text\n"
      "  // kept comment\n"
      "  aside.notes\n"
      "    :markdown-it\n"
      "      - one **two**\n"
      "</div>\n"
      "section\n"
      "  p a(unclosed\n"
      "  p.\n"
      "    block text\n"
      "section\n"
      "  a(href=\"unterminated\n";
  Source source("pieces.pug", deck);
  Diagnostics whole_diags;
  std::vector<pug::Token> tokens = pug::lex(source, 0, whole_diags);
  dom::Document whole;
  pug::evaluate(pug::parse_tree(tokens, 0, whole_diags), whole, whole_diags);

  test::PugResult pieces = test::pug_run(deck, "pieces.pug");
  CHECK(pieces.html == dom::to_html(whole));
  CHECK(pieces.html.find("<div class=\"open\"><section>") != std::string::npos);
  CHECK(pieces.html.find("piped one\npiped two") != std::string::npos);
  REQUIRE(!whole_diags.items().empty());
  REQUIRE(pieces.diags.items().size() == whole_diags.items().size());
  for (size_t i = 0; i < whole_diags.items().size(); ++i) {
    CHECK(pieces.diags.items()[i].code == whole_diags.items()[i].code);
    CHECK(pieces.diags.items()[i].span.begin == whole_diags.items()[i].span.begin);
  }
}
