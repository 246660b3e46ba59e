// Tests of highlight/code_blocks: which blocks reveal.js's highlight plugin
// would colour, in which language, what text they show, and the exported
// PDF: coloured tokens, the same text extracted.
#include "highlight/code_blocks.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "parsed.h"
#include "pug/parse.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

using test::codes;
using test::parse;

// Whether a pixel is within 3 of a colour in each channel (PDF colours go
// through floats).
bool near(uint32_t pixel, uint32_t rgb) {
  for (int shift : {0, 8, 16}) {
    const int a = static_cast<int>((pixel >> shift) & 0xFF),
              b = static_cast<int>((rgb >> shift) & 0xFF);
    if (a - b > 3 || b - a > 3) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("the language comes from classes, data-lang, a fence or a bare name, else no change") {
  auto p = parse(
      "section\n"
      "  pre: code.language-python def f(): pass\n"
      "  pre.lang-js: code const x = 1\n"
      "  pre: code(data-lang='rust') fn main() {}\n"
      "  pre: code.go func main() {}\n"
      "  pre: code plain if x\n"
      "  pre: code.nohighlight if x\n"
      "  pre: code.hljs def f(self): return None\n"
      "  code.language-python inline, not in a pre\n"
      "  :markdown-it\n"
      "    ```ruby\n"
      "    puts 1\n"
      "    ```\n");
  CHECK(p->highlighted == 6);
  auto list = codes(p->doc);
  REQUIRE(list.size() == 9);
  const std::string expected[] = {"def f(): pass",
                                  "const x = 1",
                                  "fn main() {}",
                                  "func main() {}",
                                  "plain if x",
                                  "if x",
                                  "def f(self): return None",
                                  "inline, not in a pre",
                                  "puts 1\n"};
  for (size_t i = 0; i < list.size(); ++i) CHECK(p->doc.text_content(list[i]) == expected[i]);
  // Highlighted blocks: hljs class and spans with highlight.js's classes.
  CHECK(p->doc[list[0]].has_class("hljs"));
  CHECK(
      dom::to_html(p->doc, list[0]) ==
      "<code class=\"language-python hljs\"><span class=\"hljs-keyword\">def</span> <span "
      "class=\"hljs-title function_\">f</span>(): <span class=\"hljs-keyword\">pass</span></code>");
  CHECK(dom::to_html(p->doc, list[6]).find("<span class=\"hljs-keyword\">return</span>") !=
        std::string::npos);
  CHECK(dom::to_html(p->doc, list[8]) ==
        "<code class=\"language-ruby hljs\">puts <span class=\"hljs-number\">1</span>\n</code>");
  // Untouched: no language, no-highlight, and code outside a pre.
  CHECK(dom::to_html(p->doc, list[4]) == "<code>plain if x</code>");
  CHECK(dom::to_html(p->doc, list[5]) == "<code class=\"nohighlight\">if x</code>");
  CHECK(dom::to_html(p->doc, list[7]) ==
        "<code class=\"language-python\">inline, not in a pre</code>");
  CHECK(p->diags.items().empty());
}

TEST_CASE("blocks matched on several threads give the tree one thread gives") {
  // Forty blocks in four languages (some repeated, one unknown twice): the
  // matching runs on threads, the tree's changes and warnings in order.
  std::string deck;
  const char* langs[] = {"python", "rust", "javascript", "cobol-ish"};
  for (int k = 0; k < 40; ++k) {
    deck += "section\n  pre: code.language-" + std::string(langs[k % 4]) +
            (k % 3 == 0 ? "(data-line-numbers='1|2')" : "") + ".\n    let x" +
            std::to_string(k % 7) + " = " + std::to_string(k) + " // done\n    f(x)\n";
  }
  auto highlighted = [&](unsigned threads, size_t& count, std::string& warnings) {
    Source source("t.pug", deck);
    Diagnostics diags;
    dom::Document doc = pug::parse(source, 0, diags);
    count = highlight::highlight_code_blocks(doc, test::source_dir() + "/layouts/highlight", diags,
                                             threads);
    for (const Diagnostic& d : diags.items()) warnings += d.message + "\n";
    return dom::to_html(doc);
  };
  size_t one = 0, four = 0;
  std::string warned_one, warned_four;
  const std::string serial = highlighted(1, one, warned_one);
  CHECK(one == 34);  // 30 known, and the 4 numbered ones of the unknown language
  CHECK(serial.find("hljs-keyword") != std::string::npos);
  CHECK(highlighted(4, four, warned_four) == serial);
  CHECK(four == one);
  CHECK(warned_four == warned_one);
  CHECK(warned_one.find("cobol-ish") != std::string::npos);
}

TEST_CASE("an unknown language stays plain with one warning per language") {
  auto p = parse(
      "section\n"
      "  pre: code.language-klingon Qapla'\n"
      "  pre: code.language-Klingon Qapla' batlh\n"
      "  pre: code.language-elvish mae govannen\n");
  CHECK(p->highlighted == 0);
  REQUIRE(p->diags.items().size() == 2);
  CHECK(p->diags.items()[0].code == "highlight.unknown-language");
  CHECK(p->diags.items()[0].message.find("'klingon'") != std::string::npos);
  CHECK(p->diags.items()[1].message.find("'elvish'") != std::string::npos);
}

TEST_CASE("markup in a block shows as its source unless data-noescape keeps it") {
  auto p = parse(
      "section\n"
      "  pre: code.language-html.\n"
      "    <p class=\"x\">hi &amp; bye</p>\n"
      "  pre: code.language-js(data-noescape).\n"
      "    let a = <mark>b</mark>;\n"
      "  pre: code.language-python(data-noescape).\n"
      "    x = \"a<mark>b</mark>c\"\n");
  auto list = codes(p->doc);
  CHECK(p->doc.text_content(list[0]) == "<p class=\"x\">hi & bye</p>");
  CHECK(dom::to_html(p->doc, list[0]).find("<span class=\"hljs-name\">p</span>") !=
        std::string::npos);
  CHECK(dom::to_html(p->doc, list[1]) ==
        "<code class=\"language-js hljs\" data-noescape=\"data-noescape\"><span "
        "class=\"hljs-keyword\">let</span> a = <mark>b</mark>;</code>");
  // A token across the mark's ends is split there; the mark stays whole.
  CHECK(dom::to_html(p->doc, list[2]) ==
        "<code class=\"language-python hljs\" data-noescape=\"data-noescape\">x = <span "
        "class=\"hljs-string\">\"a</span><mark><span class=\"hljs-string\">b</span></mark><span "
        "class=\"hljs-string\">c\"</span></code>");
  CHECK(p->doc.text_content(list[2]) == "x = \"abc\"");
}

TEST_CASE("data-trim trims as reveal.js's betterTrim does") {
  CHECK(highlight::better_trim("\n\n    a\n      b\n    c\n  \n") == "a\n  b\nc");
  CHECK(highlight::better_trim("  x") == "x");
  CHECK(highlight::better_trim("\n \n") == "");
  auto p =
      parse("section\n  pre: code.language-python(data-trim).\n\n        x = 1\n          y\n\n");
  CHECK(p->doc.text_content(codes(p->doc)[0]) == "x = 1\n  y");
}

TEST_CASE("an exported deck shows the code's text exactly and its tokens in monokai's colours") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/code.pug",
                   ".reveal: .slides: section\n"
                   "  pre: code.language-python.\n"
                   "    def greet(name):\n"
                   "        return \"hi \" + name  # say it\n");
  auto run = test::run_deckpdf(dir + "/code.pug -o " + dir + "/code.pdf");
  REQUIRE(run.exit_code == 0);
  test::PdfDoc pdf = test::pdf_read(dir + "/code.pdf");
  REQUIRE(pdf.pages.size() == 1);
  CHECK(pdf.pages[0].text.find("def greet(name):") != std::string::npos);
  CHECK(pdf.pages[0].text.find("return \"hi \" + name") != std::string::npos);
  CHECK(pdf.pages[0].text.find("# say it") != std::string::npos);
  // monokai's background behind the code, and its keyword pink somewhere on it.
  test::Raster page = test::pdf_render_page(dir + "/code.pdf", 0);
  size_t background = 0, keyword = 0;
  for (uint32_t pixel : page.argb) {
    if (near(pixel, 0x272822)) ++background;
    const int r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF;
    if (r > 200 && g < 100 && b > 80 && b < 160) ++keyword;  // #f92672
  }
  CHECK(background > 2000);
  CHECK(keyword > 10);

  SECTION("--code-theme github is light; none leaves the theme's plain code") {
    REQUIRE(
        test::run_deckpdf(dir + "/code.pug --code-theme github -o " + dir + "/g.pdf").exit_code ==
        0);
    test::Raster light = test::pdf_render_page(dir + "/g.pdf", 0);
    size_t dark = 0, red = 0;
    for (uint32_t pixel : light.argb) {
      if (near(pixel, 0x272822)) ++dark;
      const int r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF;
      if (r > 180 && g < 110 && b < 120) ++red;  // #d73a49 keywords
    }
    CHECK(dark == 0);
    CHECK(red > 10);
    // A theme that imports a code theme has chosen: no monokai over it.
    test::write_file(dir + "/mine.css", "@import \"white.css\";\n@import \"code-github.css\";\n");
    REQUIRE(test::run_deckpdf(dir + "/code.pug --theme " + dir + "/mine.css -o " + dir + "/t.pdf")
                .exit_code == 0);
    test::Raster themed = test::pdf_render_page(dir + "/t.pdf", 0);
    CHECK(std::none_of(themed.argb.begin(), themed.argb.end(),
                       [](uint32_t p) { return near(p, 0x272822); }));
    CHECK(themed.argb == light.argb);
    REQUIRE(test::run_deckpdf(dir + "/code.pug --code-theme none -o " + dir + "/n.pdf").exit_code ==
            0);
    CHECK(test::pdf_read(dir + "/n.pdf").pages[0].text == pdf.pages[0].text);
    REQUIRE(
        test::run_deckpdf(dir + "/code.pug --code-theme nosuch -o " + dir + "/x.pdf").exit_code !=
        0);
  }
}

