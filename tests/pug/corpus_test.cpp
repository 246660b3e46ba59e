// tests/pug/corpus_test.cpp — real decks: every ../shared/corpus/*.pug and
// the seed deck ../shared/seeds/beam.pug must give the tree of the HTML the
// reference compiler made of it (compared as trees, see html_tree.h), with
// no diagnostic at all.
#include <catch2/catch.hpp>
#include <filesystem>

#include "pug/html_tree.h"
#include "pug/pug_helpers.h"
#include "support/paths.h"

namespace fs = std::filesystem;
using namespace deckpdf;

namespace {

void check_deck(const fs::path& pug) {
  fs::path html = pug;
  html.replace_extension(".html");
  test::PugResult r = test::pug_run(test::read_file(pug.string()), pug.string());
  INFO(pug.filename().string() << "\n" << r.printed());
  CHECK(r.diags.items().empty());
  CHECK(test::html_tree_diff(r.html, test::read_file(html.string())) == "");
}

}  // namespace

TEST_CASE("corpus decks give the reference compiler's tree", "[pug][corpus]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the corpus decks were not checked");
    return;
  }
  std::vector<fs::path> decks;
  for (const auto& e : fs::directory_iterator(fs::path(shared) / "corpus")) {
    if (e.path().extension() == ".pug") decks.push_back(e.path());
  }
  std::sort(decks.begin(), decks.end());
  REQUIRE(decks.size() >= 5);
  for (const fs::path& pug : decks) check_deck(pug);
}

TEST_CASE("the seed deck gives the reference compiler's tree", "[pug][corpus]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the seed deck was not checked");
    return;
  }
  check_deck(fs::path(shared) / "seeds" / "beam.pug");
}

TEST_CASE("a corpus deck with CRLF line ends gives the same tree and positions", "[pug][corpus]") {
  std::string shared = test::shared_dir();
  if (shared.empty()) {
    WARN("../shared/ is absent: the CRLF check was not run");
    return;
  }
  std::string lf = test::read_file(shared + "/seeds/beam.pug");
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  test::PugResult a = test::pug_run(lf);
  test::PugResult b = test::pug_run(crlf);
  CHECK(a.html == b.html);
  REQUIRE(a.doc.nodes.size() == b.doc.nodes.size());
  for (size_t i = 0; i < a.doc.nodes.size(); ++i) {
    LineCol la = a.source.line_col(a.doc.nodes[i].span.begin);
    LineCol lb = b.source.line_col(b.doc.nodes[i].span.begin);
    CHECK(la.line == lb.line);
    CHECK(la.col == lb.col);
  }
}
