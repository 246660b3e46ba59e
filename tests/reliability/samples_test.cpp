// Every sample deck, in every mode, exports to a PDF that qpdf checks clean
// and poppler reads without a warning.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "reliability/reliability.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> decks_in(const std::string& dir) {
  std::vector<std::string> files;
  if (dir.empty() || !fs::is_directory(dir)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pug") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

void check_every_mode(const std::vector<std::string>& decks) {
  REQUIRE(std::system("command -v qpdf >/dev/null 2>&1") == 0);  // apt-get install qpdf
  const std::vector<std::string> modes = {"",
                                          "--builds",
                                          "--slide-numbers",
                                          "--builds --slide-numbers --size 4:3",
                                          "--handout",
                                          "--handout=notes-below --paper Letter",
                                          "--handout=4-up",
                                          "--handout=3-up-ruled",
                                          "--notes-only"};
  int n = 0;
  for (const std::string& deck : decks) {
    for (const std::string& mode : modes) {
      std::string out = test::temp_dir() + "/every-mode" + std::to_string(++n) + ".pdf";
      test::TimedRun r = test::run_with_env("SOURCE_DATE_EPOCH=1700000000",
                                            "'" + deck + "' -o '" + out + "' " + mode);
      CAPTURE(deck, mode, r.err);
      REQUIRE(r.exit_code == 0);
      CHECK_FALSE(test::sanitizer_report(r.err));
      std::string qpdf = "qpdf --check '" + out + "' >'" + out + ".qpdf' 2>&1";
      int q = std::system(qpdf.c_str());
      CAPTURE(test::read_file(out + ".qpdf"));
      CHECK(q == 0);
      test::PdfDoc doc = test::pdf_read(out);
      CHECK(doc.loaded);
      CHECK(doc.warnings.empty());
      CHECK(!doc.pages.empty());
    }
  }
}

}  // namespace

TEST_CASE("every sample in every mode passes qpdf --check and reads without warnings",
          "[reliability][pdf]") {
  std::vector<std::string> decks = decks_in(test::source_dir() + "/samples");
  REQUIRE(decks.size() >= 2);
  check_every_mode(decks);
}

TEST_CASE("every corpus deck in every mode passes qpdf --check", "[reliability][pdf]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is not beside the repository; the corpus decks were not exported");
    return;
  }
  std::vector<std::string> decks = decks_in(shared + "/corpus");
  REQUIRE(decks.size() >= 1);
  check_every_mode(decks);
}
