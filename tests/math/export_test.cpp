// Formulas in an exported deck, read back with poppler: the text extracts
// as the characters drawn, a superscript sits above its base and a
// numerator above its denominator, and bad TeX is a warning at its line
// and column with its source drawn in red.
#include <catch2/catch.hpp>
#include <cmath>

#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;

namespace {

const test::TextBox* word(const test::PdfPage& p, const std::string& text) {
  for (const test::TextBox& w : p.words) {
    if (w.text == text) return &w;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("math: formulas extract as their Unicode characters", "[math][pdf]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/m.pug",
                   ".reveal\n  .slides\n    section\n"
                   "      p $$\\sum_{k=1}^n k$$\n"
                   "      p Area $\\pi r^2$, root $\\sqrt{2}$, $\\int f$ and $\\mathbb{R}$.\n"
                   "      pre: code $not math$\n"
                   "      pre: code.language-bash echo $HOME $PATH\n");
  test::RunResult r = test::run_deckpdf(dir + "/m.pug -o " + dir + "/m.pdf");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  test::PdfDoc doc = test::pdf_read(dir + "/m.pdf");
  REQUIRE(doc.pages.size() == 1);
  const std::string& t = doc.pages[0].text;
  INFO(t);
  // Highlighted code keeps its dollars (its old text, detached by the
  // highlighter, once crashed the formula finder).
  for (const char* s : {"∑", "π", "√", "∫", "ℝ", "$not math$", "echo $HOME $PATH"})
    CHECK(t.find(s) != std::string::npos);
  CHECK(t.find("\\sum") == std::string::npos);
  CHECK(t.find("\\pi") == std::string::npos);
}

TEST_CASE("math: a superscript above its base, a numerator above its denominator", "[math][pdf]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/m.pug",
                   ".reveal\n  .slides\n    section\n"
                   "      p $x^{7}$ and $$\\frac{5}{9}$$\n");
  test::RunResult r = test::run_deckpdf(dir + "/m.pug -o " + dir + "/m.pdf");
  REQUIRE(r.exit_code == 0);
  test::PdfDoc doc = test::pdf_read(dir + "/m.pdf");
  REQUIRE(doc.pages.size() == 1);
  const test::PdfPage& p = doc.pages[0];
  const test::TextBox *x = word(p, "x"), *seven = word(p, "7");
  const test::TextBox *five = word(p, "5"), *nine = word(p, "9");
  REQUIRE(x);
  REQUIRE(seven);
  REQUIRE(five);
  REQUIRE(nine);
  CHECK(seven->y + seven->height < x->y + x->height - 3);  // its bottom well above x's
  CHECK(seven->height < x->height);                        // and smaller
  CHECK(five->y + five->height < nine->y);
  CHECK(std::abs((five->x + five->width / 2) - (nine->x + nine->width / 2)) < 1);
}

TEST_CASE("math: bad TeX is a warning at its line and column, drawn red", "[math][pdf]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/m.pug",
                   ".reveal\n  .slides\n    section\n"
                   "      p Broken: $a + \\nosuch{b}$\n");
  test::RunResult r = test::run_deckpdf(dir + "/m.pug -o " + dir + "/m.pdf");
  CHECK(r.exit_code == 0);
  CHECK(r.err.find(
            "m.pug:4:22: warning: KaTeX cannot parse this formula (Undefined control sequence: "
            "\\nosuch") != std::string::npos);
  test::PdfDoc doc = test::pdf_read(dir + "/m.pdf");
  REQUIRE(doc.pages.size() == 1);
  CHECK(doc.pages[0].text.find("a + \\nosuch{b}") != std::string::npos);
  // KaTeX's error colour, #cc0000, somewhere on the page.
  test::Raster img = test::pdf_render_page(dir + "/m.pdf", 0);
  int red = 0;
  for (uint32_t px : img.argb) {
    int rr = (px >> 16) & 0xFF, g = (px >> 8) & 0xFF, b = px & 0xFF;
    if (rr > 150 && g < 80 && b < 80) ++red;
  }
  CHECK(red > 20);
}

TEST_CASE("math: formulas in Markdown notes are typeset in the speaker's script", "[math][pdf]") {
  std::string dir = test::temp_dir();
  test::write_file(
      dir + "/m.pug",
      ".reveal\n  .slides\n    section\n      h2 Energy\n      aside.notes\n"
      "        :markdown-it\n"
      "          Recall $E = mc^2$, and *in bold* $$\\oint \\mathbf{B} \\cdot d\\ell = 0$$\n");
  test::RunResult r = test::run_deckpdf(dir + "/m.pug --notes-only -o " + dir + "/n.pdf");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  test::PdfDoc doc = test::pdf_read(dir + "/n.pdf");
  REQUIRE(doc.pages.size() == 1);
  const std::string& t = doc.pages[0].text;
  INFO(t);
  CHECK(t.find("Recall") != std::string::npos);
  CHECK(t.find("∮") != std::string::npos);
  CHECK(t.find("𝐁") != std::string::npos);  // \mathbf{B}: the bold letter drawn
  CHECK(t.find('$') == std::string::npos);
  CHECK(t.find("\\oint") == std::string::npos);
}
