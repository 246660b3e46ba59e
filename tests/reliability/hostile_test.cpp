// Hostile decks: a deck is untrusted input. It may not make deckpdf read a
// file outside its folder, run or show script, style or iframe content, or
// crash, hang or print without bound on pathological bytes.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "reliability/reliability.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

// A 2x2 RGB PNG (red, green / red, green).
const std::string png_bytes(
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02\x00\x00"
    "\x00\x02\x08\x02\x00\x00\x00\xfd\xd4\x9a\x73\x00\x00\x00\x11\x49\x44\x41\x54\x78\x9c\x63"
    "\xf8\xcf\xc0\xc0\xf0\x1f\x8c\x80\x18\x00\x1d\xf0\x03\xfd\xd3\xd0\x7d\x26\x00\x00\x00\x00"
    "\x49\x45\x4e\x44\xae\x42\x60\x82",
    74);

// temp/hostile/outside.png and outside.css, beside temp/hostile/deck/
// which holds inside.png, mine.css and a symlink to the outside picture.
std::string hostile_root() {
  static std::string root = [] {
    std::string r = test::temp_dir() + "/hostile";
    fs::create_directories(r + "/deck");
    test::write_file(r + "/outside.png", png_bytes);
    test::write_file(r + "/deck/inside.png", png_bytes);
    // A theme that hides paragraphs: whether it applied shows in the text
    // (an uppercase transform would not: the PDF extracts the typed text).
    test::write_file(r + "/outside.css", "p { display: none; }\n");
    test::write_file(r + "/deck/mine.css", "p { display: none; }\n");
    fs::create_symlink(r + "/outside.png", r + "/deck/link.png");
    return r;
  }();
  return root;
}

struct Exported {
  test::TimedRun run;
  std::string pdf;      // the file's bytes, "" when none was written
  std::string objects;  // its objects as qpdf --qdf writes them
  std::string path;
};

Exported export_deck(const std::string& name, const std::string& deck,
                     const std::string& extra = "") {
  std::string dir = hostile_root() + "/deck";
  std::string in = dir + "/" + name + ".pug";
  std::string out = test::temp_dir() + "/hostile-" + name + ".pdf";
  test::write_file(in, deck);
  Exported e;
  e.run =
      test::run_with_env("SOURCE_DATE_EPOCH=1700000000", "'" + in + "' -o '" + out + "' " + extra);
  e.path = out;
  if (fs::exists(out)) {
    e.pdf = test::read_file(out);
    e.objects = test::pdf_qdf(out);
  }
  return e;
}

bool has_image(const std::string& objects) {
  return test::has(objects, "/Subtype /Image");
}

}  // namespace

TEST_CASE("a picture inside the deck's folder is embedded", "[reliability][hostile]") {
  // The control for the refusals below: the same picture, allowed.
  Exported e = export_deck("inside", "section\n  img(src=\"inside.png\" width=\"100\")\n");
  INFO(e.run.err);
  REQUIRE(e.run.exit_code == 0);
  CHECK(has_image(e.objects));
}

TEST_CASE("pictures outside the deck's folder are refused with a warning",
          "[reliability][hostile]") {
  std::string root = hostile_root();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"parent", "../outside.png"},
      {"absolute", root + "/outside.png"},
      {"file-url", "file://" + root + "/outside.png"},
      {"percent-encoded", "%2e%2e/outside.png"},
      {"symlink", "link.png"},
      {"remote", "http://127.0.0.1:9/outside.png"},
      {"deep-parent", "inside/../../outside.png"},
  };
  for (const auto& [name, src] : cases) {
    Exported e = export_deck("img-" + name, "section\n  p before\n  img(src=\"" + src +
                                                "\" width=\"100\")\n  p after\n");
    CAPTURE(name, src, e.run.err);
    CHECK(e.run.exit_code == 0);
    CHECK(test::has(e.run.err, "[layout.image]"));
    CHECK_FALSE(has_image(e.objects));
    CHECK_FALSE(test::sanitizer_report(e.run.err));
  }
}

TEST_CASE("a Markdown picture outside the deck's folder is refused", "[reliability][hostile]") {
  Exported e = export_deck("md-parent", "section\n  :markdown-it\n    ![alt](../outside.png)\n");
  INFO(e.run.err);
  CHECK(e.run.exit_code == 0);
  CHECK(test::has(e.run.err, "[layout.image]"));
  CHECK_FALSE(has_image(e.objects));
  Exported control = export_deck("md-inside", "section\n  :markdown-it\n    ![alt](inside.png)\n");
  INFO(control.run.err);
  CHECK(has_image(control.objects));
}

