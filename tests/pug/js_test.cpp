// tests/pug/js_test.cpp — decks with JavaScript, run in the sandbox: each
// expected HTML here is what pug.js 3 renders for the same Pug (checked
// with tests/pug/pugjs-oracle.js); errors, caps and determinism.
#include <catch2/catch.hpp>

#include "pug/codegen.h"
#include "pug/lexer.h"
#include "pug/parse.h"
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

bool needs_js(const std::string& text) {
  Source src("t.pug", text);
  Diagnostics diags;
  return pug::ast_needs_js(pug::parse_tree(pug::lex(src, 0, diags), 0, diags));
}

}  // namespace

TEST_CASE("js: each with index and else, attribute expressions", "[pug][js]") {
  CHECK(html("- var items = [\"a\", \"b\"]\nul\n  each item, i in items\n"
             "    li(class=i % 2 ? \"odd\" : \"even\")= item\n  each x in []\n    li= x\n"
             "  else\n    li none\n") ==
        "<ul><li class=\"even\">a</li><li class=\"odd\">b</li><li>none</li></ul>");
  CHECK(html("each v, k in {a: 1, b: 2}\n  i= k + v") == "<i>a1</i><i>b2</i>");
}

TEST_CASE("js: mixins with rest arguments, attributes and blocks", "[pug][js]") {
  CHECK(html("mixin card(title, ...tags)\n  .card(class=tags)&attributes(attributes)\n"
             "    h3= title\n    if block\n      block\n    else\n      p no body\n"
             "+card(\"A\", \"x\", \"y\")(id=\"c1\")\n  p body\n+card(\"B\")\n") ==
        "<div class=\"card x y\" id=\"c1\"><h3>A</h3><p>body</p></div>"
        "<div class=\"card\"><h3>B</h3><p>no body</p></div>");
}

TEST_CASE("js: while, interpolation, escaping, style objects, modern syntax", "[pug][js]") {
  CHECK(html("- var n = 0\nwhile n < 3\n  span= n++\n"
             "p #{undefinedThing} and !{\"<b>b</b>\"} and #{\"<i>\"}\n"
             "p(style={color: \"red\", \"font-size\": \"2em\"} data-o={a: 1} title=`t${1+1}`)\n"
             "- const f = (x) => x * 2\np= f(21)\na(href=\"/x\" + 1 disabled=false checked)\n") ==
        "<span>0</span><span>1</span><span>2</span><p> and <b>b</b> and &lt;i&gt;</p>"
        "<p style=\"color:red;font-size:2em;\" data-o=\"{&quot;a&quot;:1}\" title=\"t2\"></p>"
        "<p>42</p><a href=\"/x1\" checked=\"checked\"></a>");
}

TEST_CASE("js: case with fall-through, code with a block, if/else in code", "[pug][js]") {
  CHECK(html("case \"b\"\n  when \"a\"\n  when \"b\"\n    p ab\n  default\n    p d\n"
             "- if (true)\n  p yes\n- else\n  p no\n- for (var i = 0; i < 2; i++)\n  b= i\n") ==
        "<p>ab</p><p>yes</p><b>0</b><b>1</b>");
}

TEST_CASE("js: `when x: tag` block expansion, and #{} inside literal HTML", "[pug][js]") {
  CHECK(html("- var n = 2\ncase n\n  when 1: p one\n  when 2: em two #{n}\n  default: p other\n"
             "case \"a:b\"\n  when \"a:b\":  span colon in string\n  default\n    p never\n") ==
        "<em>two 2</em><span>colon in string</span>");
  // The values are written into the HTML before it is read: markup spans them.
  CHECK(html("- var u = \"/a?b=1&c=2\"\n- var n = 2\n"
             "p <a href=\"#{u}\" title=\"#{\"<x>\"}\">link #{n}</a> and !{\"<b>b</b>\"}\n"
             "<!-- v=#{n} -->\n") ==
        "<p><a href=\"/a?b=1&amp;c=2\" title=\"&lt;x&gt;\">link 2</a> and <b>b</b></p>"
        "<!-- v=2 -->");
}