TEST_CASE("data-line-numbers puts each line in a row with its number, from data-ln-start-from") {
  auto p = parse(
      "section\n"
      "  pre: code.language-python(data-line-numbers data-ln-start-from='9').\n"
      "    s = \"\"\"doc\n"
      "    more\"\"\"\n"
      "\n"
      "    x\n");
  const dom::NodeId code = codes(p->doc)[0];
  CHECK(dom::to_html(p->doc, code) ==
        "<code class=\"language-python hljs\" data-line-numbers=\"data-line-numbers\" "
        "data-ln-start-from=\"9\"><table class=\"hljs-ln\"><tbody>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">9</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\">s = <span "
        "class=\"hljs-string\">\"\"\"doc</span></td></tr>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">10</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\"><span "
        "class=\"hljs-string\">more\"\"\"</span></td></tr>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">11</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\"> </td></tr>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">12</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\">x</td></tr></tbody></table></code>");
}

TEST_CASE("data-noescape markup is numbered too: its elements closed and opened at line breaks") {
  auto p = parse(
      "section\n"
      "  pre: code.language-python(data-noescape data-line-numbers).\n"
      "    x = <mark class='m'>'a\n"
      "    b'</mark> + 1\n"
      "  pre: code(data-noescape data-line-numbers).\n"
      "    one <mark>two\n"
      "    three</mark>\n");
  const std::vector<dom::NodeId> blocks = codes(p->doc);
  REQUIRE(blocks.size() == 2);
  CHECK(p->highlighted == 2);
  // The mark is on both lines, highlight.js's string inside it on both.
  CHECK(dom::to_html(p->doc, blocks[0]) ==
        "<code class=\"language-python hljs\" data-noescape=\"data-noescape\" "
        "data-line-numbers=\"data-line-numbers\"><table class=\"hljs-ln\"><tbody>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">1</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\">x = <mark class=\"m\"><span "
        "class=\"hljs-string\">'a</span></mark></td></tr>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">2</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\"><mark class=\"m\"><span "
        "class=\"hljs-string\">b'</span></mark> + <span class=\"hljs-number\">1</span></td></tr>"
        "</tbody></table></code>");
  // In no language: numbered, the markup as it was.
  CHECK(dom::to_html(p->doc, blocks[1]) ==
        "<code class=\"hljs\" data-noescape=\"data-noescape\" "
        "data-line-numbers=\"data-line-numbers\"><table class=\"hljs-ln\"><tbody>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">1</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\">one <mark>two</mark></td></tr>"
        "<tr><td class=\"hljs-ln-line hljs-ln-numbers\"><div class=\"hljs-ln-n\">2</div></td>"
        "<td class=\"hljs-ln-line hljs-ln-code\"><mark>three</mark></td></tr>"
        "</tbody></table></code>");
}

