// tests/pug/real_test.cpp — the five real talks of ../shared/corpus/real/
// (several files each: include, extends, mixins, code): each exports in
// every mode, and its --dump=html is pug.js's tree. The comparison runs
// tests/pug/pugjs-oracle.js, only when node finds the pug package (set
// NODE_PATH to a node_modules holding it); otherwise it says so and skips.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>

#include "pug/html_tree.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

struct RealDeck {
  const char* path;          // under corpus/real/
  const char* oracle_flags;  // for pugjs-oracle.js
  bool oracle = true;        // compared with pug.js's tree
};

const RealDeck decks[] = {
    // The talk's page: its style sheets in Stylus (`include:stylus`), its
    // Reveal.initialize in CoffeeScript. pug.js needs both compilers
    // installed, and the stylus package writes colours its own way
    // (`black` as `#000`), so the tree is compared on slides.pug, which
    // index.pug includes.
    {"03-yin-yang/index.pug", "", false},
    {"03-yin-yang/slides.pug", ""},
    {"09-solid-es/slides.pug", ""},
    {"13-functional-js/index.pug", ""},
    {"15-arduino-201/index.pug", ""},
    // `include:highlight` of C# files: deckpdf shows the code without
    // colours (issue 20), so pug.js is given a filter that does the same.
    {"20-vertical-slice/index.pug", "--plain-highlight"},
};

bool pugjs_present() {
  static const bool present =
      std::system("node -e \"require.resolve('pug')\" >/dev/null 2>&1") == 0;
  return present;
}

}  // namespace

TEST_CASE("real decks export in every mode", "[pug][real]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the real decks were not exported");
    return;
  }
  const char* modes[] = {"", "--builds", "--handout", "--notes-only", "--pdfpc --slide-numbers"};
  int k = 0;
  for (const RealDeck& d : decks) {
    for (const char* mode : modes) {
      std::string out = test::temp_dir() + "/real" + std::to_string(++k) + ".pdf";
      test::RunResult r = test::run_deckpdf(std::string(mode) + " -o '" + out + "' '" + shared +
                                            "/corpus/real/" + d.path + "'");
      INFO(d.path << " " << mode << "\n" << r.err.substr(0, 2000));
      CHECK(r.exit_code == 0);
      CHECK(r.err.find("error:") == std::string::npos);
      CHECK(test::read_file(out).rfind("%PDF-", 0) == 0);
    }
  }
}

TEST_CASE("real decks: --dump=html is pug.js's tree", "[pug][real]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) return;
  if (!pugjs_present()) {
    WARN(
        "node or the pug package is absent (npm install pug; set NODE_PATH): "
        "the real decks were not compared with pug.js");
    return;
  }
  std::string oracle = test::source_dir() + "/tests/pug/pugjs-oracle.js";
  for (const RealDeck& d : decks) {
    if (!d.oracle) continue;
    std::string deck = shared + "/corpus/real/" + d.path;
    std::string ref = test::temp_dir() + "/pugjs.html";
    REQUIRE(std::system(("node '" + oracle + "' '" + deck + "' " + d.oracle_flags + " >'" + ref +
                         "' 2>/dev/null")
                            .c_str()) == 0);
    test::RunResult ours = test::run_deckpdf("--dump=html '" + deck + "'");
    INFO(d.path);
    CHECK(test::html_tree_diff(ours.out, test::read_file(ref)) == "");
  }
}

TEST_CASE("real decks: a talk's Stylus sheets apply, its CoffeeScript is named", "[pug][real]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) return;
  std::string deck = shared + "/corpus/real/03-yin-yang/index.pug";
  test::RunResult r = test::run_deckpdf("--dump=html '" + deck + "'");
  INFO(r.err.substr(0, 2000));
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("error:") == std::string::npos);
  CHECK(r.err.find("index.pug:36:7: warning: filter ':coffee-script' in a script") !=
        std::string::npos);
  // From index.styl (`/h2 &` inside `cite`) and yinyang.styl (a variable).
  CHECK(r.out.find("h2 cite {\n  font-size: 85%;\n}") != std::string::npos);
  CHECK(r.out.find("svg .grid line {\n  stroke-width: 0.05;") != std::string::npos);
  CHECK(r.out.find(".puzzle,\n.figure {\n  white-space: pre;") != std::string::npos);
  // Its CoffeeScript Reveal.initialize: 1100 x 768 slides, center: false.
  std::string out = test::temp_dir() + "/yin-yang.pdf";
  test::RunResult e = test::run_deckpdf("-o '" + out + "' '" + deck + "'");
  CHECK(e.exit_code == 0);
  CHECK(e.err.find("reveal-options-ignored") == std::string::npos);
  test::PdfDoc doc = test::pdf_read(out);
  REQUIRE(doc.pages.size() == 27);
  CHECK(doc.pages[6].width_pt / doc.pages[6].height_pt == Approx(1100.0 / 768));
  REQUIRE(!doc.pages[6].words.empty());
  CHECK(doc.pages[6].words[0].text.rfind("Our", 0) == 0);  // "Our Results", at the top
  CHECK(doc.pages[6].words[0].y < doc.pages[6].height_pt * 0.1);
}
