// Outputs replaced together: a PDF and its .pdfpc are both written or
// neither is changed (cli/atomic_write.h's OutputGroup), from the command
// line and when a rename fails after every file was written.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>

#include "cli/atomic_write.h"
#include "cli/cli_helpers.h"
#include "support/paths.h"
#include "support/pdf_reader.h"

using namespace deckpdf;
using test::files_in;
using test::has;
using test::tmp;
namespace fs = std::filesystem;

namespace {

std::string fresh_dir(const std::string& name) {
  std::string dir = tmp(name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  test::write_file(dir + "/talk.pug",
                   "section\n  h1 One\n  aside.notes Say one\nsection\n  h1 Two\n");
  return dir;
}

}  // namespace

TEST_CASE("pdfpc: the PDF and its .pdfpc are written together or not at all", "[cli]") {
  std::string dir = fresh_dir("pdfpc-together");
  std::string pug = dir + "/talk.pug", pdf = dir + "/talk.pdf", pdfpc = dir + "/talk.pdfpc";

  // Both written.
  auto r = test::run_deckpdf("'" + pug + "' --pdfpc -v");
  CHECK(r.exit_code == 0);
  CHECK(has(r.err, "wrote " + pdf + " (2 pages, "));
  CHECK(has(r.err, "wrote " + pdfpc + "\n"));
  CHECK(test::pdf_read(pdf).pages.size() == 2);
  CHECK(has(test::read_file(pdfpc), "Say one"));

  // The .pdfpc cannot be written (a folder is in its place): the PDF is
  // left as it was.
  test::write_file(pdf, "old pdf");
  fs::remove(pdfpc);
  fs::create_directories(pdfpc);
  r = test::run_deckpdf("'" + pug + "' --pdfpc");
  CHECK(r.exit_code == 3);
  CHECK(r.err == "deckpdf: error: will not write '" + pdfpc +
                     "': it is a directory; deckpdf replaces only regular files (give -o - for "
                     "standard output, or --check to write nothing)\n");
  CHECK(test::read_file(pdf) == "old pdf");

  // The PDF cannot be written: the .pdfpc is left as it was.
  fs::remove(pdfpc);
  test::write_file(pdfpc, "old pdfpc");
  fs::remove(pdf);
  fs::create_directories(pdf);
  r = test::run_deckpdf("'" + pug + "' --pdfpc");
  CHECK(r.exit_code == 3);
  CHECK(has(r.err, "will not write '" + pdf + "': it is a directory"));
  CHECK(test::read_file(pdfpc) == "old pdfpc");
  CHECK(files_in(dir, ".talk.").empty());  // no temporary files left
}

TEST_CASE("an output group puts the old files back when a rename fails", "[cli]") {
  std::string dir = tmp("group-rollback");
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string a = dir + "/a.pdf", b = dir + "/a.pdfpc", c = dir + "/c.pdf";
  test::write_file(a, "old a");
  std::string error;
  {
    cli::OutputGroup group;
    REQUIRE(group.add(a, "new a", error));
    REQUIRE(group.add(c, "new c", error));  // c did not exist
    REQUIRE(group.add(b, "new b", error));
    // Between writing and renaming, b's place becomes a folder that is not
    // empty: its rename fails, after a's and c's succeeded.
    fs::create_directories(b);
    test::write_file(b + "/x", "x");
    CHECK_FALSE(group.commit(error));
    CHECK(has(error, "cannot replace '" + b + "'"));
  }
  CHECK(test::read_file(a) == "old a");
  CHECK_FALSE(fs::exists(c));
  CHECK(files_in(dir) == std::set<std::string>{"a.pdf", "a.pdfpc"});

  // Without a failure, all in place and nothing else left.
  fs::remove_all(b);
  {
    cli::OutputGroup group;
    REQUIRE(group.add(a, "new a", error));
    REQUIRE(group.add(b, "new b", error));
    CHECK(group.commit(error));
  }
  CHECK(test::read_file(a) == "new a");
  CHECK(test::read_file(b) == "new b");
  CHECK(files_in(dir) == std::set<std::string>{"a.pdf", "a.pdfpc"});

  // A group not committed leaves nothing behind.
  {
    cli::OutputGroup group;
    REQUIRE(group.add(a, "newer a", error));
  }
  CHECK(test::read_file(a) == "new a");
  CHECK(files_in(dir) == std::set<std::string>{"a.pdf", "a.pdfpc"});
}