TEST_CASE("markup nested deep over many lines is not numbered, with a warning") {
  std::string deck = "section\n  pre: code(data-noescape data-line-numbers).\n    ";
  for (int k = 0; k < 200; ++k) deck += "<mark>";
  for (int k = 0; k < 20000; ++k) deck += "x\n    ";
  for (int k = 0; k < 200; ++k) deck += "</mark>";
  deck += "\n";
  auto p = parse(deck);
  CHECK(p->diags.has_code("highlight.too-deep"));
  const std::string html = dom::to_html(p->doc, codes(p->doc)[0]);
  CHECK(html.find("hljs-ln") == std::string::npos);
  CHECK(std::count(html.begin(), html.end(), 'x') == 20000);
}

TEST_CASE("an exported deck with line numbers shows them in a gutter beside the code") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/ln.pug",
                   ".reveal: .slides: section\n"
                   "  pre: code.language-python(data-line-numbers).\n"
                   "    def f(x):\n"
                   "        return x\n");
  REQUIRE(test::run_deckpdf(dir + "/ln.pug -o " + dir + "/ln.pdf").exit_code == 0);
  test::PdfDoc pdf = test::pdf_read(dir + "/ln.pdf");
  REQUIRE(pdf.pages.size() == 1);
  std::vector<test::TextBox> words = pdf.pages[0].words;
  auto find = [&](const std::string& text) {
    for (const test::TextBox& word : words) {
      if (word.text == text) return word;
    }
    FAIL("no word " << text);
    return test::TextBox{};
  };
  const test::TextBox one = find("1"), two = find("2"), def = find("def"), ret = find("return");
  CHECK(one.x < def.x);  // the gutter is left of the code
  CHECK(two.x < ret.x);
  CHECK(std::abs(one.y - def.y) < 2);  // each number on its line
  CHECK(std::abs(two.y - ret.y) < 2);
  CHECK(two.y > one.y);
}

