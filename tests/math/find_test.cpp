// math/find: the delimiters reveal.js's math plugin reads, in text, not in
// code; `\$` a dollar; formulas that do not parse warned at their place.
#include "math/find.h"

#include <catch2/catch.hpp>

using namespace deckpdf;

namespace {

struct Found {
  dom::Document doc;
  dom::NodeId p = 0;
  size_t count = 0;
  Diagnostics diags;
};

// A `p` (or `tag`) holding `text`, its span the text's bytes from offset 100.
void run(Found& f, const std::string& text, const std::string& tag = "p") {
  dom::Node p;
  p.tag = tag;
  f.p = f.doc.add(std::move(p), f.doc.root);
  dom::Node t;
  t.kind = dom::NodeKind::Text;
  t.text = text;
  t.span = {100, 100 + static_cast<uint32_t>(text.size())};
  f.doc.add(std::move(t), f.p);
  f.count = math::find_formulas(f.doc, f.diags);
}

// The children of the `p`: text as itself, formulas as [tex] or [[tex]].
std::string shape(const Found& f) {
  std::string out;
  for (dom::NodeId c : f.doc[f.p].children) {
    const dom::Node& n = f.doc[c];
    if (n.kind == dom::NodeKind::Text) {
      out += n.text;
    } else if (n.tag == math::inline_tag) {
      out += "[" + *n.attr("tex") + "]";
    } else if (n.tag == math::display_tag) {
      out += "[[" + *f.doc[n.children.at(0)].attr("tex") + "]]";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("math: the four delimiters, inline and display", "[math]") {
  Found f;
  run(f, "a $x$ b $$y$$ c \\(z\\) d \\[w\\] e");
  CHECK(f.count == 4);
  CHECK(shape(f) == "a [x] b [[y]] c [z] d [[w]] e");
  CHECK(f.diags.items().empty());
}

TEST_CASE("math: braces and backslashes hide a closing dollar, and an escaped dollar is a dollar",
          "[math]") {
  Found f;
  run(f, "costs \\$5, $\\text{a $ b}$ and $\\$1$; $unclosed");
  CHECK(shape(f) == "costs $5, [\\text{a $ b}] and [\\$1]; $unclosed");
  CHECK(f.count == 2);
}

TEST_CASE("math: code keeps its dollars", "[math]") {
  Found f;
  run(f, "echo $HOME $PATH", "code");
  CHECK(f.count == 0);
  CHECK(f.doc[f.doc[f.p].children.at(0)].text == "echo $HOME $PATH");
}

TEST_CASE("math: a formula that does not parse is a warning at its offset", "[math]") {
  Found f;
  run(f, "ok $a + \\oops$");
  CHECK(f.count == 1);
  REQUIRE(f.diags.items().size() == 1);
  const Diagnostic& d = f.diags.items()[0];
  CHECK(d.code == "math.tex");
  CHECK(d.message.find("Undefined control sequence: \\oops") != std::string::npos);
  CHECK(d.span.begin == 100 + 8);  // "ok $a + " then the backslash
  CHECK(shape(f) == "ok [a + \\oops]");
}

TEST_CASE("math: a formula reads as plain text where text is wanted (titles)", "[math]") {
  Found f;
  run(f, "Yin-Yang $\\approx$ Tree, $2 \\times 2$ and $$\\frac{a}{b+c}$$ or $\\bad$");
  CHECK(f.doc.text_content(f.p) == "Yin-Yang ≈ Tree, 2 × 2 and a/(b + c) or \\bad");
}
