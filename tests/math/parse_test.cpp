// math/parse: TeX read into the expected trees; bad TeX is an error with
// its offset, within the budgets, never a hang.
#include <catch2/catch.hpp>

#include "math/tex.h"

using namespace deckpdf;

namespace {

std::string tree(const std::string& tex) {
  math::ParseResult r = math::parse(tex);
  INFO(tex << ": " << r.error);
  REQUIRE(r.ok);
  return math::dump(r.list);
}

}  // namespace

TEST_CASE("math: atoms, classes and scripts", "[math]") {
  CHECK(tree("e^{i\\pi}+1=0") == "[(scripts [e] ^[i π]) +:bin 1 =:rel 0]");
  CHECK(tree("x_i^2") == "[(scripts [x] ^[2] _[i])]");
  CHECK(tree("a_{n+1}") == "[(scripts [a] _[n +:bin 1])]");
  CHECK(tree("x^23") == "[(scripts [x] ^[2]) 3]");  // one token is the script
  CHECK(tree("f'(x)") == "[(scripts [f] ^[′]) (:open x ):close]");
  CHECK(tree("a - b") == "[a −:bin b]");  // a minus sign
  CHECK(tree("\\alpha \\leq \\Omega") == "[α ≤:rel Ω]");
}

TEST_CASE("math: fractions, roots, delimiters", "[math]") {
  CHECK(tree("\\frac{a}{b}") == "[(frac [a] [b])]");
  CHECK(tree("\\frac12") == "[(frac [1] [2])]");
  CHECK(tree("\\binom{n}{k}") == "[(binom [n] [k])]");
  CHECK(tree("\\sqrt[3]{x}") == "[(sqrt [x] [3])]");
  CHECK(tree("\\left( x \\right]") == "[(left ( [x] right ])]");
  CHECK(tree("\\left\\langle a \\middle| b \\right.") == "[(left ⟨ [a] middle | [b] right .)]");
  CHECK(tree("\\big( \\Bigr\\}") == "[(delim1 () (delim2 })]");
  // \overset keeps a relation a relation: spaced as one.
  math::ParseResult over = math::parse("a \\overset{!}{=} b");
  REQUIRE(over.ok);
  CHECK(over.list.at(1).cls == math::Class::Rel);
}

TEST_CASE("math: operators, limits, accents, fonts, text, spaces", "[math]") {
  CHECK(tree("\\sum_{k=1}^n k") == "[(scripts [(op ∑)] ^[n] _[k =:rel 1]) k]");
  CHECK(tree("\\int\\limits_0^1") == "[(scripts [(op ∫ limits)] ^[1] _[0])]");
  CHECK(tree("\\lim_{h\\to 0}") == "[(scripts [(op lim)] _[h →:rel 0])]");
  CHECK(tree("\\hat{x}\\overline{AB}") == "[(accent \xCC\x82 [x]) (accent overline [A B])]");
  CHECK(tree("\\mathbb{R}\\mathbf{v}") == "[[R/bb] [v/bf]]");
  CHECK(tree("\\text{if } x") == "[(text \"if \") x]");
  CHECK(tree("a\\,b\\quad c") == "[a (space 0.167) b (space 1) c]");
  CHECK(tree("\\color{red} x") == "[(color #ff0000 [x])]");
  CHECK(tree("a\\hspace{2em}b\\hspace*{5pt}") == "[a (space 2) b (space 0.5)]");
  CHECK(tree("\\phantom{x}") == "[(phantom [x])]");
  CHECK(tree("a \\bmod b") == "[a (text \"mod\") b]");
  CHECK(tree("a \\pmod{n}") == "[a [(space 1) (:open (text \"mod\") (space 0.167) [n] ):close]]");
  CHECK_FALSE(math::parse("\\hspace{2furlongs}").ok);
  CHECK(tree("\\textcolor{#00f}{y}") == "[(color #0000ff [y])]");
}

