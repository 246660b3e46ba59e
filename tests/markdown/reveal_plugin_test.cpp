// tests/markdown/reveal_plugin_test.cpp — reveal.js 6.0.2's markdown plugin
// on the tree: slidify's splits (each compared with the plugin's own
// slidify run in node), the notes split, template indentation, attribute
// comments, the code renderer, external files and their diagnostics.
#include "markdown/reveal_plugin.h"

#include <catch2/catch.hpp>

#include "markdown/reveal_slides.h"
#include "pug/parse.h"
#include "support/paths.h"
#include "support/random.h"

using namespace deckpdf;

namespace {

// slidify's result as "a|b" for slides and "[a|b]" for stacks.
std::string split(const std::string& text, markdown::Separators seps = {}) {
  markdown::MappedText t;
  t.append(text, 0);
  Diagnostics diags;
  std::vector<markdown::SlideGroup> groups;
  REQUIRE(markdown::slidify(t, seps, groups, {diags, {0, 0}}));
  std::string out;
  for (const markdown::SlideGroup& g : groups) {
    if (!out.empty()) out += " ";
    if (g.stack) out += "[";
    for (size_t k = 0; k < g.slides.size(); ++k) {
      out += (k ? "|" : "") + g.slides[k].markdown.text;
    }
    if (g.stack) out += "]";
  }
  return out;
}

markdown::Separators reveal_md() {
  markdown::Separators s;
  s.separator = "^(\\r\\n?|\\n)---(\\r\\n?|\\n)$";
  s.vertical = "^(\\r\\n?|\\n)----(\\r\\n?|\\n)$";
  return s;
}

struct Expanded {
  std::string html;
  Diagnostics diags;
  SourceSet sources;
};

// A Pug deck (in `dir`, "" = a fresh folder) through pug and the plugin.
void expand(const std::string& pug, Expanded& out, std::string dir = "") {
  if (dir.empty()) dir = test::temp_dir();
  Source src(dir + "/deck.pug", pug);
  out.sources = SourceSet(static_cast<uint32_t>(src.text().size()));
  dom::Document doc = pug::parse(src, 0, out.diags, {}, &out.sources);
  markdown::reveal_markdown(doc, src, out.sources, dir, out.diags);
  out.html = dom::to_html(doc);
}

std::string expand(const std::string& pug) {
  Expanded e;
  expand(pug, e);
  CHECK(e.diags.items().empty());
  return e.html;
}

}  // namespace

TEST_CASE("reveal markdown: slidify splits as reveal.js 6.0.2 does", "[markdown][reveal]") {
  // The default separator has no anchors: a --- under text or inside a
  // fence splits too (the plugin gives "```\nx" and "y\n```").
  CHECK(split("a\n---\nb\n---\nc") == "a b c");
  CHECK(split("```\nx\n---\ny\n```") == "```\nx y\n```");
  CHECK(split("a\n----\nb") == "a\n----\nb");
  // reveal-md's separators want blank lines around, and keep them.
  CHECK(split("a\n---\nb", reveal_md()) == "a\n---\nb");
  CHECK(split("a\n\n---\n\nb", reveal_md()) == "a\n \nb");
  CHECK(split("a\n\n----\n\nb\n\n---\n\nc\n\n----\n\nd", reveal_md()) == "[a\n|\nb\n] [\nc\n|\nd]");
  // A horizontal separator after a vertical one ends the stack with the
  // text before it; a vertical one opens a stack with the text before it.
  markdown::Separators short_vertical;
  short_vertical.separator = "\n---\n";
  short_vertical.vertical = "\n--\n";
  CHECK(split("a\n--\nb\n---\nc", short_vertical) == "[a|b] c");
}

TEST_CASE("reveal markdown: separators that reveal.js cannot survive are bounded",
          "[markdown][reveal]") {
  markdown::MappedText t;
  t.append("a\nb\n", 0);
  Diagnostics diags;
  std::vector<markdown::SlideGroup> groups;
  markdown::Separators empty;
  empty.separator = "^";  // reveal.js loops forever on an empty match
  REQUIRE(markdown::slidify(t, empty, groups, {diags, {0, 1}}));
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "markdown.empty-separator");
  CHECK(groups.size() == 1);
  markdown::Separators bad;
  bad.separator = "(";
  groups.clear();
  CHECK(!markdown::slidify(t, bad, groups, {diags, {0, 1}}));
  CHECK(diags.items().back().code == "markdown.bad-separator");
  // Catastrophic backtracking stops at the budget, with a warning.
  markdown::MappedText hostile;
  hostile.append(std::string(4000, 'a') + "!", 0);
  markdown::Separators slow;
  slow.separator = "(\\w|\\w)*\\d";
  groups.clear();
  REQUIRE(markdown::slidify(hostile, slow, groups, {diags, {0, 1}}));
  CHECK(diags.items().back().code == "markdown.separator-budget");
}