TEST_CASE("a background picture outside the deck's folder is refused", "[reliability][hostile]") {
  Exported e =
      export_deck("bg-parent", "section(data-background-image=\"../outside.png\")\n  p text\n");
  INFO(e.run.err);
  CHECK(e.run.exit_code == 0);
  CHECK_FALSE(has_image(e.objects));
  Exported control =
      export_deck("bg-inside", "section(data-background-image=\"inside.png\")\n  p text\n");
  INFO(control.run.err);
  CHECK(has_image(control.objects));
}

TEST_CASE("a front-matter theme outside the deck's folder is refused", "[reliability][hostile]") {
  std::string root = hostile_root();
  // Control: a theme file inside the deck's folder applies (p hidden).
  Exported mine =
      export_deck("theme-mine", "---\ntheme: mine.css\n---\nsection\n  p quiet words\n");
  INFO(mine.run.err);
  REQUIRE(mine.run.exit_code == 0);
  REQUIRE_FALSE(test::has(test::pdf_read(mine.path).pages.at(0).text, "quiet words"));
  for (const std::string& theme :
       {std::string("../outside.css"), root + "/outside.css", "file://" + root + "/outside.css",
        std::string("sub/../../outside.css"), std::string("/etc/passwd")}) {
    Exported e =
        export_deck("theme-refused", "---\ntheme: " + theme + "\n---\nsection\n  p quiet words\n");
    CAPTURE(theme, e.run.err);
    CHECK(e.run.exit_code == 0);
    CHECK(test::has(e.run.err, "[deck.theme-refused]"));
    CHECK_FALSE(test::has(e.run.err, "root:"));  // nothing of /etc/passwd is echoed
    REQUIRE_FALSE(e.pdf.empty());
    CHECK(test::has(test::pdf_read(e.path).pages.at(0).text, "quiet words"));
  }
}

TEST_CASE("script, style and iframe are never run nor shown", "[reliability][hostile]") {
  Exported e = export_deck("script",
                           "section\n"
                           "  h2 Visible heading\n"
                           "  script alert(1)\n"
                           "  style body{color:red}\n"
                           "  iframe(src=\"http://127.0.0.1:9/evil\") iframe-fallback\n"
                           "  script.\n"
                           "    document.write('pwned')\n"
                           "  p visible paragraph\n"
                           "  p\n"
                           "    script inline-script\n"
                           "    | after\n");
  INFO(e.run.err);
  REQUIRE(e.run.exit_code == 0);
  test::PdfDoc doc = test::pdf_read(e.path);
  REQUIRE(doc.pages.size() == 1);
  const std::string& text = doc.pages[0].text;
  CHECK(test::has(test::squash_spaces(text), "Visible heading"));
  CHECK(test::has(text, "visible paragraph"));
  CHECK(test::has(text, "after"));
  for (const char* hidden : {"alert", "body{", "color:red", "evil", "iframe-fallback", "pwned",
                             "document", "inline-script"}) {
    CAPTURE(hidden);
    CHECK_FALSE(test::has(text, hidden));
  }
}

