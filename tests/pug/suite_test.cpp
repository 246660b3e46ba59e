// tests/pug/suite_test.cpp — the reference compiler's whole test suite
// (../shared/conformance/pug-suite/): every case in cases/ and
// cases-es2015/ gives pug's tree (html_tree.h: whitespace between tags
// ignored); every anti-case is refused with an error. Cases out of scope
// are listed with their reason in suite_skips.txt.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <sstream>

#include "pug/html_tree.h"
#include "pug/pug_helpers.h"
#include "support/paths.h"

namespace fs = std::filesystem;
using namespace deckpdf;

namespace {

std::map<std::string, std::string> suite_skips() {
  std::map<std::string, std::string> out;
  std::istringstream in(test::read_file(test::source_dir() + "/tests/pug/suite_skips.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    out[line.substr(0, sp)] =
        sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
  }
  return out;
}

std::vector<fs::path> pug_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pug") out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// What pug's own runner (packages/pug/test/run-utils.js) renders every case
// with: `fn({title: 'Pug'})`.
const std::string runner_locals = R"({"title": "Pug"})";

}  // namespace

TEST_CASE("every skipped suite case has a reason", "[pug][suite]") {
  for (const auto& [name, reason] : suite_skips()) {
    INFO(name);
    CHECK(!reason.empty());
  }
}

TEST_CASE("pug-suite: the reference compiler's cases give its tree", "[pug][suite]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the pug suite was not run");
    return;
  }
  fs::path root = fs::path(shared) / "conformance" / "pug-suite";
  auto skip = suite_skips();
  size_t total = 0, passed = 0, skipped = 0;
  for (const char* folder : {"cases", "cases-es2015"}) {
    for (const fs::path& pug : pug_files(root / folder)) {
      std::string name = std::string(folder) + "/" + pug.stem().string();
      ++total;
      if (skip.count(name)) {
        ++skipped;
        continue;
      }
      fs::path html = pug;
      html.replace_extension(".html");
      test::PugResult r =
          test::pug_run(test::read_file(pug.string()), pug.string(), true, runner_locals);
      std::string diff = test::html_tree_diff(r.html, test::read_file(html.string()));
      INFO("case " << name << "\n" << r.printed() << "ours: " << r.html);
      CHECK(!r.diags.has_errors());
      CHECK(diff == "");
      if (diff.empty() && !r.diags.has_errors()) ++passed;
    }
  }
  WARN("pug-suite: " << total << " cases, " << passed << " passed, " << skipped
                     << " skipped (tests/pug/suite_skips.txt)");
  CHECK(passed + skipped == total);
}

TEST_CASE("pug-suite: every anti-case is refused with an error", "[pug][suite]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) return;
  auto skip = suite_skips();
  size_t total = 0, refused = 0, skipped = 0;
  for (const fs::path& pug : pug_files(fs::path(shared) / "conformance/pug-suite/anti-cases")) {
    std::string name = "anti-cases/" + pug.stem().string();
    ++total;
    if (skip.count(name)) {
      ++skipped;
      continue;
    }
    test::PugResult r = test::pug_run(test::read_file(pug.string()), pug.string());
    INFO("anti-case " << name << "\nours: " << r.html);
    CHECK(r.diags.has_errors());
    refused += r.diags.has_errors() ? 1 : 0;
  }
  WARN("pug-suite: " << total << " anti-cases, " << refused << " refused, " << skipped
                     << " skipped");
  CHECK(refused + skipped == total);
}