TEST_CASE("js: interpolated tag and mixin names, arguments over several lines", "[pug][js]") {
  CHECK(html("- var t = 'Section'\nmixin m(a, b)\n  p= a + b\n  block\n+m(\n'x',\n    'y'\n)\n"
             "+ m('1', '2')\n- var n = 'm'\n+#{n}('a', 'b')\n  em in\n"
             "#{t.toLowerCase()}(class='c') body\n#{'h' + 2}: b x\nimg  \n#{\n  'br'\n}/\n") ==
        "<p>xy</p><p>12</p><p>ab</p><em>in</em><section class=\"c\">body</section>"
        "<h2><b>x</b></h2><img><br>");
  // What is not a tag name is an error at the tag, and a div.
  test::PugResult r = test::pug_run("p a\n#{'<x y>'} hi");
  CHECK(r.codes() == V{"pug.tag-name@2:1"});
  CHECK(r.html == "<p>a</p><div>hi</div>");
}

TEST_CASE("js: errors are reported at the deck line running", "[pug][js]") {
  test::PugResult r = test::pug_run("p a\np= x.y\np b");
  CHECK(r.codes() == V{"pug.js-error@2:2"});
  CHECK(r.printed().find("cannot read property 'y' of undefined") != std::string::npos);
  CHECK(r.html == "<p>a</p><p></p>");  // what was built before the error stays

  test::PugResult req = test::pug_run("img(src=require('./a.png'))\n- require('fs')");
  CHECK(req.codes() == V{"pug.require@1:1", "pug.js-error@2:1"});
  CHECK(req.html == "<img src=\"./a.png\">");

  CHECK(test::pug_run("- var = ;").codes() == V{"pug.js-syntax@1:1"});
}

TEST_CASE("js: time and memory caps stop the deck's code", "[pug][js][limits]") {
  Source src("loop.pug", "p before\n- while (true) {}\np after\n");
  Diagnostics diags;
  pug::ParseOptions options;
  options.js.seconds = 0.2;
  dom::Document doc = pug::parse(src, 0, diags, options);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "pug.js-timeout");
  CHECK(src.line_col(diags.items()[0].span.begin).line == 2);
  CHECK(dom::to_html(doc) == "<p>before</p>");

  // The memory cap, with the time cap far away (a loaded machine is slow).
  Source grow("grow.pug",
              "p\n- var a = []; while (true) a.push(new Array(100000).fill(a.length))\n");
  Diagnostics grow_diags;
  options.js.seconds = 120;
  pug::parse(grow, 0, grow_diags, options);
  REQUIRE(grow_diags.items().size() == 1);
  CHECK(grow_diags.items()[0].code == "pug.js-memory");
  CHECK(grow.line_col(grow_diags.items()[0].span.begin).line == 2);

  test::PugResult nodes = test::pug_run("- while (true)\n  p\n");
  CHECK(nodes.diags.has_errors());
}

TEST_CASE("js: Date is fixed, Math.random seeded, locals become globals", "[pug][js]") {
  Source src("t.pug", "p= new Date().toISOString()\np= Math.random() === Math.random()\np= who");
  pug::ParseOptions options;
  options.js.now_ms = 86400000;
  options.js.locals_json = "{\"who\": \"me\"}";
  Diagnostics d1, d2;
  std::string a = dom::to_html(pug::parse(src, 0, d1, options));
  std::string b = dom::to_html(pug::parse(src, 0, d2, options));
  CHECK(a == "<p>1970-01-02T00:00:00.000Z</p><p>false</p><p>me</p>");
  CHECK(a == b);
}

TEST_CASE("js: a deck without code never makes the engine", "[pug][js]") {
  CHECK_FALSE(
      needs_js("section\n  h2.t(data-x=\"1\" class=['a', 'b']) Hi\n  :markdown-it\n"
               "    # x\nmixin m\n  p\n+m\n  p"));
  CHECK(needs_js("p= x"));
  CHECK(needs_js("p #{x}"));
  CHECK(needs_js("a(href=url)"));
  CHECK(needs_js("mixin m(a)\n  p"));
  CHECK(needs_js("if a\n  p"));
}

TEST_CASE("js: nodes made from computed HTML point at the code", "[pug][js]") {
  std::string text = "section\n  p!= '<b>' + 'x'.repeat(3000) + '</b>'\n";
  test::PugResult r = test::pug_run(text);
  CHECK(r.codes().empty());
  for (const dom::Node& n : r.doc.nodes) {
    CHECK(n.span.end <= text.size());
  }
  CHECK(r.html.starts_with("<section><p><b>xxx"));
}