TEST_CASE("reveal markdown: the notes split is String.split by /^s*notes?:/mgi",
          "[markdown][reveal]") {
  Diagnostics diags;
  auto notes = [&](const std::string& text, std::string_view sep) {
    markdown::MappedText t;
    t.append(text, 0);
    markdown::SlideText s = markdown::notes_split(t, std::string(sep), {diags, {0, 0}});
    return s.has_notes ? s.markdown.text + "|" + s.notes.text : "-";
  };
  CHECK(notes("# T\nNote: say  \n\n", markdown::default_notes_separator) == "# T\n|say");
  CHECK(notes("# T\nnotes: x", markdown::default_notes_separator) == "# T\n|x");
  // `s*` is the plugin's typo for `\s*`: an indented "Note:" is no notes...
  CHECK(notes("# T\n  Note: x", markdown::default_notes_separator) == "-");
  // ...and two of them split into three parts, which are not notes at all.
  CHECK(notes("a\nNote: x\nnote: y", markdown::default_notes_separator) == "-");
  // A capturing group adds a part of its own: no notes either.
  CHECK(notes("a\nNote: x", "^(Note):") == "-");
  CHECK(notes("a\nNote: x", "^Note:") == "a\n|x");
}

TEST_CASE("reveal markdown: a template's indentation as getMarkdownFromSlide removes it",
          "[markdown][reveal]") {
  auto dedent = [](const std::string& text) {
    markdown::MappedText t;
    t.append(text, 0);
    return markdown::template_dedent(t).text;
  };
  CHECK(dedent("\n    # T\n    - a\n      - b\n") == "\n# T\n- a\n  - b\n");
  CHECK(dedent("\t\t# T\n\t\tx") == "\n# T\nx");
  // /^\n?(\s*)/ counts the blank line too: no line has that many spaces.
  CHECK(dedent("\n\n    # T\n    x") == "\n\n    # T\n    x");
  CHECK(dedent("a __SCRIPT_END__ b") == "a </script> b");
}

TEST_CASE("reveal markdown: inline templates become slides", "[markdown][reveal]") {
  CHECK(expand("section(data-markdown)\n"
               "  textarea(data-template).\n"
               "    ## Hi\n"
               "    - a <!-- .element: class=\"fragment\" data-fragment-index=\"2\" -->\n"
               "    - b\n"
               "    ---\n"
               "    Text\n"
               "    Note: say *this*\n") ==
        "<section data-markdown=\"\" data-markdown-parsed=\"true\"><h2>Hi</h2><ul><li "
        "class=\"fragment\" data-fragment-index=\"2\">a <!-- --></li><li>b</li></ul></section>"
        "<section data-markdown=\"\" data-markdown-parsed=\"true\"><p>Text</p><aside "
        "class=\"notes\"><p>say <em>this</em></p></aside></section>");
  // The section's own attributes go to every slide, the separators' do not.
  CHECK(expand("section.x(data-markdown data-separator=\"^--$\" data-state=\"s\")\n"
               "  script(type=\"text/template\").\n"
               "    a\n"
               "    --\n"
               "    b <!-- .slide: data-background-color=\"#222\" -->\n") ==
        "<section class=\"x\" data-state=\"s\" data-markdown=\"\" data-markdown-parsed=\"true\">"
        "<p>a</p></section><section class=\"x\" data-state=\"s\" data-markdown=\"\" "
        "data-background-color=\"#222\" data-markdown-parsed=\"true\"><p>b <!-- --></p>"
        "</section>");
}

TEST_CASE("reveal markdown: attribute comments find their element as the plugin does",
          "[markdown][reveal]") {
  auto one = [](const std::string& md) {
    std::string pug = "section(data-markdown)\n  textarea(data-template).\n";
    size_t i = 0;
    while (i < md.size()) {
      size_t nl = md.find('\n', i);
      if (nl == std::string::npos) nl = md.size();
      pug += "    " + md.substr(i, nl - i) + "\n";
      i = nl + 1;
    }
    return expand(pug);
  };
  // After a list: the last item, unless a blank line comes between.
  CHECK(one("- a\n- b\n<!-- .element: class=\"fragment\" -->")
            .find("<li>a</li><li class=\"fragment\">b</li>") != std::string::npos);
  CHECK(one("- a\n- b\n\n<!-- .element: class=\"fragment\" -->").find("<ul class=\"fragment\">") !=
        std::string::npos);
  // A block comment after a paragraph: the paragraph; class replaces.
  CHECK(one("para\n\n<!-- .element: class=\"a b\" -->").find("<p class=\"a b\">para</p>") !=
        std::string::npos);
  // First in the slide: the slide itself.
  CHECK(one("<!-- .element: data-x=\"1\" -->\npara")
            .find("<section data-markdown=\"\" "
                  "data-x=\"1\"") != std::string::npos);
  // A bare data- attribute; an unmatched comment stays as it was.
  CHECK(one("x <!-- .element: data-auto-animate -->").find("<p data-auto-animate=\"\">") !=
        std::string::npos);
  CHECK(one("x <!-- plain -->").find("<!-- plain -->") != std::string::npos);
}