namespace {

struct Pathological {
  std::string name;
  std::string bytes;
  std::string args;  // extra arguments
  int exit_code;     // what deckpdf must answer
  std::string code;  // a diagnostic code it must print ("" = none asked)
};

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

std::vector<Pathological> pathological_cases() {
  const size_t n = 100000;
  std::string frags = "section\n", slides;
  for (size_t i = 0; i < n; ++i) frags += "  p.fragment f" + std::to_string(i) + "\n";
  for (size_t i = 0; i < n; ++i) slides += "section\n  h2 s" + std::to_string(i) + "\n";
  std::string md_head = "section\n  p x\n  aside.notes\n    :markdown-it\n      ";
  return {
      {"nesting 10^5 block expansions", "section\n  " + repeat("div: ", n) + "p deep\n", "", 1,
       "[pug.too-deep]"},
      {"nesting 10^5 tag interpolations",
       "section\n  p " + repeat("#[b ", n) + "x" + repeat("]", n) + "\n", "", 1, "[pug.too-deep]"},
      // JavaScript nested this deep is an error in pug.js too (Node: "Maximum
      // call stack size exceeded"); the sandbox's engine reports it at the line.
      {"nesting 10^5 array literals",
       "section\n  p(class=" + repeat("[", n) + "'a'" + repeat("]", n) + ") x\n", "", 1,
       "[pug.js-syntax]"},
      {"nesting 10^5 object literals",
       "section\n  p(data-x=" + repeat("{a:", n) + "1" + repeat("}", n) + ") x\n", "", 1,
       "[pug.js-syntax]"},
      {"nesting 10^5 parentheses",
       "section\n  p(x=" + repeat("(", n) + "1" + repeat(")", n) + ") x\n", "", 1,
       "[pug.js-syntax]"},
      {"nesting 10^5 Markdown quotes", md_head + repeat("> ", n) + "deep\n", "", 1,
       "[markdown.too-deep]"},
      {"nesting 10^5 Markdown lists", md_head + repeat("- ", n) + "deep\n", "", 1,
       "[markdown.too-deep]"},
      {"10^5 fragments on one slide", frags, "", 1, "[deck.too-many-steps]"},
      {"10^5 fragments on one slide, builds", frags, "--builds", 1, "[deck.too-many-steps]"},
      {"10^5 slides", slides, "", 1, "[deck.too-many-pages]"},
      {"a 10 MB line of words", "section\n  p " + repeat("word ", 2 << 20) + "\n", "", 0,
       "[layout.overflow]"},
      {"a 10 MB line without a break", "section\n  p " + repeat("x", 10 << 20) + "\n", "", 0,
       "[layout.overflow]"},
      {"a 10 MB line that is not Pug", repeat("x", 10 << 20), "", 1, "[deck.no-slides]"},
      {"NUL bytes", std::string("section\n  p a\0b\n", 15), "", 1, "[source.nul]"},
      {"invalid UTF-8", "section\n  p caf\xe9 \xff\xfe \xc0\xaf\n", "", 1, "[source.invalid-utf8]"},
      {"UTF-16 LE with a BOM", std::string("\xff\xfes\0e\0c\0t\0i\0o\0n\0\n\0", 18), "", 1,
       "[source.utf16]"},
      {"UTF-16 BE with a BOM", std::string("\xfe\xff\0s\0e\0c\0t\0i\0o\0n\0\n", 18), "", 1,
       "[source.utf16]"},
      {"UTF-16 without a BOM", std::string("s\0e\0c\0t\0i\0o\0n\0\n\0", 16), "", 1, "[source.nul]"},
      // Flex and grid containers measure their items: nested, they must not
      // measure their insides exponentially (or quadratically) often.
      {"flex and grid containers nested 254 deep",
       "section\n  " +
           repeat("div(style=\"display:flex; flex-wrap: wrap\"): "
                  "div(style=\"display:grid; grid-template-columns: 1fr auto\"): ",
                  127) +
           "span x\n",
       "", 0, ""},
      {"a grid of 10^4 items spanning up to 64 rows and columns",
       [] {
         std::string s =
             "section\n  div(style=\"display: grid; grid-template-columns: "
             "repeat(64, 1fr)\")\n";
         for (int i = 0; i < 10000; ++i) {
           std::string span = std::to_string(1 + i % 64);
           s += "    p(style=\"grid-column: span " + span + "; grid-row: span " + span + "\") x\n";
         }
         return s;
       }(),
       "", 0, ""},
      {"an empty file", "", "", 1, "[deck.no-slides]"},
      {"an unterminated front matter", "---\ntitle: x\nsection\n  p y\n", "", 1, ""},
      {"random bytes",
       [] {
         std::string s;
         uint32_t x = 12345;
         for (int i = 0; i < 100000; ++i) {
           x = x * 1103515245 + 12345;
           s.push_back(static_cast<char>(x >> 16));
         }
         return s;
       }(),
       "", 1, ""},
  };
}

}  // namespace

TEST_CASE("pathological decks get a diagnostic or a PDF, quickly", "[reliability][hostile]") {
  int k = 0;
  for (const Pathological& p : pathological_cases()) {
    std::string in = test::temp_dir() + "/pathological" + std::to_string(++k) + ".pug";
    std::string out = test::temp_dir() + "/pathological" + std::to_string(k) + ".pdf";
    test::write_file(in, p.bytes);
    test::TimedRun r = test::run_with_env("SOURCE_DATE_EPOCH=1700000000",
                                          "'" + in + "' -o '" + out + "' " + p.args);
    CAPTURE(p.name, r.exit_code, r.seconds, r.err.substr(0, 3000));
    CHECK(r.exit_code == p.exit_code);
    if (!p.code.empty()) CHECK(test::has(r.err, p.code));
    if (p.exit_code != 0) CHECK(test::has(r.err, "error"));
    if (p.exit_code == 0) CHECK(test::read_file(out).rfind("%PDF-", 0) == 0);
    CHECK_FALSE(test::sanitizer_report(r.err));
    CHECK(r.seconds < test::time_limit());
    // Diagnostics quote a line, not megabytes of it.
    CHECK(r.err.size() < 64 * 1024);
  }
}
