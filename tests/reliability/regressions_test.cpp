// Every input a fuzz target crashed on (or that broke a promise such as a
// span inside the text), replayed through the real binary in every mode.
// Each file in regressions/ says in its name what it was; fuzz/README.md
// says how to add one.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "reliability/reliability.h"

using namespace deckpdf;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> regression_files() {
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(test::source_dir() + "/tests/reliability/regressions")) {
    if (e.path().extension() == ".pug") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("every fuzz regression gives a PDF or a diagnostic, in every mode", "[reliability]") {
  std::vector<std::string> files = regression_files();
  REQUIRE(files.size() >= 1);
  const std::vector<std::string> modes = {"",
                                          "--builds",
                                          "--dump=html",
                                          "--dump=json",
                                          "--check",
                                          "--builds --slide-numbers --size 4:3",
                                          "--handout",
                                          "--notes-only"};
  int n = 0;
  for (const std::string& file : files) {
    for (const std::string& mode : modes) {
      std::string out = test::temp_dir() + "/regression" + std::to_string(++n) + ".pdf";
      test::TimedRun r = test::run_with_env("SOURCE_DATE_EPOCH=1700000000",
                                            "'" + file + "' -o '" + out + "' " + mode);
      CAPTURE(file, mode, r.exit_code, r.err.substr(0, 2000));
      CHECK(r.exit_code >= 0);
      CHECK(r.exit_code <= 3);  // a documented exit code, never a crash or internal error
      CHECK_FALSE(test::sanitizer_report(r.err));
      CHECK_FALSE(test::has(r.err, "internal error"));
      if (r.exit_code != 0) CHECK(test::has(r.err, "error"));
      bool writes_pdf = mode.find("--dump") == std::string::npos && mode != "--check";
      if (r.exit_code == 0 && writes_pdf) {
        CHECK(test::read_file(out).rfind("%PDF-", 0) == 0);
      }
      CHECK(r.seconds < test::time_limit());
    }
  }
}