TEST_CASE("math: environments", "[math]") {
  CHECK(tree("\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}") ==
        "[(pmatrix / [a] & [b] / [c] & [d])]");
  CHECK(tree("\\begin{cases} 1 & x>0 \\\\ 0 \\end{cases}") ==
        "[(cases / [1] & [x >:rel 0] / [0] & [])]");
  CHECK(tree("\\begin{aligned} a &= b \\end{aligned}") == "[(aligned / [a] & [[] =:rel b])]");
  CHECK(tree("\\begin{array}{c|c} 1 & 2 \\end{array}") == "[(array c|c / [1] & [2])]");
  CHECK(tree("\\begin{array}{cc} \\hline a & b \\\\ \\hline c & d \\\\ \\hline \\end{array}") ==
        "[(array cc hline0 hline1 hline2 / [a] & [b] / [c] & [d])]");
  CHECK(tree("\\begin{align*} x &= 1 \\end{align*}") == "[(aligned / [x] & [[] =:rel 1])]");
  CHECK_FALSE(math::parse("\\begin{align} x \\end{aligned}").ok);
}

TEST_CASE("math: macros without and with arguments", "[math]") {
  CHECK(tree("\\newcommand{\\RR}{\\mathbb{R}} \\RR^n") == "[(scripts [[R/bb]] ^[n])]");
  CHECK(tree("\\newcommand{\\norm}[1]{\\|#1\\|} \\norm{x}") == "[‖ x ‖]");
  CHECK(tree("\\def\\pair#1#2{(#1,#2)} \\pair ab") == "[(:open a ,:punct b ):close]");
}

TEST_CASE("math: bad TeX is an error at its place", "[math]") {
  auto err = [](const std::string& tex) { return math::parse(tex); };
  math::ParseResult r = err("x + \\foo{y}");
  CHECK_FALSE(r.ok);
  CHECK(r.error == "Undefined control sequence: \\foo");
  CHECK(r.offset == 4);
  CHECK(err("\\frac{a}{b").error == "Expected '}', got 'EOF'");
  CHECK(err("a}").error == "Extra }");
  CHECK(err("x^1^2").error == "Double superscript");
  CHECK(err("\\begin{foo}x\\end{foo}").error == "No such environment: foo");
  CHECK(err("\\left( x").error == "Expected '\\right', got 'EOF'");
  CHECK(err("\\color{notacolour} x").error == "Invalid color: 'notacolour'");
}

TEST_CASE("math: budgets stop nesting, runaway macros and long formulas", "[math]") {
  std::string deep(1000, '{');
  math::ParseResult r = math::parse(deep + "x" + std::string(1000, '}'));
  CHECK_FALSE(r.ok);
  CHECK(r.error == "Too deeply nested");
  // A macro that calls itself, and one that doubles at every step.
  r = math::parse("\\def\\a{\\a x}\\a");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("Too many expansions") == 0);
  r = math::parse(
      "\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xxxxxxxxxxxxxxxx}"
      "\\newcommand{\\e}[1]{#1#1#1#1#1#1#1#1}\\e{\\e{\\e{\\e{\\e{\\e{\\a}}}}}}");
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("Too many expansions") == 0);
  r = math::parse(std::string(20000, 'x'));
  CHECK_FALSE(r.ok);
  CHECK(r.error.find("longer than") != std::string::npos);
}

TEST_CASE("math: plain text of formulas", "[math]") {
  auto plain = [](const std::string& tex) { return math::plain_text(math::parse(tex).list); };
  CHECK(plain("e^{i\\pi}+1=0") == "e^(iπ) + 1 = 0");
  CHECK(plain("x_i^2") == "x_i^2");
  CHECK(plain("\\sqrt{x}\\le\\sum_k k") == "√x ≤ ∑_k k");
  CHECK(plain("\\sin x, \\mathbb{R}") == "sin x, R");
}