TEST_CASE("reveal markdown: fenced code as the plugin's code renderer writes it",
          "[markdown][reveal]") {
  CHECK(expand("section(data-markdown)\n  textarea(data-template).\n"
               "    ```js [1-2|3]\n    a\n    ```\n"
               "    ```py [5: 1,3]\n    b\n    ```\n"
               "    ```\n    c\n    ```\n") ==
        "<section data-markdown=\"\" data-markdown-parsed=\"true\"><pre><code class=\"js\" "
        "data-line-numbers=\"1-2|3\">a\n</code></pre><pre><code class=\"py\" "
        "data-line-numbers=\"1,3\" data-ln-start-from=\"5\">b\n</code></pre><pre><code>c\n"
        "</code></pre></section>");
}

TEST_CASE("reveal markdown: an external file inside the deck's folder", "[markdown][reveal]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/slides.md", "# One\n\n---\n\n# Two\n\nNote: n\n");
  Expanded e;
  expand("section(data-markdown=\"slides.md\" data-separator=\"^\\n---\\n$\")\n", e, dir);
  CHECK(e.diags.items().empty());
  CHECK(e.html ==
        "<section data-markdown=\"\" data-markdown-parsed=\"true\"><h1>One</h1></section>"
        "<section data-markdown=\"\" data-markdown-parsed=\"true\"><h1>Two</h1><aside "
        "class=\"notes\"><p>n</p></aside></section>");
  // Missing or outside the folder: reveal.js's fetch error slide, a warning
  // at the attribute.
  Expanded missing;
  expand("section\n  p x\nsection(data-markdown=\"../nope.md\")\n", missing, dir);
  REQUIRE(missing.diags.items().size() == 1);
  const Diagnostic& d = missing.diags.items()[0];
  CHECK(d.code == "markdown.file-unread");
  Source src(dir + "/deck.pug", "section\n  p x\nsection(data-markdown=\"../nope.md\")\n");
  CHECK(src.line_col(d.span.begin).line == 3);
  CHECK(missing.html.find("<section data-state=\"alert\">ERROR: The attempt to fetch ../nope.md") !=
        std::string::npos);
}

TEST_CASE("reveal markdown: spans point into the external file", "[markdown][reveal]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/s.md", "# One\n\n---\n\n## Two\n");
  Expanded e;
  Source deck(dir + "/deck.pug", "section(data-markdown=\"s.md\")\n");
  e.sources = SourceSet(static_cast<uint32_t>(deck.text().size()));
  dom::Document doc = pug::parse(deck, 0, e.diags, {}, &e.sources);
  markdown::reveal_markdown(doc, deck, e.sources, dir, e.diags);
  const dom::Node* h2 = nullptr;
  for (const dom::Node& n : doc.nodes) {
    if (n.tag == "h2") h2 = &n;
  }
  REQUIRE(h2);
  LineCol lc = e.sources.line_col(deck, h2->span.begin);
  CHECK(lc.line == 5);
  CHECK(lc.col == 4);  // md4c places a heading at its text
  REQUIRE(e.sources.paths().size() == 1);
  CHECK(e.sources.paths()[0].ends_with("s.md"));
}

TEST_CASE("reveal markdown: generated templates and separators never break the plugin",
          "[markdown][reveal]") {
  // Pieces the plugin's patterns care about (pug refuses invalid UTF-8;
  // the plugin's own sanitizing is checked below).
  const std::vector<std::string> alphabet = {
      "-", "\n", "\n", " ", "#", "<!--",    "-->",   ".",    ":",        "=",  "\"",
      "`", "[",  "]",  "|", "1", "element", "slide", "Note", "\xC3\xA9", "\t", "x"};
  const std::vector<std::string> separators = {
      "",       "^",   "---",   "\\n---\\n", "(a|a)*$",  "(?<=-)", "[",
      "^\\s*$", "\\b", "x{0,}", "$",         "^notes?:", "(\\n)",  "."};
  test::Lcg rng{7};
  for (int round = 0; round < 300; ++round) {
    std::string md;
    size_t n = rng.below(300);
    for (size_t i = 0; i < n; ++i) md += alphabet[rng.below(alphabet.size())];
    std::string pug = "section(data-markdown data-separator=\"" +
                      separators[rng.below(separators.size())] + "\" data-separator-vertical=\"" +
                      separators[rng.below(separators.size())] + "\" data-separator-notes=\"" +
                      separators[rng.below(separators.size())] +
                      "\")\n  script(type=\"text/template\").\n";
    size_t i = 0;
    while (i <= md.size()) {
      size_t nl = std::min(md.find('\n', i), md.size());
      pug += "    " + md.substr(i, nl - i) + "\n";
      i = nl + 1;
    }
    Expanded e;
    expand(pug, e);
    INFO(pug);
    CHECK(e.html.find("<section") != std::string::npos);
  }
  std::string bytes = "a\xC3(\xFF\xF0\x9F\x98\x80\xED\xA0\x80";
  markdown::utf8_sanitize(bytes);
  CHECK(bytes == "a?(?\xF0\x9F\x98\x80???");
}