TEST_CASE("code in notes is coloured for paper in handouts, with github's colours") {
  const std::string dir = test::temp_dir();
  test::write_file(dir + "/notes.pug",
                   "section\n"
                   "  h2 Slide\n"
                   "  aside.notes\n"
                   "    :markdown-it\n"
                   "      Say this:\n"
                   "\n"
                   "      ```python\n"
                   "      def f(x):\n"
                   "          return x + 1\n"
                   "      ```\n");
  REQUIRE(test::run_deckpdf("--handout " + dir + "/notes.pug -o " + dir + "/h.pdf").exit_code == 0);
  test::PdfDoc pdf = test::pdf_read(dir + "/h.pdf");
  REQUIRE(pdf.pages.size() == 1);
  CHECK(pdf.pages[0].text.find("return x + 1") != std::string::npos);
  test::Raster page = test::pdf_render_page(dir + "/h.pdf", 0);
  size_t keyword = 0, dark_code = 0;
  for (uint32_t pixel : page.argb) {
    const int r = (pixel >> 16) & 0xFF, g = (pixel >> 8) & 0xFF, b = pixel & 0xFF;
    if (r > 180 && g < 110 && b < 120) ++keyword;  // #d73a49
    if (near(pixel, 0x272822)) ++dark_code;        // no monokai block on paper
  }
  CHECK(keyword > 5);
  CHECK(dark_code == 0);
}
