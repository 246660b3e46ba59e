// tests/pug/conformance_test.cpp — the reference compiler's own cases.
//
// For each ../shared/conformance/pug/NAME.pug: parse, write with
// dom::to_html, and compare with NAME.html as trees (html_tree.h). Cases in
// conformance_skips.txt are reported as skipped with their reason.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "pug/html_tree.h"
#include "pug/pug_helpers.h"
#include "support/paths.h"

namespace fs = std::filesystem;
using namespace deckpdf;

namespace {

std::map<std::string, std::string> skips() {
  std::map<std::string, std::string> out;
  std::istringstream in(test::read_file(test::source_dir() + "/tests/pug/conformance_skips.txt"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t sp = line.find_first_of(" \t");
    std::string name = line.substr(0, sp);
    std::string reason =
        sp == std::string::npos ? "" : line.substr(line.find_first_not_of(" \t", sp));
    out[name] = reason;
  }
  return out;
}

}  // namespace

TEST_CASE("every skipped conformance case has a reason", "[pug][conformance]") {
  for (const auto& [name, reason] : skips()) {
    INFO(name);
    CHECK(!reason.empty());
  }
}

TEST_CASE("pug conformance cases give the reference compiler's tree", "[pug][conformance]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the Pug conformance cases were not run");
    return;
  }
  fs::path dir = fs::path(shared) / "conformance" / "pug";
  std::vector<fs::path> cases;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".pug") cases.push_back(e.path());
  }
  std::sort(cases.begin(), cases.end());
  REQUIRE(!cases.empty());
  auto skip = skips();
  size_t passed = 0, skipped = 0;
  for (const fs::path& pug : cases) {
    std::string name = pug.stem().string();
    if (skip.count(name)) {
      WARN("skipped conformance case " << name << ": " << skip[name]);
      ++skipped;
      continue;
    }
    fs::path html = pug;
    html.replace_extension(".html");
    test::PugResult r = test::pug_run(test::read_file(pug.string()), pug.string());
    std::string diff = test::html_tree_diff(r.html, test::read_file(html.string()));
    INFO("case " << name << "\n" << r.printed() << "ours: " << r.html);
    CHECK(!r.diags.has_errors());
    CHECK(diff == "");
    if (diff.empty() && !r.diags.has_errors()) ++passed;
  }
  WARN("pug conformance: " << cases.size() << " cases, " << passed << " passed, " << skipped
                           << " skipped (tests/pug/conformance_skips.txt)");
  CHECK(passed + skipped == cases.size());
}
